import { describe, expect, it } from 'vitest';
import {
	type PlannedCapacity,
	capacityGapTable,
	countRegisteredBeds,
	gapTable,
	openingYear,
	plannedBedsInYear
} from '$domain/capacity/gap';
import {
	type ExternalPrognosis,
	computeNeeded,
	defaultPrognosisParameters
} from '$domain/capacity/prognosis';

const planned = (
	bedden: number,
	verwachteOpening: string,
	status: PlannedCapacity['status']
): PlannedCapacity => ({
	naam: `Hospice ${verwachteOpening}`,
	regio: 'drenthe',
	setting: 'hospice',
	bedden,
	verwachteOpening,
	status
});

describe('planned beds', () => {
	const gepland = [
		planned(6, '2027-11-01', 'in_aanbouw'),
		planned(4, '2029-03-15', 'plan'),
		planned(5, '2026-01-01', 'open')
	];

	it('count from their opening year on, cumulatively', () => {
		expect(openingYear('2027-11-01')).toBe(2027);
		expect(plannedBedsInYear(gepland, 2025).totaal).toBe(0);
		expect(plannedBedsInYear(gepland, 2026).totaal).toBe(5);
		// Opening in November still counts for all of 2027.
		expect(plannedBedsInYear(gepland, 2027).totaal).toBe(11);
		expect(plannedBedsInYear(gepland, 2030).totaal).toBe(15);
	});

	it('count every status by default and show the split per status', () => {
		expect(plannedBedsInYear(gepland, 2030)).toEqual({
			totaal: 15,
			perStatus: { plan: 4, vergund: 0, in_aanbouw: 6, open: 5 }
		});
	});

	it('can leave out bare plans while still showing them', () => {
		const firm = plannedBedsInYear(gepland, 2030, ['vergund', 'in_aanbouw', 'open']);
		expect(firm.totaal).toBe(11);
		expect(firm.perStatus.plan).toBe(4);
	});

	it('rejects an opening date that is not a date', () => {
		expect(() => openingYear('binnenkort')).toThrow(RangeError);
	});
});

describe('countRegisteredBeds', () => {
	it('sums active units of the chosen settings', () => {
		const units = [
			{ setting: 'hospice', aantalBedden: 8 },
			{ setting: 'hospice', aantalBedden: 4, status: 'gearchiveerd' as const },
			{ setting: 'bijna_thuis_huis', aantalBedden: 5, status: 'actief' as const },
			{ setting: 'palliatieve_unit_vvt', aantalBedden: 10 }
		];
		expect(countRegisteredBeds(units, ['hospice'])).toBe(8);
		expect(countRegisteredBeds(units, ['hospice', 'bijna_thuis_huis'])).toBe(13);
		expect(countRegisteredBeds(units, [])).toBe(0);
	});
});

describe('gapTable', () => {
	it('gives one row per year through 2030 with whole beds and the gap against registered + planned', () => {
		const rows = gapTable({
			vanafJaar: 2026,
			geregistreerd: 20,
			gepland: [planned(6, '2028-06-01', 'vergund')],
			// Need rises by one bed a year from 28.2 to 32.2 beds (low) and is 3.5 beds higher at the top.
			nodig: (jaar) => ({ laag: 28.2 + (jaar - 2026), hoog: 31.7 + (jaar - 2026), bron: 'berekend' })
		});
		expect(rows.map((r) => r.jaar)).toEqual([2026, 2027, 2028, 2029, 2030]);
		expect(rows[0]).toMatchObject({
			geregistreerd: 20,
			gepland: 0,
			nodigLaag: 29,
			nodigHoog: 32,
			tekortLaag: 9,
			tekortHoog: 12,
			bron: 'berekend'
		});
		// 2028: need 30.2 → 31 and 33.7 → 34; available 20 + 6 = 26.
		expect(rows[2]).toMatchObject({ gepland: 6, nodigLaag: 31, nodigHoog: 34, tekortLaag: 5, tekortHoog: 8 });
		expect(rows[2].geplandPerStatus.vergund).toBe(6);
	});

	it('shows a surplus as a negative gap', () => {
		const [row] = gapTable({
			vanafJaar: 2030,
			geregistreerd: 40,
			gepland: [],
			nodig: () => ({ laag: 30, hoog: 35, bron: 'extern' })
		});
		expect([row.tekortLaag, row.tekortHoog, row.bron]).toEqual([-10, -5, 'extern']);
	});

	it('is empty when the first year lies past the last', () => {
		expect(
			gapTable({
				vanafJaar: 2031,
				geregistreerd: 0,
				gepland: [],
				nodig: () => ({ laag: 1, hoog: 1, bron: 'berekend' })
			})
		).toEqual([]);
	});
});

describe('capacityGapTable', () => {
	const parameters = defaultPrognosisParameters({
		regio: 'drenthe',
		setting: 'hospice',
		basisJaar: 2023,
		basisOverledenen: 6261
	});
	const extern: ExternalPrognosis[] = [
		{ regio: 'drenthe', jaar: 2030, setting: 'hospice', laag: 40, hoog: 44 }
	];
	const gepland = [
		planned(6, '2027-01-01', 'plan'),
		{ ...planned(50, '2027-01-01', 'open'), regio: 'twente' },
		{ ...planned(9, '2027-01-01', 'open'), setting: 'bijna_thuis_huis' as const }
	];

	it('uses the external band where there is one and the model elsewhere, per year', () => {
		const rows = capacityGapTable({ parameters, extern, geregistreerd: 20, gepland, vanafJaar: 2028 });
		expect(rows.map((r) => r.bron)).toEqual(['berekend', 'berekend', 'extern']);
		expect(rows[2]).toMatchObject({
			nodigLaag: 40,
			nodigHoog: 44,
			tekortLaag: 14,
			tekortHoog: 18,
			aannames: []
		});
		const model2028 = computeNeeded(parameters, 2028);
		expect(rows[0].nodigLaag).toBe(Math.ceil(model2028.laag));
		expect(rows[0].aannames).toEqual(['groeiPerJaar']);
	});

	it('counts only planned beds of this region and setting', () => {
		const rows = capacityGapTable({ parameters, geregistreerd: 20, gepland, vanafJaar: 2030 });
		expect(rows[0].gepland).toBe(6);
	});

	it('recomputes with a scenario, ignoring the external band, without changing the stored parameters', () => {
		const before = structuredClone(parameters);
		const [row] = capacityGapTable({
			parameters,
			extern,
			geregistreerd: 20,
			gepland: [],
			vanafJaar: 2030,
			scenario: { naam: 'Lagere norm', bezettingsnorm: 0.7 }
		});
		expect(row.bron).toBe('berekend');
		// Same need at a 70% norm instead of 80%: × 0.8 / 0.7.
		const model = computeNeeded(parameters, 2030);
		expect(row.nodigLaag).toBe(Math.ceil((model.laag * 0.8) / 0.7));
		expect(row.aannames).toContain('bezettingsnorm');
		expect(parameters).toEqual(before);
	});

	it('treats an empty scenario as no scenario', () => {
		const [row] = capacityGapTable({
			parameters,
			extern,
			geregistreerd: 20,
			gepland: [],
			vanafJaar: 2030,
			scenario: { naam: 'leeg' }
		});
		expect(row.bron).toBe('extern');
	});
});
