import { locationInputSchema, organisationInputSchema } from '$lib/domain/organisation/schemas';
import { formValues, parseForm } from '$lib/forms/parse-form';
import { getDb } from '$lib/server/db';
import { getRegion } from '$lib/server/repositories/regions';
import { actorOf, attempt, formOptions, splitFirstLocation } from '$lib/server/services/organisation-forms';
import { createOrganisation, FIRST_LOCATION_PREFIX } from '$lib/server/services/organisations';
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const db = getDb();
	const regionId = locals.user!.regionId;
	if (!regionId) error(403, 'Uw account is nog niet aan een netwerk gekoppeld.');
	const region = await getRegion(db, regionId);
	return { region: { naam: region?.naam ?? '' }, types: (await formOptions(db)).types };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const formData = await request.formData();
		const values = formValues(formData);
		const { organisation, location } = splitFirstLocation(formData);
		const org = parseForm(organisationInputSchema, organisation);
		const loc = parseForm(locationInputSchema, location);
		if (!org.ok || !loc.ok) {
			const errors = {
				...(org.ok ? {} : org.errors),
				...Object.fromEntries(
					Object.entries(loc.ok ? {} : loc.errors).map(([k, v]) => [`${FIRST_LOCATION_PREFIX}${k}`, v])
				)
			};
			return fail(400, {
				errors,
				message: 'Niet alles is goed ingevuld. Verbeter de gemarkeerde velden.',
				values
			});
		}
		const result = await attempt(values, () =>
			createOrganisation(getDb(), actorOf(locals), org.data, loc.data)
		);
		if (!result.ok) return result.failure;
		redirect(303, `/beheer/organisaties/${result.value.slug}?opgeslagen=organisatie`);
	}
};
