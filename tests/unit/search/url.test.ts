import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codesOf } from '../../../src/lib/domain/organisation/taxonomy';
import {
	emptySearchState,
	hasCriteria,
	parseSearchParams,
	resolvedSort,
	type SearchState,
	toggleFilter,
	toQueryString,
	toSearchParams,
	withChanges
} from '../../../src/lib/domain/search/url';

const roundTrip = (state: SearchState) => parseSearchParams(toSearchParams(state)).state;

describe('search state in the URL', () => {
	it('round-trips a full state', () => {
		const state: SearchState = {
			q: 'hospice assen',
			type: ['hospice', 'vptz'],
			doelgroep: ['verslaving'],
			expertise: ['middelengebruik', 'pijnbeleid'],
			regio: ['drenthe-assen'],
			gemeente: ['GM0106', 'GM0363'],
			dagEnNacht: true,
			postcode: '9401 AB',
			straal: 25,
			sort: 'afstand',
			pagina: 3
		};
		expect(roundTrip(state)).toEqual(state);
		expect(toQueryString(state)).toBe(
			'?q=hospice+assen&type=hospice&type=vptz&doelgroep=verslaving&expertise=middelengebruik&expertise=pijnbeleid' +
				'&regio=drenthe-assen&gemeente=GM0106&gemeente=GM0363&dagEnNacht=ja&postcode=9401+AB&straal=25&sort=afstand&pagina=3'
		);
	});

	it('leaves defaults out, so the empty state is the bare page', () => {
		expect(toQueryString(emptySearchState)).toBe('');
		expect(roundTrip(emptySearchState)).toEqual(emptySearchState);
	});

	it('round-trips any valid state (property)', () => {
		const codes = (vocabulary: Parameters<typeof codesOf>[0]) =>
			fc.uniqueArray(fc.constantFrom(...codesOf(vocabulary)), { maxLength: 4 }).map((a) => [...a].sort());
		const state = fc.record({
			q: fc.string({ maxLength: 40 }).map((s) => s.replace(/\s+/g, ' ').trim()),
			type: codes('organisatietype'),
			doelgroep: codes('doelgroep'),
			expertise: codes('expertise'),
			regio: fc
				.uniqueArray(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/), { maxLength: 3 })
				.map((a) => [...a].sort()),
			gemeente: fc.uniqueArray(fc.stringMatching(/^GM[0-9]{4}$/), { maxLength: 3 }).map((a) => [...a].sort()),
			dagEnNacht: fc.boolean(),
			postcode: fc.oneof(
				fc.constant(''),
				fc.integer({ min: 1000, max: 9999 }).map(String),
				fc.integer({ min: 1000, max: 9999 }).map((n) => `${n} AB`)
			),
			straal: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 250 })),
			sort: fc.constantFrom(null, 'relevantie' as const, 'afstand' as const),
			pagina: fc.integer({ min: 1, max: 500 })
		});
		fc.assert(
			fc.property(state, (s) => {
				expect(roundTrip(s)).toEqual(s);
			})
		);
	});

	it('reads what a GET form without JavaScript sends', () => {
		const { state, problems } = parseSearchParams(
			new URLSearchParams('q=+hospice++&postcode=9401ab&straal=&sort=&type=hospice&dagEnNacht=ja')
		);
		expect(state).toEqual({
			...emptySearchState,
			q: 'hospice',
			postcode: '9401 AB',
			type: ['hospice'],
			dagEnNacht: true
		});
		expect(problems).toEqual({});
	});

	it('drops what it does not understand and reports a bad postcode', () => {
		const { state, problems } = parseSearchParams(
			new URLSearchParams(
				'type=onbekend&type=hospice&gemeente=0363&regio=Drenthe!&pagina=-2&straal=9999&sort=gek&postcode=abc'
			)
		);
		expect(state.type).toEqual(['hospice']);
		expect(state.gemeente).toEqual([]);
		expect(state.regio).toEqual([]);
		expect(state.pagina).toBe(1);
		expect(state.straal).toBeNull();
		expect(state.sort).toBeNull();
		expect(state.postcode).toBe('abc');
		expect(problems.postcode).toMatch(/4 cijfers/);
	});

	it('goes back to page 1 when anything but the page changes', () => {
		const onPage3 = { ...emptySearchState, q: 'hospice', pagina: 3 };
		expect(withChanges(onPage3, { q: 'vptz' }).pagina).toBe(1);
		expect(withChanges(onPage3, { pagina: 4 }).pagina).toBe(4);
		const ticked = toggleFilter(onPage3, 'type', 'vptz');
		expect(ticked).toMatchObject({ type: ['vptz'], pagina: 1 });
		expect(toggleFilter(ticked, 'type', 'vptz').type).toEqual([]);
	});

	it('sorts by distance automatically when there is a postcode', () => {
		expect(resolvedSort(emptySearchState)).toBe('relevantie');
		expect(resolvedSort({ ...emptySearchState, postcode: '9401' })).toBe('afstand');
		expect(resolvedSort({ ...emptySearchState, postcode: '9401', sort: 'relevantie' })).toBe('relevantie');
		expect(hasCriteria(emptySearchState)).toBe(false);
		expect(hasCriteria({ ...emptySearchState, dagEnNacht: true })).toBe(true);
	});
});
