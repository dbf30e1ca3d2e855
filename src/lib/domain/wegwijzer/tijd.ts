/**
 * Time as the wegwijzer sees it: wall-clock time in Europe/Amsterdam, office hours, Dutch public holidays and whether a
 * service is reachable at a given moment. Everything takes `now` as an argument so tests (and the "bekijk hoe het 's nachts
 * is" link) can choose the moment.
 */

import {
	bereikbaarheidNu,
	DAGNAMEN,
	formatTijd,
	parseTijd,
	TIME_ZONE,
	type Bereikbaarheidsgegevens
} from '../organisation/bereikbaarheid';

export const TIJDZONE = TIME_ZONE;

/** Office hours of a huisarts practice: weekdays 08:00–17:00. Outside them the huisartsenpost takes over. */
export const KANTOOR_VAN_MINUTEN = 8 * 60;
export const KANTOOR_TOT_MINUTEN = 17 * 60;

export interface LokaleTijd {
	jaar: number;
	maand: number;
	dag: number;
	/** 1 = maandag … 7 = zondag, as in `Openingstijd.dag`. */
	weekdag: number;
	uur: number;
	minuut: number;
}

const formatter = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIJDZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	weekday: 'short',
	hourCycle: 'h23'
});

const WEEKDAGEN: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function lokaleTijd(moment: Date): LokaleTijd {
	const parts: Record<string, string> = {};
	for (const p of formatter.formatToParts(moment)) parts[p.type] = p.value;
	return {
		jaar: Number(parts.year),
		maand: Number(parts.month),
		dag: Number(parts.day),
		weekdag: WEEKDAGEN[parts.weekday],
		uur: Number(parts.hour),
		minuut: Number(parts.minute)
	};
}

/** Easter Sunday (Gregorian), month and day; anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function paaszondag(jaar: number): { maand: number; dag: number } {
	const a = jaar % 19;
	const b = Math.floor(jaar / 100);
	const c = jaar % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const maand = Math.floor((h + l - 7 * m + 114) / 31);
	const dag = ((h + l - 7 * m + 114) % 31) + 1;
	return { maand, dag };
}

function isoDatum(jaar: number, maand: number, dag: number): string {
	return `${jaar}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

function plusDagen(jaar: number, maand: number, dag: number, n: number): string {
	const d = new Date(Date.UTC(jaar, maand - 1, dag + n));
	return isoDatum(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * The national holidays on which huisarts practices are closed and the huisartsenpost is on duty. Goede Vrijdag and
 * Bevrijdingsdag are left out: most practices are open then.
 */
export function feestdagen(jaar: number): Map<string, string> {
	const pasen = paaszondag(jaar);
	const koningsdagDag = new Date(Date.UTC(jaar, 3, 27)).getUTCDay() === 0 ? 26 : 27;
	return new Map([
		[isoDatum(jaar, 1, 1), 'Nieuwjaarsdag'],
		[plusDagen(jaar, pasen.maand, pasen.dag, 0), 'Eerste paasdag'],
		[plusDagen(jaar, pasen.maand, pasen.dag, 1), 'Tweede paasdag'],
		[isoDatum(jaar, 4, koningsdagDag), 'Koningsdag'],
		[plusDagen(jaar, pasen.maand, pasen.dag, 39), 'Hemelvaartsdag'],
		[plusDagen(jaar, pasen.maand, pasen.dag, 49), 'Eerste pinksterdag'],
		[plusDagen(jaar, pasen.maand, pasen.dag, 50), 'Tweede pinksterdag'],
		[isoDatum(jaar, 12, 25), 'Eerste kerstdag'],
		[isoDatum(jaar, 12, 26), 'Tweede kerstdag']
	]);
}

/** The name of the holiday on this local date, or null. */
export function feestdag(t: LokaleTijd): string | null {
	return feestdagen(t.jaar).get(isoDatum(t.jaar, t.maand, t.dag)) ?? null;
}

