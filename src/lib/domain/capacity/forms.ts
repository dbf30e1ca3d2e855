/**
 * Form and URL shapes of the prognosis inputs. Form fields are named after the path of the value they fill
 * (`bronnen.groeiPerJaar.tekst`, `perJaar.2027.overledenen`), so a validation error's path is also the field's name.
 */
import type { ParameterKey } from './prognosis';
import type { Scenario } from './scenario';
import type { PrognosisParametersInput } from './schemas';

type FormValues = Readonly<Record<string, string | string[] | undefined>>;

/** The parameters whose source the form asks for, in the order the form shows them. */
export const SOURCED_PARAMETERS: readonly ParameterKey[] = [
	'basisOverledenen',
	'groeiPerJaar',
	'aandeelVerwacht',
	'aandeelSetting',
	'ligduurDagen',
	'bezettingsnorm'
];

const NUMBER_FIELDS = [
	'basisJaar',
	'basisOverledenen',
	'groeiPerJaar',
	'aandeelVerwacht',
	'aandeelLaag',
	'aandeelHoog',
	'ligduurDagen',
	'bezettingsnorm'
] as const;

const YEAR_FIELD = /^perJaar\.(\d{4})\.overledenen$/;

function text(values: FormValues, key: string): string {
	const value = values[key];
	return typeof value === 'string' ? value : '';
}

/** A checkbox counts as ticked when it was sent at all (browsers leave unticked boxes out). */
function ticked(values: FormValues, key: string): boolean {
	return values[key] !== undefined;
}

/**
 * The parameter form as input for `prognosisParametersSchema`. Every parameter's source is sent, so an emptied source
 * fails validation ("Vul de bron in."). A year counts as entered when its deaths are filled in; its source is then
 * required too (an empty source text is passed on so the schema says so).
 */
export function parametersFromForm(values: FormValues): PrognosisParametersInput {
	const input: Record<string, unknown> = {
		regio: text(values, 'regio'),
		setting: text(values, 'setting')
	};
	for (const field of NUMBER_FIELDS) input[field] = text(values, field);

	const bronnen: Record<string, { tekst: string; aanname: boolean }> = {};
	for (const key of SOURCED_PARAMETERS) {
		bronnen[key] = {
			tekst: text(values, `bronnen.${key}.tekst`),
			aanname: ticked(values, `bronnen.${key}.aanname`)
		};
	}
	input.bronnen = bronnen;

	const perJaar: Record<string, unknown> = {};
	for (const key of Object.keys(values).sort()) {
		const match = YEAR_FIELD.exec(key);
		if (!match || text(values, key).trim() === '') continue;
		const jaar = match[1];
		perJaar[jaar] = {
			overledenen: text(values, key),
			bron: {
				tekst: text(values, `perJaar.${jaar}.bron.tekst`),
				aanname: ticked(values, `perJaar.${jaar}.bron.aanname`)
			}
		};
	}
	input.perJaar = perJaar;
	return input as PrognosisParametersInput;
}

/** Scenario values as URL query parameters (the names of `scenarioSchema`), so a what-if can be linked and reloaded. */
export const SCENARIO_QUERY_KEYS = [
	'bezettingsnorm',
	'ligduurDagen',
	'aandeelLaag',
	'aandeelHoog',
	'groeiPerJaar'
] as const;

/** The scenario's values as query entries; unset values are left out. */
export function scenarioToQuery(scenario: Scenario | null | undefined): [string, string][] {
	if (!scenario) return [];
	const entries: [string, string][] = [];
	for (const key of SCENARIO_QUERY_KEYS) {
		const value = scenario[key];
		if (value !== undefined) entries.push([key, String(value)]);
	}
	return entries;
}

/** The scenario fields present in a query, as text for `scenarioSchema` (absent and empty fields are left out). */
export function scenarioQueryValues(params: URLSearchParams): Record<string, string> {
	const values: Record<string, string> = {};
	for (const key of SCENARIO_QUERY_KEYS) {
		const value = params.get(key);
		if (value !== null && value.trim() !== '') values[key] = value;
	}
	return values;
}
