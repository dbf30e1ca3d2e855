import { type SQL, sql } from 'drizzle-orm';
import { roundKm } from '../../domain/geo/distance';
import type { SearchDocumentLocation } from '../../domain/search/document';
import {
	type EngineFilters,
	type FacetCount,
	type SearchEngine,
	type SearchFacets,
	type SearchHit,
	type SearchQuery,
	type SearchResult,
	effectiveSort,
	sortFacetCounts
} from '../../domain/search/engine';
import { acceptCandidates, parseQuery, type QueryToken, type WordCandidate } from '../../domain/search/query';
import type { Executor } from '../db/client';
import { loadSynonymRules } from './synonyms';

/*
 * The Postgres engine (default; identical on PGlite and PostgreSQL). It reads search_documents, kept by sync.ts.
 *
 * Matching, per query word (all words must match):
 * - Dutch full-text search on stems, accents ignored (dutch_unaccent: "hospices" and "hospice", "café" and "cafe");
 * - the last word also completed to whole words of the vocabulary, for results while typing ("hos" finds "hospice");
 * - other forms and typos of the word via the trigram vocabulary (search_words, pg_trgm): "verpleeghuizen" also finds
 *   "verpleeghuis" (the stemmer keeps those apart), "hopsice" finds "hospice";
 * - synonyms and abbreviations both ways ("VPTZ", "specialist ouderengeneeskunde" ↔ "SO").
 * Two round trips: a tiny vocabulary lookup (only when a word may be a typo), then one statement that returns the page,
 * the total and all facet counts.
 */

/** ts_rank weights for D (unstemmed words), C (descriptions), B (labels, places) and A (names). */
const RANK_WEIGHTS = '{0.05, 0.2, 0.4, 1.0}';
/** A service or organisation whose name is exactly the query comes first. */
const EXACT_NAME_BONUS = 10;
/** A name that starts with the query comes before other matches. */
const NAME_PREFIX_BONUS = 1;
/** Longest description text sent with a hit (the list shows a short summary). */
const SUMMARY_LENGTH = 300;

type Row = Record<string, unknown>;

function rowsOf(result: unknown): Row[] {
	// postgres.js returns an array of rows, PGlite an object with `rows`.
	return Array.isArray(result) ? (result as Row[]) : ((result as { rows: Row[] }).rows ?? []);
}

function textArray(values: readonly string[], type: 'text' | 'uuid' = 'text'): SQL {
	if (values.length === 0) return sql.raw(`'{}'::${type}[]`);
	return sql`ARRAY[${sql.join(
		values.map((v) => sql`${v}`),
		sql`, `
	)}]::${sql.raw(type)}[]`;
}

function orTsquery(parts: SQL[]): SQL {
	return sql`(${sql.join(parts, sql` || `)})`;
}

/** Vocabulary words are letters and digits only (see vocabularyWords), so they can be joined into tsquery syntax. */
function wordsTsquery(words: readonly string[]): SQL {
	return sql`to_tsquery('dutch_unaccent', ${words.filter((w) => /^[a-z0-9]+$/.test(w)).join(' | ')})`;
}

function tokenQuery(token: QueryToken, expansions: readonly string[]): SQL {
	const parts: SQL[] = [
		token.text.includes(' ')
			? sql`phraseto_tsquery('dutch_unaccent', ${token.text})`
			: sql`plainto_tsquery('dutch_unaccent', ${token.text})`
	];
	// Other forms, typo corrections and (for the word being typed) completions, all whole words of the vocabulary: plain
	// lexemes, which the GIN index answers without re-checking every row (a prefix query on the vector would not).
	if (expansions.length > 0) parts.push(wordsTsquery(expansions));
	for (const phrase of token.synonyms) parts.push(sql`phraseto_tsquery('dutch_unaccent', ${phrase})`);
	return orTsquery(parts);
}

function andTsquery(parts: SQL[]): SQL {
	return sql`(${sql.join(parts, sql` && `)})`;
}

/** Words that complete the word being typed: the shortest first ("hos" → hospice, hospices, hospicezorg, ...). */
export const MAX_COMPLETIONS = 20;

