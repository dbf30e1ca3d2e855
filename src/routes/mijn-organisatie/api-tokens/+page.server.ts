import { apiTokenCreateSchema } from '$lib/domain/availability/schemas';
import { parseForm } from '$lib/forms/parse-form';
import { API_RATE_LIMIT, createApiToken, revokeApiToken, tokensOfUser } from '$lib/server/auth/api-tokens';
import { getDb } from '$lib/server/db';
import { listBedUnits } from '$lib/server/repositories/beds';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const db = getDb();
	const { organisaties, tokens } = await tokensOfUser(db, locals.user!.id);
	const eenheden = await listBedUnits(
		db,
		organisaties.map((o) => o.id),
		{ activeOnly: true }
	);
	return {
		organisaties,
		tokens,
		limiet: API_RATE_LIMIT,
		eenheden: eenheden.map((u) => ({
			id: u.id,
			naam: u.naam,
			organisationId: u.organisationId,
			aantalBedden: u.aantalBedden
		}))
	};
};

export const actions: Actions = {
	aanmaken: async ({ request, locals }) => {
		const parsed = parseForm(apiTokenCreateSchema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const result = await createApiToken(getDb(), locals.user!, parsed.data);
		if (!result.ok) error(403, 'U mag voor deze organisatie geen token aanmaken.');
		// The only moment the token exists outside the client: it goes back in this response and is never stored.
		return { aangemaakt: { id: result.id, naam: result.naam, token: result.token } };
	},
	intrekken: async ({ request, locals }) => {
		const tokenId = String((await request.formData()).get('tokenId') ?? '');
		const result = await revokeApiToken(getDb(), locals.user!, tokenId);
		if (result === 'niet_gevonden') error(404, 'Dit token bestaat niet of hoort niet bij uw organisatie.');
		return { ingetrokken: { id: tokenId, al: result === 'al_ingetrokken' } };
	}
};
