import { describe, expect, it } from 'vitest';
import { bedsForBlockingTarget, blockingForPrognosis, erlangB, offeredLoad } from '$domain/capacity/erlang';
import { computeNeeded, defaultPrognosisParameters } from '$domain/capacity/prognosis';

/** The textbook form (A^c/c!) / Σ_{k=0..c} A^k/k!, fine for small c: an independent check on the recursion. */
function erlangBDirect(c: number, a: number): number {
	let term = 1;
	let sum = 1;
	for (let k = 1; k <= c; k++) {
		term *= a / k;
		sum += term;
	}
	return term / sum;
}

describe('erlangB: worked example (c), published table values', () => {
	// Standard Erlang-B table values (blocking probability for c servers and offered load A in erlangs), as printed
	// in traffic-engineering tables; each was also checked by hand or with the direct formula above.
	it.each([
		// B(1, 1) = (1/1!) / (1 + 1) = 0.5 exactly.
		{ c: 1, a: 1, b: 0.5, digits: 12 },
		// B(5, 2) = (32/120) / (1 + 2 + 2 + 4/3 + 2/3 + 4/15) = 0.26667 / 7.26667 = 4/109 = 0.0367.
		{ c: 5, a: 2, b: 4 / 109, digits: 12 },
		{ c: 10, a: 5, b: 0.0184, digits: 4 },
		{ c: 20, a: 15, b: 0.0456, digits: 4 }
	])('B($c, $a) ≈ $b', ({ c, a, b, digits }) => {
		expect(erlangB(c, a)).toBeCloseTo(b, digits);
	});

	it('agrees with the textbook formula wherever that one is still exact', () => {
		for (const c of [0, 1, 2, 3, 7, 12, 25, 40]) {
			for (const a of [0.1, 1, 2.5, 6.6, 15, 30]) {
				expect(erlangB(c, a)).toBeCloseTo(erlangBDirect(c, a), 12);
			}
		}
	});

	it('stays a probability for loads where the textbook form overflows', () => {
		// The textbook terms grow to about e^A / √(2πA), beyond a double's range once A > ~709 erlangs; the national
		// hospice load is already ~680 (11,267 patients × 22 days ÷ 365). The recursion never leaves [0, 1].
		expect(Number.isNaN(erlangBDirect(900, 800))).toBe(true);
		const b = erlangB(900, 800);
		expect(b).toBeGreaterThan(0);
		expect(b).toBeLessThan(0.01);
		expect(erlangB(807, 645)).toBeLessThan(1e-6);
	});

	it('falls as beds are added and rises with the load', () => {
		expect(erlangB(0, 3)).toBe(1);
		expect(erlangB(5, 3)).toBeLessThan(erlangB(4, 3));
		expect(erlangB(5, 4)).toBeGreaterThan(erlangB(5, 3));
		expect(erlangB(3, 0)).toBe(0);
	});

	it('rejects impossible input', () => {
		expect(() => erlangB(2.5, 1)).toThrow(RangeError);
		expect(() => erlangB(-1, 1)).toThrow(RangeError);
		expect(() => erlangB(3, Number.NaN)).toThrow(RangeError);
	});
});

describe('bedsForBlockingTarget: a small hospice', () => {
	// λ = 0.3 admissions a day, 22 days' stay → A = 6.6 erlangs (6.6 beds in use on average if nobody were refused).
	const a = offeredLoad(0.3, 22);

	it('has an offered load of 6.6', () => {
		expect(a).toBeCloseTo(6.6, 12);
	});

	it('needs 10 beds to turn away at most 10% and 13 beds for at most 1%', () => {
		// B(9, 6.6) = 0.1026 > 10% and B(10, 6.6) = 0.0634 ≤ 10%;  B(12, 6.6) = 0.0198 > 1% and B(13, 6.6) = 0.0099 ≤ 1%.
		expect(erlangB(9, a)).toBeCloseTo(0.1026, 4);
		expect(erlangB(10, a)).toBeCloseTo(0.0634, 4);
		expect(bedsForBlockingTarget(a, 0.1)).toBe(10);
		expect(erlangB(12, a)).toBeCloseTo(0.0198, 4);
		expect(erlangB(13, a)).toBeCloseTo(0.0099, 4);
		expect(bedsForBlockingTarget(a, 0.01)).toBe(13);
	});

	it('turns away about 1 in 10 at the 80% norm, which is why the norm alone is not enough for small units', () => {
		// 6.6 ÷ 0.8 = 8.25 → 9 beds, and B(9, 6.6) = 10.3%.
		expect(erlangB(Math.ceil(a / 0.8), a)).toBeGreaterThan(0.1);
	});

	it('needs no beds without demand and rejects a target outside (0, 1)', () => {
		expect(bedsForBlockingTarget(0, 0.1)).toBe(0);
		expect(() => bedsForBlockingTarget(5, 0)).toThrow(RangeError);
		expect(() => bedsForBlockingTarget(5, 1)).toThrow(RangeError);
	});
});

describe('blockingForPrognosis', () => {
	it('derives arrivals from the prognosis and compares the norm with the target', () => {
		// 3,650 deaths × 2/3 = 2,433.3 expected; × 9% = 219 patients a year = 0.6 a day; A = 0.6 × 22 = 13.2.
		const params = defaultPrognosisParameters({
			regio: 'r',
			setting: 'hospice',
			basisJaar: 2023,
			basisOverledenen: 3650
		});
		const band = blockingForPrognosis(computeNeeded(params, 2023), 0.1);
		expect(band.laag.opnamesPerDag).toBeCloseTo(0.6, 12);
		expect(band.laag.aanbod).toBeCloseTo(13.2, 12);
		// 13.2 ÷ 0.8 = 16.5 → 17 beds.
		expect(band.laag.beddenBijNorm).toBe(17);
		expect(band.laag.blokkadeBijNorm).toBeCloseTo(erlangB(17, 13.2), 15);
		expect(band.laag.beddenBijDoel).toBe(bedsForBlockingTarget(13.2, 0.1));
		expect(band.hoog.aanbod).toBeCloseTo((13.2 * 10) / 9, 12);
	});
});