/**
 * One vocabulary lookup per search: close words for the words that may be misspelt or inflected (trigram index), and
 * completions of the word being typed (prefix index). Returns the extra words per query word.
 */
async function expansions(db: Executor, tokens: readonly QueryToken[]): Promise<Map<string, string[]>> {
	const fuzzy = [...new Set(tokens.filter((t) => t.fuzzy && !t.text.includes(' ')).map((t) => t.text))];
	const prefix = tokens.find((t) => t.prefix && !t.text.includes(' '))?.text ?? null;
	const out = new Map<string, string[]>();
	if (fuzzy.length === 0 && prefix === null) return out;
	// `%` uses the trigram index (similarity ≥ 0.3); the domain decides which candidates count.
	const parts: SQL[] = [];
	if (fuzzy.length > 0)
		parts.push(sql`SELECT t.tok, w.word, similarity(w.word, t.tok) AS sim, false AS completion
			FROM unnest(${textArray(fuzzy)}) AS t(tok)
			JOIN search_words w ON w.word % t.tok AND abs(length(w.word) - length(t.tok)) <= 3`);
	if (prefix !== null)
		parts.push(sql`(SELECT ${prefix}::text AS tok, w.word, 1::real AS sim, true AS completion FROM search_words w
			WHERE w.word LIKE ${`${prefix}%`}
			ORDER BY length(w.word), w.word LIMIT ${MAX_COMPLETIONS + 1})`);
	const result = await db.execute(sql.join(parts, sql` UNION ALL `));
	const candidates = new Map<string, WordCandidate[]>();
	const completions: string[] = [];
	for (const r of rowsOf(result)) {
		if (r.completion === true || r.completion === 't') {
			completions.push(r.word as string);
			continue;
		}
		const list = candidates.get(r.tok as string) ?? [];
		list.push({ word: r.word as string, similarity: Number(r.sim) });
		candidates.set(r.tok as string, list);
	}
	for (const w of fuzzy) out.set(w, acceptCandidates(w, candidates.get(w) ?? []));
	// A word that is itself in the vocabulary is taken as typed out ("mantelzorg"): completing it too would only widen
	// the search ("mantelzorgondersteuning") and slow it down. Other forms still come from the fuzzy lookup above.
	if (prefix !== null && !completions.includes(prefix)) {
		out.set(prefix, [...new Set([...(out.get(prefix) ?? []), ...completions.slice(0, MAX_COMPLETIONS)])]);
	}
	return out;
}

function haversineSql(lat: SQL, lon: SQL, origin: { lat: number; lon: number }): SQL {
	// Haversine in plain SQL (no earthdistance: it needs a superuser and is not in PGlite's trusted set).
	return sql`2 * 6371.0088 * asin(least(1, sqrt(
		power(sin(radians(${lat} - ${origin.lat}::float8) / 2), 2)
		+ cos(radians(${origin.lat}::float8)) * cos(radians(${lat})) * power(sin(radians(${lon} - ${origin.lon}::float8) / 2), 2)
	)))`;
}

function distanceSql(query: SearchQuery): SQL {
	if (!query.origin) return sql`NULL::double precision`;
	// Most services have one location: compute that directly; only services at several locations unnest (nearest wins).
	return sql`CASE cardinality(d.lats)
		WHEN 0 THEN NULL
		WHEN 1 THEN ${haversineSql(sql`d.lats[1]`, sql`d.lons[1]`, query.origin)}
		ELSE (SELECT min(${haversineSql(sql`p.lat`, sql`p.lon`, query.origin)}) FROM unnest(d.lats, d.lons) AS p(lat, lon))
	END`;
}

/**
 * Totals and facet counts of searches without words and without a radius (the landing page, a postcode only, filters
 * only) are the same for every visitor, and counting the whole directory is the costliest thing this engine does. They are
 * kept briefly; a write through sync.ts clears them in this process, other instances catch up within COUNT_CACHE_MS.
 */
const COUNT_CACHE_MS = 30_000;
const COUNT_CACHE_MAX = 200;
const countCache = new Map<string, { at: number; total: number; facets: SearchFacets }>();

export function clearSearchCountCache() {
	countCache.clear();
}

