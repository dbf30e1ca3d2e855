import { z } from 'zod';
import { parsePostcode } from '../geo/postcode';
import { codesOf } from '../organisation/taxonomy';
import { type SortOrder, sortOrders } from './engine';

/**
 * The whole search state lives in the URL (shareable, bookmarkable, back/forward work). This module turns query parameters
 * into a canonical state and back. Parsing is lenient on purpose: a shared link with an unknown code or a bad page number
 * still shows results, it just drops what it does not understand. Only an unusable postcode is reported, because the
 * user typed it and needs to know why distances are missing.
 */

export interface SearchState {
	q: string;
	type: string[];
	doelgroep: string[];
	expertise: string[];
	/** Region slugs. */
	regio: string[];
	/** Gemeente codes (GM0363). */
	gemeente: string[];
	dagEnNacht: boolean;
	/** Normalised postcode ("9401" or "9401 AB"); an invalid entry is kept as typed so the form can show it back. */
	postcode: string;
	straal: number | null;
	/** null: automatic (by distance when there is a postcode, else by relevance). */
	sort: SortOrder | null;
	pagina: number;
}

export const MAX_QUERY_LENGTH = 120;
export const MAX_PAGE = 500;
export const MAX_RADIUS_KM = 250;
/** The radius choices offered in the form (any whole number up to MAX_RADIUS_KM is accepted in a URL). */
export const radiusOptions = [5, 10, 25, 50, 100] as const;
export const filterKeys = ['type', 'doelgroep', 'expertise', 'regio', 'gemeente'] as const;
export type FilterKey = (typeof filterKeys)[number];
/** Values a checkbox may send for "dag en nacht bereikbaar". */
const TRUE_VALUES = new Set(['ja', '1', 'true', 'on']);

function codeList(allowed: readonly string[] | RegExp) {
	return z
		.array(z.string())
		.transform((values) =>
			[...new Set(values.map((v) => v.trim()))]
				.filter((v) => (Array.isArray(allowed) ? allowed.includes(v) : (allowed as RegExp).test(v)))
				.sort()
		)
		.catch([]);
}

/** The one schema of the search input shape (URL, GET form, CSV link, map data request). */
export const searchStateSchema = z.object({
	q: z
		.string()
		.transform((s) => s.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH))
		.catch(''),
	type: codeList(codesOf('organisatietype')),
	doelgroep: codeList(codesOf('doelgroep')),
	expertise: codeList(codesOf('expertise')),
	regio: codeList(/^[a-z0-9][a-z0-9-]{0,80}$/),
	gemeente: codeList(/^GM[0-9]{4}$/),
	dagEnNacht: z.boolean().catch(false),
	postcode: z
		.string()
		.transform((s) => {
			const trimmed = s.trim().slice(0, 12);
			const parsed = parsePostcode(trimmed);
			return parsed ? (parsed.volledig ?? parsed.pc4) : trimmed;
		})
		.catch(''),
	straal: z.coerce.number().int().min(1).max(MAX_RADIUS_KM).nullable().catch(null),
	sort: z.enum(sortOrders).nullable().catch(null),
	pagina: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1)
});

export interface ParsedSearch {
	state: SearchState;
	/** Dutch messages per field for what the user should fix (only the postcode for now). */
	problems: Partial<Record<'postcode', string>>;
}

function optional(params: URLSearchParams, key: string): string | null {
	const v = params.get(key);
	return v === null || v.trim() === '' ? null : v;
}

export function parseSearchParams(params: URLSearchParams): ParsedSearch {
	const state = searchStateSchema.parse({
		q: params.get('q') ?? '',
		type: params.getAll('type'),
		doelgroep: params.getAll('doelgroep'),
		expertise: params.getAll('expertise'),
		regio: params.getAll('regio'),
		gemeente: params.getAll('gemeente'),
		dagEnNacht: TRUE_VALUES.has((params.get('dagEnNacht') ?? '').toLowerCase()),
		postcode: params.get('postcode') ?? '',
		straal: optional(params, 'straal'),
		sort: optional(params, 'sort'),
		pagina: optional(params, 'pagina') ?? 1
	});
	const problems: ParsedSearch['problems'] = {};
	if (state.postcode && !parsePostcode(state.postcode)) {
		problems.postcode = 'Vul een postcode in met 4 cijfers, bijvoorbeeld 9401 of 9401 AB.';
	}
	return { state, problems };
}

/** Canonical query parameters: defaults left out, lists sorted, so equal states give equal URLs. */
export function toSearchParams(state: SearchState): URLSearchParams {
	const p = new URLSearchParams();
	if (state.q) p.set('q', state.q);
	for (const key of filterKeys) for (const v of [...state[key]].sort()) p.append(key, v);
	if (state.dagEnNacht) p.set('dagEnNacht', 'ja');
	if (state.postcode) p.set('postcode', state.postcode);
	if (state.straal !== null) p.set('straal', String(state.straal));
	if (state.sort !== null) p.set('sort', state.sort);
	if (state.pagina > 1) p.set('pagina', String(state.pagina));
	return p;
}

/** "?q=..." or "" for the empty state. */
export function toQueryString(state: SearchState): '' | `?${string}` {
	const s = toSearchParams(state).toString();
	return s ? `?${s}` : '';
}

export const emptySearchState: SearchState = searchStateSchema.parse({
	q: '',
	type: [],
	doelgroep: [],
	expertise: [],
	regio: [],
	gemeente: [],
	dagEnNacht: false,
	postcode: '',
	straal: null,
	sort: null,
	pagina: 1
});

/** A new state with some fields changed; any change other than the page itself goes back to page 1. */
export function withChanges(state: SearchState, changes: Partial<SearchState>): SearchState {
	return { ...state, pagina: 1, ...changes };
}

/** Tick or untick one filter value. */
export function toggleFilter(state: SearchState, key: FilterKey, value: string): SearchState {
	const current = state[key];
	const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value].sort();
	return withChanges(state, { [key]: next });
}

/** The sort in effect: explicit, or by distance when a valid postcode is given. */
export function resolvedSort(state: SearchState): SortOrder {
	if (state.sort) return state.sort;
	return parsePostcode(state.postcode) ? 'afstand' : 'relevantie';
}

/** True when the state asks for anything (text, filters or a postcode). */
export function hasCriteria(state: SearchState): boolean {
	return (
		state.q !== '' || state.dagEnNacht || state.postcode !== '' || filterKeys.some((k) => state[k].length > 0)
	);
}
