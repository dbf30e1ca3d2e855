import { parseForm } from '$lib/forms/parse-form';
import { verwijzingInputSchema } from '$lib/domain/referral/schemas';
import { getDb } from '$lib/server/db';
import { createReferral } from '$lib/server/services/referrals';
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';

const ARRAYS = ['doelgroepen', 'zorgbehoeften', 'settings'] as const;

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const parsed = parseForm(verwijzingInputSchema, await request.formData(), ARRAYS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const result = await createReferral(getDb(), locals.user!, parsed.data);
		if (!result.ok) {
			if (result.reden === 'geen_toegang') error(403, 'Alleen verwijzers kunnen een verwijzing maken.');
			return fail(400, { errors: result.errors, values: parsed.values });
		}
		redirect(303, `/verwijzen/${result.id}`);
	}
};
