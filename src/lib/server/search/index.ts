import { and, eq, sql } from 'drizzle-orm';
import type { SearchEngine, SearchQuery, SearchResult } from '../../domain/search/engine';
import { getDb } from '../db';
import type { Executor } from '../db/client';
import { organisations, searchDocuments, services } from '../db/schema';
import { env } from '../env';
import { log } from '../log';
import { createMeilisearchEngine } from './meilisearch';
import { createPostgresEngine } from './postgres';
import { reindexAll } from './sync';

/*
 * Picks the search engine by configuration: Meilisearch when MEILISEARCH_URL is set (with Postgres as fallback when it
 * cannot be reached), else Postgres.
 */

/** After a Meilisearch failure, use Postgres for this long before trying Meilisearch again. */
const MEILI_RETRY_AFTER_MS = 30_000;

/** Meilisearch first; on an error, Postgres for a while, logged once per outage. */
export function withFallback(
	primary: SearchEngine,
	fallback: SearchEngine,
	now = () => Date.now()
): SearchEngine {
	let downUntil = 0;
	return {
		name: primary.name,
		async search(query: SearchQuery): Promise<SearchResult> {
			if (now() < downUntil) return fallback.search(query);
			try {
				return await primary.search(query);
			} catch (error) {
				downUntil = now() + MEILI_RETRY_AFTER_MS;
				log('warn', 'meilisearch niet bereikbaar; zoeken gaat via Postgres', {
					fout: error instanceof Error ? error.message : String(error),
					opnieuwProberenNaMs: MEILI_RETRY_AFTER_MS
				});
				return fallback.search(query);
			}
		}
	};
}

let engine: SearchEngine | undefined;

export function getSearchEngine(): SearchEngine {
	if (engine) return engine;
	const postgres = createPostgresEngine(getDb);
	engine = env().MEILISEARCH_URL ? withFallback(createMeilisearchEngine(getDb), postgres) : postgres;
	return engine;
}

/** Tests: forget the chosen engine (e.g. after changing MEILISEARCH_URL). */
export function resetSearchEngine() {
	engine = undefined;
	freshness = undefined;
}

let freshness: Promise<void> | undefined;

/**
 * Once per process, before the first search: when the Postgres index does not hold one document per active service (a
 * database filled by a script that did not call sync, e.g. an import or the demo seed), rebuild it. Cheap when in step:
 * two counts.
 */
export function ensureSearchIndex(db: Executor = getDb()): Promise<void> {
	freshness ??= (async () => {
		const [indexed] = await db.select({ n: sql<number>`count(*)::int` }).from(searchDocuments);
		const [active] = await db
			.select({ n: sql<number>`count(*)::int` })
			.from(services)
			.innerJoin(organisations, eq(organisations.id, services.organisationId))
			.where(and(eq(services.status, 'actief'), eq(organisations.status, 'actief')));
		if (Number(indexed.n) === Number(active.n)) return;
		const started = Date.now();
		// The Postgres index is what search falls back on: build it even when Meilisearch cannot be reached (that is logged).
		const result = await reindexAll(db, { meiliRequired: false });
		log('info', 'zoekindex opnieuw opgebouwd', {
			...result,
			waren: Number(indexed.n),
			ms: Date.now() - started
		});
	})().catch((error) => {
		freshness = undefined;
		throw error;
	});
	return freshness;
}

export { syncOrganisation, removeOrganisation, reindexAll } from './sync';
