import { newPasswordSchema } from '$lib/domain/account/schemas';
import { parseForm } from '$lib/forms/parse-form';
import { findPasswordToken, usePasswordToken } from '$lib/server/auth/accounts';
import { getDb } from '$lib/server/db';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const token = url.searchParams.get('token') ?? '';
	const found = token ? await findPasswordToken(getDb(), token) : null;
	return { token, geldig: !!found, email: found?.email ?? null, purpose: found?.purpose ?? null };
};

export const actions: Actions = {
	default: async ({ request, url }) => {
		const token = url.searchParams.get('token') ?? '';
		const parsed = parseForm(newPasswordSchema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		const ok = await usePasswordToken(getDb(), token, parsed.data.password);
		if (!ok)
			return fail(400, {
				message: 'Deze link is verlopen of al gebruikt. Vraag de beheerder om een nieuwe link.'
			});
		return { success: true };
	}
};
