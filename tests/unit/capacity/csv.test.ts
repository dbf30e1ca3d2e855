import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
	capacityRowsCsv,
	csvNumber,
	parseExternalPrognosisCsv,
	toCsv,
	MAX_REPORTED_CSV_ERRORS
} from '$domain/capacity/csv';

describe('parseExternalPrognosisCsv', () => {
	it('reads comma- and semicolon-separated files, with a byte-order mark and a decimal comma', () => {
		const comma = parseExternalPrognosisCsv(
			'\uFEFFregio,jaar,setting,laag,hoog,bron\r\ndrenthe-steenwijkerland,2030,hospice,31,35,Akkoord\r\n'
		);
		const semicolon = parseExternalPrognosisCsv(
			'Regio;Jaar;Setting;Laag;Hoog;Bron\ndrenthe-steenwijkerland;2029;hospice;30,5;34;\n\n'
		);
		expect(comma).toEqual({
			ok: true,
			rows: [
				{
					regio: 'drenthe-steenwijkerland',
					jaar: 2030,
					setting: 'hospice',
					laag: 31,
					hoog: 35,
					bron: 'Akkoord'
				}
			]
		});
		expect(semicolon).toEqual({
			ok: true,
			rows: [{ regio: 'drenthe-steenwijkerland', jaar: 2029, setting: 'hospice', laag: 30.5, hoog: 34 }]
		});
	});

	it('reports every problem in Dutch with the line number, and returns no rows then', () => {
		const result = parseExternalPrognosisCsv(
			[
				'regio,jaar,setting,laag,hoog',
				'drenthe-steenwijkerland,2028,hospice,29,33',
				'',
				'drenthe-steenwijkerland,2029,kliniek,30,34',
				'drenthe-steenwijkerland,2030,hospice,36,35',
				'drenthe-steenwijkerland,2028,hospice,1,2',
				'drenthe-steenwijkerland,2031,hospice,1,2,extra'
			].join('\n')
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toEqual([
			expect.stringMatching(/^Regel 4: Kies een zorgsetting/),
			'Regel 5: Laag mag niet groter zijn dan hoog.',
			'Regel 6: drenthe-steenwijkerland, hospice, 2028 staat ook al op regel 2. Laat één van beide staan.',
			'Regel 7: 6 kolommen, maar de kopregel heeft er 5. Staat er een scheidingsteken in een waarde?'
		]);
	});

	it('says which columns the header misses, and refuses an empty file', () => {
		expect(parseExternalPrognosisCsv('regio;jaar;laag\nx;2030;1')).toEqual({
			ok: false,
			errors: [
				'Regel 1: de kopregel mist de kolommen setting, hoog. Verwacht: regio, jaar, setting, laag, hoog, bron (bron mag leeg blijven).'
			]
		});
		expect(parseExternalPrognosisCsv('\n \n')).toEqual({ ok: false, errors: ['Het bestand is leeg.'] });
		expect(parseExternalPrognosisCsv('regio,jaar,setting,laag,hoog\n')).toEqual({
			ok: false,
			errors: ['Het bestand bevat alleen een kopregel en geen prognoses.']
		});
	});

	it('applies the caller’s extra checks per row', () => {
		const result = parseExternalPrognosisCsv(
			'regio,jaar,setting,laag,hoog\namsterdam-diemen,2030,hospice,1,2',
			{
				checkRow: (row) => (row.regio === 'amsterdam-diemen' ? ['Deze regio valt buiten uw netwerk.'] : [])
			}
		);
		expect(result).toEqual({ ok: false, errors: ['Regel 2: Deze regio valt buiten uw netwerk.'] });
	});

	it('caps the list of errors', () => {
		const lines = ['regio,jaar,setting,laag,hoog', ...Array.from({ length: 60 }, () => 'x,1999,hospice,1,2')];
		const result = parseExternalPrognosisCsv(lines.join('\n'));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toHaveLength(MAX_REPORTED_CSV_ERRORS + 1);
		expect(result.errors.at(-1)).toBe('En nog 10 andere fouten.');
	});
});

describe('toCsv', () => {
	it('writes semicolon-separated text with a decimal comma that reads back to the same values', () => {
		const csv = toCsv(
			['jaar', 'bezetting', 'bron'],
			[
				[2026, 0.78456, 'extern; akkoord'],
				[2027, null, 'berekend']
			]
		);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const back = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data;
		expect(back).toEqual([
			['jaar', 'bezetting', 'bron'],
			['2026', '0,785', 'extern; akkoord'],
			['2027', '', 'berekend']
		]);
		expect(csvNumber(31)).toBe('31');
		expect(csvNumber(-2)).toBe('-2');
	});
});

describe('capacityRowsCsv', () => {
	const row = {
		jaar: 2030,
		geregistreerd: 37,
		gepland: 6,
		geplandPerStatus: { plan: 0, vergund: 6, in_aanbouw: 0, open: 0 },
		beschikbaar: 43,
		nodigLaag: 31,
		nodigHoog: 35,
		modelLaag: 31,
		modelHoog: 35,
		bron: 'berekend' as const,
		tekortLaag: -12,
		tekortHoog: -8,
		aannames: ['groeiPerJaar'],
		bezetting: null
	};

	it('writes the public columns only, unless the full export is asked for', () => {
		const [header, line] = capacityRowsCsv([
			{ regio: 'drenthe-steenwijkerland', setting: 'hospice', rows: [row] }
		])
			.slice(1)
			.split('\r\n');
		expect(header).toBe(
			'regio;zorgsetting;jaar;geregistreerd;gepland;beschikbaar;nodig_laag;nodig_hoog;prognose;tekort_laag;tekort_hoog'
		);
		expect(line).toBe('drenthe-steenwijkerland;hospice;2030;37;6;43;31;35;berekend;-12;-8');
		const full = capacityRowsCsv(
			[{ regio: 'drenthe-steenwijkerland', setting: 'hospice', rows: [{ ...row, bezetting: 0.8123 }] }],
			{ volledig: true, scenario: 'bezettingsnorm=0.7' }
		)
			.slice(1)
			.split('\r\n');
		expect(
			full[0].endsWith(';gepland_open;model_laag;model_hoog;aannames;gerealiseerde_bezetting;scenario')
		).toBe(true);
		expect(full[1].endsWith(';-12;-8;0;6;0;0;31;35;groeiPerJaar;0,812;bezettingsnorm=0.7')).toBe(true);
	});
});
