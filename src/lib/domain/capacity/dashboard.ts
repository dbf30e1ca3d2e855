/**
 * The dashboard's rows: one computation that the chart, the table and the CSV export all read, on the server and (for
 * a live scenario) in the browser, so they can never show different numbers.
 */
import {
	type BlockingEdge,
	blockingForPrognosis,
	erlangB,
	bedsForBlockingTarget,
	offeredLoad
} from './erlang';
import { explainBlocking, explainOccupancyNorm } from './explanations';
import { type GapRow, type PlannedCapacity, type PlanStatus, capacityGapTable } from './gap';
import {
	type ComputedPrognosis,
	type ExternalPrognosis,
	type PrognosisParameters,
	DAYS_PER_YEAR,
	computeNeeded,
	wholeBeds
} from './prognosis';
import { type Scenario, applyScenario, isActiveScenario } from './scenario';

export interface CapacityInputs {
	parameters: PrognosisParameters;
	extern: readonly ExternalPrognosis[];
	/** Planned locations, already assigned to the prognosis setting (a bijna-thuis-huis counts as hospice). */
	gepland: readonly PlannedCapacity[];
	/** Registered beds in the settings this prognosis covers. */
	geregistreerd: number;
	/** First year of the table: the current year (domain code does not read the clock). */
	vanafJaar: number;
	totJaar?: number;
	/** Realised occupancy so far in the first year (0–1), from the availability history; null when unknown. */
	bezettingDitJaar?: number | null;
	meetellen?: readonly PlanStatus[];
}

export interface CapacityRow extends GapRow {
	/** Registered plus planned (counted statuses) beds. */
	beschikbaar: number;
	/** The model's whole beds needed in this year, also where an external prognosis applies, to show them side by side. */
	modelLaag: number;
	modelHoog: number;
	/** The external band of this year, when one applies. */
	extern: { laag: number; hoog: number; bron: string | null } | null;
	/** Realised occupancy (0–1); only known for the current year. */
	bezetting: number | null;
}

/** The parameters the rows are computed with: the stored ones, or a copy with the scenario applied. */
export function effectiveParameters(inputs: CapacityInputs, scenario?: Scenario | null): PrognosisParameters {
	return isActiveScenario(scenario ?? undefined)
		? applyScenario(inputs.parameters, scenario!)
		: inputs.parameters;
}

export function capacityRows(inputs: CapacityInputs, scenario?: Scenario | null): CapacityRow[] {
	const active = isActiveScenario(scenario ?? undefined) ? (scenario as Scenario) : undefined;
	const parameters = effectiveParameters(inputs, active);
	const rows = capacityGapTable({
		parameters: inputs.parameters,
		extern: inputs.extern,
		geregistreerd: inputs.geregistreerd,
		gepland: inputs.gepland,
		vanafJaar: inputs.vanafJaar,
		totJaar: inputs.totJaar,
		scenario: active,
		meetellen: inputs.meetellen
	});
	return rows.map((row) => {
		const model = computeNeeded(parameters, row.jaar);
		const match =
			row.bron === 'extern'
				? inputs.extern.findLast(
						(e) => e.regio === parameters.regio && e.setting === parameters.setting && e.jaar === row.jaar
					)
				: undefined;
		return {
			...row,
			beschikbaar: row.geregistreerd + row.gepland,
			modelLaag: wholeBeds(model.laag),
			modelHoog: wholeBeds(model.hoog),
			extern: match ? { laag: match.laag, hoog: match.hoog, bron: match.bron ?? null } : null,
			bezetting: row.jaar === inputs.vanafJaar ? (inputs.bezettingDitJaar ?? null) : null
		};
	});
}

const whole = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });

/** "31 tot 35", or "31" when both edges are the same. */
export function formatBand(laag: number, hoog: number): string {
	return laag === hoog ? whole.format(laag) : `${whole.format(laag)} tot ${whole.format(hoog)}`;
}

