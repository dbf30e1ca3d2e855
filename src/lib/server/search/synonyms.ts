import { inArray } from 'drizzle-orm';
import { buildSynonymGroups, defaultSynonymTerms } from '../../domain/search/synonyms';
import type { Executor } from '../db/client';
import { taxonomyTerms } from '../db/schema';

/**
 * The synonym groups for search: the taxonomy terms as beheerders keep them in taxonomy_terms (label + synonyms) plus the
 * abbreviations of the domain. Cached briefly per process: a query must not read the taxonomy every time, and an edited
 * synonym is picked up within a minute.
 */

const CACHE_MS = 60_000;
/** Vocabularies whose labels are in the search documents. */
const SEARCHED_VOCABULARIES = ['organisatietype', 'doelgroep', 'expertise', 'dienstcategorie'];

let cached: { at: number; groups: string[][] } | undefined;

export async function loadSynonymGroups(db: Executor, now = Date.now()): Promise<string[][]> {
	if (cached && now - cached.at < CACHE_MS) return cached.groups;
	const rows = await db
		.select({ label: taxonomyTerms.label, synonyms: taxonomyTerms.synonyms })
		.from(taxonomyTerms)
		.where(inArray(taxonomyTerms.vocabulary, SEARCHED_VOCABULARIES));
	const groups = buildSynonymGroups(rows.length > 0 ? rows : defaultSynonymTerms);
	cached = { at: now, groups };
	return groups;
}

export function clearSynonymCache() {
	cached = undefined;
}
