/**
 * Rebuild the search index from the directory: `npm run search:reindex`.
 *
 * Rewrites the Postgres search table (search_documents, search_words) and, when MEILISEARCH_URL is set, applies the
 * Meilisearch index settings and replaces its documents. Uses DATABASE_URL when set, otherwise the PGlite folder
 * PGLITE_DATA_DIR (default data/pglite). Do not run it against a PGlite folder while the app has that folder open.
 */
import path from 'node:path';
import { migrateDatabase, openDatabase } from '../src/lib/server/db/client';
import { env } from '../src/lib/server/env';
import { applyMeiliSettings } from '../src/lib/server/search/meilisearch-index';
import { reindexAll } from '../src/lib/server/search/sync';
import { loadSynonymRules } from '../src/lib/server/search/synonyms';

const config = env();
const handle = await openDatabase(
	config.DATABASE_URL
		? { url: config.DATABASE_URL, max: 2 }
		: { dataDir: path.resolve(process.cwd(), config.PGLITE_DATA_DIR) }
);
const started = performance.now();
try {
	await migrateDatabase(handle);
	console.log(
		`Database: ${handle.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.PGLITE_DATA_DIR}`}`
	);
	let meilisearch = false;
	if (config.MEILISEARCH_URL) {
		try {
			await applyMeiliSettings(() => loadSynonymRules(handle.db));
			meilisearch = true;
			console.log(
				`Meilisearch: instellingen toegepast op index "${config.MEILISEARCH_INDEX}" (${config.MEILISEARCH_URL})`
			);
		} catch (error) {
			// The Postgres index is rebuilt anyway; the exit code says that Meilisearch still needs it.
			process.exitCode = 1;
			console.error(
				`Meilisearch niet bereikbaar (${error instanceof Error ? error.message : error}); alleen de Postgres-zoekindex wordt opgebouwd. Draai dit opnieuw als Meilisearch weer werkt.`
			);
		}
	} else {
		console.log(
			'Meilisearch: niet ingesteld (MEILISEARCH_URL ontbreekt); alleen de Postgres-zoekindex wordt opgebouwd.'
		);
	}
	let lastPrinted = 0;
	const result = await reindexAll(handle.db, {
		meilisearch,
		onProgress: (done, total) => {
			if (done === total || performance.now() - lastPrinted > 2_000) {
				lastPrinted = performance.now();
				console.log(`  ${done}/${total} organisaties`);
			}
		}
	});
	console.log(
		`Klaar: ${result.documents} diensten van ${result.organisations} organisaties geïndexeerd in ${Math.round(performance.now() - started)} ms.`
	);
} catch (error) {
	console.error('Herindexeren mislukt:', error instanceof Error ? error.message : error);
	process.exitCode = 1;
} finally {
	await handle.close();
}
