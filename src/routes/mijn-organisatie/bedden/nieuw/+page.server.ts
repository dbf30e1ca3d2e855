import { bedUnitSchema } from '$lib/domain/availability/schemas';
import { parseForm } from '$lib/forms/parse-form';
import { getDb } from '$lib/server/db';
import { listLocations } from '$lib/server/repositories/beds';
import { organisationsOfUser } from '$lib/server/repositories/users';
import { createBedUnit } from '$lib/server/services/beds';
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const db = getDb();
	const organisaties = await organisationsOfUser(db, locals.user!.id);
	return {
		organisaties,
		locaties: await listLocations(
			db,
			organisaties.map((o) => o.id)
		)
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const parsed = parseForm(bedUnitSchema, await request.formData(), ['doelgroepen', 'voorwaarden']);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const result = await createBedUnit(getDb(), locals.user!, parsed.data);
		if (result.ok) redirect(303, `/mijn-organisatie/bedden/${result.id}`);
		if (result.reason === 'ongeldig') return fail(400, { errors: result.errors, values: parsed.values });
		error(403, 'U mag bij deze locatie geen beddeneenheid toevoegen.');
	}
};
