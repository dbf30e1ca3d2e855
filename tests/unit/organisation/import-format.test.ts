import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	checkHeaders,
	decodeTable,
	encodeTable,
	formatOpeningstijden,
	IMPORT_COLUMNS,
	normaliseHeader,
	parseImport,
	parseJaNee,
	parseOpeningstijden,
	recordsToRows,
	toImportRecords,
	type ExportOrganisation,
	type ImportRecord,
	type SourceRow
} from '$lib/domain/organisation/import-format';

const organisation: ExportOrganisation = {
	slug: 'hospice-de-zonnedauw',
	naam: 'Hospice De Zonnedauw',
	type: 'hospice',
	beschrijving: 'Een huis voor de laatste levensfase.\nMet een tuin; en "rust".',
	telefoon: '0592 123 456',
	email: 'info@zonnedauw.nl',
	website: 'https://www.zonnedauw.nl',
	isVoorbeeld: true,
	status: 'actief',
	locaties: [
		{
			naam: 'Hoofdlocatie',
			adres: 'Beilerstraat 1',
			postcode: '9401 AB',
			plaats: 'Assen',
			lat: null,
			lon: null,
			status: 'actief'
		},
		{
			naam: 'Oude locatie',
			adres: null,
			postcode: '9402',
			plaats: null,
			lat: 52.9876,
			lon: 6.5432,
			status: 'gearchiveerd'
		}
	],
	diensten: [
		{
			naam: 'Opname hospice',
			beschrijving: '',
			categorie: 'hospice',
			doelgroepen: ['verslaving', 'dak_thuisloos'],
			expertise: ['pijnbeleid'],
			telefoon: '+31 592 123 456',
			email: null,
			website: null,
			dagEnNacht: true,
			openingstijden: [],
			bereikbaarheidToelichting: null,
			voorProfessionals: false,
			locaties: ['Hoofdlocatie'],
			regios: ['drenthe-assen', 'drenthe-steenwijkerland'],
			status: 'actief'
		},
		{
			naam: 'Rouwgroep',
			beschrijving: 'Elke maand.',
			categorie: 'rouwbegeleiding',
			doelgroepen: [],
			expertise: [],
			telefoon: null,
			email: 'rouw@zonnedauw.nl',
			website: null,
			dagEnNacht: false,
			openingstijden: [
				{ dag: 1, van: '09:00', tot: '12:00' },
				{ dag: 1, van: '13:00', tot: '17:00' },
				{ dag: 6, van: '10:00', tot: '24:00' }
			],
			bereikbaarheidToelichting: 'Buiten deze tijden: voicemail.',
			voorProfessionals: true,
			locaties: [],
			regios: [],
			status: 'gearchiveerd'
		}
	]
};

/** What the parser gives back, put in the export shape again. */
function reassemble(records: ImportRecord[]): ExportOrganisation[] {
	const { headers, rows } = recordsToRows(records);
	const parsed = parseImport(headers, rows);
	expect(parsed.fouten).toEqual([]);
	return parsed.organisaties.map((o) => ({
		...o.data,
		slug: o.slug,
		status: o.status,
		locaties: parsed.locaties
			.filter((l) => l.organisatie === o.slug)
			.map((l) => ({ ...l.data, status: l.status })),
		diensten: parsed.diensten
			.filter((d) => d.organisatie === o.slug)
			.map((d) => ({ ...d.data, locaties: d.locaties, regios: d.regios, status: d.status }))
	}));
}

function row(rij: number, cells: Partial<ImportRecord> & Record<string, string>): SourceRow {
	return { rij, cells };
}

const headers = [...IMPORT_COLUMNS];

describe('export → import', () => {
	it('gives back exactly what was exported', () => {
		const records = toImportRecords([organisation]);
		expect(records.map((r) => r.soort)).toEqual(['organisatie', 'locatie', 'locatie', 'dienst', 'dienst']);
		expect(reassemble(records)).toEqual([organisation]);
	});

	it('writes lists, booleans and opening hours as people read them', () => {
		const [org, , , opname, rouw] = toImportRecords([organisation]);
		expect(org.voorbeeld).toBe('ja');
		expect(opname.regios).toBe('drenthe-assen; drenthe-steenwijkerland');
		expect(opname.dag_en_nacht).toBe('ja');
		expect(rouw.openingstijden).toBe('ma 09:00-12:00; ma 13:00-17:00; za 10:00-24:00');
	});
});

