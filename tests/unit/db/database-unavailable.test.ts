import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { databaseUnavailableCode, isDatabaseUnavailable } from '../../../src/lib/server/db/unavailable';

/** Shaped like postgres.js's errors: an Error with a string `code` (socket code, own code, or SQLSTATE). */
function driverError(code: string, message = code) {
	return Object.assign(new Error(message), { code });
}

describe('isDatabaseUnavailable', () => {
	it('recognises socket errors, postgres.js connection errors and shutdown SQLSTATEs', () => {
		for (const code of [
			'ECONNREFUSED',
			'ECONNRESET',
			'CONNECT_TIMEOUT',
			'CONNECTION_CLOSED',
			'CONNECTION_ENDED',
			'CONNECTION_DESTROYED',
			'57P01',
			'57P03',
			'53300',
			'08006',
			'08001'
		])
			expect(databaseUnavailableCode(driverError(code)), code).toBe(code);
	});

	it('looks through drizzle query errors and connect attempts to several addresses', () => {
		const wrapped = new DrizzleQueryError('select 1', [], driverError('57P01', 'terminating connection'));
		expect(databaseUnavailableCode(wrapped)).toBe('57P01');
		const aggregate = new AggregateError([driverError('ECONNREFUSED')], 'connect failed');
		expect(databaseUnavailableCode(new DrizzleQueryError('select 1', [], aggregate))).toBe('ECONNREFUSED');
	});

	it('does not blame the database for another service that is away', () => {
		// What fetch() throws when Meilisearch (or any HTTP service) refuses the connection.
		const fetchFailed = new TypeError('fetch failed', { cause: driverError('ECONNREFUSED') });
		expect(isDatabaseUnavailable(fetchFailed)).toBe(false);
		expect(isDatabaseUnavailable(new Error('meilisearch', { cause: fetchFailed }))).toBe(false);
	});

	it('does not treat bugs and bad data as an outage', () => {
		expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
		expect(isDatabaseUnavailable(driverError('23505'))).toBe(false); // unique violation
		expect(isDatabaseUnavailable(driverError('42P01'))).toBe(false); // undefined table
		expect(isDatabaseUnavailable(driverError('08P01'))).toBe(false); // protocol violation
		expect(isDatabaseUnavailable(null)).toBe(false);
		expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
		const loop: { code: string; cause?: unknown } = { code: 'XX000' };
		loop.cause = loop;
		expect(isDatabaseUnavailable(loop)).toBe(false);
	});
});
