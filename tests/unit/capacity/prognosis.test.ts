import { describe, expect, it } from 'vitest';
import { EXPECTED_DEATH_SHARE, NATIONAL_DEATHS, NATIONAL_DEATHS_YEAR } from '$domain/capacity/defaults';
import {
	type ExternalPrognosis,
	type PrognosisParameters,
	bedsNeeded,
	computeNeeded,
	deathsFromGrowth,
	defaultPrognosisParameters,
	resolveNeeded,
	resolveYear,
	wholeBeds
} from '$domain/capacity/prognosis';

describe('bedsNeeded: worked example (a), national sanity check', () => {
	it('gives about 807 hospice beds for the Netherlands at a 9.5% share', () => {
		// By hand: 169,000 deaths × 2/3 expected = 112,666.67 expected deaths
		//   × 9.5% needing a hospice = 10,703.33 patients a year
		//   × 22 days = 235,473.33 bed-days a year
		//   ÷ (365 × 0.8 = 292 bed-days a bed delivers at an 80% norm) = 806.4155 beds → 807 whole beds.
		const beds = bedsNeeded({
			verwachteOverledenen: NATIONAL_DEATHS * EXPECTED_DEATH_SHARE,
			aandeelSetting: 0.095,
			ligduurDagen: 22,
			bezettingsnorm: 0.8
		});
		expect(beds).toBeCloseTo(806.4155, 4);
		expect(wholeBeds(beds)).toBe(807);
	});

	it('gives the 9–10% band around it with the default parameters', () => {
		const params = defaultPrognosisParameters({
			regio: 'nederland',
			setting: 'hospice',
			basisJaar: NATIONAL_DEATHS_YEAR,
			basisOverledenen: NATIONAL_DEATHS
		});
		const result = computeNeeded(params, NATIONAL_DEATHS_YEAR);
		// 112,666.67 × 9% × 22 ÷ 292 = 763.97;  112,666.67 × 10% × 22 ÷ 292 = 848.86.
		expect(result.laag).toBeCloseTo(763.9726, 4);
		expect(result.hoog).toBeCloseTo(848.8584, 4);
		expect(result.verwachteOverledenen).toBeCloseTo(112_666.67, 2);
		// Patients a year at each edge: the arrivals the Erlang-B measure uses.
		expect(result.opnamesLaag).toBeCloseTo(10_140, 6);
		expect(result.opnamesHoog).toBeCloseTo(11_266.67, 2);
	});

	it('scales inversely with the occupancy norm and linearly with the length of stay', () => {
		const base = { verwachteOverledenen: 1000, aandeelSetting: 0.1, ligduurDagen: 20, bezettingsnorm: 0.8 };
		// 1000 × 0.1 × 20 = 2000 bed-days; ÷ 292 = 6.849; at a 100% norm ÷ 365 = 5.479; double stay doubles it.
		expect(bedsNeeded(base)).toBeCloseTo(2000 / 292, 10);
		expect(bedsNeeded({ ...base, bezettingsnorm: 1 })).toBeCloseTo(2000 / 365, 10);
		expect(bedsNeeded({ ...base, ligduurDagen: 40 })).toBeCloseTo(4000 / 292, 10);
	});
});

describe('wholeBeds', () => {
	it('rounds a part of a bed up, but not floating-point noise', () => {
		expect(wholeBeds(30.1)).toBe(31);
		expect(wholeBeds(31)).toBe(31);
		expect(wholeBeds(31.000000000004)).toBe(31);
		expect(wholeBeds(0)).toBe(0);
		expect(wholeBeds(-2)).toBe(0);
	});
});

