import { newAccountSchema } from '$lib/domain/account/schemas';
import { fieldError, parseForm } from '$lib/forms/parse-form';
import { createAccount, createPasswordToken } from '$lib/server/auth/accounts';
import { audit } from '$lib/server/audit';
import { getDb } from '$lib/server/db';
import { organisations, users } from '$lib/server/db/schema';
import { sendMail } from '$lib/server/mail';
import { listRegions, organisationIdsInRegion, regionWithChildren } from '$lib/server/repositories/regions';
import { usersVisibleInRegion } from '$lib/server/repositories/users';
import { error, fail } from '@sveltejs/kit';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';

async function scope(regionId: string | null) {
	const db = getDb();
	if (!regionId) return { regionIds: [] as string[], organisationIds: [] as string[] };
	return {
		regionIds: await regionWithChildren(db, regionId),
		organisationIds: await organisationIdsInRegion(db, regionId)
	};
}

export const load: PageServerLoad = async ({ locals }) => {
	const db = getDb();
	const { regionIds, organisationIds } = await scope(locals.user!.regionId);
	const [gebruikers, organisaties, regios] = await Promise.all([
		usersVisibleInRegion(db, regionIds, organisationIds),
		organisationIds.length
			? db
					.select({ id: organisations.id, naam: organisations.naam })
					.from(organisations)
					.where(inArray(organisations.id, organisationIds))
					.orderBy(asc(organisations.naam))
			: [],
		listRegions(db)
	]);
	return { gebruikers, organisaties, regios: regios.filter((r) => regionIds.includes(r.id)) };
};

async function inviteLink(origin: string, userId: string, purpose: 'uitnodiging' | 'reset') {
	const token = await createPasswordToken(getDb(), userId, purpose);
	return `${origin}/wachtwoord/nieuw?token=${token}`;
}

export const actions: Actions = {
	aanmaken: async ({ request, locals, url }) => {
		const parsed = parseForm(newAccountSchema, await request.formData(), ['organisationIds']);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const db = getDb();
		const { regionIds, organisationIds } = await scope(locals.user!.regionId);
		const input = parsed.data;
		if (input.regionId && !regionIds.includes(input.regionId))
			error(403, 'Deze regio valt buiten uw netwerk.');
		if (input.organisationIds.some((id) => !organisationIds.includes(id)))
			error(403, 'Deze organisatie valt buiten uw netwerk.');
		if (input.role === 'organisatie' && input.organisationIds.length === 0) {
			return fail(400, {
				errors: fieldError('organisationIds', 'Kies minstens één organisatie voor deze redacteur.'),
				values: parsed.values
			});
		}
		const [bestaand] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
		if (bestaand)
			return fail(400, {
				errors: fieldError('email', 'Er is al een account met dit e-mailadres.'),
				values: parsed.values
			});
		const userId = await createAccount(db, locals.user!, {
			...input,
			regionId: input.regionId ?? (input.role === 'beheerder' ? locals.user!.regionId : null)
		});
		const link = await inviteLink(url.origin, userId, 'uitnodiging');
		const via = await sendMail({
			to: input.email,
			subject: 'Uitnodiging Regiokaart Palliatieve Zorg',
			text: `Beste ${input.naam},\n\nU heeft een account gekregen op de Regiokaart Palliatieve Zorg. Kies uw wachtwoord via deze link (72 uur geldig):\n${link}\n`
		});
		return { aangemaakt: { email: input.email, link: via === 'log' ? link : null } };
	},
	resetlink: async ({ request, locals, url }) => {
		const userId = String((await request.formData()).get('userId') ?? '');
		const db = getDb();
		const { regionIds, organisationIds } = await scope(locals.user!.regionId);
		const zichtbaar = await usersVisibleInRegion(db, regionIds, organisationIds);
		const user = zichtbaar.find((u) => u.id === userId);
		if (!user) error(404, 'Deze gebruiker bestaat niet of valt buiten uw netwerk.');
		const link = await inviteLink(url.origin, user.id, user.heeftWachtwoord ? 'reset' : 'uitnodiging');
		await audit(db, locals.user!, {
			action: 'wachtwoordlink_gemaakt',
			entityType: 'user',
			entityId: user.id
		});
		const via = await sendMail({
			to: user.email,
			subject: 'Nieuw wachtwoord instellen – Regiokaart Palliatieve Zorg',
			text: `Beste ${user.naam},\n\nStel een nieuw wachtwoord in via deze link:\n${link}\n`
		});
		return { reset: { email: user.email, link: via === 'log' ? link : null } };
	}
};
