import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client';
import { ensureReferenceData } from '../../src/lib/server/reference/load-reference-data';
import { seedDemoData } from '../../src/lib/server/seed/demo';

/**
 * scripts/backup.ts and scripts/restore.ts, run as the operator would run them (child processes, configured by
 * environment): a backup of a database with reference and demo data, restored into a fresh database, has the same number
 * of rows in every table and the same sample rows. PGlite always; PostgreSQL only when DATABASE_URL points at a server.
 */

const SAMPLE_TABLES = ['organisations', 'bed_units', 'users', 'regions', 'gemeenten'];

function runScript(script: string, args: string[], env: Record<string, string | undefined>) {
	const result = spawnSync('npx', ['tsx', script, ...args], {
		encoding: 'utf8',
		env: { ...process.env, DATABASE_URL: undefined, PGLITE_DATA_DIR: undefined, ...env },
		timeout: 240_000
	});
	return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function rowsOf<T>(result: unknown): T[] {
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

interface Snapshot {
	counts: Record<string, number>;
	samples: Record<string, unknown[]>;
}

/** Row count of every table of the portal (public and drizzle's migration table) and the first rows of a few. */
async function snapshot(handle: DatabaseHandle): Promise<Snapshot> {
	const tables = rowsOf<{ schema: string; name: string }>(
		await handle.db.execute(sql`
			select table_schema as schema, table_name as name from information_schema.tables
			where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`)
	);
	const counts: Record<string, number> = {};
	for (const t of tables) {
		const [row] = rowsOf<{ n: number }>(
			await handle.db.execute(sql.raw(`select count(*)::int as n from "${t.schema}"."${t.name}"`))
		);
		counts[`${t.schema}.${t.name}`] = row.n;
	}
	const samples: Record<string, unknown[]> = {};
	for (const name of SAMPLE_TABLES)
		samples[name] = rowsOf(
			await handle.db.execute(sql.raw(`select to_jsonb(t) as row from "${name}" t order by 1 limit 3`))
		);
	return { counts, samples };
}

async function fill(handle: DatabaseHandle) {
	await migrateDatabase(handle);
	await ensureReferenceData(handle.db);
	await seedDemoData(handle.db);
}

function expectSameData(restored: Snapshot, original: Snapshot) {
	expect(Object.keys(restored.counts).length).toBeGreaterThan(20);
	expect(restored.counts).toEqual(original.counts);
	expect(restored.samples).toEqual(original.samples);
	// A backup of an empty database would also compare equal: make sure there was something to lose.
	expect(original.counts['public.organisations']).toBeGreaterThan(10);
	expect(original.counts['public.bed_units']).toBeGreaterThan(5);
	expect(original.samples.organisations).toHaveLength(3);
}

describe('backup and restore of the embedded database (PGlite)', () => {
	let root: string, source: string, target: string, file: string;
	let original: Snapshot;
	beforeAll(() => {
		root = mkdtempSync(path.join(tmpdir(), 'rk-backup-'));
		source = path.join(root, 'bron');
		target = path.join(root, 'hersteld');
		file = path.join(root, 'regiokaart.tar.gz');
	});
	afterAll(() => {
		if (root) rmSync(root, { recursive: true, force: true });
	});

	it('refuses to back up a folder that a server has open', async () => {
		const handle = await openDatabase({ dataDir: source });
		try {
			await fill(handle);
			original = await snapshot(handle);
			const busy = runScript('scripts/backup.ts', ['--out', file], { PGLITE_DATA_DIR: source });
			expect(busy.status).toBe(1);
			expect(busy.output).toMatch(/Back-up mislukt: De databasemap .* is al in gebruik door proces/);
			expect(existsSync(file)).toBe(false);
		} finally {
			await handle.close();
		}
	}, 600_000);

	it('restores into a new folder with the same rows', async () => {
		const backup = runScript('scripts/backup.ts', ['--out', file], { PGLITE_DATA_DIR: source });
		expect(backup.output).toContain('Geschreven:');
		expect(backup.status).toBe(0);

		const restore = runScript('scripts/restore.ts', [file], { PGLITE_DATA_DIR: target });
		expect(restore.output).toMatch(/Hersteld: .* \(PGlite, \d+ migraties\)/);
		expect(restore.status).toBe(0);

		const handle = await openDatabase({ dataDir: target });
		try {
			expectSameData(await snapshot(handle), original);
		} finally {
			await handle.close();
		}

		// A second restore must not overwrite the folder that now holds data.
		const again = runScript('scripts/restore.ts', [file], { PGLITE_DATA_DIR: target });
		expect(again.status).toBe(1);
		expect(again.output).toContain('bestaat al en is niet leeg');
	}, 600_000);
});

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl)
	console.warn(
		'backup-restore: de test met pg_dump/pg_restore is overgeslagen: zet DATABASE_URL (bijv. postgres://postgres@127.0.0.1:5432/postgres).'
	);

describe.skipIf(!serverUrl)(
	'backup and restore on PostgreSQL with pg_dump/pg_restore (needs DATABASE_URL)',
	() => {
		const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
		const names = { source: `t_prod_bk_bron_${suffix}`, target: `t_prod_bk_doel_${suffix}` };
		const urlOf = (database: string) => {
			const url = new URL(serverUrl!);
			url.pathname = `/${database}`;
			return url.toString();
		};
		let root: string;
		let file: string;
		let admin: postgres.Sql;

		beforeAll(async () => {
			root = mkdtempSync(path.join(tmpdir(), 'rk-backup-pg-'));
			file = path.join(root, 'regiokaart.dump');
			admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
			await admin.unsafe(`CREATE DATABASE "${names.source}"`);
			await admin.unsafe(`CREATE DATABASE "${names.target}"`);
		});
		afterAll(async () => {
			for (const name of Object.values(names))
				await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
			await admin.end();
			if (root) rmSync(root, { recursive: true, force: true });
		});

		it('restores a pg_dump into a fresh database with the same rows, and refuses a database that is not empty', async () => {
			const source = await openDatabase({ url: urlOf(names.source), max: 2 });
			let original: Snapshot;
			try {
				await fill(source);
				original = await snapshot(source);
			} finally {
				await source.close();
			}

			const backup = runScript('scripts/backup.ts', ['--out', file], { DATABASE_URL: urlOf(names.source) });
			expect(backup.output).toContain('pg_dump -Fc');
			expect(backup.status).toBe(0);

			const restore = runScript('scripts/restore.ts', [file], { DATABASE_URL: urlOf(names.target) });
			expect(restore.output).toContain('Hersteld:');
			expect(restore.status).toBe(0);

			const target = await openDatabase({ url: urlOf(names.target), max: 2 });
			try {
				expectSameData(await snapshot(target), original);
			} finally {
				await target.close();
			}

			const again = runScript('scripts/restore.ts', [file], { DATABASE_URL: urlOf(names.target) });
			expect(again.status).toBe(1);
			expect(again.output).toContain('is niet leeg');
			// --replace is the explicit way over existing data, and gives the same rows again.
			const replaced = runScript('scripts/restore.ts', [file, '--replace'], {
				DATABASE_URL: urlOf(names.target)
			});
			expect(replaced.status).toBe(0);
			const after = await openDatabase({ url: urlOf(names.target), max: 2 });
			try {
				expectSameData(await snapshot(after), original);
			} finally {
				await after.close();
			}
		}, 600_000);
	}
);