describe('deaths per year', () => {
	it('grows the base-year deaths by the yearly rate, also backwards', () => {
		// 1000 × 1.01^7 = 1072.1354; 1000 ÷ 1.01^2 = 980.2960.
		expect(deathsFromGrowth(1000, 2023, 0.01, 2030)).toBeCloseTo(1072.1354, 4);
		expect(deathsFromGrowth(1000, 2023, 0.01, 2021)).toBeCloseTo(980.296, 3);
		expect(deathsFromGrowth(1000, 2023, 0.01, 2023)).toBe(1000);
	});

	const params = (): PrognosisParameters =>
		defaultPrognosisParameters({ regio: 'r', setting: 'hospice', basisJaar: 2023, basisOverledenen: 1000 });

	it('uses entered deaths over the growth path, and marks where the number comes from', () => {
		const p: PrognosisParameters = {
			...params(),
			perJaar: { 2028: { overledenen: 1200, bron: { tekst: 'Regionale prognose 2025', aanname: false } } }
		};
		expect(resolveYear(p, 2028)).toMatchObject({ overledenen: 1200, overledenenHerkomst: 'ingevoerd' });
		expect(resolveYear(p, 2027).overledenenHerkomst).toBe('groei');
		expect(resolveYear(p, 2027).overledenen).toBeCloseTo(1000 * 1.01 ** 4, 8);
	});

	it('lists the growth rate as an assumption only where it shapes the number', () => {
		const p: PrognosisParameters = { ...params(), perJaar: { 2029: { overledenen: 1100 } } };
		expect(resolveYear(p, 2030).aannames).toEqual(['groeiPerJaar']);
		expect(resolveYear(p, 2023).aannames).toEqual([]);
		expect(resolveYear(p, 2029).aannames).toEqual([]);
	});

	it('applies per-year overrides of other values, with their own assumption flag', () => {
		const p: PrognosisParameters = {
			...params(),
			perJaar: { 2030: { ligduurDagen: 30, bron: { tekst: 'schatting coördinator', aanname: true } } }
		};
		const year = resolveYear(p, 2030);
		expect(year.ligduurDagen).toBe(30);
		expect(year.aannames).toContain('ligduurDagen');
		expect(resolveYear(p, 2029).ligduurDagen).toBe(22);
	});
});

describe('external prognosis takes precedence', () => {
	const params = defaultPrognosisParameters({
		regio: 'drenthe',
		setting: 'hospice',
		basisJaar: 2023,
		basisOverledenen: 6000
	});
	const extern: ExternalPrognosis[] = [
		{ regio: 'drenthe', jaar: 2030, setting: 'hospice', laag: 40, hoog: 44 },
		{ regio: 'drenthe', jaar: 2030, setting: 'bijna_thuis_huis', laag: 5, hoog: 6 },
		{ regio: 'twente', jaar: 2029, setting: 'hospice', laag: 50, hoog: 55 },
		{ regio: 'drenthe', jaar: 2030, setting: 'hospice', laag: 41, hoog: 45, bron: 'herziening' }
	];

	it('uses the matching band, the last row winning, and still reports the model', () => {
		const result = resolveNeeded(params, 2030, extern);
		expect(result).toMatchObject({ bron: 'extern', laag: 41, hoog: 45 });
		expect(result.extern?.bron).toBe('herziening');
		expect(result.berekend.laag).toBeCloseTo(computeNeeded(params, 2030).laag, 10);
	});

	it('falls back to the model for years, regions and settings without a band', () => {
		const result = resolveNeeded(params, 2029, extern);
		expect(result.bron).toBe('berekend');
		expect(result.extern).toBeNull();
		expect(result.laag).toBe(result.berekend.laag);
		expect(result.hoog).toBe(result.berekend.hoog);
	});

	it('can be told to ignore the external band', () => {
		expect(resolveNeeded(params, 2030, extern, { negeerExtern: true }).bron).toBe('berekend');
	});
});

describe('defaultPrognosisParameters', () => {
	it('fills every value with its source and flags the growth rate as an assumption', () => {
		const p = defaultPrognosisParameters({ regio: 'r', setting: 'hospice', basisOverledenen: 500 });
		expect(p).toMatchObject({
			basisJaar: 2023,
			groeiPerJaar: 0.01,
			aandeelVerwacht: 2 / 3,
			aandeelLaag: 0.09,
			aandeelHoog: 0.1,
			ligduurDagen: 22,
			bezettingsnorm: 0.8
		});
		expect(p.bronnen.groeiPerJaar?.aanname).toBe(true);
		expect(p.bronnen.groeiPerJaar?.tekst).toMatch(/^AANNAME/);
		expect(p.bronnen.aandeelSetting?.tekst).toContain('IKNL');
		expect(p.bronnen.aandeelVerwacht?.aanname).toBe(false);
	});

	it('refuses a setting without a published share unless one is given', () => {
		expect(() =>
			defaultPrognosisParameters({ regio: 'r', setting: 'bijna_thuis_huis', basisOverledenen: 500 })
		).toThrow(/bijna_thuis_huis/);
		const p = defaultPrognosisParameters({
			regio: 'r',
			setting: 'bijna_thuis_huis',
			basisOverledenen: 500,
			aandeel: { laag: 0.02, hoog: 0.03, bron: { tekst: 'eigen telling netwerk', aanname: false } }
		});
		expect([p.aandeelLaag, p.aandeelHoog]).toEqual([0.02, 0.03]);
		expect(p.bronnen.aandeelSetting?.tekst).toBe('eigen telling netwerk');
	});
});
