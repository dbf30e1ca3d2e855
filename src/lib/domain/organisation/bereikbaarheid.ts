/**
 * Bereikbaarheid (reachability) of a service: is it reachable right now, and if not, when again?
 *
 * Opening hours are wall-clock times in Europe/Amsterdam. The instant `now` is converted to Amsterdam wall-clock time
 * (Intl, so summer and winter time are handled by the platform's time-zone data) and everything after that is plain
 * arithmetic on "minutes since Monday 00:00", which has no DST in it.
 */

export const TIME_ZONE = 'Europe/Amsterdam';

/** One opening period: weekday 1 (maandag) – 7 (zondag), times HH:MM. A `tot` at or before `van` runs past midnight. */
export interface OpeningPeriod {
	dag: number;
	van: string;
	tot: string;
}

export interface Bereikbaarheidsgegevens {
	/** Reachable day and night, every day. */
	dagEnNacht: boolean;
	openingstijden: readonly OpeningPeriod[];
}

export const DAGNAMEN = [
	'maandag',
	'dinsdag',
	'woensdag',
	'donderdag',
	'vrijdag',
	'zaterdag',
	'zondag'
] as const;
const DAG_AFKORTINGEN = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;

const MINUTES_PER_DAY = 1440;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

export function dagNaam(dag: number): string {
	return DAGNAMEN[dag - 1] ?? `dag ${dag}`;
}

/** Wall-clock time in Amsterdam: weekday 1–7 (maandag = 1) and minutes since midnight. */
export interface WallClock {
	dag: number;
	minuten: number;
}

const WEEKDAY_NUMBER: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const amsterdamParts = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	weekday: 'short',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

