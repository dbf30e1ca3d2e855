import { AdminError } from '$lib/domain/admin/common';
import { editUserWithRulesSchema, membershipsSchema, userStatusSchema } from '$lib/domain/admin/users';
import { parseForm } from '$lib/forms/parse-form';
import { getDb } from '$lib/server/db';
import { sendMail } from '$lib/server/mail';
import {
	createPasswordLink,
	setUserActive,
	updateMemberships,
	updateUser,
	userForAdmin
} from '$lib/server/services/admin-users';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	try {
		return await userForAdmin(getDb(), locals.user!, params.id);
	} catch (e) {
		if (e instanceof AdminError) error(e.status, e.message);
		throw e;
	}
};

/** Field problems and conflicts go back to the form with what was typed; 403/404 are error pages. */
function refuse(e: unknown, formulier: string, values: Record<string, unknown>) {
	if (e instanceof AdminError) {
		if (e.status === 400 || e.status === 409)
			return fail(e.status, {
				formulier,
				message: e.message,
				errors: e.errors,
				values,
				conflict: e.status === 409
			});
		error(e.status, e.message);
	}
	throw e;
}

export const actions: Actions = {
	opslaan: async ({ request, locals, params }) => {
		const parsed = parseForm(editUserWithRulesSchema, await request.formData(), ['organisationIds']);
		if (!parsed.ok) return fail(400, { formulier: 'opslaan', errors: parsed.errors, values: parsed.values });
		try {
			const result = await updateUser(getDb(), locals.user!, params.id, parsed.data);
			return {
				formulier: 'opslaan',
				gelukt:
					result.sessiesBeeindigd > 0
						? `De wijzigingen zijn opgeslagen. De rol is veranderd: de gebruiker is op ${result.sessiesBeeindigd} apparaat/apparaten uitgelogd.`
						: 'De wijzigingen zijn opgeslagen.'
			};
		} catch (e) {
			return refuse(e, 'opslaan', parsed.values);
		}
	},
	organisaties: async ({ request, locals, params }) => {
		const parsed = parseForm(membershipsSchema, await request.formData(), ['organisationIds']);
		if (!parsed.ok)
			return fail(400, { formulier: 'organisaties', errors: parsed.errors, values: parsed.values });
		try {
			await updateMemberships(getDb(), locals.user!, params.id, parsed.data);
			return { formulier: 'organisaties', gelukt: 'De organisaties zijn opgeslagen.' };
		} catch (e) {
			return refuse(e, 'organisaties', parsed.values);
		}
	},
	deactiveren: async ({ request, locals, params }) => {
		const parsed = parseForm(userStatusSchema, await request.formData());
		if (!parsed.ok) return fail(400, { formulier: 'status', errors: parsed.errors, values: {} });
		try {
			const result = await setUserActive(getDb(), locals.user!, params.id, false, parsed.data.version);
			return {
				formulier: 'status',
				gelukt: `Het account is gedeactiveerd. ${result.sessiesBeeindigd === 0 ? 'Er waren geen open sessies.' : `${result.sessiesBeeindigd} open sessie(s) zijn beëindigd.`} Openstaande wachtwoordlinks werken niet meer.`
			};
		} catch (e) {
			return refuse(e, 'status', {});
		}
	},
	activeren: async ({ request, locals, params }) => {
		const parsed = parseForm(userStatusSchema, await request.formData());
		if (!parsed.ok) return fail(400, { formulier: 'status', errors: parsed.errors, values: {} });
		try {
			await setUserActive(getDb(), locals.user!, params.id, true, parsed.data.version);
			return {
				formulier: 'status',
				gelukt: 'Het account is weer actief. Maak zo nodig een nieuwe wachtwoordlink.'
			};
		} catch (e) {
			return refuse(e, 'status', {});
		}
	},
	resetlink: async ({ locals, params, url }) => {
		let made;
		try {
			made = await createPasswordLink(getDb(), locals.user!, params.id);
		} catch (e) {
			return refuse(e, 'link', {});
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
		return { formulier: 'link', link: { email: made.email, url: via === 'log' ? link : null } };
	}
};
