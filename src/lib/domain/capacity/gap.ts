/**
 * The gap between the beds a region has (registered bed units plus planned locations) and the beds it needs, per year
 * up to the prognosis horizon. One row per year, for the dashboard table and chart.
 */
import type { ZorgSetting } from '../organisation/taxonomy';
import { PROGNOSIS_HORIZON_YEAR } from './defaults';
import {
	type ExternalPrognosis,
	type NeededBand,
	type NeededSource,
	type ParameterKey,
	type PrognosisParameters,
	resolveNeeded,
	wholeBeds
} from './prognosis';
import { applyScenario, isActiveScenario, type Scenario } from './scenario';

export const PLAN_STATUSES = ['plan', 'vergund', 'in_aanbouw', 'open'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
	plan: 'Plan',
	vergund: 'Vergund',
	in_aanbouw: 'In aanbouw',
	open: 'Open'
};

/**
 * Every status counts by default, including a bare plan: leaving plans out would make the gap look larger than the
 * region's own intentions say, and the per-status split shows how firm the planned beds are. Pass a narrower list to
 * count only firmer plans. Note: a location with status 'open' whose beds are also registered as bed units would count
 * twice; close the planned entry once its bed units exist.
 */
export const DEFAULT_COUNTED_STATUSES: readonly PlanStatus[] = PLAN_STATUSES;

/** A location being planned, with its expected opening date as 'YYYY-MM-DD'. */
export interface PlannedCapacity {
	naam: string;
	regio: string;
	setting: ZorgSetting;
	bedden: number;
	verwachteOpening: string;
	status: PlanStatus;
}

/** The year a planned location starts to count: it counts for its whole opening year, as the issue asks. */
export function openingYear(verwachteOpening: string): number {
	const jaar = Number(verwachteOpening.slice(0, 4));
	if (!Number.isInteger(jaar)) throw new RangeError(`not a YYYY-MM-DD date: ${verwachteOpening}`);
	return jaar;
}

export interface PlannedInYear {
	/** Beds of counted statuses open by this year (cumulative). */
	totaal: number;
	/** Beds open by this year per status, counted or not, so the dashboard can show how firm the plans are. */
	perStatus: Record<PlanStatus, number>;
}

export function plannedBedsInYear(
	gepland: readonly PlannedCapacity[],
	jaar: number,
	meetellen: readonly PlanStatus[] = DEFAULT_COUNTED_STATUSES
): PlannedInYear {
	const perStatus: Record<PlanStatus, number> = { plan: 0, vergund: 0, in_aanbouw: 0, open: 0 };
	let totaal = 0;
	for (const entry of gepland) {
		if (openingYear(entry.verwachteOpening) > jaar) continue;
		perStatus[entry.status] += entry.bedden;
		if (meetellen.includes(entry.status)) totaal += entry.bedden;
	}
	return { totaal, perStatus };
}

/** What `countRegisteredBeds` needs of a bed unit. */
export interface RegisteredBedUnit {
	setting: string;
	aantalBedden: number;
	/** Archived units no longer offer beds; units without a status count as active. */
	status?: 'actief' | 'gearchiveerd';
}

/**
 * Registered beds in the given settings. A list, because a prognosis share can cover more than one setting
 * (e.g. hospice and bijna-thuis-huis together); the caller decides which settings the share stands for.
 */
export function countRegisteredBeds(
	units: readonly RegisteredBedUnit[],
	settings: readonly string[]
): number {
	let total = 0;
	for (const unit of units) {
		if (unit.status === 'gearchiveerd' || !settings.includes(unit.setting)) continue;
		total += unit.aantalBedden;
	}
	return total;
}

export interface NeededForYear extends NeededBand {
	bron: NeededSource;
	aannames?: readonly ParameterKey[];
}

export interface GapRow {
	jaar: number;
	geregistreerd: number;
	/** Planned beds open by this year (cumulative by opening year), counted statuses only. */
	gepland: number;
	geplandPerStatus: Record<PlanStatus, number>;
	/** Whole beds needed: a fractional need is rounded up. */
	nodigLaag: number;
	nodigHoog: number;
	/** Needed minus (registered + planned); negative means more beds than needed. */
	tekortLaag: number;
	tekortHoog: number;
	bron: NeededSource;
	/** Model parameters that rest on an assumption in this year (empty for an external prognosis). */
	aannames: ParameterKey[];
}

export interface GapTableInput {
	/** First year of the table, normally the current year (passed in: domain code does not read the clock). */
	vanafJaar: number;
	totJaar?: number;
	geregistreerd: number;
	gepland: readonly PlannedCapacity[];
	nodig: (jaar: number) => NeededForYear;
	meetellen?: readonly PlanStatus[];
}

/** One row per year from `vanafJaar` through `totJaar` (default 2030); empty when the range is empty. */
export function gapTable(input: GapTableInput): GapRow[] {
	const totJaar = input.totJaar ?? PROGNOSIS_HORIZON_YEAR;
	const rows: GapRow[] = [];
	for (let jaar = input.vanafJaar; jaar <= totJaar; jaar++) {
		const needed = input.nodig(jaar);
		const planned = plannedBedsInYear(input.gepland, jaar, input.meetellen);
		const nodigLaag = wholeBeds(needed.laag);
		const nodigHoog = wholeBeds(needed.hoog);
		const beschikbaar = input.geregistreerd + planned.totaal;
		rows.push({
			jaar,
			geregistreerd: input.geregistreerd,
			gepland: planned.totaal,
			geplandPerStatus: planned.perStatus,
			nodigLaag,
			nodigHoog,
			tekortLaag: nodigLaag - beschikbaar,
			tekortHoog: nodigHoog - beschikbaar,
			bron: needed.bron,
			aannames: [...(needed.aannames ?? [])]
		});
	}
	return rows;
}

export interface CapacityGapInput {
	parameters: PrognosisParameters;
	/** External prognoses; rows for other regions or settings are ignored. */
	extern?: readonly ExternalPrognosis[];
	geregistreerd: number;
	/** Planned locations; entries for other regions or settings are ignored. */
	gepland: readonly PlannedCapacity[];
	vanafJaar: number;
	totJaar?: number;
	/**
	 * A scenario recomputes with the model and therefore ignores external prognoses: those are fixed numbers that know
	 * nothing of the scenario's assumptions.
	 */
	scenario?: Scenario;
	meetellen?: readonly PlanStatus[];
}

/** The gap table for one region and setting, from stored parameters, external prognoses and planned locations. */
export function capacityGapTable(input: CapacityGapInput): GapRow[] {
	const scenario = isActiveScenario(input.scenario) ? input.scenario : undefined;
	const parameters = scenario ? applyScenario(input.parameters, scenario) : input.parameters;
	const gepland = input.gepland.filter(
		(p) => p.regio === parameters.regio && p.setting === parameters.setting
	);
	return gapTable({
		vanafJaar: input.vanafJaar,
		totJaar: input.totJaar,
		geregistreerd: input.geregistreerd,
		gepland,
		meetellen: input.meetellen,
		nodig: (jaar) => {
			const needed = resolveNeeded(parameters, jaar, input.extern, { negeerExtern: !!scenario });
			return {
				laag: needed.laag,
				hoog: needed.hoog,
				bron: needed.bron,
				aannames: needed.bron === 'berekend' ? needed.berekend.parameters.aannames : []
			};
		}
	});
}
