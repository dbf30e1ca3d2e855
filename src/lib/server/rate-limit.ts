import { sql } from 'drizzle-orm';
import type { Executor } from './db/client';
import { rateLimits } from './db/schema';

export interface RateLimitResult {
	allowed: boolean;
	count: number;
	retryAfterSeconds: number;
}

/**
 * Fixed-window counter in the database, so every instance behind the proxy sees the same count.
 * One atomic upsert: a new window starts when the old one has expired.
 */
export async function hitRateLimit(
	db: Executor,
	key: string,
	limit: number,
	windowSeconds: number
): Promise<RateLimitResult> {
	const [row] = await db
		.insert(rateLimits)
		.values({ key, count: 1, resetAt: sql`now() + make_interval(secs => ${windowSeconds})` })
		.onConflictDoUpdate({
			target: rateLimits.key,
			set: {
				count: sql`CASE WHEN ${rateLimits.resetAt} <= now() THEN 1 ELSE ${rateLimits.count} + 1 END`,
				resetAt: sql`CASE WHEN ${rateLimits.resetAt} <= now() THEN now() + make_interval(secs => ${windowSeconds}) ELSE ${rateLimits.resetAt} END`
			}
		})
		.returning({ count: rateLimits.count, resetAt: rateLimits.resetAt });
	const retryAfterSeconds = Math.max(0, Math.ceil((row.resetAt.getTime() - Date.now()) / 1000));
	return { allowed: row.count <= limit, count: row.count, retryAfterSeconds };
}

/** Whether a key is currently over its limit, without counting this call. */
export async function checkRateLimit(db: Executor, key: string, limit: number): Promise<RateLimitResult> {
	const [row] = await db
		.select({ count: rateLimits.count, resetAt: rateLimits.resetAt })
		.from(rateLimits)
		.where(sql`${rateLimits.key} = ${key} and ${rateLimits.resetAt} > now()`);
	if (!row) return { allowed: true, count: 0, retryAfterSeconds: 0 };
	const retryAfterSeconds = Math.max(0, Math.ceil((row.resetAt.getTime() - Date.now()) / 1000));
	return { allowed: row.count < limit, count: row.count, retryAfterSeconds };
}

export async function resetRateLimit(db: Executor, key: string) {
	await db.delete(rateLimits).where(sql`${rateLimits.key} = ${key}`);
}
