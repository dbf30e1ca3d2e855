import { describe, expect, it } from 'vitest';
import { formatAgo, hoursSinceUpdate, isStale, STALE_AFTER_HOURS } from '$lib/domain/availability/staleness';

const now = new Date('2025-03-10T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe('isStale', () => {
	it('treats availability that was never reported as stale', () => {
		expect(isStale(null, now)).toBe(true);
	});

	it('is fresh up to and including exactly 24 hours, stale after', () => {
		expect(STALE_AFTER_HOURS).toBe(24);
		expect(isStale(hoursAgo(0), now)).toBe(false);
		expect(isStale(hoursAgo(23.9), now)).toBe(false);
		expect(isStale(hoursAgo(24), now)).toBe(false);
		expect(isStale(hoursAgo(24.01), now)).toBe(true);
		expect(isStale(hoursAgo(72), now)).toBe(true);
	});

	it('treats a timestamp in the future (clock skew) as just updated', () => {
		expect(hoursSinceUpdate(hoursAgo(-2), now)).toBe(0);
		expect(isStale(hoursAgo(-2), now)).toBe(false);
	});
});

describe('formatAgo', () => {
	it.each([
		[0.001, 'zojuist'],
		[1 / 60, '1 minuut geleden'],
		[0.5, '30 minuten geleden'],
		[3.7, '3 uur geleden'],
		[30, '30 uur geleden'],
		[72, '3 dagen geleden']
	])('%d hours → %s', (hours, text) => {
		expect(formatAgo(hoursAgo(hours), now)).toBe(text);
	});
});
