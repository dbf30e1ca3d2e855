import { sql } from 'drizzle-orm';
import { audit } from '../audit';
import { getDb } from '../db';
import type { Database } from '../db/client';
import { env } from '../env';
import { log } from '../log';
import {
	anonymiseReferrals,
	markWithdrawn,
	openVerzoekenOfVerwijzing,
	referralsToAnonymise,
	setVerwijzingStatus,
	staleOpenReferrals
} from '../repositories/referrals';

/**
 * Retention: referrals closed (placed or closed by the verwijzer) more than REFERRAL_RETENTION_DAYS ago lose their free text
 * and fine-grained need fields (see anonymiseReferrals in the repository for exactly what stays). A referral left open
 * with nothing happening for that long is no longer worked on (the patient was placed elsewhere or died): it is closed by
 * the system, its pending requests withdrawn, and anonymised at once, so forgotten referrals do not keep health data. Idempotent and safe to run
 * on several instances at once: rows are claimed with FOR UPDATE SKIP LOCKED, and a transaction-level advisory lock makes
 * concurrent runs take turns instead of doing the same work twice.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;
const ADVISORY_LOCK_KEY = 72_410_307;
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

export interface AnonymiseOptions {
	now?: Date;
	retentionDays?: number;
}

/** Runs one pass; returns how many referrals were anonymised. */
export async function anonymiseClosedReferrals(db: Database, opts: AnonymiseOptions = {}): Promise<number> {
	const now = opts.now ?? new Date();
	const days = opts.retentionDays ?? env().REFERRAL_RETENTION_DAYS;
	const before = new Date(now.getTime() - days * DAY_MS);
	let total = 0;
	for (;;) {
		const done = await db.transaction(async (tx) => {
			const result = await tx.execute(sql`select pg_try_advisory_xact_lock(${ADVISORY_LOCK_KEY}) as got`);
			const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
				got: boolean;
			}[];
			if (!rows[0]?.got) return -1;
			const stale = await staleOpenReferrals(tx, before, BATCH);
			for (const id of stale) {
				const pending = await openVerzoekenOfVerwijzing(tx, id);
				await markWithdrawn(
					tx,
					pending.map((v) => v.id),
					'verwijzing_afgesloten',
					now
				);
				await setVerwijzingStatus(tx, id, 'afgesloten', now, true);
			}
			if (stale.length)
				await audit(tx, null, {
					action: 'verwijzingen_verlopen_afgesloten',
					entityType: 'verwijzing',
					details: { aantal: stale.length, zonderActiviteitDagen: days }
				});
			const ids = [...stale, ...(await referralsToAnonymise(tx, before, BATCH - stale.length))];
			await anonymiseReferrals(tx, ids, now);
			if (ids.length)
				await audit(tx, null, {
					action: 'verwijzingen_geanonimiseerd',
					entityType: 'verwijzing',
					details: { aantal: ids.length, bewaartermijnDagen: days }
				});
			return ids.length;
		});
		if (done <= 0) break;
		total += done;
		if (done < BATCH) break;
	}
	return total;
}

/**
 * Runs the job now and then every hour in this process. Call once from the server's init hook; the timer does not keep
 * the process alive. Returns a function that stops it.
 */
export function startReferralRetentionJob(
	opts: { db?: () => Database; intervalMs?: number } = {}
): () => void {
	const database = opts.db ?? getDb;
	const run = async () => {
		try {
			const n = await anonymiseClosedReferrals(database());
			if (n > 0) log('info', 'verwijzingen geanonimiseerd', { aantal: n });
		} catch (error) {
			log('error', 'anonimiseren van verwijzingen mislukt', { error: String(error) });
		}
	};
	void run();
	const timer = setInterval(() => void run(), opts.intervalMs ?? RETENTION_INTERVAL_MS);
	timer.unref();
	return () => clearInterval(timer);
}
