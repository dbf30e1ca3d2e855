import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, migrateDatabase } from '../../src/lib/server/db/client';
import { createTestDatabase } from './helpers/test-db';

// Runs on PGlite by default and on PostgreSQL when DATABASE_URL is set (.ci/run does both).
let handle: DatabaseHandle;
beforeAll(async () => {
	handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
	const result = (await handle.db.execute(query)) as unknown as T[] | { rows: T[] };
	return Array.isArray(result) ? result : result.rows;
}

describe(`migrations (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
	it('are idempotent: applying them again changes nothing', async () => {
		const before = await rows<{ n: number }>(
			sql`select count(*)::int as n from drizzle.__drizzle_migrations`
		);
		await migrateDatabase(handle);
		const after = await rows<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
		expect(after[0].n).toBe(before[0].n);
		expect(before[0].n).toBeGreaterThanOrEqual(2);
	});

	it('create the extensions and the accent-insensitive Dutch search configuration', async () => {
		const extensions = await rows<{ extname: string }>(sql`select extname from pg_extension`);
		expect(extensions.map((e) => e.extname)).toEqual(expect.arrayContaining(['pg_trgm', 'unaccent']));
		const [ts] = await rows<{ v: string }>(
			sql`select to_tsvector('dutch_unaccent', 'Geestelijke verzorging en financiële zorgen')::text as v`
		);
		expect(ts.v).toContain("'financiel'");
		expect(ts.v).toContain("'verzorg'");
		const [trgm] = await rows<{ s: number }>(sql`select similarity('hopsice', 'hospice') as s`);
		expect(trgm.s).toBeGreaterThan(0.3);
	});

	it('create every table of the schema', async () => {
		const tables = await rows<{ table_name: string }>(
			sql`select table_name from information_schema.tables where table_schema = 'public'`
		);
		expect(tables.map((t) => t.table_name)).toEqual(
			expect.arrayContaining([
				'organisations',
				'locations',
				'services',
				'bed_units',
				'bed_availability_events',
				'users',
				'sessions',
				'memberships',
				'audit_log',
				'regions',
				'region_gemeenten',
				'gemeenten',
				'postcode_gebieden',
				'taxonomy_terms'
			])
		);
	});
});
