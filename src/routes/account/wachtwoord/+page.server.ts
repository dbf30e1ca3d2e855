import { changePasswordSchema } from '$lib/domain/account/schemas';
import { fieldError, parseForm } from '$lib/forms/parse-form';
import { changePassword } from '$lib/server/auth/accounts';
import {
	cookieSecure,
	createSession,
	generateSessionToken,
	setSessionCookie
} from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { env } from '$lib/server/env';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ email: locals.user!.email });

export const actions: Actions = {
	default: async ({ request, locals, cookies, url }) => {
		const parsed = parseForm(changePasswordSchema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		const db = getDb();
		const changed = await changePassword(db, locals.user!.id, parsed.data.huidig, parsed.data.password);
		if (!changed) return fail(400, { errors: fieldError('huidig', 'Uw huidige wachtwoord klopt niet.') });
		// All sessions ended with the change; this browser gets a fresh one.
		const token = generateSessionToken();
		const session = await createSession(db, token, locals.user!.id, env().SESSION_DAYS);
		setSessionCookie(cookies, token, session.expiresAt, cookieSecure(url));
		return { success: true };
	}
};
