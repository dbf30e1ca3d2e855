import type { DatabaseHandle } from '../db/client';
import { LiveHub } from './hub';
import { pgliteSource, postgresSource, type LiveSource } from './source';

export { LiveHub, type LiveListener } from './hub';
export { LIVE_CHANNEL, parseLiveMessage, topics, type LiveMessage } from './message';
export { publishLive } from './publish';
export { pgliteSource, postgresSource, type LiveSource } from './source';
export { openStreamCount, sseResponse } from './sse';

/** The notification source that fits the database: LISTEN/NOTIFY on postgres.js, in-process listen on PGlite. */
export function sourceFor(handle: DatabaseHandle): LiveSource {
	if (handle.kind === 'postgres' && handle.sql) return postgresSource(handle.sql);
	if (handle.kind === 'pglite' && handle.pglite) return pgliteSource(handle.pglite);
	throw new Error(`Geen bron voor live meldingen bij database ${handle.kind}`);
}

const hubs = new WeakMap<DatabaseHandle, LiveHub>();

/** One hub per database handle (per process in the server; tests may open several databases). */
export function liveHubFor(handle: DatabaseHandle): LiveHub {
	let hub = hubs.get(handle);
	if (!hub) hubs.set(handle, (hub = new LiveHub(sourceFor(handle))));
	return hub;
}
