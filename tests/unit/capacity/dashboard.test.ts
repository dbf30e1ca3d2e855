import { describe, expect, it } from 'vitest';
import {
	blockingForCapacity,
	capacityRows,
	describeRow,
	formatBand,
	type CapacityInputs,
	type CapacityRow
} from '$domain/capacity/dashboard';
import { bedsForBlockingTarget, erlangB } from '$domain/capacity/erlang';
import { computeNeeded, defaultPrognosisParameters, wholeBeds } from '$domain/capacity/prognosis';

const parameters = defaultPrognosisParameters({
	regio: 'drenthe-steenwijkerland',
	setting: 'hospice',
	basisJaar: 2023,
	basisOverledenen: 6261,
	groeiPerJaar: 0.012138
});

const inputs: CapacityInputs = {
	parameters,
	extern: [
		{ regio: 'drenthe-steenwijkerland', jaar: 2030, setting: 'hospice', laag: 31, hoog: 35, bron: 'Akkoord' }
	],
	gepland: [
		{
			naam: 'Nieuw hospice',
			regio: 'drenthe-steenwijkerland',
			setting: 'hospice',
			bedden: 6,
			verwachteOpening: '2027-09-01',
			status: 'vergund'
		}
	],
	geregistreerd: 20,
	vanafJaar: 2026,
	bezettingDitJaar: 0.78
};

describe('capacityRows', () => {
	it('gives one row per year to 2030 with available beds, the model next to an external band, and occupancy now', () => {
		const rows = capacityRows(inputs);
		expect(rows.map((r) => r.jaar)).toEqual([2026, 2027, 2028, 2029, 2030]);
		expect(rows.map((r) => r.beschikbaar)).toEqual([20, 26, 26, 26, 26]);
		expect(rows.map((r) => r.bron)).toEqual(['berekend', 'berekend', 'berekend', 'berekend', 'extern']);
		const last = rows[4];
		expect([last.nodigLaag, last.nodigHoog, last.modelLaag, last.modelHoog]).toEqual([31, 35, 31, 35]);
		expect(last.extern).toEqual({ laag: 31, hoog: 35, bron: 'Akkoord' });
		expect([last.tekortLaag, last.tekortHoog]).toEqual([5, 9]);
		expect(rows.map((r) => r.bezetting)).toEqual([0.78, null, null, null, null]);
		// The computed years hold the model's band.
		expect(rows[0].nodigLaag).toBe(wholeBeds(computeNeeded(parameters, 2026).laag));
	});

	it('moves the band with a scenario, drops the external band then, and leaves the inputs alone', () => {
		const before = structuredClone(inputs);
		const base = capacityRows(inputs);
		const scenario = capacityRows(inputs, { ligduurDagen: 30 });
		expect(scenario[4].bron).toBe('berekend');
		expect(scenario[4].extern).toBeNull();
		// 30 instead of 22 days: 30.797 × 30/22 = 41.996 → 42 beds; 34.219 × 30/22 = 46.66 → 47 beds.
		expect([scenario[4].nodigLaag, scenario[4].nodigHoog]).toEqual([42, 47]);
		expect(scenario[0].nodigLaag).toBeGreaterThan(base[0].nodigLaag);
		expect(inputs).toEqual(before);
		// An empty scenario is no scenario.
		expect(capacityRows(inputs, {})).toEqual(base);
	});
});

describe('describeRow', () => {
	const row = (tekortLaag: number, tekortHoog: number): CapacityRow =>
		({
			jaar: 2030,
			nodigLaag: 31,
			nodigHoog: 35,
			beschikbaar: 31 - tekortLaag,
			tekortLaag,
			tekortHoog
		}) as CapacityRow;

	it('says in plain words whether there are enough beds', () => {
		expect(describeRow(row(11, 15))).toBe(
			'In 2030 zijn er naar verwachting 31 tot 35 bedden nodig, en zijn er 20 bedden (bestaand en gepland). Er komen dan 11 tot 15 bedden tekort.'
		);
		expect(describeRow(row(-1, 3))).toMatch(
			/mogelijk genoeg, maar als de vraag hoog uitvalt, komen er tot 3 bedden tekort\.$/
		);
		expect(describeRow(row(-4, 0))).toMatch(/precies genoeg/);
		expect(describeRow(row(-6, -2))).toMatch(/er zijn 2 tot 6 bedden meer dan nodig\.$/);
		expect(formatBand(4, 4)).toBe('4');
	});
});

describe('blockingForCapacity', () => {
	it('computes the chance of no free bed for the beds a region has, next to the norm', () => {
		const b = blockingForCapacity(parameters, 2030, 26, 0.1);
		// Low edge: offered load 24.64 (see the Drenthe worked example); with 26 beds B(26, 24.64).
		expect(b.laag.aanbod).toBeCloseTo(24.638, 2);
		expect(b.laag.kans).toBeCloseTo(erlangB(26, b.laag.aanbod), 12);
		expect(b.laag.kans).toBeGreaterThan(0.1);
		expect(b.laag.beddenBijDoel).toBe(bedsForBlockingTarget(b.laag.aanbod, 0.1));
		expect(b.laag.beddenBijDoel).toBe(27);
		expect(b.laag.norm.beddenBijNorm).toBe(31);
		expect(b.laag.uitlegKans).toMatch(
			/^De kans dat er geen bed vrij is als iemand een bed nodig heeft, is met 26 bedden ongeveer/
		);
		expect(b.hoog.uitlegNorm).toMatch(/^Bij een bezettingsnorm van 80%/);
	});
});
