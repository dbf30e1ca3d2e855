import type { PGlite } from '@electric-sql/pglite';
import type postgres from 'postgres';

/**
 * Where live notifications come from. Every instance listens on one channel and fans the messages out to its own open
 * streams (see hub.ts); publishing is a `pg_notify` inside the writing transaction (publish.ts), so a message is delivered
 * only when the change is committed, and to every instance connected to the same database.
 *
 * Two sources, chosen by the database driver:
 * - postgres.js: `LISTEN` on a dedicated connection (postgres.js reconnects it and listens again after a database restart,
 *   within about a second thanks to the capped backoff in db/client.ts);
 * - PGlite: its in-process `listen`, since the embedded database lives in this one process.
 */
export interface LiveSource {
	readonly kind: 'postgres' | 'pglite';
	/**
	 * Starts listening; resolves once LISTEN is active. Returns the function that stops it. `onRelisten` runs each time the
	 * listen is active again after the connection was lost (database restarted): notifications sent in between are gone.
	 */
	listen(
		channel: string,
		onMessage: (payload: string) => void,
		onRelisten?: () => void
	): Promise<() => Promise<void>>;
}

export function postgresSource(sql: postgres.Sql): LiveSource {
	return {
		kind: 'postgres',
		async listen(channel, onMessage, onRelisten) {
			// postgres.js calls this on the first LISTEN and again after each reconnect of its listen connection.
			let listens = 0;
			const meta = await sql.listen(channel, onMessage, () => {
				if (++listens > 1) onRelisten?.();
			});
			return () => meta.unlisten();
		}
	};
}

export function pgliteSource(pglite: PGlite): LiveSource {
	return {
		kind: 'pglite',
		async listen(channel, onMessage) {
			const stop = await pglite.listen(channel, onMessage);
			return async () => {
				// Closing the database first is allowed (shutdown order is not ours to decide).
				if (!pglite.closed) await stop();
			};
		}
	};
}
