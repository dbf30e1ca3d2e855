import { describe, expect, it } from 'vitest';
import { distanceKm, formatKm, haversineKm, roundKm } from '$lib/domain/geo/distance';

// City centres (station / main square), WGS84.
const amsterdam = { lat: 52.3731, lon: 4.8922 };
const utrecht = { lat: 52.0907, lon: 5.1214 };
const rotterdam = { lat: 51.9225, lon: 4.4792 };
const denHaag = { lat: 52.0705, lon: 4.3007 };
const london = { lat: 51.5074, lon: -0.1278 };
const paris = { lat: 48.8566, lon: 2.3522 };

describe('haversineKm', () => {
	it.each([
		// Published straight-line distances, with a margin for where exactly "the city" is.
		['Amsterdam–Utrecht', amsterdam, utrecht, 35, 1],
		['Amsterdam–Rotterdam', amsterdam, rotterdam, 57, 1.5],
		['Rotterdam–Den Haag', rotterdam, denHaag, 20.5, 1],
		['Londen–Parijs', london, paris, 344, 2]
	])('%s ≈ %d km', (_name, a, b, expected, margin) => {
		expect(Math.abs(haversineKm(a, b) - expected)).toBeLessThanOrEqual(margin);
	});

	it('is zero for the same point and symmetric', () => {
		expect(haversineKm(amsterdam, amsterdam)).toBe(0);
		expect(haversineKm(amsterdam, utrecht)).toBe(haversineKm(utrecht, amsterdam));
	});

	it('gives half the earth circumference for antipodal points', () => {
		expect(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * 6371.0088, 6);
		expect(haversineKm({ lat: 90, lon: 0 }, { lat: -90, lon: 0 })).toBeCloseTo(Math.PI * 6371.0088, 6);
	});

	it('measures one degree of latitude as about 111 km', () => {
		expect(haversineKm({ lat: 52, lon: 5 }, { lat: 53, lon: 5 })).toBeCloseTo(111.2, 1);
	});
});

describe('rounding and display', () => {
	it('keeps one decimal below 10 km and whole km above', () => {
		expect(roundKm(3.449)).toBe(3.4);
		expect(roundKm(9.94)).toBe(9.9);
		expect(roundKm(14.5)).toBe(15);
		expect(roundKm(50.4)).toBe(50);
		expect(distanceKm(amsterdam, utrecht)).toBe(35);
	});

	it('formats with a Dutch decimal comma', () => {
		expect(formatKm(3.44)).toBe('3,4 km');
		expect(formatKm(14.2)).toBe('14 km');
		expect(formatKm(0)).toBe('0 km');
	});
});
