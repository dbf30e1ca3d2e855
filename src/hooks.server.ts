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
import { DATABASE_UNAVAILABLE_MESSAGE, databaseUnavailableCode } from '$lib/server/db/unavailable';
import { env } from '$lib/server/env';
import { startReferralRetentionJob } from '$lib/server/jobs/anonymise-referrals';
import { publicErrorMessage, refuseUnreadableFormPosts } from '$lib/server/http/form-requests';
import { errorFor, errorJson } from '$lib/server/http/responses';
// zod's own messages in Dutch for every schema, whichever module parses first.
import '$lib/forms/parse-form';
import { log } from '$lib/server/log';
import {
	isHttpError,
	isRedirect,
	json,
	redirect,
	type Handle,
	type HandleServerError,
	type RequestEvent,
	type ServerInit
} from '@sveltejs/kit';
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
	// A proxy's request id is kept (to follow a request through both logs), if it looks like one.
	const given = event.request.headers.get('x-request-id');
	const requestId = given && /^[\w.:-]{1,100}$/.test(given) ? given : crypto.randomUUID();
	event.locals.requestId = requestId;
	const line = (status: number) =>
		log('info', 'request', {
			requestId,
			method: event.request.method,
			path: event.url.pathname,
			status,
			ms: Math.round(performance.now() - started),
			userId: event.locals.user?.id ?? null
		});
	let response: Response;
	try {
		response = await resolve(event);
	} catch (thrown) {
		// Redirects and errors thrown by a handle (the login redirect of the guard, say) are requests too.
		line(isRedirect(thrown) ? thrown.status : isHttpError(thrown) ? thrown.status : 500);
		throw thrown;
	}
	response.headers.set('x-request-id', requestId);
	line(response.status);
	return response;
};

/** Requests that failed because the database could not be reached (marked in handleError). */
const databaseOutage = new WeakSet<App.Locals>();

function outageJson(event: RequestEvent) {
	return json(
		{
			code: 'database_niet_bereikbaar',
			melding: DATABASE_UNAVAILABLE_MESSAGE,
			requestId: event.locals.requestId
		},
		{ status: 503, headers: { 'retry-after': '30', 'cache-control': 'no-store' } }
	);
}

/**
 * The database being away (restart, failover, network) is not a bug: the answer is 503 with a Dutch message and a
 * Retry-After, never a 500, and the process keeps running; postgres.js reconnects by itself once the database is back.
 * - thrown before any page code ran (the session lookup): SvelteKit's own error page or JSON, with status 503;
 * - thrown in a load, action or endpoint: SvelteKit rendered its error page (with the Dutch message from handleError)
 *   as a 500; that response gets status 503. API requests get the API's JSON error shape.
 */
const databaseUnavailable: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (thrown) {
		const code = databaseUnavailableCode(thrown);
		if (!code) throw thrown;
		log('warn', 'database niet bereikbaar', {
			requestId: event.locals.requestId,
			path: event.url.pathname,
			code
		});
		if (event.url.pathname.startsWith('/api/')) return outageJson(event);
		return errorFor(event, 503, DATABASE_UNAVAILABLE_MESSAGE, {
			'retry-after': '30',
			'cache-control': 'no-store'
		});
	}
	if (response.status !== 500 || !databaseOutage.has(event.locals)) return response;
	if (event.url.pathname.startsWith('/api/')) return outageJson(event);
	const headers = new Headers(response.headers);
	headers.set('retry-after', '30');
	headers.set('cache-control', 'no-store');
	return new Response(response.body, { status: 503, headers });
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
			return errorJson(401, 'Log in om dit te gebruiken.');
		}
		redirect(303, `/inloggen?naar=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	}
	if (decision === 'forbidden') {
		const wantsPage =
			event.request.method === 'GET' && event.request.headers.get('accept')?.includes('text/html');
		if (!wantsPage) return errorFor(event, 403, 'U heeft geen toegang tot deze pagina.');
		// Errors thrown in handle get the bare fallback page; rendering the 403 route keeps the site layout and navigation.
		const page = await event.fetch('/geen-toegang', { headers: { accept: 'text/html' } });
		return new Response(page.body, { status: 403, headers: page.headers });
	}
	return resolve(event);
};

/**
 * For responses SvelteKit does not give its own policy (JSON, CSV, the static error page): nothing may load or run, only
 * the error page's inline style. Pages get kit.csp's policy (svelte.config.js) with a nonce per response.
 */
const FALLBACK_CSP =
	"default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (!response.headers.has('content-security-policy'))
		response.headers.set('content-security-policy', FALLBACK_CSP);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	response.headers.set('x-frame-options', 'DENY');
	response.headers.set('permissions-policy', 'geolocation=(), camera=(), microphone=()');
	if (cookieSecure(event.url))
		response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	return response;
};

export const handle = sequence(
	requestLog,
	securityHeaders,
	databaseUnavailable,
	session,
	guard,
	refuseUnreadableFormPosts
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const errorId = crypto.randomUUID();
	const unavailable = databaseUnavailableCode(error);
	if (unavailable) {
		// An outage, not a defect: a warning without stack, and the request is answered with 503 (see databaseUnavailable).
		databaseOutage.add(event.locals);
		log('warn', 'database niet bereikbaar', {
			errorId,
			requestId: event.locals.requestId,
			path: event.url.pathname,
			code: unavailable
		});
		return { message: DATABASE_UNAVAILABLE_MESSAGE, errorId, code: 'database_niet_bereikbaar' };
	}
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
					: publicErrorMessage(status, message),
		errorId
	};
};
