import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { LIVE_CHANNEL, type LiveMessage } from './message';

/**
 * Announces a change to every instance's open streams. Call it with the transaction that makes the change: PostgreSQL
 * (and PGlite) deliver a NOTIFY only when that transaction commits, and never when it rolls back, so listeners can never
 * see a change that did not happen. Same SQL on both drivers.
 */
export async function publishLive(db: Executor, message: LiveMessage): Promise<void> {
	await db.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(message)})`);
}
