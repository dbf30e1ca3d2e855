import { describe, expect, it } from 'vitest';
import {
	beschrijfMoment,
	beschrijfOpeningstijden,
	dagdeel,
	feestdagen,
	isBuitenKantoortijd,
	isNuBereikbaar,
	komendeNacht,
	leesMoment,
	paaszondag,
	schrijfMoment,
	wegwijzerBereikbaarheid
} from '../../../src/lib/domain/wegwijzer/tijd';

/** An instant given as Amsterdam wall-clock time, via the parser under test's sibling; checked separately below. */
const ams = (lokaal: string) => {
	const d = leesMoment(lokaal);
	if (!d) throw new Error(`ongeldig moment ${lokaal}`);
	return d;
};

describe('leesMoment / schrijfMoment', () => {
	it('reads Amsterdam wall-clock time in winter (UTC+1) and summer (UTC+2)', () => {
		expect(leesMoment('2026-11-21T03:00')?.toISOString()).toBe('2026-11-21T02:00:00.000Z');
		expect(leesMoment('2026-07-01T03:00')?.toISOString()).toBe('2026-07-01T01:00:00.000Z');
	});

	it('round-trips, also on the nights the clocks change', () => {
		for (const m of [
			'2026-03-29T01:30',
			'2026-03-29T04:00',
			'2026-10-25T01:00',
			'2026-10-25T04:15',
			'2026-12-31T23:59'
		]) {
			expect(schrijfMoment(ams(m))).toBe(m);
		}
	});

	it.each([
		'',
		'nu',
		'2026-11-21',
		'2026-11-21 03:00',
		'2026-13-01T03:00',
		'2026-02-30T03:00',
		'2026-11-21T24:00',
		'1999-01-01T03:00',
		'2026-11-21T03:00Z',
		'<script>'
	])('refuses %j (then the page uses the real time)', (value) => {
		expect(leesMoment(value)).toBeNull();
	});
});

describe('paaszondag and feestdagen', () => {
	it.each([
		[2024, 3, 31],
		[2025, 4, 20],
		[2026, 4, 5],
		[2027, 3, 28],
		[2038, 4, 25]
	])('Easter %i is %i/%i', (jaar, maand, dag) => {
		expect(paaszondag(jaar)).toEqual({ maand, dag });
	});

	it('knows the 2026 holidays, with Koningsdag moved to Saturday when the 27th is a Sunday', () => {
		const d2026 = feestdagen(2026);
		expect(d2026.get('2026-04-06')).toBe('Tweede paasdag');
		expect(d2026.get('2026-05-14')).toBe('Hemelvaartsdag');
		expect(d2026.get('2026-05-25')).toBe('Tweede pinksterdag');
		expect(d2026.get('2026-04-27')).toBe('Koningsdag');
		expect(feestdagen(2025).get('2025-04-26')).toBe('Koningsdag');
		expect(feestdagen(2025).has('2025-04-27')).toBe(false);
		expect(d2026.size).toBe(9);
	});
});

describe('dagdeel', () => {
	it.each([
		['2026-11-19T10:00', 'kantoortijd'], // Thursday
		['2026-11-19T08:00', 'kantoortijd'],
		['2026-11-19T07:59', 'nacht'],
		['2026-11-19T16:59', 'kantoortijd'],
		['2026-11-19T17:00', 'avond'],
		['2026-11-19T23:30', 'nacht'],
		['2026-11-20T03:00', 'nacht'],
		['2026-11-21T03:00', 'weekend'], // Saturday
		['2026-11-22T14:00', 'weekend'], // Sunday
		['2026-12-25T10:00', 'feestdag'], // Friday, Christmas
		['2026-04-06T10:00', 'feestdag'] // Easter Monday
	] as const)('%s is %s', (moment, verwacht) => {
		expect(dagdeel(ams(moment))).toBe(verwacht);
		expect(isBuitenKantoortijd(ams(moment))).toBe(verwacht !== 'kantoortijd');
	});

	it('uses Amsterdam time, not the machine clock: 07:30 UTC in winter is 08:30 in Amsterdam', () => {
		expect(dagdeel(new Date('2026-11-19T07:30:00Z'))).toBe('kantoortijd');
		expect(dagdeel(new Date('2026-11-19T06:30:00Z'))).toBe('nacht');
	});
});

