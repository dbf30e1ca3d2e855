/**
 * A what-if: overrides for the model's assumptions, applied to a copy of the parameters and never saved. Lets a
 * beheerder see what a lower occupancy norm or a longer stay would mean before changing the stored values.
 */
import type { Bron } from './defaults';
import type { ParameterKey, PrognosisParameters, YearOverride } from './prognosis';

export interface Scenario {
	naam?: string;
	bezettingsnorm?: number;
	ligduurDagen?: number;
	aandeelLaag?: number;
	aandeelHoog?: number;
	/** Only affects years whose deaths are derived by growth, not years with entered deaths. */
	groeiPerJaar?: number;
}

type ScenarioKey = Exclude<keyof Scenario, 'naam'>;

const SCENARIO_SOURCE_KEY: Record<ScenarioKey, ParameterKey> = {
	bezettingsnorm: 'bezettingsnorm',
	ligduurDagen: 'ligduurDagen',
	aandeelLaag: 'aandeelSetting',
	aandeelHoog: 'aandeelSetting',
	groeiPerJaar: 'groeiPerJaar'
};

/** Keys a scenario may set that can also be entered per year (growth cannot: it is not a per-year value). */
const PER_YEAR_KEYS = ['bezettingsnorm', 'ligduurDagen', 'aandeelLaag', 'aandeelHoog'] as const;

/** True when the scenario changes anything. */
export function isActiveScenario(scenario: Scenario | undefined): scenario is Scenario {
	return (
		!!scenario && (Object.keys(SCENARIO_SOURCE_KEY) as ScenarioKey[]).some((k) => scenario[k] !== undefined)
	);
}

/**
 * The parameters with the scenario's values in place. A scenario value holds for every year, so per-year entries of
 * the same value are dropped; the source of each changed value says it comes from the scenario.
 */
export function applyScenario(params: PrognosisParameters, scenario: Scenario): PrognosisParameters {
	const next: PrognosisParameters = { ...params, bronnen: { ...params.bronnen } };
	const bron: Bron = { tekst: `Scenario${scenario.naam ? `: ${scenario.naam}` : ''}`, aanname: true };
	for (const key of Object.keys(SCENARIO_SOURCE_KEY) as ScenarioKey[]) {
		const value = scenario[key];
		if (value === undefined) continue;
		next[key] = value;
		next.bronnen[SCENARIO_SOURCE_KEY[key]] = bron;
	}
	if (params.perJaar) {
		const perJaar: Record<number, YearOverride> = {};
		for (const [jaar, override] of Object.entries(params.perJaar)) {
			const kept: YearOverride = { ...override };
			for (const key of PER_YEAR_KEYS) if (scenario[key] !== undefined) delete kept[key];
			perJaar[Number(jaar)] = kept;
		}
		next.perJaar = perJaar;
	}
	return next;
}
