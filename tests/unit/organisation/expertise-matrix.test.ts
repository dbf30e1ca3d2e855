import { describe, expect, it } from 'vitest';
import {
	buildExpertiseMatrix,
	columnsOfView,
	expertiseQuerySchema,
	typeColumns,
	type MatrixService
} from '$lib/domain/organisation/expertise-matrix';

const org = (id: string, naam: string, type: string) => ({
	id,
	slug: `org-${id}`,
	naam,
	type,
	isVoorbeeld: false
});
const hospice = org('1', 'Hospice Zonnedauw', 'hospice');
const ggz = org('2', 'GGZ Noord', 'ggz');
const mo = org('3', 'Opvang De Haven', 'maatschappelijke_opvang');

const services: MatrixService[] = [
	{ id: 'a', expertise: ['pijnbeleid', 'middelengebruik'], organisation: hospice, gemeenteCodes: ['GM0106'] },
	// A second service of the same organisation with the same expertise must not count twice.
	{ id: 'b', expertise: ['pijnbeleid'], organisation: hospice, gemeenteCodes: ['GM0106', 'GM1730'] },
	{ id: 'c', expertise: ['middelengebruik', 'psychiatrie'], organisation: ggz, gemeenteCodes: ['GM0114'] },
	{ id: 'd', expertise: ['middelengebruik'], organisation: mo, gemeenteCodes: [] }
];

const expertise = [
	{ key: 'pijnbeleid', label: 'Pijnbeleid' },
	{ key: 'middelengebruik', label: 'Middelengebruik' },
	{ key: 'psychiatrie', label: 'Psychiatrie' },
	{ key: 'rouw', label: 'Rouw en verlies' }
];
const types = [
	{ key: 'hospice', label: 'Hospice' },
	{ key: 'vvt', label: 'VVT' },
	{ key: 'ggz', label: 'GGZ-instelling' },
	{ key: 'maatschappelijke_opvang', label: 'Maatschappelijke opvang' }
];

describe('typeColumns', () => {
	it('keeps the types present in the region, in vocabulary order, and names the absent ones', () => {
		const { columns, afwezig } = typeColumns(services, types);
		expect(columns.map((c) => c.key)).toEqual(['hospice', 'ggz', 'maatschappelijke_opvang']);
		expect(afwezig.map((c) => c.key)).toEqual(['vvt']);
	});
});

describe('buildExpertiseMatrix per organisation type', () => {
	const { columns } = typeColumns(services, types);
	const m = buildExpertiseMatrix(services, expertise, columns, columnsOfView.type);
	const cell = (row: string, col: string) =>
		m.rows
			.find((r) => r.code === row)!
			.cells[m.columns.findIndex((c) => c.key === col)].organisaties.map((o) => o.naam);

	it('counts distinct organisations per cell, sorted by name', () => {
		expect(cell('pijnbeleid', 'hospice')).toEqual(['Hospice Zonnedauw']);
		expect(cell('middelengebruik', 'ggz')).toEqual(['GGZ Noord']);
		expect(m.rows.find((r) => r.code === 'middelengebruik')!.totaal).toBe(3);
		expect(m.rows.find((r) => r.code === 'pijnbeleid')!.totaal).toBe(1);
	});

	it('leaves cells empty where expertise is missing, and lists expertise missing in the whole region', () => {
		expect(cell('pijnbeleid', 'ggz')).toEqual([]);
		expect(cell('psychiatrie', 'hospice')).toEqual([]);
		expect(m.ontbrekend).toEqual([{ key: 'rouw', label: 'Rouw en verlies' }]);
		// pijnbeleid 2 empty, middelengebruik 0, psychiatrie 2, rouw 3.
		expect(m.legeCellen).toBe(7);
	});
});

describe('buildExpertiseMatrix per gemeente', () => {
	const gemeenten = [
		{ key: 'GM0106', label: 'Assen' },
		{ key: 'GM0114', label: 'Emmen' },
		{ key: 'GM1730', label: 'Tynaarlo' }
	];
	const m = buildExpertiseMatrix(services, expertise, gemeenten, columnsOfView.gemeente);

	it('places a service in every gemeente where it is offered', () => {
		const pijn = m.rows.find((r) => r.code === 'pijnbeleid')!;
		expect(pijn.cells.map((c) => c.organisaties.length)).toEqual([1, 0, 1]);
	});

	it('still counts a service without a gemeente in the row total', () => {
		const middelen = m.rows.find((r) => r.code === 'middelengebruik')!;
		expect(middelen.cells.map((c) => c.organisaties.map((o) => o.naam))).toEqual([
			['Hospice Zonnedauw'],
			['GGZ Noord'],
			[]
		]);
		expect(middelen.totaal).toBe(3);
	});
});

describe('expertiseQuerySchema', () => {
	it('reads a region slug and a view, and falls back on anything else', () => {
		expect(expertiseQuerySchema.parse({ regio: 'amsterdam-diemen', weergave: 'gemeente' })).toEqual({
			regio: 'amsterdam-diemen',
			weergave: 'gemeente'
		});
		expect(expertiseQuerySchema.parse({ regio: '../etc', weergave: 'taart' })).toEqual({
			regio: undefined,
			weergave: 'type'
		});
		expect(expertiseQuerySchema.parse({})).toEqual({ regio: undefined, weergave: 'type' });
	});
});
