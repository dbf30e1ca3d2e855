import { DrizzleQueryError } from 'drizzle-orm/errors';

/**
 * Whether an error means "the database cannot be reached right now" (down, restarting, unreachable, full), as opposed to
 * a bug or a bad query. Such errors become a 503 with a Dutch message instead of a 500 (see hooks.server.ts), and are
 * logged as a warning without a stack trace: the database being away is an operational fact, not a defect.
 *
 * drizzle wraps driver errors (DrizzleQueryError, with the driver's error as `cause`): only that wrapper is looked through.
 * Other causes are not followed on purpose: `fetch failed` caused by ECONNREFUSED is another service being away
 * (Meilisearch, say), not the database.
 */

/** Socket errors of Node, and postgres.js's own connection errors. */
const CONNECTION_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EPIPE',
	'CONNECT_TIMEOUT',
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED'
]);

/** SQLSTATEs: the server is shutting down or starting up, or has no connection left. */
const SERVER_STATES = new Set([
	'57P01', // admin_shutdown
	'57P02', // crash_shutdown
	'57P03', // cannot_connect_now (starting up, recovering)
	'53300' // too_many_connections
]);

export const DATABASE_UNAVAILABLE_MESSAGE =
	'De database is even niet bereikbaar. Probeer het over een minuut opnieuw.';

function codeOf(error: unknown): string | null {
	if (!error || typeof error !== 'object') return null;
	const code = (error as { code?: unknown }).code;
	return typeof code === 'string' ? code : null;
}

/** The code that made the error count as "database unavailable", or null when it is some other error. */
export function databaseUnavailableCode(error: unknown): string | null {
	const seen = new Set<unknown>();
	const queue: unknown[] = [error];
	while (queue.length) {
		const current = queue.shift();
		if (!current || typeof current !== 'object' || seen.has(current) || seen.size > 10) continue;
		seen.add(current);
		const code = codeOf(current);
		if (code) {
			if (CONNECTION_CODES.has(code) || SERVER_STATES.has(code)) return code;
			// Class 08: connection exception (08P01 is a protocol violation: a bug, not an outage).
			if (code.startsWith('08') && code !== '08P01') return code;
		}
		if (current instanceof DrizzleQueryError) queue.push(current.cause);
		// Node's happy-eyeballs connect gives an AggregateError of one error per address tried.
		const errors = (current as { errors?: unknown }).errors;
		if (current instanceof AggregateError && Array.isArray(errors)) queue.push(...errors);
	}
	return null;
}

export function isDatabaseUnavailable(error: unknown): boolean {
	return databaseUnavailableCode(error) !== null;
}