type FilterGroup = 'type' | 'doelgroep' | 'expertise' | 'regio' | 'gemeente' | 'dagEnNacht';

function isActive(f: EngineFilters, group: FilterGroup): boolean {
	if (group === 'dagEnNacht') return f.dagEnNacht;
	if (group === 'regio') return f.regionIds.length > 0;
	return f[group].length > 0;
}

function withoutGroup(f: EngineFilters, group: FilterGroup): EngineFilters {
	if (group === 'dagEnNacht') return { ...f, dagEnNacht: false };
	if (group === 'regio') return { ...f, regionIds: [] };
	return { ...f, [group]: [] };
}

export function createPostgresEngine(getDb: () => Executor): SearchEngine {
	return {
		name: 'postgres',
		async search(query: SearchQuery): Promise<SearchResult> {
			const db = getDb();
			const rules = await loadSynonymRules(db);
			const parsed = parseQuery(query.text, rules);
			const fixes = await expansions(db, parsed.tokens);

			const hasText = parsed.tokens.length > 0;
			const tq = hasText
				? andTsquery(parsed.tokens.map((t) => tokenQuery(t, fixes.get(t.text) ?? [])))
				: null;
			const norm = parsed.normalised;

			// One ts_rank per match: it is the costliest part of a broad search. Typo corrections need no lower weight: they
			// are only tried for words that occur nowhere in the directory, so they never compete with an exact match.
			const score = tq
				? sql`ts_rank(${RANK_WEIGHTS}::float4[], d.zoekvector, ${tq})
						+ CASE WHEN d.naam_norm = ${norm} OR d.organisation_naam_norm = ${norm} THEN ${EXACT_NAME_BONUS}::float8
							WHEN starts_with(d.naam_norm, ${norm}) OR starts_with(d.organisation_naam_norm, ${norm}) THEN ${NAME_PREFIX_BONUS}::float8
							ELSE 0 END`
				: sql`0::float8`;

			const f = query.filters;
			const flags = {
				type: f.type.length ? sql`d.organisation_type = ANY(${textArray(f.type)})` : sql`true`,
				doelgroep: f.doelgroep.length ? sql`d.doelgroepen && ${textArray(f.doelgroep)}` : sql`true`,
				expertise: f.expertise.length ? sql`d.expertise && ${textArray(f.expertise)}` : sql`true`,
				regio: f.regionIds.length ? sql`d.region_ids && ${textArray(f.regionIds, 'uuid')}` : sql`true`,
				gemeente: f.gemeente.length ? sql`d.gemeente_codes && ${textArray(f.gemeente)}` : sql`true`,
				dagEnNacht: f.dagEnNacht ? sql`d.dag_en_nacht` : sql`true`
			};
			type Flag = keyof typeof flags;
			const flagNames = Object.keys(flags) as Flag[];
			const allBut = (except: Flag | null) =>
				sql.raw(
					flagNames
						.filter((n) => n !== except)
						.map((n) => `f_${n}`)
						.join(' AND ')
				);

			const where: SQL[] = [];
			if (tq) where.push(sql`d.zoekvector @@ ${tq}`);
			if (query.excludeProfessionalOnly) where.push(sql`NOT d.voor_professionals`);
			if (query.origin && query.radiusKm !== null) {
				// A box around the circle (1 km extra for rounding) narrows the candidates through the GiST index; the exact
				// distance decides below.
				const km = query.radiusKm + 1;
				const dLat = km / 110.574;
				const dLon = km / (111.32 * Math.cos((query.origin.lat * Math.PI) / 180));
				const { lat, lon } = query.origin;
				where.push(
					sql`d.gebied && box(point(${lon - dLon}::float8, ${lat - dLat}::float8), point(${lon + dLon}::float8, ${lat + dLat}::float8))`
				);
			}
			const radius =
				query.origin && query.radiusKm !== null
					? sql`WHERE dist IS NOT NULL AND (CASE WHEN dist < 10 THEN round(dist::numeric, 1) ELSE round(dist::numeric) END) <= ${query.radiusKm}`
					: sql``;

			const sort = effectiveSort(query);
			const orderBy = (a: string) =>
				sql.raw(
					sort === 'afstand'
						? `${a}.dist ASC NULLS LAST, ${a}.score DESC, ${a}.naam, ${a}.service_id`
						: hasText
							? `${a}.score DESC, ${a}.naam, ${a}.service_id`
							: // Without words: alphabetical, served by search_documents_naam_idx.
								`${a}.organisation_naam, ${a}.naam, ${a}.service_id`
				);
			const pageSize = Math.max(1, query.pageSize);
			const offset = (Math.max(1, query.page) - 1) * pageSize;

			// Array facets unnest in the select list (a ProjectSet): about twice as fast as a LATERAL unnest per row.
			const facetSql = (name: Flag, valueSql: string) =>
				sql`(SELECT coalesce(json_agg(json_build_object('value', x.v, 'count', x.c)), '[]'::json)
					FROM (SELECT v, count(*)::int AS c FROM (SELECT ${sql.raw(valueSql)} AS v FROM scoped s WHERE ${allBut(name)}) y
						GROUP BY 1) x)`;

			// Counting without words (see countCache): reuse the counts of this exact filter set; or, with one filter group
			// active, take that group's (disjunctive) counts from the entry without it and count the rest over the filtered
			// rows only, which the indexes find quickly.
			const cacheable = !hasText && (query.origin === null || query.radiusKm === null);
			const keyOf = (filters: EngineFilters) =>
				JSON.stringify([filters, query.excludeProfessionalOnly ?? false]);
			const fresh = (key: string) => {
				const entry = countCache.get(key);
				return entry && Date.now() - entry.at < COUNT_CACHE_MS ? entry : undefined;
			};
			const active = flagNames.filter((n) => isActive(f, n));
			const cached = cacheable ? fresh(keyOf(f)) : undefined;
			let fromOtherEntry: { flag: Flag; facets: SearchFacets } | null = null;
			if (cacheable && !cached && query.facets && active.length === 1) {
				const entry = fresh(keyOf(withoutGroup(f, active[0])));
				if (entry) fromOtherEntry = { flag: active[0], facets: entry.facets };
			}
			const useCache = cached !== undefined;
			const counting = !useCache;
			const countedFacet = (name: Flag) => fromOtherEntry?.flag !== name;
			if (fromOtherEntry) where.push(...active.map((n) => flags[n]));

			const facetColumns: [Flag, SQL][] = [
				['type', facetSql('type', 's.organisation_type')],
				['doelgroep', facetSql('doelgroep', 'unnest(s.doelgroepen)')],
				['expertise', facetSql('expertise', 'unnest(s.expertise)')],
				['regio', facetSql('regio', 'unnest(s.region_ids)::text')],
				['gemeente', facetSql('gemeente', 'unnest(s.gemeente_codes)')],
				[
					'dagEnNacht',
					sql`(SELECT count(*)::int FROM scoped s WHERE ${allBut('dagEnNacht')} AND s.dag_en_nacht)`
				]
			];
			const facets =
				query.facets && counting
					? sql.join(
							facetColumns
								.filter(([name]) => countedFacet(name))
								.map(([name, column]) => sql`, ${column} AS ${sql.raw(`"facet_${name}"`)}`),
							sql``
						)
					: sql``;

			const statement = sql`
				WITH base AS (
					SELECT d.service_id, d.naam, d.organisation_naam, d.organisation_type, d.doelgroepen, d.expertise,
						d.region_ids, d.gemeente_codes, d.dag_en_nacht,
						${score} AS score,
						${distanceSql(query)} AS dist,
						${flags.type} AS f_type, ${flags.doelgroep} AS f_doelgroep, ${flags.expertise} AS f_expertise,
						${flags.regio} AS f_regio, ${flags.gemeente} AS f_gemeente, ${flags.dagEnNacht} AS f_dagEnNacht
					FROM search_documents d
					${where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``}
				),
				scoped AS ${counting ? sql`MATERIALIZED` : sql``} (SELECT * FROM base ${radius})
				SELECT
					${counting ? sql`(SELECT count(*)::int FROM scoped s WHERE ${allBut(null)})` : sql`NULL::int`} AS total,
					(SELECT coalesce(json_agg(json_build_object(
						'serviceId', d.service_id, 'naam', d.naam, 'categorie', d.categorie,
						'beschrijving', left(d.beschrijving, ${SUMMARY_LENGTH}),
						'doelgroepen', d.doelgroepen, 'expertise', d.expertise, 'dagEnNacht', d.dag_en_nacht,
						'voorProfessionals', d.voor_professionals, 'telefoon', d.telefoon,
						'organisationId', d.organisation_id, 'organisationSlug', d.organisation_slug,
						'organisationNaam', d.organisation_naam, 'organisationType', d.organisation_type,
						'locaties', d.locaties, 'dist', p.dist) ORDER BY ${orderBy('p')}), '[]'::json)
					FROM (
						SELECT s.service_id, s.dist, s.score, s.naam, s.organisation_naam
						FROM scoped s WHERE ${allBut(null)}
						ORDER BY ${orderBy('s')} LIMIT ${pageSize} OFFSET ${offset}
					) p JOIN search_documents d ON d.service_id = p.service_id) AS hits
					${facets}
			`;
			// The planner prices a tsvector match far too low and picks a sequential scan over the GIN index for common words
			// (measured: 140 ms against 5 ms on 15,000 documents). Within this statement's transaction only, seq scans are
			// priced out; JIT is off because that price would otherwise trigger compilation.
			const [row] = hasText
				? await db.transaction(async (tx) => {
						await tx.execute(
							sql`SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)`
						);
						return rowsOf(await tx.execute(statement));
					})
				: rowsOf(await db.execute(statement));
			const hits = (parseJson(row.hits) as Row[]).map(toHit);
			let total = useCache ? cached.total : Number(row.total);
			let facetResult: SearchFacets | null = useCache ? cached.facets : null;
			if (counting && query.facets) {
				const counted = (name: Flag) => (countedFacet(name) ? row[`facet_${name}`] : undefined);
				const other = fromOtherEntry?.facets;
				facetResult = {
					type: other && !countedFacet('type') ? other.type : facetCounts(counted('type')),
					doelgroep:
						other && !countedFacet('doelgroep') ? other.doelgroep : facetCounts(counted('doelgroep')),
					expertise:
						other && !countedFacet('expertise') ? other.expertise : facetCounts(counted('expertise')),
					regio: other && !countedFacet('regio') ? other.regio : facetCounts(counted('regio')),
					gemeente: other && !countedFacet('gemeente') ? other.gemeente : facetCounts(counted('gemeente')),
					dagEnNacht: other && !countedFacet('dagEnNacht') ? other.dagEnNacht : Number(counted('dagEnNacht'))
				};
				if (cacheable) {
					if (countCache.size >= COUNT_CACHE_MAX) countCache.delete(countCache.keys().next().value!);
					countCache.set(keyOf(f), { at: Date.now(), total, facets: facetResult });
				}
			}
			total = Number(total);
			return {
				total,
				hits,
				facets: query.facets ? facetResult : null,
				page: Math.max(1, query.page),
				pageSize
			};
		}
	};
}

function parseJson(value: unknown): unknown {
	return typeof value === 'string' ? JSON.parse(value) : value;
}

function facetCounts(value: unknown): FacetCount[] {
	return sortFacetCounts(
		(parseJson(value) as { value: string; count: number }[]).map((x) => ({
			value: x.value,
			count: Number(x.count)
		}))
	);
}

function toHit(r: Row): SearchHit {
	return {
		serviceId: r.serviceId as string,
		naam: r.naam as string,
		categorie: r.categorie as string,
		beschrijving: r.beschrijving as string,
		doelgroepen: r.doelgroepen as string[],
		expertise: r.expertise as string[],
		dagEnNacht: r.dagEnNacht as boolean,
		voorProfessionals: r.voorProfessionals as boolean,
		telefoon: (r.telefoon as string | null) ?? null,
		organisation: {
			id: r.organisationId as string,
			slug: r.organisationSlug as string,
			naam: r.organisationNaam as string,
			type: r.organisationType as string
		},
		locaties: r.locaties as SearchDocumentLocation[],
		afstandKm: r.dist === null || r.dist === undefined ? null : roundKm(Number(r.dist))
	};
}