export type Dagdeel = 'kantoortijd' | 'avond' | 'nacht' | 'weekend' | 'feestdag';

/**
 * Which part of the week it is for someone who needs help. Everything but `kantoortijd` means: the own huisarts is closed and
 * the day-and-night lines come first.
 */
export function dagdeel(now: Date): Dagdeel {
	const t = lokaleTijd(now);
	if (feestdag(t)) return 'feestdag';
	if (t.weekdag >= 6) return 'weekend';
	const minuten = t.uur * 60 + t.minuut;
	if (minuten < KANTOOR_VAN_MINUTEN) return 'nacht';
	if (minuten >= KANTOOR_TOT_MINUTEN) return t.uur >= 23 ? 'nacht' : 'avond';
	return 'kantoortijd';
}

export function isBuitenKantoortijd(now: Date): boolean {
	return dagdeel(now) !== 'kantoortijd';
}

export type { Bereikbaarheidsgegevens } from '../organisation/bereikbaarheid';

export interface WegwijzerBereikbaarheid {
	/** Reachable at this moment (false when unknown). */
	bereikbaar: boolean;
	/** Short status: "Nu bereikbaar", "Nu gesloten", "Dag en nacht bereikbaar", … */
	label: string;
	/** One sentence: "Bereikbaar tot 17:00.", "Weer bereikbaar morgen om 08:30." */
	toelichting: string;
}

/**
 * Is the service reachable at `now`? The portal's general rule ({@link bereikbaarheidNu}) plus one the wegwijzer needs: on a
 * public holiday only day-and-night lines count as reachable, because opening hours are written for normal days.
 */
export function wegwijzerBereikbaarheid(dienst: Bereikbaarheidsgegevens, now: Date): WegwijzerBereikbaarheid {
	const algemeen = bereikbaarheidNu(dienst, now);
	const naam = feestdag(lokaleTijd(now));
	if (naam && algemeen.soort !== 'dag_en_nacht' && algemeen.soort !== 'onbekend') {
		return {
			bereikbaar: false,
			label: 'Feestdag',
			toelichting: `Het is ${naam}. Bel om te vragen of ze open zijn.`
		};
	}
	return {
		bereikbaar: algemeen.bereikbaar === true,
		label: algemeen.label,
		toelichting: algemeen.toelichting
	};
}

export function isNuBereikbaar(dienst: Bereikbaarheidsgegevens, now: Date): boolean {
	return wegwijzerBereikbaarheid(dienst, now).bereikbaar;
}

const MOMENT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * Reads a `moment` URL parameter ("2026-11-21T03:00", Amsterdam wall-clock time) into an instant. Returns null for anything
 * else, so a wrong value simply means "now". The parameter only changes the order of the contacts and the "nu bereikbaar"
 * labels, never which data is shown.
 */
export function leesMoment(value: string | null | undefined): Date | null {
	if (typeof value !== 'string') return null;
	const m = MOMENT_PATTERN.exec(value.trim());
	if (!m) return null;
	const [jaar, maand, dag, uur, minuut] = m.slice(1).map(Number);
	if (jaar < 2000 || jaar > 2100 || maand < 1 || maand > 12 || dag < 1 || uur > 23 || minuut > 59)
		return null;
	const check = new Date(Date.UTC(jaar, maand - 1, dag));
	if (check.getUTCMonth() !== maand - 1) return null;
	return vanLokaleTijd(jaar, maand, dag, uur, minuut);
}

/** The instant at which Amsterdam clocks show this wall-clock time. */
export function vanLokaleTijd(jaar: number, maand: number, dag: number, uur: number, minuut: number): Date {
	const gewenst = Date.UTC(jaar, maand - 1, dag, uur, minuut);
	let gok = gewenst;
	// Two rounds settle the UTC offset, also on the days the clocks change.
	for (let i = 0; i < 2; i++) {
		const t = lokaleTijd(new Date(gok));
		const getoond = Date.UTC(t.jaar, t.maand - 1, t.dag, t.uur, t.minuut);
		gok += gewenst - getoond;
	}
	return new Date(gok);
}

