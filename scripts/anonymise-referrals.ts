/**
 * Anonymise closed referrals older than the retention period, once: `npx tsx scripts/anonymise-referrals.ts`.
 * For cron on hosts that prefer it over the hourly timer in the server (both can run; the job is idempotent).
 *
 * Uses DATABASE_URL when set, otherwise the PGlite folder PGLITE_DATA_DIR (default data/pglite) — but never while the
 * server holds that folder (one process per PGlite folder). Retention: REFERRAL_RETENTION_DAYS (default 90).
 */
import path from 'node:path';
import { migrateDatabase, openDatabase } from '../src/lib/server/db/client';
import { env } from '../src/lib/server/env';
import { anonymiseClosedReferrals } from '../src/lib/server/jobs/anonymise-referrals';

const config = env();
const handle = await openDatabase(
	config.DATABASE_URL
		? { url: config.DATABASE_URL, max: 1 }
		: { dataDir: path.resolve(process.cwd(), config.PGLITE_DATA_DIR) }
);
try {
	await migrateDatabase(handle);
	const n = await anonymiseClosedReferrals(handle.db, { retentionDays: config.REFERRAL_RETENTION_DAYS });
	console.log(
		`Verwijzingen geanonimiseerd: ${n} (afgesloten langer dan ${config.REFERRAL_RETENTION_DAYS} dagen geleden).`
	);
} finally {
	await handle.close();
}
