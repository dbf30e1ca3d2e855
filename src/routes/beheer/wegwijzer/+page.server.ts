import { nieuweVraagSchema } from '$lib/domain/wegwijzer/schemas';
import { parseForm } from '$lib/forms/parse-form';
import { getDb } from '$lib/server/db';
import {
	beheerCategorieen,
	beheerOverzicht,
	nieuweVraag,
	WegwijzerFout
} from '$lib/server/services/wegwijzer';
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = getDb();
	try {
		const overzicht = await beheerOverzicht(db, locals.user!, url.searchParams.get('regio'));
		return {
			regio: overzicht.regio,
			regios: overzicht.regios,
			themas: overzicht.themas,
			regioNamen: Object.fromEntries(overzicht.regioNamen),
			categorieen: await beheerCategorieen(db),
			geenRegio: false
		};
	} catch (e) {
		if (e instanceof WegwijzerFout && e.status === 403 && !locals.user!.regionId)
			return { geenRegio: true as const };
		if (e instanceof WegwijzerFout) error(e.status, e.message);
		throw e;
	}
};

export const actions: Actions = {
	nieuw: async ({ request, locals, url }) => {
		const parsed = parseForm(nieuweVraagSchema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const regio = url.searchParams.get('regio');
		let slug: string;
		try {
			slug = await nieuweVraag(getDb(), locals.user!, regio, parsed.data);
		} catch (e) {
			if (e instanceof WegwijzerFout && e.status === 409)
				return fail(409, { errors: { _form: e.message }, values: parsed.values });
			if (e instanceof WegwijzerFout) error(e.status, e.message);
			throw e;
		}
		redirect(
			303,
			`/beheer/wegwijzer/${slug}?${new URLSearchParams({ ...(regio ? { regio } : {}), opgeslagen: 'nieuw' })}`
		);
	}
};
