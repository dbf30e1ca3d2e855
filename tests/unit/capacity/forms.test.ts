import { describe, expect, it } from 'vitest';
import {
	parametersFromForm,
	scenarioQueryValues,
	scenarioToQuery,
	SOURCED_PARAMETERS
} from '$domain/capacity/forms';
import { prognosisParametersSchema, scenarioSchema } from '$domain/capacity/schemas';

const base: Record<string, string> = {
	regio: 'drenthe-steenwijkerland',
	setting: 'hospice',
	basisJaar: '2023',
	basisOverledenen: '6261',
	groeiPerJaar: '0,012',
	aandeelVerwacht: '0,6667',
	aandeelLaag: '0,09',
	aandeelHoog: '0,1',
	ligduurDagen: '22',
	bezettingsnorm: '0,8',
	...Object.fromEntries(SOURCED_PARAMETERS.map((k) => [`bronnen.${k}.tekst`, `Bron van ${k}`])),
	'bronnen.groeiPerJaar.aanname': 'on'
};

describe('parametersFromForm', () => {
	it('turns the flat form into valid parameters with sources and assumption flags', () => {
		const params = prognosisParametersSchema.parse(parametersFromForm(base));
		expect(params.groeiPerJaar).toBe(0.012);
		expect(params.bronnen.groeiPerJaar).toEqual({ tekst: 'Bron van groeiPerJaar', aanname: true });
		expect(params.bronnen.ligduurDagen).toEqual({ tekst: 'Bron van ligduurDagen', aanname: false });
		expect(params.perJaar).toEqual({});
	});

	it('keeps entered years with their source and skips empty ones', () => {
		const params = prognosisParametersSchema.parse(
			parametersFromForm({
				...base,
				'perJaar.2028.overledenen': '6700',
				'perJaar.2028.bron.tekst': 'Regionale prognose 2025',
				'perJaar.2029.overledenen': ' ',
				'perJaar.2029.bron.tekst': 'vergeten'
			})
		);
		expect(params.perJaar).toEqual({
			'2028': { overledenen: 6700, bron: { tekst: 'Regionale prognose 2025', aanname: false } }
		});
	});

	it('reports errors under the names of the form fields', () => {
		const result = prognosisParametersSchema.safeParse(
			parametersFromForm({
				...base,
				bezettingsnorm: '80',
				'bronnen.ligduurDagen.tekst': '',
				'perJaar.2027.overledenen': '6500'
			})
		);
		expect(result.success).toBe(false);
		const paths = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
		expect(paths['bezettingsnorm']).toMatch(/0,8 in voor 80%/);
		expect(paths['bronnen.ligduurDagen.tekst']).toBe('Vul de bron in.');
		// A year's deaths without a source are refused, so every number keeps its source.
		expect(paths['perJaar.2027.bron.tekst']).toBe('Vul de bron in.');
	});
});

describe('scenario in the URL', () => {
	it('round-trips through query parameters', () => {
		const scenario = { bezettingsnorm: 0.7, ligduurDagen: 25 };
		const params = new URLSearchParams(scenarioToQuery(scenario));
		expect(params.toString()).toBe('bezettingsnorm=0.7&ligduurDagen=25');
		expect(scenarioSchema.parse(scenarioQueryValues(params))).toEqual(scenario);
	});

	it('ignores empty and unrelated parameters', () => {
		const values = scenarioQueryValues(new URLSearchParams('regio=x&bezettingsnorm=&ligduurDagen=20'));
		expect(values).toEqual({ ligduurDagen: '20' });
		expect(scenarioToQuery(null)).toEqual([]);
	});
});
