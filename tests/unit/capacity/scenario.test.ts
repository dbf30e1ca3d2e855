import { describe, expect, it } from 'vitest';
import {
	computeNeeded,
	defaultPrognosisParameters,
	type PrognosisParameters
} from '$domain/capacity/prognosis';
import { applyScenario, isActiveScenario } from '$domain/capacity/scenario';

const base = (): PrognosisParameters => ({
	...defaultPrognosisParameters({ regio: 'r', setting: 'hospice', basisJaar: 2023, basisOverledenen: 3650 }),
	perJaar: { 2030: { ligduurDagen: 25, overledenen: 4000 } }
});

describe('applyScenario', () => {
	it('replaces the chosen values, marks them as scenario assumptions and leaves the rest', () => {
		const params = base();
		const next = applyScenario(params, { naam: 'Langer verblijf', ligduurDagen: 30, aandeelHoog: 0.12 });
		expect(next).toMatchObject({
			ligduurDagen: 30,
			aandeelHoog: 0.12,
			aandeelLaag: 0.09,
			bezettingsnorm: 0.8
		});
		expect(next.bronnen.ligduurDagen).toEqual({ tekst: 'Scenario: Langer verblijf', aanname: true });
		expect(next.bronnen.aandeelSetting?.aanname).toBe(true);
		expect(next.bronnen.bezettingsnorm).toEqual(params.bronnen.bezettingsnorm);
		// Not saved: the input is untouched.
		expect(params.ligduurDagen).toBe(22);
		expect(params.perJaar?.[2030].ligduurDagen).toBe(25);
	});

	it('wins over per-year entries of the same value but keeps entered deaths', () => {
		const next = applyScenario(base(), { ligduurDagen: 30, groeiPerJaar: 0.02 });
		const year = computeNeeded(next, 2030).parameters;
		expect(year.ligduurDagen).toBe(30);
		expect(year.overledenen).toBe(4000);
		expect(year.overledenenHerkomst).toBe('ingevoerd');
		// Growth applies to derived years: 3,650 × 1.02^6 = 4,110.5 in 2029.
		expect(computeNeeded(next, 2029).parameters.overledenen).toBeCloseTo(3650 * 1.02 ** 6, 8);
	});

	it('changes the band as the formula says', () => {
		// Halving the occupancy norm doubles the beds needed.
		const before = computeNeeded(base(), 2025);
		const after = computeNeeded(applyScenario(base(), { bezettingsnorm: 0.4 }), 2025);
		expect(after.laag).toBeCloseTo(before.laag * 2, 10);
		expect(after.hoog).toBeCloseTo(before.hoog * 2, 10);
	});

	it('keeps the band ordered when a scenario moves one edge past the other', () => {
		const result = computeNeeded(applyScenario(base(), { aandeelLaag: 0.15 }), 2025);
		expect(result.laag).toBeLessThan(result.hoog);
		expect(result.opnamesLaag).toBeLessThan(result.opnamesHoog);
	});
});

describe('isActiveScenario', () => {
	it('is true only when a value is overridden', () => {
		expect(isActiveScenario(undefined)).toBe(false);
		expect(isActiveScenario({})).toBe(false);
		expect(isActiveScenario({ naam: 'alleen een naam' })).toBe(false);
		expect(isActiveScenario({ groeiPerJaar: 0 })).toBe(true);
	});
});
