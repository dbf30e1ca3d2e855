import { newUserSchema } from '$lib/domain/admin/users';
import { AdminError } from '$lib/domain/admin/common';
import { parseForm } from '$lib/forms/parse-form';
import { getDb } from '$lib/server/db';
import { sendMail } from '$lib/server/mail';
import {
	adminScope,
	createPasswordLink,
	createUser,
	formOptions,
	listUsers
} from '$lib/server/services/admin-users';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const db = getDb();
	try {
		const scope = await adminScope(db, locals.user!);
		const [gebruikers, options] = await Promise.all([listUsers(db, locals.user!), formOptions(db, scope)]);
		return { gebruikers, ...options };
	} catch (e) {
		if (e instanceof AdminError) error(e.status, e.message);
		throw e;
	}
};

/** A refused action: field problems and conflicts go back to the form (with what was typed), the rest is an error page. */
function refuse(e: unknown, formulier: string, values: Record<string, unknown>) {
	if (e instanceof AdminError) {
		if (e.status === 400 || e.status === 409)
			return fail(e.status, { formulier, message: e.message, errors: e.errors, values });
		error(e.status, e.message);
	}
	throw e;
}

export const actions: Actions = {
	aanmaken: async ({ request, locals, url }) => {
		const parsed = parseForm(newUserSchema, await request.formData(), ['organisationIds']);
		if (!parsed.ok) return fail(400, { formulier: 'aanmaken', errors: parsed.errors, values: parsed.values });
		let created;
		try {
			created = await createUser(getDb(), locals.user!, parsed.data);
		} catch (e) {
			return refuse(e, 'aanmaken', parsed.values);
		}
		const link = `${url.origin}/wachtwoord/nieuw?token=${created.token}`;
		const via = await sendMail({
			to: created.email,
			subject: 'Uitnodiging Regiokaart Palliatieve Zorg',
			text: `Beste ${created.naam},\n\nU heeft een account gekregen op de Regiokaart Palliatieve Zorg. Kies uw wachtwoord via deze link (72 uur geldig):\n${link}\n`
		});
		return {
			aangemaakt: { email: created.email, userId: created.userId, link: via === 'log' ? link : null }
		};
	},
	resetlink: async ({ request, locals, url }) => {
		const userId = String((await request.formData()).get('userId') ?? '');
		let made;
		try {
			made = await createPasswordLink(getDb(), locals.user!, userId);
		} catch (e) {
			return refuse(e, 'resetlink', {});
		}
		const link = `${url.origin}/wachtwoord/nieuw?token=${made.token}`;
		const via = await sendMail({
			to: made.email,
			subject:
				made.purpose === 'uitnodiging'
					? 'Uitnodiging Regiokaart Palliatieve Zorg'
					: 'Nieuw wachtwoord instellen – Regiokaart Palliatieve Zorg',
			text: `Beste ${made.naam},\n\nStel ${made.purpose === 'uitnodiging' ? 'uw' : 'een nieuw'} wachtwoord in via deze link:\n${link}\n`
		});
		return { reset: { email: made.email, link: via === 'log' ? link : null } };
	}
};
