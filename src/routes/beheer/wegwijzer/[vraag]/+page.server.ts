import { terugNaarStandaardSchema, vraagAanpassenSchema } from '$lib/domain/wegwijzer/schemas';
import { parseForm } from '$lib/forms/parse-form';
import { getDb } from '$lib/server/db';
import {
	beheerCategorieen,
	beheerVraag,
	pasVraagAan,
	terugNaarStandaard,
	WegwijzerFout
} from '$lib/server/services/wegwijzer';
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

function weigering(e: unknown): never {
	if (e instanceof WegwijzerFout) error(e.status, e.message);
	throw e;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const db = getDb();
	const detail = await beheerVraag(db, locals.user!, params.vraag, url.searchParams.get('regio')).catch(
		weigering
	);
	return {
		...detail,
		categorieen: await beheerCategorieen(db),
		opgeslagen: url.searchParams.get('opgeslagen')
	};
};

function terugNaar(url: URL, opgeslagen: string) {
	const regio = url.searchParams.get('regio');
	return `${url.pathname}?${new URLSearchParams({ ...(regio ? { regio } : {}), opgeslagen })}`;
}

export const actions: Actions = {
	opslaan: async ({ request, locals, params, url }) => {
		const parsed = parseForm(vraagAanpassenSchema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		try {
			await pasVraagAan(getDb(), locals.user!, params.vraag, url.searchParams.get('regio'), parsed.data);
		} catch (e) {
			if (e instanceof WegwijzerFout && e.status === 409)
				return fail(409, { conflict: e.message, values: parsed.values });
			weigering(e);
		}
		redirect(303, terugNaar(url, 'ja'));
	},
	standaard: async ({ request, locals, params, url }) => {
		const parsed = parseForm(terugNaarStandaardSchema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		try {
			await terugNaarStandaard(
				getDb(),
				locals.user!,
				params.vraag,
				url.searchParams.get('regio'),
				parsed.data.version
			);
		} catch (e) {
			if (e instanceof WegwijzerFout && e.status === 409)
				return fail(409, { conflict: e.message, values: {} });
			weigering(e);
		}
		redirect(303, terugNaar(url, 'standaard'));
	}
};
