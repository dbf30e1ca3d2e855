/**
 * Backup of the portal's database: `npm run db:backup -- [--out <file>]`.
 *
 * - DATABASE_URL set: `pg_dump --format=custom` of that database (restore with scripts/restore.ts or pg_restore). Needs the
 *   PostgreSQL client tools (Debian: postgresql-client) of the server's major version or newer; the server keeps serving.
 * - Otherwise PGlite: the folder PGLITE_DATA_DIR (default data/pglite) packed with PGlite's dumpDataDir() into a .tar.gz.
 *   One process per folder: stop the server first (the folder lock refuses a backup while it runs).
 *
 * Without --out the file goes to backups/regiokaart-<time>.dump (or .tar.gz). It is written under a temporary name and
 * renamed when complete, so a half-written backup never looks like a good one.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/lib/server/db/client';
import { pgEnvironment, redactUrl, timestamp } from './lib/backup-format';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const url = process.env.DATABASE_URL || undefined;
const out = path.resolve(
	values.out ?? path.join('backups', `regiokaart-${timestamp()}${url ? '.dump' : '.tar.gz'}`)
);
const partial = `${out}.onvolledig`;
mkdirSync(path.dirname(out), { recursive: true });

function fail(message: string): never {
	rmSync(partial, { force: true });
	console.error(`Back-up mislukt: ${message}`);
	process.exit(1);
}

const started = performance.now();
if (url) {
	const dump = spawnSync('pg_dump', ['--format=custom', '--compress=6', `--file=${partial}`], {
		env: pgEnvironment(url),
		stdio: ['ignore', 'inherit', 'pipe'],
		encoding: 'utf8'
	});
	if (dump.error)
		fail(`pg_dump niet gevonden of niet te starten (${dump.error.message}). Installeer postgresql-client.`);
	if (dump.status !== 0) fail(`pg_dump gaf code ${dump.status}: ${dump.stderr.trim()}`);
	renameSync(partial, out);
	console.log(`Back-up van ${redactUrl(url)} (PostgreSQL, pg_dump -Fc)`);
} else {
	const dataDir = path.resolve(process.env.PGLITE_DATA_DIR || 'data/pglite');
	let handle;
	try {
		// Takes the folder lock: refuses with a clear message while the server (or another script) has the folder open.
		handle = await openDatabase({ dataDir });
	} catch (error) {
		fail(error instanceof Error ? error.message : String(error));
	}
	try {
		const tarball = await handle.pglite!.dumpDataDir('gzip');
		writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
	} catch (error) {
		fail(error instanceof Error ? error.message : String(error));
	} finally {
		await handle.close();
	}
	renameSync(partial, out);
	console.log(`Back-up van ${dataDir} (PGlite, dumpDataDir)`);
}
const size = statSync(out).size;
console.log(
	`Geschreven: ${out} (${(size / 1024 / 1024).toFixed(1)} MB, ${Math.round(performance.now() - started)} ms)`
);
