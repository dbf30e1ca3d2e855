import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { type DatabaseHandle, migrateDatabase, openDatabase } from '../../../src/lib/server/db/client';

/**
 * A fresh, migrated database for one test file.
 *
 * - Without DATABASE_URL: an in-memory PGlite (`memory://`), gone when closed.
 * - With DATABASE_URL: a new, uniquely named database (`t_it_<time>_<random>`) on that server, created from the URL's
 *   connection and dropped again on close. The database named in the URL itself is only used to issue CREATE/DROP DATABASE;
 *   no table in it is ever read or written.
 *
 * Always `await handle.close()` (e.g. in afterAll); closing twice is harmless.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
	const serverUrl = process.env.DATABASE_URL;
	if (!serverUrl) {
		const handle = await openDatabase({ dataDir: 'memory://' });
		try {
			await migrateDatabase(handle);
		} catch (error) {
			await handle.close();
			throw error;
		}
		return onceClose(handle, () => handle.close());
	}

	const name = `t_it_${Date.now().toString(36)}_${randomBytes(5).toString('hex')}`;
	await createDatabase(serverUrl, name);
	let handle: DatabaseHandle;
	try {
		// A small pool: test files run one after another, and each holds its own database.
		handle = await openDatabase({ url: databaseUrl(serverUrl, name), max: 4 });
	} catch (error) {
		await dropDatabase(serverUrl, name);
		throw error;
	}
	try {
		await migrateDatabase(handle);
	} catch (error) {
		await handle.close();
		await dropDatabase(serverUrl, name);
		throw error;
	}
	return onceClose(handle, async () => {
		try {
			await handle.close();
		} finally {
			await dropDatabase(serverUrl, name);
		}
	});
}

/** The same server URL, pointing at another database. */
function databaseUrl(serverUrl: string, database: string): string {
	const url = new URL(serverUrl);
	url.pathname = `/${database}`;
	return url.toString();
}

async function withAdminConnection<T>(serverUrl: string, run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
	const sql = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
	try {
		return await run(sql);
	} finally {
		await sql.end({ timeout: 5 });
	}
}

async function createDatabase(serverUrl: string, name: string) {
	await withAdminConnection(serverUrl, async (sql) => {
		// CREATE DATABASE fails with 55006 while another session happens to be connected to template1; that passes quickly.
		for (let attempt = 1; ; attempt++) {
			try {
				await sql.unsafe(`CREATE DATABASE "${name}"`);
				return;
			} catch (error) {
				const code = (error as { code?: string }).code;
				if (code !== '55006' || attempt >= 5) throw error;
				await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
			}
		}
	});
}

async function dropDatabase(serverUrl: string, name: string) {
	// WITH (FORCE) ends connections a failed test may have left behind (PostgreSQL 13+).
	await withAdminConnection(serverUrl, (sql) => sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

function onceClose(handle: DatabaseHandle, close: () => Promise<void>): DatabaseHandle {
	let closing: Promise<void> | undefined;
	return { ...handle, close: () => (closing ??= close()) };
}
