import type { LatLon } from '../geo/distance';
import type { SearchDocumentLocation } from './document';

/**
 * The search contract. Two engines implement it (Postgres, the default, and Meilisearch when configured); routes and
 * services only see this interface. Engines work with codes and ids; labels are added by the search service.
 */

export const sortOrders = ['relevantie', 'afstand'] as const;
export type SortOrder = (typeof sortOrders)[number];

/** Filter values as the engine gets them: taxonomy codes, region ids (uuid) and gemeente codes (GM0363). */
export interface EngineFilters {
	type: readonly string[];
	doelgroep: readonly string[];
	expertise: readonly string[];
	regionIds: readonly string[];
	gemeente: readonly string[];
	dagEnNacht: boolean;
}

export interface SearchQuery {
	/** What the user typed (may be empty: then everything that passes the filters, by name or distance). */
	text: string;
	filters: EngineFilters;
	/** The point distances are measured from (a postcode resolved by the caller), or null. */
	origin: LatLon | null;
	/** Only results with a location within this many km of origin (ignored without origin). */
	radiusKm: number | null;
	/** 'afstand' without origin falls back to relevance. */
	sort: SortOrder;
	/** 1-based. */
	page: number;
	pageSize: number;
	/** Facet counts cost time; the map and the CSV export do not need them. */
	facets: boolean;
	/** Leave out services meant for professionals only (the wegwijzer for inhabitants). */
	excludeProfessionalOnly?: boolean;
}

export interface SearchHit {
	serviceId: string;
	naam: string;
	categorie: string;
	beschrijving: string;
	doelgroepen: string[];
	expertise: string[];
	dagEnNacht: boolean;
	voorProfessionals: boolean;
	telefoon: string | null;
	organisation: { id: string; slug: string; naam: string; type: string };
	locaties: SearchDocumentLocation[];
	/** Straight-line km to the nearest location when an origin was given, else null. */
	afstandKm: number | null;
}

export interface FacetCount {
	value: string;
	count: number;
}

/**
 * Counts per filter value. Each facet is counted with all OTHER active filters applied (not its own), so ticking a second
 * type shows how many that adds instead of zero: the usual behaviour of faceted search.
 */
export interface SearchFacets {
	type: FacetCount[];
	doelgroep: FacetCount[];
	expertise: FacetCount[];
	regio: FacetCount[];
	gemeente: FacetCount[];
	/** Number of results reachable day and night. */
	dagEnNacht: number;
}

export interface SearchResult {
	total: number;
	hits: SearchHit[];
	facets: SearchFacets | null;
	page: number;
	pageSize: number;
}

export interface SearchEngine {
	readonly name: 'postgres' | 'meilisearch';
	search(query: SearchQuery): Promise<SearchResult>;
}

export const emptyFilters: EngineFilters = {
	type: [],
	doelgroep: [],
	expertise: [],
	regionIds: [],
	gemeente: [],
	dagEnNacht: false
};

/** The sort actually applied: distance needs a point. */
export function effectiveSort(query: Pick<SearchQuery, 'sort' | 'origin'>): SortOrder {
	return query.sort === 'afstand' && query.origin ? 'afstand' : 'relevantie';
}

/** Sort facet values: most results first, then by value, so output is stable across engines. */
export function sortFacetCounts(counts: FacetCount[]): FacetCount[] {
	return counts
		.filter((c) => c.count > 0)
		.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
