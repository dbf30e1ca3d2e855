import { eq } from 'drizzle-orm';
import type { LatLon } from '../../domain/geo/distance';
import { parsePostcode } from '../../domain/geo/postcode';
import type { Vocabulary } from '../../domain/organisation/taxonomy';
import type { SearchEngine, SearchHit, SearchQuery, SortOrder } from '../../domain/search/engine';
import { type LabelledFacets, labelFacets } from '../../domain/search/facets';
import { parseQuery } from '../../domain/search/query';
import { type SearchState, resolvedSort } from '../../domain/search/url';
import type { Executor } from '../db/client';
import { gemeenten, postcodeGebieden } from '../db/schema';
import { type SearchReference, loadSearchReference } from './reference';

/**
 * The search use case behind /kaart, its CSV export and its map data: URL state in, labelled results out. Resolves the
 * postcode (the form field, or a postcode typed in the search box) to a point, region slugs to ids, and puts labels on
 * codes, so engines only deal with codes and ids.
 */

export const PAGE_SIZE = 20;
/** The map shows every result up to this many services (the list pages through all of them). */
export const MAP_MAX_RESULTS = 2_000;
/** The CSV export holds at most this many rows. */
export const EXPORT_MAX_RESULTS = 5_000;

export interface ResolvedOrigin extends LatLon {
	pc4: string;
	/** As the user gave it: "9401" or "9401 AB". */
	postcode: string;
	gemeente: string | null;
	/** Where the postcode came from. */
	bron: 'postcode' | 'zoekterm';
}

export interface HitView extends SearchHit {
	typeLabel: string;
	categorieLabel: string;
	doelgroepLabels: string[];
	expertiseLabels: string[];
	/** Place of the nearest (or first) location, for the list. */
	plaats: string | null;
}

export interface DirectorySearch {
	total: number;
	page: number;
	pageSize: number;
	pageCount: number;
	hits: HitView[];
	facets: LabelledFacets | null;
	sort: SortOrder;
	origin: ResolvedOrigin | null;
	problems: Partial<Record<'postcode', string>>;
}

export async function resolvePostcode(
	db: Executor,
	input: string
): Promise<Omit<ResolvedOrigin, 'bron'> | null> {
	const parsed = parsePostcode(input);
	if (!parsed) return null;
	const [row] = await db
		.select({ lat: postcodeGebieden.lat, lon: postcodeGebieden.lon, gemeente: gemeenten.naam })
		.from(postcodeGebieden)
		.leftJoin(gemeenten, eq(gemeenten.code, postcodeGebieden.gemeenteCode))
		.where(eq(postcodeGebieden.pc4, parsed.pc4))
		.limit(1);
	if (!row) return null;
	return {
		pc4: parsed.pc4,
		postcode: parsed.volledig ?? parsed.pc4,
		lat: row.lat,
		lon: row.lon,
		gemeente: row.gemeente
	};
}

function labeller(ref: SearchReference, vocabulary: Vocabulary) {
	return (code: string) => ref.label(vocabulary, code);
}

export function toHitView(hit: SearchHit, ref: SearchReference, origin: LatLon | null): HitView {
	const located = hit.locaties.filter((l) => l.lat !== null && l.lon !== null);
	let nearest = hit.locaties[0] ?? null;
	if (origin && located.length > 1) {
		const d = (l: (typeof located)[number]) =>
			((l.lat as number) - origin.lat) ** 2 + ((l.lon as number) - origin.lon) ** 2;
		nearest = located.reduce((a, b) => (d(b) < d(a) ? b : a));
	}
	return {
		...hit,
		typeLabel: ref.label('organisatietype', hit.organisation.type),
		categorieLabel: ref.label('dienstcategorie', hit.categorie),
		doelgroepLabels: hit.doelgroepen.map(labeller(ref, 'doelgroep')),
		expertiseLabels: hit.expertise.map(labeller(ref, 'expertise')),
		plaats: nearest?.plaats ?? null
	};
}

export interface SearchDirectoryOptions {
	pageSize?: number;
	facets?: boolean;
	/** Ignore the page in the state and return the first `pageSize` results (map, export). */
	allResults?: boolean;
}

export async function searchDirectory(
	db: Executor,
	engine: SearchEngine,
	state: SearchState,
	options: SearchDirectoryOptions = {}
): Promise<DirectorySearch> {
	const ref = await loadSearchReference(db);
	const problems: DirectorySearch['problems'] = {};

	// A postcode typed in the search box counts when the postcode field is empty ("hospice 9401").
	let text = state.q;
	let origin: ResolvedOrigin | null = null;
	if (state.postcode) {
		const found = parsePostcode(state.postcode) ? await resolvePostcode(db, state.postcode) : null;
		if (found) origin = { ...found, bron: 'postcode' };
		else if (parsePostcode(state.postcode))
			problems.postcode = `Postcode ${state.postcode} kennen we niet. Controleer de cijfers.`;
		else problems.postcode = 'Vul een postcode in met 4 cijfers, bijvoorbeeld 9401 of 9401 AB.';
	} else {
		const inText = parseQuery(state.q, []).postcode;
		if (inText) {
			const found = await resolvePostcode(db, inText.volledig ?? inText.pc4);
			if (found) {
				origin = { ...found, bron: 'zoekterm' };
				text = state.q.replace(/\b[1-9][0-9]{3}(\s?[a-zA-Z]{2})?\b/, ' ').trim();
			}
		}
	}

	const sort = state.sort ?? (origin ? 'afstand' : resolvedSort(state));
	const pageSize = options.pageSize ?? PAGE_SIZE;
	const query: SearchQuery = {
		text,
		filters: {
			type: state.type,
			doelgroep: state.doelgroep,
			expertise: state.expertise,
			regionIds: state.regio.flatMap((slug) => {
				const r = ref.regionBySlug.get(slug);
				return r ? [r.id] : [];
			}),
			gemeente: state.gemeente,
			dagEnNacht: state.dagEnNacht
		},
		origin,
		radiusKm: origin ? state.straal : null,
		sort,
		page: options.allResults ? 1 : state.pagina,
		pageSize,
		facets: options.facets ?? true
	};
	// An unknown region slug must not silently widen the search to everything.
	if (state.regio.length > 0 && query.filters.regionIds.length === 0)
		query.filters.regionIds = ['00000000-0000-0000-0000-000000000000'];

	const result = await engine.search(query);
	const facets = result.facets
		? labelFacets(
				result.facets,
				state,
				{
					type: (v) => ref.label('organisatietype', v),
					doelgroep: (v) => ref.label('doelgroep', v),
					expertise: (v) => ref.label('expertise', v),
					regio: (slug) => ref.regionBySlug.get(slug)?.naam ?? null,
					gemeente: (code) => ref.gemeenteNaam.get(code) ?? null
				},
				{ regio: (id) => ref.regionById.get(id)?.slug ?? null }
			)
		: null;
	return {
		total: result.total,
		page: result.page,
		pageSize: result.pageSize,
		pageCount: Math.max(1, Math.ceil(result.total / result.pageSize)),
		hits: result.hits.map((h) => toHitView(h, ref, origin)),
		facets,
		sort: origin ? sort : 'relevantie',
		origin,
		problems
	};
}
