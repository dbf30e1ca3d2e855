// Applies the committed migrations and loads the reference data (gemeenten, postcodes, networks, taxonomies).
import path from 'node:path';
import { migrateDatabase, openDatabase } from '../src/lib/server/db/client';
import { ensureReferenceData } from '../src/lib/server/reference/load-reference-data';

const url = process.env.DATABASE_URL;
const handle = await openDatabase(
	url ? { url } : { dataDir: path.resolve(process.env.PGLITE_DATA_DIR ?? 'data/pglite') }
);
try {
	await migrateDatabase(handle);
	await ensureReferenceData(handle.db);
	console.log(`Migraties toegepast (${handle.kind}).`);
} finally {
	await handle.close();
}
