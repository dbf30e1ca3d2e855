import type { MultiSearchQuery, SearchResponse } from 'meilisearch';
import { haversineKm, roundKm } from '../../domain/geo/distance';
import {
	type EngineFilters,
	type FacetCount,
	type SearchEngine,
	type SearchHit,
	type SearchQuery,
	type SearchResult,
	effectiveSort,
	sortFacetCounts
} from '../../domain/search/engine';
import type { Executor } from '../db/client';
import { env } from '../env';
import { type MeiliDocument, ensureMeiliIndex, meiliClient } from './meilisearch-index';
import { loadSynonymRules } from './synonyms';

/*
 * The Meilisearch engine (used when MEILISEARCH_URL is set). Typo tolerance, prefix search, Dutch tokenisation and the
 * synonyms come from the index settings (meilisearch-index.ts). Facet counts are disjunctive like the Postgres engine:
 * one multi-search request holds the result query plus one query per active filter group without that group.
 */

type FacetName =
	'organisationType' | 'doelgroepen' | 'expertise' | 'regionIds' | 'gemeenteCodes' | 'dagEnNacht';
const FACETS: FacetName[] = [
	'organisationType',
	'doelgroepen',
	'expertise',
	'regionIds',
	'gemeenteCodes',
	'dagEnNacht'
];
type Group = 'type' | 'doelgroep' | 'expertise' | 'regio' | 'gemeente' | 'dagEnNacht';
const FACET_OF_GROUP: Record<Group, FacetName> = {
	type: 'organisationType',
	doelgroep: 'doelgroepen',
	expertise: 'expertise',
	regio: 'regionIds',
	gemeente: 'gemeenteCodes',
	dagEnNacht: 'dagEnNacht'
};

function inList(attribute: string, values: readonly string[]): string {
	return `${attribute} IN [${values.map((v) => JSON.stringify(v)).join(', ')}]`;
}

function activeGroups(f: EngineFilters): Group[] {
	const groups: Group[] = [];
	if (f.type.length) groups.push('type');
	if (f.doelgroep.length) groups.push('doelgroep');
	if (f.expertise.length) groups.push('expertise');
	if (f.regionIds.length) groups.push('regio');
	if (f.gemeente.length) groups.push('gemeente');
	if (f.dagEnNacht) groups.push('dagEnNacht');
	return groups;
}

/** Meilisearch filter expressions (ANDed) for a query, leaving out one filter group for its disjunctive facet count. */
export function meiliFilter(query: SearchQuery, except: Group | null = null): string[] {
	const f = query.filters;
	const out: string[] = [];
	if (except !== 'type' && f.type.length) out.push(inList('organisationType', f.type));
	if (except !== 'doelgroep' && f.doelgroep.length) out.push(inList('doelgroepen', f.doelgroep));
	if (except !== 'expertise' && f.expertise.length) out.push(inList('expertise', f.expertise));
	if (except !== 'regio' && f.regionIds.length) out.push(inList('regionIds', f.regionIds));
	if (except !== 'gemeente' && f.gemeente.length) out.push(inList('gemeenteCodes', f.gemeente));
	if (except !== 'dagEnNacht' && f.dagEnNacht) out.push('dagEnNacht = true');
	if (query.excludeProfessionalOnly) out.push('voorProfessionals = false');
	if (query.origin && query.radiusKm !== null) {
		// Meilisearch compares unrounded metres; half the rounding step keeps "50 km" (as shown) within 50 km.
		const slack = query.radiusKm < 10 ? 50 : 500;
		out.push(
			`_geoRadius(${query.origin.lat}, ${query.origin.lon}, ${Math.round(query.radiusKm * 1000 + slack)})`
		);
	}
	return out;
}

export function meiliSort(query: SearchQuery): string[] | undefined {
	if (effectiveSort(query) === 'afstand' && query.origin)
		return [`_geoPoint(${query.origin.lat}, ${query.origin.lon}):asc`];
	if (query.text.trim() === '') return ['organisationNaam:asc', 'naam:asc'];
	return undefined;
}

function counts(distribution: Record<string, number> | undefined): FacetCount[] {
	return sortFacetCounts(Object.entries(distribution ?? {}).map(([value, count]) => ({ value, count })));
}

function nearestKm(doc: MeiliDocument, query: SearchQuery): number | null {
	if (!query.origin) return null;
	const km = doc.locaties
		.filter((l) => l.lat !== null && l.lon !== null)
		.map((l) => haversineKm(query.origin!, { lat: l.lat as number, lon: l.lon as number }));
	return km.length ? roundKm(Math.min(...km)) : null;
}

export function createMeilisearchEngine(getDb: () => Executor): SearchEngine {
	return {
		name: 'meilisearch',
		async search(query: SearchQuery): Promise<SearchResult> {
			await ensureMeiliIndex(() => loadSynonymRules(getDb()));
			const indexUid = env().MEILISEARCH_INDEX;
			const page = Math.max(1, query.page);
			const main: MultiSearchQuery = {
				indexUid,
				q: query.text,
				filter: meiliFilter(query),
				sort: meiliSort(query),
				page,
				hitsPerPage: query.pageSize,
				facets: query.facets ? FACETS : undefined,
				attributesToRetrieve: ['*']
			};
			const groups = query.facets ? activeGroups(query.filters) : [];
			const facetQueries: MultiSearchQuery[] = groups.map((g) => ({
				indexUid,
				q: query.text,
				filter: meiliFilter(query, g),
				facets: [FACET_OF_GROUP[g]],
				hitsPerPage: 0,
				page: 1
			}));
			const { results } = (await meiliClient().multiSearch({ queries: [main, ...facetQueries] })) as {
				results: (SearchResponse<MeiliDocument> & { totalHits?: number })[];
			};
			const [first, ...rest] = results;
			const distribution = { ...(first.facetDistribution ?? {}) };
			groups.forEach((g, i) => {
				const facet = FACET_OF_GROUP[g];
				distribution[facet] = rest[i].facetDistribution?.[facet] ?? {};
			});
			const hits: SearchHit[] = first.hits.map((doc) => ({
				serviceId: doc.id,
				naam: doc.naam,
				categorie: doc.categorie,
				beschrijving: doc.beschrijving.slice(0, 300),
				doelgroepen: doc.doelgroepen,
				expertise: doc.expertise,
				dagEnNacht: doc.dagEnNacht,
				voorProfessionals: doc.voorProfessionals,
				telefoon: doc.telefoon,
				organisation: {
					id: doc.organisationId,
					slug: doc.organisationSlug,
					naam: doc.organisationNaam,
					type: doc.organisationType
				},
				locaties: doc.locaties,
				afstandKm: nearestKm(doc, query)
			}));
			return {
				total: first.totalHits ?? hits.length,
				hits,
				facets: query.facets
					? {
							type: counts(distribution.organisationType),
							doelgroep: counts(distribution.doelgroepen),
							expertise: counts(distribution.expertise),
							regio: counts(distribution.regionIds),
							gemeente: counts(distribution.gemeenteCodes),
							dagEnNacht: distribution.dagEnNacht?.['true'] ?? 0
						}
					: null,
				page,
				pageSize: query.pageSize
			};
		}
	};
}
