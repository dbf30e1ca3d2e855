import { describe, expect, it } from 'vitest';
import {
	amsterdamWallClock,
	formatDatumTijd,
	bereikbaarheidNu,
	isBereikbaar,
	openingstijdenPerDag,
	parseTijd,
	samenvatting,
	type OpeningPeriod
} from '$lib/domain/organisation/bereikbaarheid';

// All instants are given in UTC on purpose: the module must convert them to Amsterdam time itself.
// November 2025 is winter time (UTC+1); 24 November 2025 is a Monday.

const kantoor: OpeningPeriod[] = [1, 2, 3, 4, 5].map((dag) => ({ dag, van: '09:00', tot: '17:00' }));
const avondNacht: OpeningPeriod[] = [1, 2, 3, 4, 5, 6, 7].map((dag) => ({ dag, van: '17:00', tot: '08:00' }));
const dienst = (openingstijden: OpeningPeriod[], dagEnNacht = false) => ({ dagEnNacht, openingstijden });

describe('amsterdamWallClock', () => {
	it('converts UTC to Amsterdam weekday and time, across midnight', () => {
		// Sunday 23:30 UTC is already Monday 00:30 in Amsterdam.
		expect(amsterdamWallClock(new Date('2025-11-23T23:30:00Z'))).toEqual({ dag: 1, minuten: 30 });
		// Summer time: 10:00 UTC is 12:00 in Amsterdam.
		expect(amsterdamWallClock(new Date('2025-07-02T10:00:00Z'))).toEqual({ dag: 3, minuten: 720 });
	});
});

describe('bereikbaarheidNu on weekdays', () => {
	it('is reachable during office hours and says until when', () => {
		const r = bereikbaarheidNu(dienst(kantoor), new Date('2025-11-24T09:00:00Z')); // ma 10:00
		expect(r).toMatchObject({ soort: 'open', bereikbaar: true, label: 'Nu bereikbaar' });
		expect(r.toelichting).toBe('Bereikbaar tot 17:00.');
	});

	it('is closed before opening time and names the opening later today', () => {
		const r = bereikbaarheidNu(dienst(kantoor), new Date('2025-11-24T07:00:00Z')); // ma 08:00
		expect(r).toMatchObject({ soort: 'gesloten', bereikbaar: false, label: 'Nu gesloten' });
		expect(r.toelichting).toBe('Weer bereikbaar vandaag om 09:00.');
	});

	it('treats the closing minute as closed', () => {
		expect(isBereikbaar(dienst(kantoor), new Date('2025-11-24T15:59:00Z'))).toBe(true); // 16:59
		const r = bereikbaarheidNu(dienst(kantoor), new Date('2025-11-24T16:00:00Z')); // 17:00
		expect(r.bereikbaar).toBe(false);
		expect(r.toelichting).toBe('Weer bereikbaar morgen om 09:00.');
	});

	it('sends a Friday-evening visitor to Monday morning', () => {
		const r = bereikbaarheidNu(dienst(kantoor), new Date('2025-11-28T17:00:00Z')); // vr 18:00
		expect(r.toelichting).toBe('Weer bereikbaar op maandag om 09:00.');
	});
});

describe('bereikbaarheidNu in the weekend', () => {
	it('is closed on Saturday for an office-hours line', () => {
		const r = bereikbaarheidNu(dienst(kantoor), new Date('2025-11-29T11:00:00Z')); // za 12:00
		expect(r.soort).toBe('gesloten');
		expect(r.toelichting).toBe('Weer bereikbaar op maandag om 09:00.');
	});

	it('looks past the end of the week: Sunday evening, open Monday', () => {
		const r = bereikbaarheidNu(dienst(kantoor), new Date('2025-11-23T22:00:00Z')); // zo 23:00
		expect(r.toelichting).toBe('Weer bereikbaar morgen om 09:00.');
	});

	it('says "volgende week" when the only opening of the week has just passed', () => {
		const maandagOchtend = [{ dag: 1, van: '09:00', tot: '12:00' }];
		const r = bereikbaarheidNu(dienst(maandagOchtend), new Date('2025-11-24T12:00:00Z')); // ma 13:00
		expect(r.toelichting).toBe('Weer bereikbaar volgende week maandag om 09:00.');
	});
});

