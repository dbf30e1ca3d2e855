import { AdminError } from '$lib/domain/admin/common';
import { mergeFormInput, mergeRegionsSchema, newSubRegionSchema } from '$lib/domain/admin/regions';
import { firstErrors, formValues, parseForm } from '$lib/forms/parse-form';
import { getDb } from '$lib/server/db';
import { createSubRegion, mergeSubRegions, regionOverview } from '$lib/server/services/regions';
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	try {
		return await regionOverview(getDb(), locals.user!);
	} catch (e) {
		if (e instanceof AdminError) error(e.status, e.message);
		throw e;
	}
};

function refuse(e: unknown, formulier: string, values: Record<string, unknown>) {
	if (e instanceof AdminError) {
		if (e.status === 400 || e.status === 409)
			return fail(e.status, { formulier, message: e.message, errors: e.errors, values });
		error(e.status, e.message);
	}
	throw e;
}

export const actions: Actions = {
	subregio: async ({ request, locals }) => {
		const parsed = parseForm(newSubRegionSchema, await request.formData());
		if (!parsed.ok) return fail(400, { formulier: 'subregio', errors: parsed.errors, values: parsed.values });
		let created;
		try {
			created = await createSubRegion(getDb(), locals.user!, parsed.data);
		} catch (e) {
			return refuse(e, 'subregio', parsed.values);
		}
		redirect(303, `/beheer/regios/${created.slug}?nieuw=1`);
	},
	samenvoegen: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		const result = mergeRegionsSchema.safeParse(mergeFormInput(values));
		if (!result.success)
			return fail(400, { formulier: 'samenvoegen', errors: firstErrors(result.error), values });
		try {
			const merged = await mergeSubRegions(getDb(), locals.user!, result.data);
			return {
				formulier: 'samenvoegen',
				gelukt: `${merged.absorbed.naam} is opgegaan in ${merged.keep.naam}, dat nu ${merged.gemeenten} gemeente(n) dekt.`
			};
		} catch (e) {
			return refuse(e, 'samenvoegen', values);
		}
	}
};
