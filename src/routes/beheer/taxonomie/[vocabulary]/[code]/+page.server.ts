import { AdminError } from '$lib/domain/admin/common';
import { editTermSchema, termStatusSchema } from '$lib/domain/admin/taxonomy';
import { parseForm } from '$lib/forms/parse-form';
import { getDb } from '$lib/server/db';
import { setTermActive, termForAdmin, updateTerm } from '$lib/server/services/taxonomy';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	try {
		return await termForAdmin(getDb(), locals.user!, params.vocabulary, params.code);
	} catch (e) {
		if (e instanceof AdminError) error(e.status, e.message);
		throw e;
	}
};

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
		const parsed = parseForm(editTermSchema, await request.formData());
		if (!parsed.ok) return fail(400, { formulier: 'opslaan', errors: parsed.errors, values: parsed.values });
		try {
			const r = await updateTerm(getDb(), locals.user!, params.vocabulary, params.code, parsed.data);
			const n = Object.keys(r.changes).length;
			return {
				formulier: 'opslaan',
				gelukt:
					n === 0
						? 'Er was niets gewijzigd.'
						: 'De term is opgeslagen. De wijziging geldt voor alle netwerken.'
			};
		} catch (e) {
			return refuse(e, 'opslaan', parsed.values);
		}
	},
	uitzetten: async ({ request, locals, params }) => {
		const parsed = parseForm(termStatusSchema, await request.formData());
		if (!parsed.ok) return fail(400, { formulier: 'status', errors: parsed.errors, values: {} });
		try {
			await setTermActive(getDb(), locals.user!, params.vocabulary, params.code, false, parsed.data.version);
			return {
				formulier: 'status',
				gelukt:
					'De term staat uit: hij wordt niet meer aangeboden bij nieuwe invoer. Bestaande gegevens houden hem.'
			};
		} catch (e) {
			return refuse(e, 'status', {});
		}
	},
	aanzetten: async ({ request, locals, params }) => {
		const parsed = parseForm(termStatusSchema, await request.formData());
		if (!parsed.ok) return fail(400, { formulier: 'status', errors: parsed.errors, values: {} });
		try {
			await setTermActive(getDb(), locals.user!, params.vocabulary, params.code, true, parsed.data.version);
			return { formulier: 'status', gelukt: 'De term staat weer aan.' };
		} catch (e) {
			return refuse(e, 'status', {});
		}
	}
};
