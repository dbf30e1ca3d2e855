import { mkdirSync } from 'node:fs';
import { acquireDataDirLock } from './data-dir-lock';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema';

export type Schema = typeof schema;
/** Both drivers give a PgDatabase; one query layer serves both. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything that can run queries: the database or a transaction. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
	db: Database;
	kind: 'postgres' | 'pglite';
	/** The raw postgres.js client (server only), for LISTEN/NOTIFY. */
	sql?: postgres.Sql;
	pglite?: PGlite;
	close(): Promise<void>;
}

export interface OpenOptions {
	/** postgres:// URL; when absent PGlite is used. */
	url?: string;
	/** PGlite data folder, or 'memory://'. */
	dataDir?: string;
	/** Connection pool size for postgres.js. */
	max?: number;
	migrationsFolder?: string;
}

export const defaultMigrationsFolder = path.resolve(process.cwd(), 'drizzle');

export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
	const casing = 'snake_case' as const;
	if (options.url) {
		const sql = postgres(options.url, {
			max: options.max ?? 10,
			onnotice: () => {},
			// Keep idle connections short-lived so a restarted database is picked up quickly.
			idle_timeout: 30,
			connect_timeout: 5,
			// Wait between reconnect attempts (seconds). postgres.js's default grows to 20 s during an outage, and a query
			// (or the LISTEN connection) then waits that long after the database is back; cap it so service resumes within
			// about a second.
			backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1)
		});
		const db = drizzlePostgres({ client: sql, schema, casing }) as unknown as Database;
		return { db, kind: 'postgres', sql, close: () => sql.end({ timeout: 5 }) };
	}
	const dataDir = options.dataDir ?? path.resolve(process.cwd(), 'data', 'pglite');
	let release = () => {};
	if (!dataDir.startsWith('memory://')) {
		mkdirSync(path.dirname(dataDir), { recursive: true });
		// Two processes on one PGlite folder silently lose writes: refuse the second one with a clear message.
		release = acquireDataDirLock(dataDir);
	}
	let pglite: PGlite;
	try {
		pglite = await PGlite.create(dataDir, { extensions: { pg_trgm, unaccent } });
	} catch (error) {
		release();
		throw error;
	}
	const db = drizzlePglite({ client: pglite, schema, casing }) as unknown as Database;
	return {
		db,
		kind: 'pglite',
		pglite,
		close: async () => {
			try {
				await pglite.close();
			} finally {
				release();
			}
		}
	};
}

/** Apply the committed migrations in drizzle/ (idempotent). */
export async function migrateDatabase(handle: DatabaseHandle, migrationsFolder = defaultMigrationsFolder) {
	if (handle.kind === 'postgres') {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		await migratePostgres(handle.db as any, { migrationsFolder });
	} else {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		await migratePglite(handle.db as any, { migrationsFolder });
	}
}
