/**
 * CSV cells for spreadsheets, one rule for every export. A cell that starts with = + - @, a tab or a carriage return is
 * run as a formula by Excel and LibreOffice (CSV injection: `=HYPERLINK(...)` in an organisation's description would
 * become a live link, `=cmd|...` worse), so such text gets a leading apostrophe, which spreadsheets read as "text follows".
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text with a leading apostrophe when a spreadsheet would run it as a formula. */
export function neutraliseFormula(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes neutraliseFormula, for reading our own export back in (an import of an exported file stays the same). */
export function restoreFormulaText(value: string): string {
	return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** A cell of a semicolon-separated CSV: formulas neutralised, quoted when it holds a separator, quote or line break. */
export function csvCell(value: string | null | undefined): string {
	const safe = neutraliseFormula(value ?? '');
	return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
