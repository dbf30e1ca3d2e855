/**
 * CSV in and out. Import: external prognoses (regio, jaar, setting, laag, hoog, bron), every row validated and every
 * problem reported with its line number, so a beheerder can fix the file in one go; the caller writes nothing unless
 * all rows are valid. Export: the dashboard rows, semicolon-separated with a decimal comma, as Dutch spreadsheet
 * programs expect.
 */
import Papa from 'papaparse';
import { neutraliseFormula } from '../csv';
import type { ExternalPrognosis } from './prognosis';
import { externalPrognosisRowSchema } from './schemas';

export const EXTERNAL_CSV_COLUMNS = ['regio', 'jaar', 'setting', 'laag', 'hoog', 'bron'] as const;
const REQUIRED_COLUMNS = ['regio', 'jaar', 'setting', 'laag', 'hoog'] as const;
/** More errors than this are summarised: nobody reads 2,000 messages, and the first ones show what is wrong. */
export const MAX_REPORTED_CSV_ERRORS = 50;

export type ExternalCsvResult = { ok: true; rows: ExternalPrognosis[] } | { ok: false; errors: string[] };

export interface ExternalCsvOptions {
	/** Extra checks on a valid row (e.g. the region must be the beheerder's); returns Dutch messages, empty when fine. */
	checkRow?: (row: ExternalPrognosis) => string[];
}

function isBlank(cells: readonly string[]): boolean {
	return cells.every((c) => c.trim() === '');
}

/** Parses and validates an external-prognosis CSV. Line numbers count from 1 and include the header line. */
export function parseExternalPrognosisCsv(text: string, options: ExternalCsvOptions = {}): ExternalCsvResult {
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false });
	const lines = parsed.data;
	const headerIndex = lines.findIndex((cells) => !isBlank(cells));
	if (headerIndex === -1) return { ok: false, errors: ['Het bestand is leeg.'] };

	const header = lines[headerIndex].map((h) => h.trim().toLowerCase());
	const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
	if (missing.length > 0) {
		return {
			ok: false,
			errors: [
				`Regel ${headerIndex + 1}: de kopregel mist ${missing.length === 1 ? 'de kolom' : 'de kolommen'} ${missing.join(', ')}. ` +
					`Verwacht: ${EXTERNAL_CSV_COLUMNS.join(', ')} (bron mag leeg blijven).`
			]
		};
	}

	const errors: string[] = [];
	const rows: ExternalPrognosis[] = [];
	const seen = new Map<string, number>();
	for (let i = headerIndex + 1; i < lines.length; i++) {
		const cells = lines[i];
		const line = i + 1;
		if (isBlank(cells)) continue;
		if (cells.length > header.length) {
			errors.push(
				`Regel ${line}: ${cells.length} kolommen, maar de kopregel heeft er ${header.length}. Staat er een scheidingsteken in een waarde?`
			);
			continue;
		}
		const record: Record<string, string> = {};
		header.forEach((column, c) => {
			if (cells[c] !== undefined) record[column] = cells[c];
		});
		const result = externalPrognosisRowSchema.safeParse(record);
		if (!result.success) {
			for (const issue of result.error.issues) errors.push(`Regel ${line}: ${issue.message}`);
			continue;
		}
		const row: ExternalPrognosis = result.data;
		const extra = options.checkRow?.(row) ?? [];
		for (const message of extra) errors.push(`Regel ${line}: ${message}`);
		if (extra.length > 0) continue;
		const key = `${row.regio}|${row.setting}|${row.jaar}`;
		const earlier = seen.get(key);
		if (earlier !== undefined) {
			errors.push(
				`Regel ${line}: ${row.regio}, ${row.setting}, ${row.jaar} staat ook al op regel ${earlier}. Laat één van beide staan.`
			);
			continue;
		}
		seen.set(key, line);
		rows.push(row);
	}

	if (errors.length === 0 && rows.length === 0) {
		return { ok: false, errors: ['Het bestand bevat alleen een kopregel en geen prognoses.'] };
	}
	if (errors.length > MAX_REPORTED_CSV_ERRORS) {
		const rest = errors.length - MAX_REPORTED_CSV_ERRORS;
		return {
			ok: false,
			errors: [...errors.slice(0, MAX_REPORTED_CSV_ERRORS), `En nog ${rest} andere fouten.`]
		};
	}
	return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

