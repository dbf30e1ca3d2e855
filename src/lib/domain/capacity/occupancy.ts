/**
 * Realised occupancy from a bed unit's availability history. Each report holds until the next one (a step function),
 * so occupancy is weighted by how long each state lasted, not by how often someone reported it.
 */

export interface AvailabilityEvent {
	at: Date;
	aantalBedden: number;
	vrijeBedden: number;
}

export interface Period {
	van: Date;
	tot: Date;
}

export interface RealisedOccupancy {
	/** Occupied beds on an average moment of the covered time; null when nothing is known. */
	gemiddeldBezet: number | null;
	/** Beds on an average moment of the covered time; null when nothing is known. */
	gemiddeldAantal: number | null;
	/** Occupied bed-days ÷ bed-days (0–1): the occupancy to hold against the norm; null without beds. */
	bezettingsgraad: number | null;
	bezetteBeddagen: number;
	beddagen: number;
	/** Share of the period whose state is known (0–1): before a unit's first report its state is unknown. */
	dekking: number;
}

const MS_PER_DAY = 86_400_000;

interface Totals {
	occupiedBedMs: number;
	bedMs: number;
	coveredMs: number;
}

function periodLength(period: Period): number {
	const length = period.tot.getTime() - period.van.getTime();
	if (!(length > 0)) throw new RangeError('period must end after it starts');
	return length;
}

function integrate(events: readonly AvailabilityEvent[], period: Period): Totals {
	const van = period.van.getTime();
	const tot = period.tot.getTime();
	// Stable sort: of two reports at the same moment, the later one in the list is the one that holds.
	const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
	const totals: Totals = { occupiedBedMs: 0, bedMs: 0, coveredMs: 0 };
	for (let i = 0; i < sorted.length; i++) {
		const start = Math.max(sorted[i].at.getTime(), van);
		const end = Math.min(i + 1 < sorted.length ? sorted[i + 1].at.getTime() : tot, tot);
		if (end <= start) continue;
		const aantal = Math.max(0, sorted[i].aantalBedden);
		// An inconsistent report (more free beds than beds, or negative free beds) is clamped to what is possible.
		const bezet = Math.min(aantal, Math.max(0, aantal - sorted[i].vrijeBedden));
		const duration = end - start;
		totals.occupiedBedMs += bezet * duration;
		totals.bedMs += aantal * duration;
		totals.coveredMs += duration;
	}
	return totals;
}

/** Time-weighted occupancy of one bed unit over a period. The report in force at the period's start counts. */
export function realisedOccupancy(events: readonly AvailabilityEvent[], period: Period): RealisedOccupancy {
	const length = periodLength(period);
	const t = integrate(events, period);
	const covered = t.coveredMs > 0;
	return {
		gemiddeldBezet: covered ? t.occupiedBedMs / t.coveredMs : null,
		gemiddeldAantal: covered ? t.bedMs / t.coveredMs : null,
		bezettingsgraad: t.bedMs > 0 ? t.occupiedBedMs / t.bedMs : null,
		bezetteBeddagen: t.occupiedBedMs / MS_PER_DAY,
		beddagen: t.bedMs / MS_PER_DAY,
		dekking: t.coveredMs / length
	};
}

/**
 * Occupancy of several units together (e.g. all hospice beds of a region). Bed-days add up, so the occupancy rate is
 * total occupied bed-days ÷ total bed-days; the average beds are the sum of each unit's average (units without any
 * report in the period add nothing); coverage is the mean coverage of the units.
 */
export function realisedOccupancyOfUnits(
	units: readonly (readonly AvailabilityEvent[])[],
	period: Period
): RealisedOccupancy {
	periodLength(period); // validate the period also when there are no units
	const perUnit = units.map((events) => realisedOccupancy(events, period));
	const known = perUnit.filter((u) => u.gemiddeldBezet !== null);
	const sum = (pick: (u: RealisedOccupancy) => number) => perUnit.reduce((total, u) => total + pick(u), 0);
	const bezetteBeddagen = sum((u) => u.bezetteBeddagen);
	const beddagen = sum((u) => u.beddagen);
	return {
		gemiddeldBezet: known.length > 0 ? known.reduce((t, u) => t + (u.gemiddeldBezet ?? 0), 0) : null,
		gemiddeldAantal: known.length > 0 ? known.reduce((t, u) => t + (u.gemiddeldAantal ?? 0), 0) : null,
		bezettingsgraad: beddagen > 0 ? bezetteBeddagen / beddagen : null,
		bezetteBeddagen,
		beddagen,
		dekking: perUnit.length > 0 ? sum((u) => u.dekking) / perUnit.length : 0
	};
}
