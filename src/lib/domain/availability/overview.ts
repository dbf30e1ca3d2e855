/**
 * The capacity overview of a region: beds by setting, free now, stale units, and realised occupancy per week from the
 * availability history. Pure: the caller loads the units and their events.
 */
import {
	realisedOccupancyOfUnits,
	type AvailabilityEvent,
	type Period,
	type RealisedOccupancy
} from '../capacity/occupancy';
import { labelOf, zorgSettings } from '../organisation/taxonomy';
import { isStale } from './staleness';

export interface UnitSnapshot {
	setting: string;
	aantalBedden: number;
	vrijeBedden: number;
	bijgewerktOp: Date | null;
}

export interface SettingSummary {
	setting: string;
	label: string;
	eenheden: number;
	bedden: number;
	/** Free beds of units whose report is fresh: the number a verwijzer can rely on. */
	vrijActueel: number;
	/** Free beds last reported by stale units: unknown today, shown apart. */
	vrijVerouderd: number;
	/** Units whose availability is stale (never reported or older than 24 hours). */
	verouderd: number;
}

function emptySummary(setting: string, label: string): SettingSummary {
	return { setting, label, eenheden: 0, bedden: 0, vrijActueel: 0, vrijVerouderd: 0, verouderd: 0 };
}

/** Settings in vocabulary order (all of them, also those without units); unknown codes follow. */
function settingOrder(units: readonly { setting: string }[]): string[] {
	const known = zorgSettings.map((s) => s.code as string);
	const unknown = [...new Set(units.map((u) => u.setting))].filter((s) => !known.includes(s)).sort();
	return [...known, ...unknown];
}

export function summariseBySetting(
	units: readonly UnitSnapshot[],
	now: Date
): { perSetting: SettingSummary[]; totaal: SettingSummary } {
	const bySetting = new Map(
		settingOrder(units).map((s) => [s, emptySummary(s, labelOf('zorgsetting', s))] as const)
	);
	const totaal = emptySummary('totaal', 'Totaal');
	for (const unit of units) {
		const stale = isStale(unit.bijgewerktOp, now);
		for (const row of [bySetting.get(unit.setting)!, totaal]) {
			row.eenheden += 1;
			row.bedden += unit.aantalBedden;
			if (stale) {
				row.verouderd += 1;
				row.vrijVerouderd += unit.vrijeBedden;
			} else row.vrijActueel += unit.vrijeBedden;
		}
	}
	return { perSetting: [...bySetting.values()], totaal };
}

const DAY_MS = 86_400_000;

export interface WeekPeriod extends Period {
	label: string;
}

const dayMonth = new Intl.DateTimeFormat('nl-NL', {
	day: 'numeric',
	month: 'short',
	timeZone: 'Europe/Amsterdam'
});

/** "3–10 mrt", or "26 okt – 2 nov" across a month boundary: short enough for a table header. */
function rangeLabel(van: Date, laatsteDag: Date): string {
	const a = dayMonth.formatToParts(van);
	const b = dayMonth.formatToParts(laatsteDag);
	const part = (parts: Intl.DateTimeFormatPart[], type: string) =>
		parts.find((p) => p.type === type)?.value ?? '';
	return part(a, 'month') === part(b, 'month')
		? `${part(a, 'day')}–${dayMonth.format(laatsteDag)}`
		: `${dayMonth.format(van)} – ${dayMonth.format(laatsteDag)}`;
}

/**
 * `weeks` consecutive periods of 7 days, the last one ending at `now`, oldest first. Rolling weeks rather than calendar
 * weeks, so the most recent column is always a full week.
 */
export function weekPeriods(now: Date, weeks: number): WeekPeriod[] {
	const periods: WeekPeriod[] = [];
	for (let k = weeks; k >= 1; k--) {
		const van = new Date(now.getTime() - k * 7 * DAY_MS);
		const tot = new Date(now.getTime() - (k - 1) * 7 * DAY_MS);
		// The label names the last day that is in the period (the end itself is exclusive).
		const lastDay = new Date(tot.getTime() - 1);
		periods.push({ van, tot, label: rangeLabel(van, lastDay) });
	}
	return periods;
}

export interface UnitHistory {
	setting: string;
	events: readonly AvailabilityEvent[];
}

export interface OccupancyRow {
	setting: string;
	label: string;
	/** Per week, in the order of the periods. */
	weken: RealisedOccupancy[];
	/** Over all weeks together. */
	geheel: RealisedOccupancy;
}

/**
 * Time-weighted occupancy per setting and week, plus a total row. Settings without any unit are left out (their row
 * would say nothing). Each unit's report in force at a week's start counts for that week, so the caller must include each
 * unit's last event before the first period.
 */
export function occupancyBySetting(
	units: readonly UnitHistory[],
	periods: readonly Period[]
): OccupancyRow[] {
	if (periods.length === 0) return [];
	const whole: Period = { van: periods[0].van, tot: periods[periods.length - 1].tot };
	const row = (setting: string, label: string, group: readonly UnitHistory[]): OccupancyRow => {
		const events = group.map((u) => u.events);
		return {
			setting,
			label,
			weken: periods.map((p) => realisedOccupancyOfUnits(events, p)),
			geheel: realisedOccupancyOfUnits(events, whole)
		};
	};
	const rows = settingOrder(units)
		.map((s) => ({ s, group: units.filter((u) => u.setting === s) }))
		.filter(({ group }) => group.length > 0)
		.map(({ s, group }) => row(s, labelOf('zorgsetting', s), group));
	return [...rows, row('totaal', 'Totaal', units)];
}

/** "87%" or "–" when nothing is known. */
export function formatPercentage(fraction: number | null): string {
	return fraction === null ? '–' : `${Math.round(fraction * 100)}%`;
}
