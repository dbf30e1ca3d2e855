import { inArray } from 'drizzle-orm';
import { type SynonymRule, buildSynonymRules, defaultSynonymTerms } from '../../domain/search/synonyms';
import type { Executor } from '../db/client';
import { taxonomyTerms } from '../db/schema';

/**
 * The synonym rules for search: the taxonomy terms as beheerders keep them in taxonomy_terms (label + synonyms) plus the
 * abbreviations of the domain. Cached briefly per process: a query must not read the taxonomy every time, and an edited
 * synonym is picked up within a minute.
 */

const CACHE_MS = 60_000;
/** Vocabularies whose labels are in the search documents. */
const SEARCHED_VOCABULARIES = ['organisatietype', 'doelgroep', 'expertise', 'dienstcategorie'];

let cached: { at: number; rules: SynonymRule[] } | undefined;

export async function loadSynonymRules(db: Executor, now = Date.now()): Promise<SynonymRule[]> {
	if (cached && now - cached.at < CACHE_MS) return cached.rules;
	const rows = await db
		.select({ label: taxonomyTerms.label, synonyms: taxonomyTerms.synonyms })
		.from(taxonomyTerms)
		.where(inArray(taxonomyTerms.vocabulary, SEARCHED_VOCABULARIES));
	const rules = buildSynonymRules(rows.length > 0 ? rows : defaultSynonymTerms);
	cached = { at: now, rules };
	return rules;
}

export function clearSynonymCache() {
	cached = undefined;
}

/** Former name, kept for callers written against it (the taxonomy service); same function. */
export const loadSynonymGroups = loadSynonymRules;