export function amsterdamWallClock(now: Date): WallClock {
	const parts = Object.fromEntries(amsterdamParts.formatToParts(now).map((p) => [p.type, p.value]));
	return { dag: WEEKDAY_NUMBER[parts.weekday], minuten: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** "09:00" → 540, "24:00" → 1440; null for anything else. */
export function parseTijd(value: string): number | null {
	const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value.trim());
	if (!match) return null;
	const minutes = Number(match[1]) * 60 + Number(match[2]);
	return minutes > MINUTES_PER_DAY ? null : minutes;
}

export function formatTijd(minutes: number): string {
	const m = ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
	return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** A period as [start, end) in minutes since Monday 00:00; `end` may pass the end of the week (wraps to Monday). */
type Interval = [number, number];

function periodInterval(p: OpeningPeriod): Interval | null {
	if (!Number.isInteger(p.dag) || p.dag < 1 || p.dag > 7) return null;
	const van = parseTijd(p.van);
	const tot = parseTijd(p.tot);
	if (van === null || tot === null || van === MINUTES_PER_DAY) return null;
	const start = (p.dag - 1) * MINUTES_PER_DAY + van;
	// 17:00–08:00 is an evening-and-night line; 00:00–00:00 would mean the whole day.
	const end = (p.dag - 1) * MINUTES_PER_DAY + (tot > van ? tot : tot + MINUTES_PER_DAY);
	return [start, end];
}

/**
 * The week as sorted, merged intervals within [0, 2 weeks): a period running past Sunday midnight is also repeated at the
 * start, so "is it open at minute m" and "when does it open next" need no special case for the week boundary.
 */
function weekIntervals(periods: readonly OpeningPeriod[]): Interval[] {
	const raw: Interval[] = [];
	for (const p of periods) {
		const iv = periodInterval(p);
		if (!iv) continue;
		raw.push(iv, [iv[0] + MINUTES_PER_WEEK, iv[1] + MINUTES_PER_WEEK]);
		if (iv[1] > MINUTES_PER_WEEK) raw.push([0, iv[1] - MINUTES_PER_WEEK]);
	}
	raw.sort((a, b) => a[0] - b[0]);
	const merged: Interval[] = [];
	for (const iv of raw) {
		const last = merged.at(-1);
		if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
		else merged.push([iv[0], iv[1]]);
	}
	return merged;
}

function coversWholeWeek(intervals: Interval[]): boolean {
	return intervals.some(([s, e]) => s <= 0 && e >= MINUTES_PER_WEEK);
}

export type BereikbaarheidSoort = 'dag_en_nacht' | 'open' | 'gesloten' | 'onbekend';

export interface BereikbaarheidNu {
	soort: BereikbaarheidSoort;
	/** True/false when known; null when no opening hours are known. */
	bereikbaar: boolean | null;
	/** Short status for a badge: "Nu bereikbaar", "Nu gesloten", "Dag en nacht bereikbaar", "Tijden onbekend". */
	label: string;
	/** One sentence with the detail: "Bereikbaar tot 17:00.", "Weer bereikbaar morgen om 08:30.". */
	toelichting: string;
}

/** "vandaag", "morgen", "maandag" or "volgende week maandag", seen from `fromDag`, `daysAhead` days later. */
function relativeDay(fromDag: number, daysAhead: number): string {
	if (daysAhead === 0) return 'vandaag';
	if (daysAhead === 1) return 'morgen';
	const naam = dagNaam(((fromDag - 1 + daysAhead) % 7) + 1);
	return daysAhead >= 7 ? `volgende week ${naam}` : naam;
}

/** Is the service reachable at `now`, and what do we tell the visitor? Computed for Europe/Amsterdam. */
export function bereikbaarheidNu(gegevens: Bereikbaarheidsgegevens, now: Date): BereikbaarheidNu {
	if (gegevens.dagEnNacht) {
		return {
			soort: 'dag_en_nacht',
			bereikbaar: true,
			label: 'Dag en nacht bereikbaar',
			toelichting: 'Altijd bereikbaar, ook in de nacht en het weekend.'
		};
	}
	const intervals = weekIntervals(gegevens.openingstijden);
	if (intervals.length === 0) {
		return {
			soort: 'onbekend',
			bereikbaar: null,
			label: 'Tijden onbekend',
			toelichting: 'Er zijn geen openingstijden bekend.'
		};
	}
	if (coversWholeWeek(intervals)) {
		return {
			soort: 'dag_en_nacht',
			bereikbaar: true,
			label: 'Dag en nacht bereikbaar',
			toelichting: 'Altijd bereikbaar, ook in de nacht en het weekend.'
		};
	}
	const clock = amsterdamWallClock(now);
	// Look in the second copy of the week, so a period that started last Sunday evening is seen too.
	const minute = (clock.dag - 1) * MINUTES_PER_DAY + clock.minuten + MINUTES_PER_WEEK;
	const current = intervals.find(([s, e]) => s <= minute && minute < e);
	if (current) {
		const daysAhead = Math.floor(current[1] / MINUTES_PER_DAY) - Math.floor(minute / MINUTES_PER_DAY);
		const until = current[1] % MINUTES_PER_DAY === 0 && daysAhead === 1 ? 'middernacht' : null;
		const day = daysAhead === 0 ? '' : `${relativeDay(clock.dag, daysAhead)} `;
		return {
			soort: 'open',
			bereikbaar: true,
			label: 'Nu bereikbaar',
			toelichting: until ? 'Bereikbaar tot middernacht.' : `Bereikbaar tot ${day}${formatTijd(current[1])}.`
		};
	}
	// The next opening may be in the following week (a service open on Mondays only, seen on Monday afternoon).
	const next = Math.min(...intervals.flatMap(([s]) => [s, s + MINUTES_PER_WEEK]).filter((s) => s > minute));
	const daysAhead = Math.floor(next / MINUTES_PER_DAY) - Math.floor(minute / MINUTES_PER_DAY);
	const when = relativeDay(clock.dag, daysAhead);
	return {
		soort: 'gesloten',
		bereikbaar: false,
		label: 'Nu gesloten',
		toelichting: `Weer bereikbaar ${daysAhead >= 2 && daysAhead < 7 ? 'op ' : ''}${when} om ${formatTijd(next)}.`
	};
}

/** Only the yes/no question: reachable at `now` (Europe/Amsterdam)? False when no hours are known. */
export function isBereikbaar(gegevens: Bereikbaarheidsgegevens, now: Date): boolean {
	return bereikbaarheidNu(gegevens, now).bereikbaar === true;
}

export interface DagRegel {
	dag: number;
	naam: string;
	/** "09:00 – 17:00", "17:00 – 08:00 (volgende dag)"; empty when closed that day. */
	perioden: string[];
}

/** The periods that make sense (known weekday, HH:MM times), sorted by day and start time. */
export function geldigePerioden(periods: readonly OpeningPeriod[]): OpeningPeriod[] {
	return periods
		.filter((p) => periodInterval(p) !== null)
		.toSorted((a, b) => a.dag - b.dag || (parseTijd(a.van) ?? 0) - (parseTijd(b.van) ?? 0));
}

function periodText(p: OpeningPeriod): string {
	const van = parseTijd(p.van)!;
	const tot = parseTijd(p.tot)!;
	if (tot === van) return `${formatTijd(van)} – ${formatTijd(van)} (24 uur)`;
	return tot < van
		? `${formatTijd(van)} – ${formatTijd(tot)} (volgende dag)`
		: `${p.van.trim()} – ${p.tot.trim()}`;
}

/** One row per weekday, Monday first, for the opening-hours table. */
export function openingstijdenPerDag(periods: readonly OpeningPeriod[]): DagRegel[] {
	const valid = geldigePerioden(periods);
	return DAGNAMEN.map((naam, i) => ({
		dag: i + 1,
		naam,
		perioden: valid.filter((p) => p.dag === i + 1).map(periodText)
	}));
}

/**
 * Compact summary for lists: days with the same hours are grouped into ranges, e.g. "ma–vr 09:00–17:00; za 10:00–12:00".
 * "Dag en nacht" for 24/7 lines; "Geen tijden bekend" without hours.
 */
export function samenvatting(gegevens: Bereikbaarheidsgegevens): string {
	if (gegevens.dagEnNacht || coversWholeWeek(weekIntervals(gegevens.openingstijden))) return 'Dag en nacht';
	const rows = openingstijdenPerDag(gegevens.openingstijden).map((r) => ({
		...r,
		key: r.perioden.map((t) => t.replaceAll(' – ', '–')).join(', ')
	}));
	if (rows.every((r) => r.key === '')) return 'Geen tijden bekend';
	const groups: { from: number; to: number; key: string }[] = [];
	for (const row of rows) {
		const last = groups.at(-1);
		if (last && last.key === row.key && last.to === row.dag - 1) last.to = row.dag;
		else groups.push({ from: row.dag, to: row.dag, key: row.key });
	}
	return groups
		.filter((g) => g.key !== '')
		.map((g) => {
			const days =
				g.from === g.to
					? DAG_AFKORTINGEN[g.from - 1]
					: `${DAG_AFKORTINGEN[g.from - 1]}–${DAG_AFKORTINGEN[g.to - 1]}`;
			return `${days} ${g.key}`;
		})
		.join('; ');
}

const datumTijd = new Intl.DateTimeFormat('nl-NL', {
	timeZone: TIME_ZONE,
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit'
});

/** "23 november 2025 om 14:05", in Amsterdam time whatever the server's time zone. */
export function formatDatumTijd(date: Date): string {
	return datumTijd.format(date);
}
