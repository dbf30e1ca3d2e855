import { building } from '$app/environment';
import { decideAccess } from '$lib/domain/access/route-access';
import {
	SESSION_COOKIE,
	cookieSecure,
	deleteSessionCookie,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { closeDatabase, getDb, initDatabase } from '$lib/server/db';
import { env } from '$lib/server/env';
import { startReferralRetentionJob } from '$lib/server/jobs/anonymise-referrals';
import { log } from '$lib/server/log';
import { error, redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';

export const init: ServerInit = async () => {
	if (building) return;
	env();
	await initDatabase();
	// Anonymise closed referrals after the retention period, now and hourly (idempotent, safe on several instances).
	process.once('sveltekit:shutdown' as never, startReferralRetentionJob());
	// adapter-node emits this on SIGINT/SIGTERM after in-flight requests finished; without closing, the process never exits.
	process.once('sveltekit:shutdown' as never, () => void closeDatabase());
};

const requestLog: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const requestId = event.request.headers.get('x-request-id') ?? crypto.randomUUID();
	event.locals.requestId = requestId;
	const response = await resolve(event);
	response.headers.set('x-request-id', requestId);
	log('info', 'request', {
		requestId,
		method: event.request.method,
		path: event.url.pathname,
		status: response.status,
		ms: Math.round(performance.now() - started),
		userId: event.locals.user?.id ?? null
	});
	return response;
};

const session: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const { session, user } = await validateSessionToken(getDb(), token, env().SESSION_DAYS);
		if (session) {
			setSessionCookie(event.cookies, token, session.expiresAt, cookieSecure(event.url));
			event.locals.user = user;
			event.locals.session = session;
		} else {
			deleteSessionCookie(event.cookies, cookieSecure(event.url));
		}
	}
	return resolve(event);
};

/** The single access rule by URL prefix; object-level checks happen in the services. */
const guard: Handle = async ({ event, resolve }) => {
	const decision = decideAccess(event.url.pathname, event.locals.user?.role ?? null);
	if (decision === 'login') {
		if (
			event.url.pathname.startsWith('/api/') ||
			event.request.headers.get('accept')?.includes('application/json')
		) {
			error(401, 'Log in om dit te gebruiken.');
		}
		redirect(303, `/inloggen?naar=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	}
	if (decision === 'forbidden') {
		const wantsPage =
			event.request.method === 'GET' && event.request.headers.get('accept')?.includes('text/html');
		if (!wantsPage) error(403, 'U heeft geen toegang tot deze pagina.');
		// Errors thrown in handle get the bare fallback page; rendering the 403 route keeps the site layout and navigation.
		const page = await event.fetch('/geen-toegang', { headers: { accept: 'text/html' } });
		return new Response(page.body, { status: 403, headers: page.headers });
	}
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	response.headers.set('x-frame-options', 'DENY');
	response.headers.set('permissions-policy', 'geolocation=(), camera=(), microphone=()');
	if (cookieSecure(event.url))
		response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	return response;
};

export const handle = sequence(requestLog, securityHeaders, session, guard);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const errorId = crypto.randomUUID();
	if (status >= 500) {
		log('error', 'onverwachte fout', {
			errorId,
			requestId: event.locals.requestId,
			path: event.url.pathname,
			error: error instanceof Error ? { message: error.message, stack: error.stack } : String(error)
		});
	}
	return {
		message:
			status === 404
				? 'Deze pagina bestaat niet.'
				: status >= 500
					? 'Er ging iets mis aan onze kant.'
					: message,
		errorId
	};
};