describe('isNuBereikbaar / wegwijzerBereikbaarheid', () => {
	const kantoor = {
		dagEnNacht: false,
		openingstijden: [1, 2, 3, 4, 5].map((dag) => ({ dag, van: '09:00', tot: '17:00' }))
	};
	const nachtlijn = { dagEnNacht: true, openingstijden: [] };

	it('office hours count only inside the periods', () => {
		expect(isNuBereikbaar(kantoor, ams('2026-11-19T10:00'))).toBe(true);
		expect(isNuBereikbaar(kantoor, ams('2026-11-19T17:00'))).toBe(false);
		expect(isNuBereikbaar(kantoor, ams('2026-11-21T10:00'))).toBe(false);
	});

	it('day-and-night lines are always reachable, also on holidays', () => {
		expect(isNuBereikbaar(nachtlijn, ams('2026-11-21T03:00'))).toBe(true);
		expect(isNuBereikbaar(nachtlijn, ams('2026-12-25T03:00'))).toBe(true);
	});

	it('on a holiday office hours do not count, and the visitor is told why', () => {
		const kerst = wegwijzerBereikbaarheid(kantoor, ams('2026-12-25T10:00'));
		expect(kerst.bereikbaar).toBe(false);
		expect(kerst.toelichting).toContain('Eerste kerstdag');
	});

	it('an evening line (17:00–08:00) is reachable in the night after', () => {
		const avond = { dagEnNacht: false, openingstijden: [{ dag: 4, van: '17:00', tot: '08:00' }] };
		expect(isNuBereikbaar(avond, ams('2026-11-19T20:00'))).toBe(true);
		expect(isNuBereikbaar(avond, ams('2026-11-20T03:00'))).toBe(true);
		expect(isNuBereikbaar(avond, ams('2026-11-20T09:00'))).toBe(false);
	});
});

describe('komendeNacht and beschrijfMoment', () => {
	it('gives 03:00 of the coming night', () => {
		expect(schrijfMoment(komendeNacht(ams('2026-11-19T10:00')))).toBe('2026-11-20T03:00');
		expect(schrijfMoment(komendeNacht(ams('2026-11-19T01:00')))).toBe('2026-11-19T03:00');
		expect(schrijfMoment(komendeNacht(ams('2026-12-31T22:00')))).toBe('2027-01-01T03:00');
	});

	it('describes a moment in Dutch', () => {
		expect(beschrijfMoment(ams('2026-11-21T03:00'))).toBe('zaterdag 21 november om 03:00');
	});
});

describe('beschrijfOpeningstijden', () => {
	it('takes days with the same hours together, written out', () => {
		expect(
			beschrijfOpeningstijden({
				dagEnNacht: false,
				openingstijden: [
					{ dag: 1, van: '09:00', tot: '17:00' },
					{ dag: 2, van: '09:00', tot: '17:00' },
					{ dag: 3, van: '09:00', tot: '17:00' },
					{ dag: 4, van: '09:00', tot: '12:30' },
					{ dag: 5, van: '09:00', tot: '17:00' },
					{ dag: 6, van: '10:00', tot: '12:00' },
					{ dag: 7, van: '10:00', tot: '12:00' }
				]
			})
		).toEqual([
			'maandag tot en met woensdag: 09:00 – 17:00 uur',
			'donderdag: 09:00 – 12:30 uur',
			'vrijdag: 09:00 – 17:00 uur',
			'zaterdag en zondag: 10:00 – 12:00 uur'
		]);
	});

	it('says so for day-and-night lines, marks overnight periods and skips rubbish', () => {
		expect(beschrijfOpeningstijden({ dagEnNacht: true, openingstijden: [] })).toEqual([
			'Dag en nacht, ook in het weekend'
		]);
		expect(
			beschrijfOpeningstijden({
				dagEnNacht: false,
				openingstijden: [
					{ dag: 5, van: '17:00', tot: '08:00' },
					{ dag: 9, van: '09:00', tot: '10:00' },
					{ dag: 1, van: 'negen', tot: '10:00' }
				]
			})
		).toEqual(['vrijdag: 17:00 – 08:00 uur (tot de volgende dag)']);
		expect(beschrijfOpeningstijden({ dagEnNacht: false, openingstijden: [] })).toEqual([]);
	});
});