function beds(n: number): string {
	return `${whole.format(n)} ${n === 1 ? 'bed' : 'bedden'}`;
}

/** Plain-language (B1) summary of one year's row, for the public page and the table caption. */
export function describeRow(row: CapacityRow): string {
	const nodig = `${formatBand(row.nodigLaag, row.nodigHoog)} ${row.nodigHoog === 1 ? 'bed' : 'bedden'}`;
	const start = `In ${row.jaar} zijn er naar verwachting ${nodig} nodig, en zijn er ${beds(row.beschikbaar)} (bestaand en gepland).`;
	if (row.tekortLaag > 0) {
		return `${start} Er komen dan ${formatBand(row.tekortLaag, row.tekortHoog)} bedden tekort.`;
	}
	if (row.tekortHoog > 0) {
		return `${start} Dat is mogelijk genoeg, maar als de vraag hoog uitvalt, komen er tot ${beds(row.tekortHoog)} tekort.`;
	}
	if (row.tekortHoog === 0) return `${start} Dat is precies genoeg, ook als de vraag hoog uitvalt.`;
	return `${start} Dat is genoeg, ook als de vraag hoog uitvalt: er zijn ${formatBand(-row.tekortHoog, -row.tekortLaag)} bedden meer dan nodig.`;
}

export interface BlockingForCapacityEdge {
	opnamesPerJaar: number;
	opnamesPerDag: number;
	/** Offered load: beds in use on an average day if nobody were refused. */
	aanbod: number;
	/** Chance that no bed is free, with the beds available in the year. */
	kans: number;
	/** Fewest beds that keep the chance at or under the target. */
	beddenBijDoel: number;
	uitlegKans: string;
	uitlegNorm: string;
	/** Beds from the occupancy norm, and their chance of being full (the norm and Erlang-B side by side). */
	norm: Pick<BlockingEdge, 'beddenBijNorm' | 'blokkadeBijNorm'>;
}

export interface BlockingForCapacity {
	jaar: number;
	bedden: number;
	doelKans: number;
	laag: BlockingForCapacityEdge;
	hoog: BlockingForCapacityEdge;
}

/**
 * Erlang-B for the beds a region has in a year (registered + planned): how often a patient finds no free bed, and the
 * beds that keep that under the target. Arrivals come from the model (patients per year needing the setting), also
 * where an external band applies: an external band gives beds, not arrivals.
 */
export function blockingForCapacity(
	parameters: PrognosisParameters,
	jaar: number,
	bedden: number,
	doelKans: number
): BlockingForCapacity {
	const prognosis: ComputedPrognosis = computeNeeded(parameters, jaar);
	const atNorm = blockingForPrognosis(prognosis, doelKans);
	const { ligduurDagen, bezettingsnorm } = prognosis.parameters;
	const edge = (opnamesPerJaar: number, norm: BlockingEdge): BlockingForCapacityEdge => {
		const opnamesPerDag = opnamesPerJaar / DAYS_PER_YEAR;
		const aanbod = offeredLoad(opnamesPerDag, ligduurDagen);
		return {
			opnamesPerJaar,
			opnamesPerDag,
			aanbod,
			kans: erlangB(bedden, aanbod),
			beddenBijDoel: bedsForBlockingTarget(aanbod, doelKans),
			uitlegKans: explainBlocking({ bedden, aanbod, doelKans }),
			uitlegNorm: explainOccupancyNorm({ bezettingsnorm, ligduurDagen, opnamesPerJaar }),
			norm: { beddenBijNorm: norm.beddenBijNorm, blokkadeBijNorm: norm.blokkadeBijNorm }
		};
	};
	return {
		jaar,
		bedden,
		doelKans,
		laag: edge(prognosis.opnamesLaag, atNorm.laag),
		hoog: edge(prognosis.opnamesHoog, atNorm.hoog)
	};
}
