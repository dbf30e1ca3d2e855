import { AdminError } from '$lib/domain/admin/common';
import {
	addGemeenteSchema,
	formatAandeel,
	removeGemeenteSchema,
	renameRegionSchema,
	updateGemeenteSchema
} from '$lib/domain/admin/regions';
import { parseForm } from '$lib/forms/parse-form';
import { getDb } from '$lib/server/db';
import {
	addGemeente,
	regionDetail,
	removeGemeente,
	renameRegion,
	updateGemeente
} from '$lib/server/services/regions';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	try {
		return {
			...(await regionDetail(getDb(), locals.user!, params.id)),
			nieuw: url.searchParams.has('nieuw')
		};
	} catch (e) {
		if (e instanceof AdminError) error(e.status, e.message);
		throw e;
	}
};

/** Field problems and conflicts go back to the right form with what was typed; 403/404 are error pages. */
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
	naam: async ({ request, locals, params }) => {
		const parsed = parseForm(renameRegionSchema, await request.formData());
		if (!parsed.ok) return fail(400, { formulier: 'naam', errors: parsed.errors, values: parsed.values });
		try {
			await renameRegion(getDb(), locals.user!, params.id, parsed.data);
			return { formulier: 'naam', gelukt: 'De naam is opgeslagen.' };
		} catch (e) {
			return refuse(e, 'naam', parsed.values);
		}
	},
	toevoegen: async ({ request, locals, params }) => {
		const parsed = parseForm(addGemeenteSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { formulier: 'toevoegen', errors: parsed.errors, values: parsed.values });
		try {
			const r = await addGemeente(getDb(), locals.user!, params.id, parsed.data);
			return {
				formulier: 'toevoegen',
				gelukt: `${r.gemeente.naam} is toegevoegd met aandeel ${formatAandeel(parsed.data.aandeel)}.`,
				opmerking: r.opmerking
			};
		} catch (e) {
			return refuse(e, 'toevoegen', parsed.values);
		}
	},
	aandeel: async ({ request, locals, params }) => {
		const parsed = parseForm(updateGemeenteSchema, await request.formData());
		const formulier = `aandeel-${String(parsed.values.gemeenteCode ?? '')}`;
		if (!parsed.ok) return fail(400, { formulier, errors: parsed.errors, values: parsed.values });
		try {
			const r = await updateGemeente(getDb(), locals.user!, params.id, parsed.data);
			return {
				formulier,
				gelukt: `Het aandeel van ${r.gemeente.naam} is nu ${formatAandeel(parsed.data.aandeel)} (was ${formatAandeel(r.gemeente.aandeel)}).`,
				opmerking: r.opmerking
			};
		} catch (e) {
			return refuse(e, formulier, parsed.values);
		}
	},
	verwijderen: async ({ request, locals, params }) => {
		const parsed = parseForm(removeGemeenteSchema, await request.formData());
		const formulier = `aandeel-${String(parsed.values.gemeenteCode ?? '')}`;
		if (!parsed.ok) return fail(400, { formulier, errors: parsed.errors, values: parsed.values });
		try {
			const r = await removeGemeente(getDb(), locals.user!, params.id, parsed.data);
			return {
				formulier,
				gelukt: `${r.gemeente.naam} is uit de regio gehaald (het aandeel was ${formatAandeel(r.gemeente.aandeel)}).`
			};
		} catch (e) {
			return refuse(e, formulier, parsed.values);
		}
	}
};