export type CsvCell = string | number | null | undefined;

/** A number with a decimal comma; integers stay integers, fractions keep at most `decimals` digits. */
export function csvNumber(value: number | null | undefined, decimals = 3): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '';
	const rounded = Number(value.toFixed(decimals));
	return String(rounded).replace('.', ',');
}

/**
 * Semicolon-separated CSV with a byte-order mark, so spreadsheet programs read the accents and columns right. Text cells
 * are neutralised against formulas; numbers are not (a negative number is a surplus, not a formula).
 */
export function toCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
	const data = rows.map((row) =>
		row.map((cell) => (typeof cell === 'number' ? csvNumber(cell) : neutraliseFormula(cell ?? '')))
	);
	return '\uFEFF' + Papa.unparse({ fields: [...columns], data }, { delimiter: ';', newline: '\r\n' });
}

/** What the export needs of a dashboard row (see dashboard.ts `CapacityRow`). */
export interface CsvCapacityRow {
	jaar: number;
	geregistreerd: number;
	gepland: number;
	geplandPerStatus: Record<'plan' | 'vergund' | 'in_aanbouw' | 'open', number>;
	beschikbaar: number;
	nodigLaag: number;
	nodigHoog: number;
	modelLaag: number;
	modelHoog: number;
	bron: 'extern' | 'berekend';
	tekortLaag: number;
	tekortHoog: number;
	aannames: readonly string[];
	bezetting: number | null;
}

export interface CsvCapacitySection {
	regio: string;
	setting: string;
	rows: readonly CsvCapacityRow[];
}

const PUBLIC_COLUMNS = [
	'regio',
	'zorgsetting',
	'jaar',
	'geregistreerd',
	'gepland',
	'beschikbaar',
	'nodig_laag',
	'nodig_hoog',
	'prognose',
	'tekort_laag',
	'tekort_hoog'
] as const;

const FULL_COLUMNS = [
	...PUBLIC_COLUMNS,
	'gepland_plan',
	'gepland_vergund',
	'gepland_in_aanbouw',
	'gepland_open',
	'model_laag',
	'model_hoog',
	'aannames',
	'gerealiseerde_bezetting',
	'scenario'
] as const;

/**
 * The dashboard rows as CSV, cell for cell the numbers of the table. A negative tekort is a surplus. The full export
 * (beheer) adds the planned beds per status, the model next to an external band, the assumptions and realised
 * occupancy (a fraction: 0,78 = 78%), and the scenario the rows were computed with.
 */
export function capacityRowsCsv(
	sections: readonly CsvCapacitySection[],
	options: { volledig?: boolean; scenario?: string } = {}
): string {
	const rows: CsvCell[][] = [];
	for (const section of sections) {
		for (const r of section.rows) {
			const base: CsvCell[] = [
				section.regio,
				section.setting,
				r.jaar,
				r.geregistreerd,
				r.gepland,
				r.beschikbaar,
				r.nodigLaag,
				r.nodigHoog,
				r.bron,
				r.tekortLaag,
				r.tekortHoog
			];
			if (options.volledig) {
				base.push(
					r.geplandPerStatus.plan,
					r.geplandPerStatus.vergund,
					r.geplandPerStatus.in_aanbouw,
					r.geplandPerStatus.open,
					r.modelLaag,
					r.modelHoog,
					r.aannames.join(' '),
					r.bezetting,
					options.scenario ?? ''
				);
			}
			rows.push(base);
		}
	}
	return toCsv(options.volledig ? FULL_COLUMNS : PUBLIC_COLUMNS, rows);
}
