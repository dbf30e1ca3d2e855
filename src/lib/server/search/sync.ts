import { inArray, sql } from 'drizzle-orm';
import type { SearchDocument } from '../../domain/search/document';
import { documentWords } from '../../domain/search/document';
import type { Executor } from '../db/client';
import { organisations, searchDocuments, searchWords } from '../db/schema';
import { env } from '../env';
import { log } from '../log';
import { buildDocuments, loadLabels } from './documents';
import { meiliDeleteOrganisations, meiliReplaceOrganisations } from './meilisearch-index';
import { clearSearchCountCache } from './postgres';
import { loadSynonymRules } from './synonyms';

/*
 * Keeps the search index in step with the directory. Call after EVERY write to an organisation, its locations or its
 * services (create, update, archive, restore): `await syncOrganisation(tx, organisationId)`, preferably inside the
 * transaction of the write, so the Postgres index commits (or rolls back) together with the data.
 *
 * - Postgres: rewrites the organisation's rows in search_documents (the table the Postgres engine reads) and adds new words to
 *   the typo vocabulary (search_words).
 * - Meilisearch (only when MEILISEARCH_URL is set): replaces the organisation's documents in the index. A Meilisearch failure is
 *   logged and never fails the write; `npm run search:reindex` repairs the index.
 *
 * Region edits (region_gemeenten) change which regions a document belongs to: call reindexAll() after those.
 */

/** Rebuild the search documents of one organisation (removes them when it or its services are archived). */
export async function syncOrganisation(db: Executor, organisationId: string): Promise<void> {
	await syncOrganisations(db, [organisationId]);
}

/** Remove an organisation from the index (e.g. before a hard delete; archiving is handled by syncOrganisation too). */
export async function removeOrganisation(db: Executor, organisationId: string): Promise<void> {
	await db.delete(searchDocuments).where(inArray(searchDocuments.organisationId, [organisationId]));
	clearSearchCountCache();
	await meiliSafely('verwijderen', [organisationId], () =>
		meiliDeleteOrganisations([organisationId], () => loadSynonymRules(db))
	);
}

export async function syncOrganisations(
	db: Executor,
	organisationIds: readonly string[]
): Promise<SearchDocument[]> {
	if (organisationIds.length === 0) return [];
	const { documents } = await buildDocuments(db, organisationIds);
	await writePostgres(db, organisationIds, documents);
	await meiliSafely('bijwerken', organisationIds, () =>
		meiliReplaceOrganisations(organisationIds, documents, () => loadSynonymRules(db))
	);
	return documents;
}

/** Rebuild the whole index (Postgres table and, when configured, Meilisearch) from the live tables. */
export async function reindexAll(
	db: Executor,
	options: {
		batchSize?: number;
		onProgress?: (done: number, total: number) => void;
		/** false: a Meilisearch failure is logged and the Postgres index is still rebuilt completely (default: throw). */
		meiliRequired?: boolean;
		/** false: leave Meilisearch out altogether (e.g. it is known to be down). */
		meilisearch?: boolean;
	} = {}
): Promise<{ organisations: number; documents: number }> {
	const batchSize = options.batchSize ?? 250;
	const ids = (await db.select({ id: organisations.id }).from(organisations)).map((r) => r.id);
	const labels = await loadLabels(db);
	// Rows of organisations that no longer exist go with them (FK cascade); archived ones are emptied per batch below.
	let documents = 0;
	for (let i = 0; i < ids.length; i += batchSize) {
		const batch = ids.slice(i, i + batchSize);
		const built = await buildDocuments(db, batch, labels);
		await writePostgres(db, batch, built.documents);
		if (options.meilisearch !== false) {
			await meiliSafely(
				'herindexeren',
				batch,
				() => meiliReplaceOrganisations(batch, built.documents, () => loadSynonymRules(db)),
				options.meiliRequired ?? true
			);
		}
		documents += built.documents.length;
		options.onProgress?.(Math.min(i + batchSize, ids.length), ids.length);
	}
	return { organisations: ids.length, documents };
}

async function writePostgres(
	db: Executor,
	organisationIds: readonly string[],
	documents: readonly SearchDocument[]
) {
	// Delete-then-insert keeps it simple: a service that was archived or moved disappears from its old organisation.
	await db.delete(searchDocuments).where(inArray(searchDocuments.organisationId, [...organisationIds]));
	for (let i = 0; i < documents.length; i += 500) {
		await db
			.insert(searchDocuments)
			.values(documents.slice(i, i + 500).map((d) => ({ ...d, updatedAt: new Date() })));
	}
	const newWords = [...new Set(documents.flatMap(documentWords))];
	for (let i = 0; i < newWords.length; i += 1000) {
		await db
			.insert(searchWords)
			.values(newWords.slice(i, i + 1000).map((word) => ({ word })))
			.onConflictDoNothing();
	}
}

async function meiliSafely(
	what: string,
	organisationIds: readonly string[],
	run: () => Promise<void>,
	rethrow = false
) {
	if (!env().MEILISEARCH_URL) return;
	try {
		await run();
	} catch (error) {
		log('warn', 'meilisearch bijwerken mislukt; herstel met npm run search:reindex', {
			actie: what,
			organisaties: organisationIds.length,
			fout: error instanceof Error ? error.message : String(error)
		});
		if (rethrow) throw error;
	}
}

/** Exposed for tests: how many search documents an organisation has in Postgres. */
export async function countDocuments(db: Executor, organisationId: string): Promise<number> {
	const rows = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(searchDocuments)
		.where(inArray(searchDocuments.organisationId, [organisationId]));
	return rows[0]?.n ?? 0;
}