describe('headers', () => {
	it('normalises spelling, accents and aliases', () => {
		expect(normaliseHeader('Dag en nacht')).toBe('dag_en_nacht');
		expect(normaliseHeader('Regio’s')).toBe('regios');
		expect(normaliseHeader('E-mail')).toBe('email');
		expect(normaliseHeader('\uFEFFsoort')).toBe('soort');
		expect(normaliseHeader('Breedtegraad')).toBe('lat');
	});

	it('reports unknown, doubled and missing columns on row 1', () => {
		expect(checkHeaders(['soort', 'naam', 'Naam', 'kleur'])).toEqual([
			{ rij: 1, kolom: 'Naam', melding: 'De kolom "Naam" staat er twee keer in.' },
			{ rij: 1, kolom: 'kleur', melding: expect.stringContaining('kennen we niet') },
			{ rij: 1, kolom: 'organisatie', melding: 'De kolom "organisatie" ontbreekt.' }
		]);
	});

	it('needs only soort, organisatie and naam; other columns may be left out', () => {
		const parsed = parseImport(
			['soort', 'organisatie', 'naam', 'type', 'postcode'],
			[
				row(2, {
					soort: 'organisatie',
					organisatie: '',
					naam: 'Nieuwe Zorg B.V.',
					type: 'Thuiszorg / wijkverpleging'
				}),
				row(3, { soort: 'locatie', organisatie: 'nieuwe-zorg-b-v', naam: 'Kantoor', postcode: '9401' })
			]
		);
		expect(parsed.fouten).toEqual([]);
		expect(parsed.organisaties[0]).toMatchObject({ slug: 'nieuwe-zorg-b-v', data: { type: 'thuiszorg' } });
		expect(parsed.locaties[0]).toMatchObject({ organisatie: 'nieuwe-zorg-b-v', data: { postcode: '9401' } });
	});
});

describe('row-by-row errors', () => {
	it('reports every problem with its spreadsheet row and column, in Dutch', () => {
		const parsed = parseImport(headers, [
			row(2, { soort: 'organisatie', organisatie: 'hospice-a', naam: 'Hospice A', type: 'hospice' }),
			row(3, { soort: 'winkel', organisatie: 'hospice-a', naam: 'X' }),
			row(4, { soort: 'organisatie', organisatie: 'hospice-a', naam: 'Hospice A bis', type: 'hospice' }),
			row(5, { soort: 'locatie', organisatie: 'hospice-a', naam: 'Huis', postcode: 'ABCD', type: 'hospice' }),
			row(6, {
				soort: 'dienst',
				organisatie: 'hospice-a',
				naam: 'Opname',
				categorie: 'kapper',
				doelgroepen: 'verslaving; katten',
				dag_en_nacht: 'misschien'
			}),
			row(7, { soort: 'dienst', organisatie: '', naam: 'Zonder organisatie', categorie: 'hospice' }),
			row(8, {
				soort: 'dienst',
				organisatie: 'hospice-a',
				naam: 'Tijden',
				categorie: 'hospice',
				openingstijden: 'ma 17:00-09:00'
			}),
			row(9, {
				soort: 'dienst',
				organisatie: 'hospice-a',
				naam: 'Onleesbaar',
				categorie: 'hospice',
				openingstijden: 'elke dag'
			}),
			row(10, { soort: 'organisatie', organisatie: 'nieuw', naam: 'Nieuw', type: 'hospice', telefoon: '123' })
		]);
		const byRow = (rij: number) =>
			parsed.fouten.filter((f) => f.rij === rij).map((f) => `${f.kolom}: ${f.melding}`);
		expect(byRow(2)).toEqual([]);
		expect(byRow(3)).toEqual(['soort: Vul bij soort organisatie, locatie of dienst in (niet "winkel").']);
		expect(byRow(4)).toEqual(['organisatie: Organisatie "hospice-a" staat al op rij 2.']);
		expect(byRow(5)).toEqual([
			expect.stringMatching(/^type: De kolom type hoort niet bij een locatie/),
			expect.stringMatching(/^postcode: Vul een geldige postcode in/)
		]);
		expect(byRow(6)).toEqual([
			expect.stringMatching(/^categorie: "kapper" staat niet in de lijst/),
			expect.stringMatching(/^doelgroepen: "katten" staat niet in de lijst van doelgroepen/),
			'dag_en_nacht: Vul ja of nee in (of laat het leeg).'
		]);
		expect(byRow(7)).toEqual([expect.stringMatching(/^organisatie: Vul bij een dienst de organisatie in/)]);
		expect(byRow(8)).toEqual([
			expect.stringMatching(/^openingstijden: Maandag: de eindtijd moet later zijn/)
		]);
		expect(byRow(9)).toEqual([expect.stringMatching(/^openingstijden: "elke dag" kunnen we niet lezen/)]);
		expect(byRow(10)).toEqual([
			expect.stringMatching(/^organisatie: "nieuw" kan geen sleutel/),
			expect.stringMatching(/^telefoon: Vul een Nederlands telefoonnummer in/)
		]);
		// Only valid rows come through.
		expect(parsed.organisaties.map((o) => o.rij)).toEqual([2]);
		expect(parsed.diensten).toEqual([]);
		expect(parsed.aantalRijen).toBe(9);
	});

	it('skips empty rows but keeps counting them for row numbers', () => {
		const parsed = parseImport(headers, [
			row(2, { soort: 'organisatie', naam: 'Hospice A', type: 'hospice' }),
			row(3, {}),
			row(4, { soort: 'locatie', organisatie: 'hospice-a', naam: 'Huis', postcode: 'fout' })
		]);
		expect(parsed.aantalRijen).toBe(2);
		expect(parsed.fouten.map((f) => f.rij)).toEqual([4]);
	});

	it('flags a value in a column without a name (shifted columns)', () => {
		const parsed = parseImport(headers, [
			row(2, { soort: 'organisatie', naam: 'Hospice A', type: 'hospice', 'kolom zonder naam 25': 'x' })
		]);
		expect(parsed.fouten).toEqual([
			{ rij: 2, kolom: 'kolom zonder naam 25', melding: expect.stringContaining('kolom zonder kolomnaam') }
		]);
	});
});