describe('bereikbaarheidNu at night', () => {
	it('keeps an evening-and-night line open after midnight', () => {
		const r = bereikbaarheidNu(dienst(avondNacht), new Date('2025-11-25T02:00:00Z')); // di 03:00
		expect(r.soort).toBe('open');
		expect(r.toelichting).toBe('Bereikbaar tot 08:00.');
	});

	it('says "morgen" when an evening line runs into the next day', () => {
		const r = bereikbaarheidNu(dienst(avondNacht), new Date('2025-11-24T19:00:00Z')); // ma 20:00
		expect(r.toelichting).toBe('Bereikbaar tot morgen 08:00.');
	});

	it('is closed in the day for an evening-and-night line', () => {
		const r = bereikbaarheidNu(dienst(avondNacht), new Date('2025-11-24T11:00:00Z')); // ma 12:00
		expect(r.soort).toBe('gesloten');
		expect(r.toelichting).toBe('Weer bereikbaar vandaag om 17:00.');
	});

	it('carries a Sunday-night period over the week boundary into Monday', () => {
		const zondagnacht = [{ dag: 7, van: '22:00', tot: '06:00' }];
		expect(isBereikbaar(dienst(zondagnacht), new Date('2025-11-24T02:00:00Z'))).toBe(true); // ma 03:00
		expect(isBereikbaar(dienst(zondagnacht), new Date('2025-11-24T06:00:00Z'))).toBe(false); // ma 07:00
	});

	it('says "tot middernacht" for a period ending at 24:00', () => {
		const r = bereikbaarheidNu(
			dienst([{ dag: 1, van: '18:00', tot: '24:00' }]),
			new Date('2025-11-24T20:00:00Z')
		); // ma 21:00
		expect(r.toelichting).toBe('Bereikbaar tot middernacht.');
	});
});

describe('dag en nacht', () => {
	it('is always reachable when marked day and night, whatever the hours say', () => {
		for (const iso of ['2025-11-24T03:00:00Z', '2025-11-29T23:59:00Z', '2025-03-30T01:30:00Z']) {
			const r = bereikbaarheidNu(dienst([], true), new Date(iso));
			expect(r).toMatchObject({ soort: 'dag_en_nacht', bereikbaar: true, label: 'Dag en nacht bereikbaar' });
		}
	});

	it('recognises hours that cover the whole week as day and night', () => {
		const heleWeek = [1, 2, 3, 4, 5, 6, 7].map((dag) => ({ dag, van: '00:00', tot: '24:00' }));
		expect(bereikbaarheidNu(dienst(heleWeek), new Date('2025-11-26T03:00:00Z')).soort).toBe('dag_en_nacht');
		expect(samenvatting(dienst(heleWeek))).toBe('Dag en nacht');
	});
});

