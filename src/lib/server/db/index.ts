import path from 'node:path';
import { env } from '../env';
import { log } from '../log';
import { ensureReferenceData } from '../reference/load-reference-data';
import { type Database, type DatabaseHandle, migrateDatabase, openDatabase } from './client';

export type { Database, DatabaseHandle, Executor, Transaction } from './client';

let handle: DatabaseHandle | undefined;
let opening: Promise<DatabaseHandle> | undefined;

/** Open the database for this process, apply migrations and make sure the reference data is there. */
export function initDatabase(): Promise<DatabaseHandle> {
	opening ??= (async () => {
		const config = env();
		const started = Date.now();
		const h = await openDatabase(
			config.DATABASE_URL
				? { url: config.DATABASE_URL, max: config.DATABASE_POOL_SIZE }
				: { dataDir: path.resolve(process.cwd(), config.PGLITE_DATA_DIR) }
		);
		await migrateDatabase(h);
		await ensureReferenceData(h.db);
		handle = h;
		log('info', 'database gereed', { kind: h.kind, ms: Date.now() - started });
		return h;
	})();
	return opening;
}

export function getHandle(): DatabaseHandle {
	if (!handle) throw new Error('Database is nog niet geopend (initDatabase)');
	return handle;
}

export function getDb(): Database {
	return getHandle().db;
}

/** Tests and scripts can install their own database. */
export function setDatabaseForTesting(h: DatabaseHandle) {
	handle = h;
	opening = Promise.resolve(h);
}

export async function closeDatabase() {
	const h = handle;
	handle = undefined;
	opening = undefined;
	if (h) await h.close();
}
