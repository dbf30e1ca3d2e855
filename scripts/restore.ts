/**
 * Restores a backup made by scripts/backup.ts: `npm run db:restore -- <file> [--replace]`.
 *
 * - A pg_dump file (custom format) goes into the database of DATABASE_URL, with pg_restore in one transaction
 *   (all or nothing), without owners and privileges of the original server, so it fits a managed PostgreSQL where the
 *   portal's role owns the database. The target must be empty (a freshly created database) unless --replace is given;
 *   then the portal's objects in it are dropped and recreated.
 * - A PGlite .tar.gz goes into a new folder PGLITE_DATA_DIR (default data/pglite). An existing, non-empty folder is only
 *   touched with --replace, and then moved aside (<folder>.voor-herstel-<time>), never deleted.
 *
 * Stop the server first when restoring over the database it uses. The server applies newer migrations when it starts, so
 * a backup of an older version can be restored and then upgraded by starting the new version.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import postgres from 'postgres';
import { acquireDataDirLock } from '../src/lib/server/db/data-dir-lock';
import { backupKindOf, pgEnvironment, redactUrl, timestamp } from './lib/backup-format';

const { values, positionals } = parseArgs({
	options: { replace: { type: 'boolean', default: false } },
	allowPositionals: true
});

function fail(message: string): never {
	console.error(`Herstellen mislukt: ${message}`);
	process.exit(1);
}

const file = positionals[0];
if (!file || positionals.length > 1) fail('gebruik: npm run db:restore -- <back-upbestand> [--replace]');
if (!existsSync(file)) fail(`bestand ${file} bestaat niet`);
const kind = backupKindOf(file);
if (!kind) fail(`${file} is geen back-up van scripts/backup.ts (geen pg_dump- of PGlite-bestand)`);
const url = process.env.DATABASE_URL || undefined;
const started = performance.now();

if (kind === 'postgres') {
	if (!url)
		fail('dit is een PostgreSQL-back-up (pg_dump); zet DATABASE_URL op de database waarin hij terug moet');
	const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
	let tables: number;
	try {
		const [row] = await sql<{ n: number }[]>`
			select count(*)::int as n from information_schema.tables
			where table_schema not in ('pg_catalog', 'information_schema')`;
		tables = row.n;
	} catch (error) {
		await sql.end({ timeout: 1 });
		fail(`kan ${redactUrl(url)} niet bereiken: ${error instanceof Error ? error.message : String(error)}`);
	}
	await sql.end({ timeout: 5 });
	if (tables > 0 && !values.replace)
		fail(
			`de database ${redactUrl(url)} is niet leeg (${tables} tabellen). Herstel in een nieuwe, lege database, of geef --replace om de inhoud te vervangen.`
		);
	const args = ['--no-owner', '--no-acl', '--exit-on-error', '--single-transaction'];
	if (values.replace) args.push('--clean', '--if-exists');
	const env = pgEnvironment(url);
	// Without --dbname pg_restore would only print SQL; the connection itself comes from the PG* variables.
	const restore = spawnSync('pg_restore', [...args, `--dbname=${env.PGDATABASE ?? env.PGUSER}`, file], {
		env,
		stdio: ['ignore', 'inherit', 'pipe'],
		encoding: 'utf8'
	});
	if (restore.error) fail(`pg_restore niet gevonden of niet te starten (${restore.error.message})`);
	if (restore.status !== 0) fail(`pg_restore gaf code ${restore.status}: ${restore.stderr.trim()}`);
	console.log(`Hersteld: ${file} → ${redactUrl(url)} (PostgreSQL)`);
} else {
	if (url)
		fail(
			'dit is een PGlite-back-up; maak DATABASE_URL leeg en zet PGLITE_DATA_DIR op de map waarin hij terug moet'
		);
	const dataDir = path.resolve(process.env.PGLITE_DATA_DIR || 'data/pglite');
	if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
		if (!values.replace)
			fail(
				`de map ${dataDir} bestaat al en is niet leeg. Kies een nieuwe map, of geef --replace (de oude map wordt dan bewaard).`
			);
		// Refuses while a server has the folder open; released again before moving.
		acquireDataDirLock(dataDir)();
		const aside = `${dataDir}.voor-herstel-${timestamp()}`;
		renameSync(dataDir, aside);
		console.log(`Bestaande map verplaatst naar ${aside}`);
	}
	const release = acquireDataDirLock(dataDir);
	try {
		const pglite = await PGlite.create(dataDir, {
			loadDataDir: new Blob([readFileSync(file)]),
			extensions: { pg_trgm, unaccent }
		});
		try {
			// Proves the restored folder opens as a database, with the portal's migrations in it.
			const { rows } = await pglite.query<{ n: number }>(
				'select count(*)::int as n from drizzle.__drizzle_migrations'
			);
			console.log(`Hersteld: ${file} → ${dataDir} (PGlite, ${rows[0].n} migraties)`);
		} finally {
			await pglite.close();
		}
	} catch (error) {
		fail(error instanceof Error ? error.message : String(error));
	} finally {
		release();
	}
}
console.log(`Klaar in ${Math.round(performance.now() - started)} ms.`);