describe('summer and winter time (DST)', () => {
	const elkeOchtend = [1, 2, 3, 4, 5, 6, 7].map((dag) => ({ dag, van: '09:00', tot: '12:00' }));

	it('uses summer time from 30 March 2025: the same UTC time is an hour later on the wall clock', () => {
		// Saturday 07:30 UTC = 08:30 CET (closed); Sunday 07:30 UTC = 09:30 CEST (open).
		expect(isBereikbaar(dienst(elkeOchtend), new Date('2025-03-29T07:30:00Z'))).toBe(false);
		expect(isBereikbaar(dienst(elkeOchtend), new Date('2025-03-30T07:30:00Z'))).toBe(true);
	});

	it('uses winter time again from 26 October 2025', () => {
		// Saturday 07:30 UTC = 09:30 CEST (open); Sunday 07:30 UTC = 08:30 CET (closed).
		expect(isBereikbaar(dienst(elkeOchtend), new Date('2025-10-25T07:30:00Z'))).toBe(true);
		expect(isBereikbaar(dienst(elkeOchtend), new Date('2025-10-26T07:30:00Z'))).toBe(false);
	});

	it('closes a 00:00–03:00 line at the jump from 02:00 to 03:00 on the night the clocks go forward', () => {
		const nacht = [{ dag: 7, van: '00:00', tot: '03:00' }];
		expect(isBereikbaar(dienst(nacht), new Date('2025-03-30T00:59:00Z'))).toBe(true); // 01:59 CET
		const r = bereikbaarheidNu(dienst(nacht), new Date('2025-03-30T01:00:00Z')); // 03:00 CEST
		expect(r.bereikbaar).toBe(false);
		expect(r.toelichting).toBe('Weer bereikbaar volgende week zondag om 00:00.');
	});

	it('is open in both copies of 02:30 on the night the clocks go back', () => {
		const nacht = [{ dag: 7, van: '02:00', tot: '03:00' }];
		expect(isBereikbaar(dienst(nacht), new Date('2025-10-26T00:30:00Z'))).toBe(true); // 02:30 CEST
		expect(isBereikbaar(dienst(nacht), new Date('2025-10-26T01:30:00Z'))).toBe(true); // 02:30 CET
		expect(isBereikbaar(dienst(nacht), new Date('2025-10-26T02:00:00Z'))).toBe(false); // 03:00 CET
	});
});

describe('unknown and malformed hours', () => {
	it('reports unknown, not closed, when no hours are known', () => {
		const r = bereikbaarheidNu(dienst([]), new Date('2025-11-24T09:00:00Z'));
		expect(r).toMatchObject({ soort: 'onbekend', bereikbaar: null, label: 'Tijden onbekend' });
		expect(isBereikbaar(dienst([]), new Date('2025-11-24T09:00:00Z'))).toBe(false);
	});

	it('ignores periods with an impossible day or time', () => {
		const rommel = [
			{ dag: 0, van: '09:00', tot: '17:00' },
			{ dag: 8, van: '09:00', tot: '17:00' },
			{ dag: 1, van: '9 uur', tot: '17:00' },
			{ dag: 1, van: '25:00', tot: '26:00' }
		];
		expect(bereikbaarheidNu(dienst(rommel), new Date('2025-11-24T09:00:00Z')).soort).toBe('onbekend');
		expect(parseTijd('24:00')).toBe(1440);
		expect(parseTijd('24:01')).toBeNull();
	});
});

describe('opening-hours table and summary', () => {
	it('gives one row per weekday, Monday first, with overnight periods marked', () => {
		const rows = openingstijdenPerDag([
			{ dag: 1, van: '13:00', tot: '17:00' },
			{ dag: 1, van: '08:30', tot: '12:00' },
			{ dag: 6, van: '22:00', tot: '07:00' }
		]);
		expect(rows.map((r) => r.naam)).toEqual([
			'maandag',
			'dinsdag',
			'woensdag',
			'donderdag',
			'vrijdag',
			'zaterdag',
			'zondag'
		]);
		expect(rows[0].perioden).toEqual(['08:30 – 12:00', '13:00 – 17:00']);
		expect(rows[1].perioden).toEqual([]);
		expect(rows[5].perioden).toEqual(['22:00 – 07:00 (volgende dag)']);
	});

	it('groups consecutive days with the same hours', () => {
		const uren = [...kantoor, { dag: 6, van: '10:00', tot: '12:00' }];
		expect(samenvatting(dienst(uren))).toBe('ma–vr 09:00–17:00; za 10:00–12:00');
		expect(samenvatting(dienst([]))).toBe('Geen tijden bekend');
		expect(samenvatting(dienst([], true))).toBe('Dag en nacht');
	});
});

describe('formatDatumTijd', () => {
	it('writes the date and time in Dutch, in Amsterdam time', () => {
		expect(formatDatumTijd(new Date('2025-11-23T13:05:00Z'))).toBe('23 november 2025 om 14:05');
		expect(formatDatumTijd(new Date('2025-07-01T22:30:00Z'))).toBe('2 juli 2025 om 00:30');
	});
});
