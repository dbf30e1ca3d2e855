import { describe, expect, it } from 'vitest';
import type { PlannedCapacity } from '$domain/capacity/gap';
import type { ExternalPrognosis, PrognosisParameters } from '$domain/capacity/prognosis';
import type { Scenario } from '$domain/capacity/scenario';
import {
	externalPrognosisRowSchema,
	plannedCapacitySchema,
	prognosisParametersSchema,
	scenarioSchema
} from '$domain/capacity/schemas';

/** The Dutch messages of a failed parse, keyed by field path. */
function errors(result: {
	success: boolean;
	error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
	expect(result.success).toBe(false);
	return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('externalPrognosisRowSchema (CSV import)', () => {
	it('reads a CSV line of text, with a decimal comma', () => {
		const row: ExternalPrognosis = externalPrognosisRowSchema.parse({
			regio: ' drenthe-steenwijkerland ',
			jaar: '2030',
			setting: 'hospice',
			laag: '31',
			hoog: '35,5',
			bron: ''
		});
		expect(row).toEqual({
			regio: 'drenthe-steenwijkerland',
			jaar: 2030,
			setting: 'hospice',
			laag: 31,
			hoog: 35.5
		});
	});

	it('rejects laag above hoog', () => {
		const e = errors(
			externalPrognosisRowSchema.safeParse({ regio: 'r', jaar: 2030, setting: 'hospice', laag: 16, hoog: 15 })
		);
		expect(e.hoog).toBe('Laag mag niet groter zijn dan hoog.');
	});

	it('accepts 2020 and 2040 and rejects years outside them', () => {
		const row = { regio: 'r', setting: 'hospice', laag: 1, hoog: 2 };
		expect(externalPrognosisRowSchema.safeParse({ ...row, jaar: 2020 }).success).toBe(true);
		expect(externalPrognosisRowSchema.safeParse({ ...row, jaar: 2040 }).success).toBe(true);
		expect(errors(externalPrognosisRowSchema.safeParse({ ...row, jaar: 2019 })).jaar).toBe(
			'Het jaar moet tussen 2020 en 2040 liggen.'
		);
		expect(errors(externalPrognosisRowSchema.safeParse({ ...row, jaar: 2041 })).jaar).toMatch(/2020 en 2040/);
		expect(errors(externalPrognosisRowSchema.safeParse({ ...row, jaar: '2030,5' })).jaar).toBe(
			'Vul een heel jaartal in.'
		);
	});

	it('says in Dutch what is missing or wrong', () => {
		const e = errors(
			externalPrognosisRowSchema.safeParse({
				regio: '',
				jaar: '',
				setting: 'kliniek',
				laag: 'veel',
				hoog: -1
			})
		);
		expect(e.regio).toBe('Kies een regio.');
		expect(e.jaar).toBe('Het jaar is verplicht.');
		expect(e.setting).toMatch(/^Kies een zorgsetting: hospice, bijna_thuis_huis/);
		expect(e.laag).toBe('Laag moet een getal zijn.');
		expect(e.hoog).toBe('Hoog kan niet negatief zijn.');
	});
});

describe('plannedCapacitySchema', () => {
	const valid = {
		naam: 'Hospice De Linde',
		regio: 'drenthe-steenwijkerland',
		setting: 'hospice',
		bedden: '6',
		verwachteOpening: '2027-11-01',
		status: 'in_aanbouw'
	};

	it('accepts a form entry', () => {
		const entry: PlannedCapacity = plannedCapacitySchema.parse(valid);
		expect(entry.bedden).toBe(6);
		expect(entry.verwachteOpening).toBe('2027-11-01');
	});

	it('needs a positive whole number of beds, a real date and a known status', () => {
		expect(errors(plannedCapacitySchema.safeParse({ ...valid, bedden: 0 })).bedden).toBe(
			'Het aantal bedden moet groter zijn dan 0.'
		);
		expect(errors(plannedCapacitySchema.safeParse({ ...valid, bedden: 2.5 })).bedden).toBe(
			'Vul een heel aantal bedden in.'
		);
		expect(
			errors(plannedCapacitySchema.safeParse({ ...valid, verwachteOpening: '2027-13-01' })).verwachteOpening
		).toBe('Vul de verwachte opening in als datum (JJJJ-MM-DD).');
		expect(errors(plannedCapacitySchema.safeParse({ ...valid, status: 'gepland' })).status).toMatch(
			/^Kies een status/
		);
		expect(errors(plannedCapacitySchema.safeParse({ ...valid, naam: '  ' })).naam).toBe('Vul een naam in.');
	});
});

describe('prognosisParametersSchema', () => {
	const valid = {
		regio: 'drenthe-steenwijkerland',
		setting: 'hospice',
		basisJaar: 2023,
		basisOverledenen: 6261,
		groeiPerJaar: 0.012,
		aandeelVerwacht: 2 / 3,
		aandeelLaag: 0.09,
		aandeelHoog: 0.1,
		ligduurDagen: 22,
		bezettingsnorm: 0.8,
		perJaar: { '2028': { overledenen: '6700', bron: { tekst: 'Regionale prognose' } } },
		bronnen: { groeiPerJaar: { tekst: 'AANNAME', aanname: true } }
	};

	it('accepts parameters and fills source defaults', () => {
		const params: PrognosisParameters = prognosisParametersSchema.parse(valid);
		expect(params.perJaar?.[2028]).toEqual({
			overledenen: 6700,
			bron: { tekst: 'Regionale prognose', aanname: false }
		});
		expect(params.bronnen.groeiPerJaar?.aanname).toBe(true);
		expect(
			prognosisParametersSchema.parse({ ...valid, perJaar: undefined, bronnen: undefined }).bronnen
		).toEqual({});
	});

	it('guides a beheerder who types a percentage instead of a fraction', () => {
		const e = errors(
			prognosisParametersSchema.safeParse({ ...valid, bezettingsnorm: 80, groeiPerJaar: 1, aandeelHoog: 10 })
		);
		expect(e.bezettingsnorm).toBe('De bezettingsnorm is een deel van 1: vul bijvoorbeeld 0,8 in voor 80%.');
		expect(e.groeiPerJaar).toBe('De groei per jaar is een deel van 1: vul bijvoorbeeld 0,01 in voor 1%.');
		expect(e.aandeelHoog).toBe('Het hoge aandeel is een deel van 1: vul bijvoorbeeld 0,095 in voor 9,5%.');
	});

	it('keeps the share band ordered, also per year', () => {
		expect(errors(prognosisParametersSchema.safeParse({ ...valid, aandeelLaag: 0.11 })).aandeelHoog).toBe(
			'Het hoge aandeel moet minstens zo groot zijn als het lage aandeel.'
		);
		const perYear = errors(
			prognosisParametersSchema.safeParse({
				...valid,
				perJaar: { '2030': { aandeelLaag: 0.2, aandeelHoog: 0.1 } }
			})
		);
		expect(perYear['perJaar.2030.aandeelHoog']).toMatch(/minstens zo groot/);
	});

	it('rejects a zero norm or stay and a malformed year key', () => {
		const e = errors(
			prognosisParametersSchema.safeParse({
				...valid,
				bezettingsnorm: 0,
				ligduurDagen: 0,
				perJaar: { '30': {} }
			})
		);
		expect(e.bezettingsnorm).toBe('De bezettingsnorm moet groter zijn dan 0.');
		expect(e.ligduurDagen).toBe('De verblijfsduur moet groter zijn dan 0 dagen.');
		expect(e['perJaar.30']).toBe('Een jaar bestaat uit vier cijfers.');
	});
});

describe('scenarioSchema', () => {
	it('treats empty form fields as "keep the stored value"', () => {
		const scenario: Scenario = scenarioSchema.parse({
			naam: '',
			bezettingsnorm: '0,7',
			ligduurDagen: '',
			aandeelLaag: '',
			aandeelHoog: '',
			groeiPerJaar: ''
		});
		expect(scenario).toEqual({ bezettingsnorm: 0.7 });
	});

	it('checks ranges and the order of the shares when both are given', () => {
		const e = errors(scenarioSchema.safeParse({ ligduurDagen: -3, aandeelLaag: 0.2, aandeelHoog: 0.1 }));
		expect(e.ligduurDagen).toBe('De verblijfsduur moet groter zijn dan 0 dagen.');
		expect(e.aandeelHoog).toMatch(/minstens zo groot/);
		expect(scenarioSchema.safeParse({ aandeelLaag: 0.2 }).success).toBe(true);
	});
});
