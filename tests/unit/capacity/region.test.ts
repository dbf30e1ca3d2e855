import { describe, expect, it } from 'vitest';
import { ageWeightedGrowthRate, regionalDeaths, share75Plus } from '$domain/capacity/region';

describe('regionalDeaths', () => {
	it('weights a gemeente split between networks by its share', () => {
		// 300 + 2/3 × 90 = 360.
		const result = regionalDeaths([
			{ gemeenteCode: 'GM0001', aandeel: 1, overledenen: 300 },
			{ gemeenteCode: 'GM0002', aandeel: 2 / 3, overledenen: 90 }
		]);
		expect(result.overledenen).toBeCloseTo(360, 10);
		expect(result.ontbrekend).toEqual([]);
	});

	it('names gemeenten without a figure instead of silently counting them as zero deaths', () => {
		const result = regionalDeaths([
			{ gemeenteCode: 'GM0001', aandeel: 1, overledenen: 300 },
			{ gemeenteCode: 'GM0003', aandeel: 1, overledenen: null }
		]);
		expect(result).toEqual({ overledenen: 300, ontbrekend: ['GM0003'] });
	});
});

describe('share75Plus', () => {
	it('weights each gemeente by its inhabitants in the region', () => {
		// (1 × 10,000 × 0.20 + 0.5 × 40,000 × 0.05) ÷ (10,000 + 20,000) = (2,000 + 1,000) ÷ 30,000 = 0.10.
		expect(
			share75Plus([
				{ aandeel: 1, inwoners: 10_000, aandeel75Plus: 0.2 },
				{ aandeel: 0.5, inwoners: 40_000, aandeel75Plus: 0.05 }
			])
		).toBeCloseTo(0.1, 12);
	});

	it('leaves out gemeenten without data and is null when none has any', () => {
		expect(
			share75Plus([
				{ aandeel: 1, inwoners: 10_000, aandeel75Plus: 0.2 },
				{ aandeel: 1, inwoners: null, aandeel75Plus: 0.9 }
			])
		).toBeCloseTo(0.2, 12);
		expect(share75Plus([{ aandeel: 1, inwoners: 10_000, aandeel75Plus: null }])).toBeNull();
		expect(share75Plus([])).toBeNull();
	});
});

describe('ageWeightedGrowthRate', () => {
	it('scales the national rate by the ratio of regional to national share 75+', () => {
		// 1% × (0.12 ÷ 0.08) = 1.5%; a younger region grows slower: 1% × (0.06 ÷ 0.08) = 0.75%.
		expect(ageWeightedGrowthRate(0.01, 0.12, 0.08)).toBeCloseTo(0.015, 12);
		expect(ageWeightedGrowthRate(0.01, 0.06, 0.08)).toBeCloseTo(0.0075, 12);
	});

	it('keeps the national rate when age data is missing', () => {
		expect(ageWeightedGrowthRate(0.01, null, 0.08)).toBe(0.01);
		expect(ageWeightedGrowthRate(0.01, 0.1, null)).toBe(0.01);
		expect(ageWeightedGrowthRate(0.01, 0.1, 0)).toBe(0.01);
	});
});
