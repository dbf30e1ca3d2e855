import { describe, expect, it } from 'vitest';
import {
	chartGeometry,
	DEFAULT_CHART_SIZE,
	LABEL_LINE,
	tickStep
} from '$lib/components/capacity/chart-geometry';
import { formatGap, formatRange, gapTone } from '$lib/components/capacity/format';

const rows = [
	{ jaar: 2026, geregistreerd: 20, gepland: 0, nodigLaag: 29, nodigHoog: 33, bron: 'berekend' as const },
	{ jaar: 2027, geregistreerd: 20, gepland: 6, nodigLaag: 30, nodigHoog: 33, bron: 'berekend' as const },
	{ jaar: 2030, geregistreerd: 20, gepland: 6, nodigLaag: 31, nodigHoog: 31, bron: 'extern' as const }
];

describe('chartGeometry', () => {
	const g = chartGeometry(rows);
	const plotHeight = DEFAULT_CHART_SIZE.height - DEFAULT_CHART_SIZE.top - DEFAULT_CHART_SIZE.bottom;
	const perBed = plotHeight / g.maxY;

	it('scales bars and bands to the numbers they stand for', () => {
		expect(g.maxY).toBeGreaterThanOrEqual(33);
		const [first, second] = g.slots;
		expect(first.geregistreerd.height).toBeCloseTo(20 * perBed, 9);
		expect(first.geregistreerd.y + first.geregistreerd.height).toBeCloseTo(g.basis, 9);
		expect(first.gepland.height).toBeCloseTo(0, 9);
		expect(second.gepland.height).toBeCloseTo(6 * perBed, 9);
		// Planned beds sit on top of the registered ones.
		expect(second.gepland.y + second.gepland.height).toBeCloseTo(second.geregistreerd.y, 9);
		expect(first.nodig.height).toBeCloseTo(4 * perBed, 9);
		expect(first.nodig.y).toBeCloseTo(g.basis - 33 * perBed, 9);
	});

	it('puts the bar and the band side by side in the year’s slot, and keeps a one-value band visible', () => {
		for (const slot of g.slots) {
			expect(slot.geregistreerd.x + slot.geregistreerd.width).toBeLessThan(slot.nodig.x);
		}
		expect(g.slots[2].nodig.height).toBe(3);
		expect(g.slots[2].nodig.y + 1.5).toBeCloseTo(g.basis - 31 * perBed, 9);
	});

	it('stacks the two labels when they would overlap, and leaves them apart otherwise', () => {
		const close = chartGeometry([
			{ jaar: 2030, geregistreerd: 33, gepland: 0, nodigLaag: 31, nodigHoog: 34, bron: 'berekend' }
		]).slots[0];
		expect(close.labelBeschikbaarY - close.labelNodigY).toBeGreaterThanOrEqual(LABEL_LINE);
		// A band below the top of the bar would have its label drawn over the bar: it goes above the bar's label.
		const below = chartGeometry([
			{ jaar: 2030, geregistreerd: 49, gepland: 0, nodigLaag: 30, nodigHoog: 34, bron: 'berekend' }
		]).slots[0];
		expect(below.labelNodigY).toBe(below.labelBeschikbaarY - LABEL_LINE);
		const apart = g.slots[0];
		expect(apart.labelBeschikbaarY).toBeCloseTo(apart.geregistreerd.y - 6, 9);
		expect(apart.labelNodigY).toBeCloseTo(apart.nodig.y - 6, 9);
	});

	it('uses round ticks from zero', () => {
		expect(g.ticks[0]).toEqual({ value: 0, y: g.basis });
		expect(tickStep(35)).toBe(10);
		expect(tickStep(8)).toBe(2);
		expect(tickStep(140)).toBe(50);
		expect(tickStep(0)).toBe(1);
	});
});

describe('gap words', () => {
	it('say shortage, surplus or a mix without relying on colour', () => {
		expect(formatGap(11, 15)).toBe('11–15 te weinig');
		expect(formatGap(-6, -2)).toBe('2–6 over');
		expect(formatGap(-1, 3)).toBe('1 over tot 3 te weinig');
		expect(formatGap(0, 0)).toBe('precies genoeg');
		expect(formatGap(0, 2)).toBe('precies genoeg tot 2 te weinig');
		expect(formatGap(-2, 0)).toBe('2 over tot precies genoeg');
		expect(formatRange(4, 4)).toBe('4');
		expect([gapTone(11, 15), gapTone(-1, 3), gapTone(-6, -2)]).toEqual(['danger', 'warning', 'ok']);
	});
});