describe('cell values', () => {
	it('reads ja/nee in the usual spreadsheet spellings', () => {
		expect(['ja', 'JA', 'x', '1', 'true', 'waar'].map(parseJaNee)).toEqual(Array(6).fill(true));
		expect(['', 'nee', 'N', '0', 'false'].map(parseJaNee)).toEqual(Array(5).fill(false));
		expect(parseJaNee('soms')).toBeNull();
	});

	it('reads opening hours with ranges, several periods and loose spelling', () => {
		expect(parseOpeningstijden('ma-vr 9:00-17:00; za 10.00 – 12.00')).toEqual({
			ok: true,
			value: [
				...[1, 2, 3, 4, 5].map((dag) => ({ dag, van: '09:00', tot: '17:00' })),
				{ dag: 6, van: '10:00', tot: '12:00' }
			]
		});
		expect(parseOpeningstijden('maandag t/m woensdag: 09:00-12:00, 13:00-17:00').ok).toBe(true);
		expect(parseOpeningstijden('')).toEqual({ ok: true, value: [] });
		expect(parseOpeningstijden('vr-ma 09:00-17:00').ok).toBe(false);
		expect(parseOpeningstijden('ma 09:00').ok).toBe(false);
	});

	it('formats opening hours so that they read back the same (property)', () => {
		const tijd = fc
			.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
			.map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
		const period = fc.record({ dag: fc.integer({ min: 1, max: 7 }), van: tijd, tot: tijd });
		fc.assert(
			fc.property(fc.array(period, { maxLength: 10 }), (periods) => {
				const parsed = parseOpeningstijden(formatOpeningstijden(periods));
				expect(parsed.ok).toBe(true);
				const sorted = [...periods].sort((a, b) => a.dag - b.dag || a.van.localeCompare(b.van));
				expect(parsed.ok && parsed.value).toEqual(sorted);
			})
		);
	});
});

describe('the checked table between preview and import', () => {
	it('encodes compactly and decodes to the same rows, row numbers included', () => {
		const table = recordsToRows(toImportRecords([organisation]));
		table.rows[2] = { ...table.rows[2], rij: 9 };
		const text = encodeTable(table);
		expect(decodeTable(text)).toEqual(table);
		// Column names are written once in the header and once as cell names, not per row.
		expect(text.split('"bereikbaarheid_toelichting"').length).toBe(3);
	});

	it('refuses anything that is not such a table', () => {
		expect(decodeTable('niet json')).toBeNull();
		expect(decodeTable(JSON.stringify({ h: ['soort'], k: ['soort'], r: [[1, 'organisatie']] }))).toBeNull();
		expect(decodeTable(JSON.stringify({ h: ['soort'], k: ['soort'], r: [[2, 'a', 'b']] }))).toBeNull();
		expect(decodeTable(JSON.stringify({ h: ['soort'], k: ['soort'], r: [['2', 'a']] }))).toBeNull();
	});
});