/** The `moment` value for a moment: "2026-11-21T03:00" in Amsterdam time. */
export function schrijfMoment(moment: Date): string {
	const t = lokaleTijd(moment);
	return `${isoDatum(t.jaar, t.maand, t.dag)}T${String(t.uur).padStart(2, '0')}:${String(t.minuut).padStart(2, '0')}`;
}

/** The coming night at 03:00 (Amsterdam): for the link "bekijk wie u 's nachts kunt bellen". */
export function komendeNacht(now: Date): Date {
	const t = lokaleTijd(now);
	if (t.uur < 3) return vanLokaleTijd(t.jaar, t.maand, t.dag, 3, 0);
	const morgen = new Date(Date.UTC(t.jaar, t.maand - 1, t.dag + 1));
	return vanLokaleTijd(morgen.getUTCFullYear(), morgen.getUTCMonth() + 1, morgen.getUTCDate(), 3, 0);
}

const MAANDNAMEN = [
	'januari',
	'februari',
	'maart',
	'april',
	'mei',
	'juni',
	'juli',
	'augustus',
	'september',
	'oktober',
	'november',
	'december'
];

/** "zaterdag 21 november om 03:00". */
export function beschrijfMoment(moment: Date): string {
	const t = lokaleTijd(moment);
	return `${DAGNAMEN[t.weekdag - 1]} ${t.dag} ${MAANDNAMEN[t.maand - 1]} om ${String(t.uur).padStart(2, '0')}:${String(t.minuut).padStart(2, '0')}`;
}

// The same notation as the rest of the portal ("Bereikbaar tot 17:00").
const tijdTekst = formatTijd;

/**
 * Opening hours as short Dutch lines, days with the same hours taken together: "maandag tot en met vrijdag: 09:00 – 17:00 uur".
 * Written out, because abbreviations ("ma–vr") are hard for many readers and for screen readers.
 */
export function beschrijfOpeningstijden(dienst: Bereikbaarheidsgegevens): string[] {
	if (dienst.dagEnNacht) return ['Dag en nacht, ook in het weekend'];
	const perDag = new Map<number, string[]>();
	const geldig = dienst.openingstijden
		.map((p) => ({ dag: p.dag, van: parseTijd(p.van), tot: parseTijd(p.tot) }))
		.filter(
			(p): p is { dag: number; van: number; tot: number } =>
				Number.isInteger(p.dag) && p.dag >= 1 && p.dag <= 7 && p.van !== null && p.tot !== null
		)
		.sort((a, b) => a.dag - b.dag || a.van - b.van);
	for (const p of geldig) {
		const lijst = perDag.get(p.dag) ?? [];
		const nacht = p.tot <= p.van ? ' (tot de volgende dag)' : '';
		lijst.push(`${tijdTekst(p.van)} – ${tijdTekst(p.tot)} uur${nacht}`);
		perDag.set(p.dag, lijst);
	}
	const regels: string[] = [];
	let groep: { van: number; tot: number; tekst: string } | null = null;
	const sluit = () => {
		if (!groep) return;
		const { van, tot, tekst } = groep;
		const dagen =
			van === tot
				? DAGNAMEN[van - 1]
				: tot === van + 1
					? `${DAGNAMEN[van - 1]} en ${DAGNAMEN[tot - 1]}`
					: `${DAGNAMEN[van - 1]} tot en met ${DAGNAMEN[tot - 1]}`;
		regels.push(`${dagen}: ${tekst}`);
		groep = null;
	};
	for (let dag = 1; dag <= 7; dag++) {
		const tekst = perDag.get(dag)?.join(' en ');
		if (tekst && groep && groep.tot === dag - 1 && groep.tekst === tekst) {
			groep.tot = dag;
			continue;
		}
		sluit();
		if (tekst) groep = { van: dag, tot: dag, tekst };
	}
	sluit();
	return regels;
}
