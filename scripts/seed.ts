/**
 * Load reference data and demo data: `npx tsx scripts/seed.ts [--reset]` (or `npm run db:seed`).
 *
 * Uses DATABASE_URL when set, otherwise the PGlite folder PGLITE_DATA_DIR (default data/pglite), like the app does.
 * Do not run it against a PGlite folder while the app has that folder open (one process per folder).
 * --reset replaces existing demo organisations and demo accounts; without it, existing demo data is left alone.
 */
import path from 'node:path';
import { migrateDatabase, openDatabase } from '../src/lib/server/db/client';
import { ensureReferenceData } from '../src/lib/server/reference/load-reference-data';
import { demoAccounts, seedDemoData } from '../src/lib/server/seed/demo';

const reset = process.argv.includes('--reset');
const url = process.env.DATABASE_URL || undefined;
const dataDir = path.resolve(process.cwd(), process.env.PGLITE_DATA_DIR || 'data/pglite');

const started = performance.now();
const handle = await openDatabase(url ? { url, max: 2 } : { dataDir });
try {
	console.log(`Database: ${url ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dataDir}`}`);
	await migrateDatabase(handle);

	let t = performance.now();
	const reference = await ensureReferenceData(handle.db);
	console.log(
		`Referentiegegevens: ${reference.changed ? 'geladen' : 'waren al aanwezig'} (${Math.round(performance.now() - t)} ms)`,
		reference.changed ? reference.inserted : ''
	);

	t = performance.now();
	const demo = await seedDemoData(handle.db, { reset });
	const ms = Math.round(performance.now() - t);
	if (demo.skipped) {
		console.log(
			`Voorbeeldgegevens: waren al aanwezig, niets gewijzigd (gebruik --reset om ze te vervangen) (${ms} ms)`
		);
	} else {
		const { skipped: _skipped, ...counts } = demo;
		console.log(`Voorbeeldgegevens: geladen (${ms} ms)`);
		console.table(counts);
	}

	console.log('\nDemo-accounts (fictief; alleen voor demo en test):');
	console.table(
		demoAccounts.map((a) => ({
			email: a.email,
			wachtwoord: a.password,
			rol: a.role,
			omschrijving: a.description
		}))
	);
	console.log(`Klaar in ${Math.round(performance.now() - started)} ms.`);
} finally {
	await handle.close();
}
