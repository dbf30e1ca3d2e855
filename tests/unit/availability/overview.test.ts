import { describe, expect, it } from 'vitest';
import {
	formatPercentage,
	occupancyBySetting,
	summariseBySetting,
	weekPeriods
} from '$lib/domain/availability/overview';
import { formatAge, staleMessage } from '$lib/domain/availability/staleness';

const now = new Date('2025-03-10T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const daysAgo = (d: number) => hoursAgo(d * 24);

describe('staleMessage / formatAge', () => {
	it('says how old the report is, in hours up to two days and in days after', () => {
		expect(staleMessage('Hospice De Zonnedauw', hoursAgo(30), now)).toBe(
			'De beschikbaarheid van Hospice De Zonnedauw is 30 uur oud.'
		);
		expect(staleMessage('Hospice X', daysAgo(3), now)).toBe(
			'De beschikbaarheid van Hospice X is 3 dagen oud.'
		);
		expect(staleMessage('Hospice X', null, now)).toBe(
			'De beschikbaarheid van Hospice X is nog nooit doorgegeven.'
		);
	});

	it('never says "zojuist oud"', () => {
		expect(formatAge(now, now)).toBe('minder dan een minuut');
		expect(formatAge(hoursAgo(1 / 60), now)).toBe('1 minuut');
	});
});

describe('summariseBySetting', () => {
	it('adds up beds per setting, counts only fresh free beds as available now and lists stale units apart', () => {
		const { perSetting, totaal } = summariseBySetting(
			[
				{ setting: 'hospice', aantalBedden: 6, vrijeBedden: 2, bijgewerktOp: hoursAgo(2) },
				{ setting: 'hospice', aantalBedden: 8, vrijeBedden: 3, bijgewerktOp: hoursAgo(30) },
				{ setting: 'palliatieve_unit_vvt', aantalBedden: 4, vrijeBedden: 1, bijgewerktOp: null },
				{ setting: 'bijna_thuis_huis', aantalBedden: 3, vrijeBedden: 0, bijgewerktOp: hoursAgo(24) }
			],
			now
		);
		expect(perSetting.map((r) => r.setting)).toEqual([
			'hospice',
			'bijna_thuis_huis',
			'palliatieve_unit_vvt',
			'elv_palliatief'
		]);
		expect(perSetting[0]).toMatchObject({
			eenheden: 2,
			bedden: 14,
			vrijActueel: 2,
			vrijVerouderd: 3,
			verouderd: 1
		});
		// Exactly 24 hours old is still fresh (isStale is strict).
		expect(perSetting[1]).toMatchObject({ eenheden: 1, bedden: 3, vrijActueel: 0, verouderd: 0 });
		expect(perSetting[2]).toMatchObject({ eenheden: 1, vrijActueel: 0, vrijVerouderd: 1, verouderd: 1 });
		expect(perSetting[3]).toMatchObject({ eenheden: 0, bedden: 0 });
		expect(totaal).toMatchObject({ eenheden: 4, bedden: 21, vrijActueel: 2, vrijVerouderd: 4, verouderd: 2 });
	});
});

describe('weekPeriods', () => {
	it('gives consecutive 7-day periods ending now, oldest first, labelled by their first and last day', () => {
		const weeks = weekPeriods(now, 3);
		expect(weeks).toHaveLength(3);
		expect(weeks[2].tot).toEqual(now);
		expect(weeks[0].van).toEqual(daysAgo(21));
		expect(weeks[1].van).toEqual(weeks[0].tot);
		expect(weeks[2].label).toBe('3–10 mrt');
		expect(weekPeriods(new Date('2025-03-03T12:00:00Z'), 1)[0].label).toBe('24 feb – 3 mrt');
	});
});

describe('occupancyBySetting', () => {
	it('weights occupancy by time, per setting and week, with a total row', () => {
		const periods = weekPeriods(now, 2);
		const rows = occupancyBySetting(
			[
				{
					setting: 'hospice',
					// 4 beds: fully occupied before the periods start, half the last week free from its middle on.
					events: [
						{ at: daysAgo(30), aantalBedden: 4, vrijeBedden: 0 },
						{ at: hoursAgo(3.5 * 24), aantalBedden: 4, vrijeBedden: 4 }
					]
				},
				{
					setting: 'palliatieve_unit_vvt',
					// Reported only in the middle of the last week: the first week is unknown.
					events: [{ at: hoursAgo(3.5 * 24), aantalBedden: 2, vrijeBedden: 1 }]
				}
			],
			periods
		);
		expect(rows.map((r) => r.setting)).toEqual(['hospice', 'palliatieve_unit_vvt', 'totaal']);
		const [hospice, vvt, totaal] = rows;
		expect(hospice.weken[0].bezettingsgraad).toBeCloseTo(1);
		expect(hospice.weken[1].bezettingsgraad).toBeCloseTo(0.5);
		expect(hospice.geheel.bezettingsgraad).toBeCloseTo(0.75);
		expect(vvt.weken[0].bezettingsgraad).toBeNull();
		expect(vvt.weken[1].bezettingsgraad).toBeCloseTo(0.5);
		expect(vvt.weken[1].dekking).toBeCloseTo(0.5);
		// Last week: hospice 4 beds × 7 days with 14 bed-days occupied, vvt 2 beds × 3.5 days with 3.5 occupied.
		expect(totaal.weken[1].bezettingsgraad).toBeCloseTo((14 + 3.5) / (28 + 7));
	});

	it('is empty without periods', () => {
		expect(occupancyBySetting([], [])).toEqual([]);
	});
});

describe('formatPercentage', () => {
	it('rounds to whole percent and shows a dash for unknown', () => {
		expect(formatPercentage(0.8749)).toBe('87%');
		expect(formatPercentage(null)).toBe('–');
	});
});
