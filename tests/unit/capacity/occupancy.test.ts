import { describe, expect, it } from 'vitest';
import {
	realisedOccupancy,
	realisedOccupancyOfUnits,
	type AvailabilityEvent
} from '$domain/capacity/occupancy';

const day = (d: number, hour = 0) => new Date(Date.UTC(2026, 0, d, hour));
const event = (at: Date, aantalBedden: number, vrijeBedden: number): AvailabilityEvent => ({
	at,
	aantalBedden,
	vrijeBedden
});
/** January 1–11: ten days. */
const period = { van: day(1), tot: day(11) };

describe('realisedOccupancy', () => {
	it('weights each report by how long it held, not by how often it was made', () => {
		// 8 beds. Days 1–3: 2 free (6 occupied) for 2 days; day 3–11: 6 free (2 occupied) for 8 days, with a repeat
		// report on day 5 that changes nothing. Occupied bed-days: 6×2 + 2×8 = 28; bed-days: 8×10 = 80.
		const result = realisedOccupancy([event(day(1), 8, 2), event(day(3), 8, 6), event(day(5), 8, 6)], period);
		expect(result.bezetteBeddagen).toBeCloseTo(28, 10);
		expect(result.beddagen).toBeCloseTo(80, 10);
		expect(result.gemiddeldBezet).toBeCloseTo(2.8, 10);
		expect(result.gemiddeldAantal).toBeCloseTo(8, 10);
		expect(result.bezettingsgraad).toBeCloseTo(0.35, 10);
		expect(result.dekking).toBe(1);
	});

	it('carries the report from before the period into it and ignores reports after it', () => {
		// Reported full (0 free of 5) on Dec 20, emptied on Jan 6: 5 beds occupied for 5 of the 10 days.
		const result = realisedOccupancy(
			[event(new Date(Date.UTC(2025, 11, 20)), 5, 0), event(day(6), 5, 5), event(day(20), 5, 0)],
			period
		);
		expect(result.bezetteBeddagen).toBeCloseTo(25, 10);
		expect(result.bezettingsgraad).toBeCloseTo(0.5, 10);
	});

	it('counts only the known part of the period before the first report', () => {
		// First report on Jan 6 (4 of 4 occupied): the first 5 days are unknown, not empty.
		const result = realisedOccupancy([event(day(6), 4, 0)], period);
		expect(result.dekking).toBeCloseTo(0.5, 10);
		expect(result.gemiddeldBezet).toBeCloseTo(4, 10);
		expect(result.bezettingsgraad).toBe(1);
	});

	it('follows a change in the number of beds', () => {
		// 10 beds, 5 occupied for 5 days; then 6 beds (4 closed), 5 occupied for 5 days: 50 of 80 bed-days.
		const result = realisedOccupancy([event(day(1), 10, 5), event(day(6), 6, 1)], period);
		expect(result.bezettingsgraad).toBeCloseTo(50 / 80, 10);
		expect(result.gemiddeldAantal).toBeCloseTo(8, 10);
	});

	it('sorts reports and lets the later of two simultaneous reports hold', () => {
		const result = realisedOccupancy([event(day(6), 4, 4), event(day(1), 4, 0), event(day(6), 4, 2)], period);
		// 4 occupied for 5 days, then 2 occupied for 5 days: 30 of 40 bed-days.
		expect(result.bezettingsgraad).toBeCloseTo(0.75, 10);
	});

	it('clamps impossible reports instead of counting negative or extra beds', () => {
		const tooFree = realisedOccupancy([event(day(1), 4, 6)], period);
		expect(tooFree.bezetteBeddagen).toBe(0);
		const negativeFree = realisedOccupancy([event(day(1), 4, -2)], period);
		expect(negativeFree.bezettingsgraad).toBe(1);
	});

	it('knows nothing without reports, and rejects an empty period', () => {
		expect(realisedOccupancy([], period)).toMatchObject({
			gemiddeldBezet: null,
			bezettingsgraad: null,
			dekking: 0
		});
		expect(realisedOccupancy([event(day(1), 0, 0)], period).bezettingsgraad).toBeNull();
		expect(() => realisedOccupancy([], { van: day(5), tot: day(5) })).toThrow(RangeError);
	});
});

describe('realisedOccupancyOfUnits', () => {
	it('adds bed-days over units, so a larger unit weighs more', () => {
		// Unit A: 10 beds, 9 occupied all period (90 of 100 bed-days). Unit B: 2 beds, empty (0 of 20).
		// Together 90 of 120 = 75%, not the 45% a plain mean of the two rates would give.
		const result = realisedOccupancyOfUnits([[event(day(1), 10, 1)], [event(day(1), 2, 2)]], period);
		expect(result.bezettingsgraad).toBeCloseTo(0.75, 10);
		expect(result.gemiddeldBezet).toBeCloseTo(9, 10);
		expect(result.gemiddeldAantal).toBeCloseTo(12, 10);
		expect(result.dekking).toBe(1);
	});

	it('reports the mean coverage of the units', () => {
		// A covers the whole period, B only its second half, C nothing: (1 + 0.5 + 0) ÷ 3 = 0.5.
		const result = realisedOccupancyOfUnits([[event(day(1), 4, 0)], [event(day(6), 4, 4)], []], period);
		expect(result.dekking).toBeCloseTo(0.5, 10);
		expect(result.gemiddeldBezet).toBeCloseTo(4, 10);
		// 40 occupied bed-days of 40 + 20 known bed-days.
		expect(result.bezettingsgraad).toBeCloseTo(40 / 60, 10);
	});

	it('is empty for no units', () => {
		expect(realisedOccupancyOfUnits([], period)).toMatchObject({ bezettingsgraad: null, dekking: 0 });
	});
});
