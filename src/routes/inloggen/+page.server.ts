import { startPageFor } from '$lib/domain/access/roles';
import { loginSchema } from '$lib/domain/account/schemas';
import { parseForm } from '$lib/forms/parse-form';
import { login } from '$lib/server/auth/accounts';
import {
	cookieSecure,
	createSession,
	generateSessionToken,
	setSessionCookie
} from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { env } from '$lib/server/env';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

/** Only local paths, so the login page cannot be used to send people elsewhere. */
function safeTarget(value: string | null): string | null {
	return value && value.startsWith('/') && !value.startsWith('//') ? value : null;
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeTarget(url.searchParams.get('naar')) ?? startPageFor[locals.user.role]);
	return {};
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
		const parsed = parseForm(loginSchema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, email: String(parsed.values.email ?? '') });
		const db = getDb();
		const result = await login(db, parsed.data.email, parsed.data.password, getClientAddress());
		if (!result.ok) {
			const message =
				result.reason === 'te_vaak'
					? `Te veel inlogpogingen. Probeer het over ${Math.ceil((result.retryAfterSeconds ?? 900) / 60)} minuten opnieuw.`
					: 'Het e-mailadres of wachtwoord klopt niet.';
			return fail(result.reason === 'te_vaak' ? 429 : 400, { message, email: parsed.data.email });
		}
		const token = generateSessionToken();
		const session = await createSession(db, token, result.userId, env().SESSION_DAYS);
		setSessionCookie(cookies, token, session.expiresAt, cookieSecure(url));
		redirect(303, safeTarget(url.searchParams.get('naar')) ?? startPageFor[result.role]);
	}
};
