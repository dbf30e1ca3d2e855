import Papa from 'papaparse';

export type CsvRow = Record<string, string>;

/** Parse a CSV text with a header row into trimmed string records; throws on malformed input. */
export function parseCsv(text: string, source = 'CSV'): CsvRow[] {
	const result = Papa.parse<CsvRow>(text, {
		header: true,
		skipEmptyLines: true,
		transformHeader: (h) => h.trim(),
		transform: (v) => v.trim()
	});
	if (result.errors.length > 0) {
		const e = result.errors[0];
		throw new Error(`${source}: ${e.message} (rij ${e.row ?? '?'})`);
	}
	return result.data;
}

/** A required text field. */
export function requireField(row: CsvRow, field: string, source: string): string {
	const value = row[field];
	if (value === undefined || value === '')
		throw new Error(`${source}: veld "${field}" ontbreekt in ${JSON.stringify(row)}`);
	return value;
}

/** An optional number; '' means unknown (null). */
export function optionalNumber(row: CsvRow, field: string, source: string): number | null {
	const value = row[field];
	if (value === undefined || value === '') return null;
	const n = Number(value);
	if (!Number.isFinite(n))
		throw new Error(`${source}: veld "${field}" is geen getal: ${JSON.stringify(value)}`);
	return n;
}

export function requireNumber(row: CsvRow, field: string, source: string): number {
	const n = optionalNumber(row, field, source);
	if (n === null) throw new Error(`${source}: veld "${field}" ontbreekt in ${JSON.stringify(row)}`);
	return n;
}

export function optionalInteger(row: CsvRow, field: string, source: string): number | null {
	const n = optionalNumber(row, field, source);
	if (n !== null && !Number.isInteger(n))
		throw new Error(`${source}: veld "${field}" is geen geheel getal: ${n}`);
	return n;
}
