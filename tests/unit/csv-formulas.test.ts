import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/lib/domain/capacity/csv';
import { csvCell, neutraliseFormula, restoreFormulaText } from '../../src/lib/domain/csv';
import { publicErrorMessage, isUnreadableFormPost } from '../../src/lib/server/http/form-requests';
import { readCsv, recordsToCsv } from '../../src/lib/server/services/import-export';

describe('CSV cells a spreadsheet would run as a formula', () => {
	it('get a leading apostrophe for = + - @ tab and carriage return, and nothing else', () => {
		for (const start of ['=', '+', '-', '@', '\t', '\r'])
			expect(neutraliseFormula(`${start}HYPERLINK("x")`)).toBe(`'${start}HYPERLINK("x")`);
		expect(neutraliseFormula('Hospice ==')).toBe('Hospice ==');
		expect(csvCell('=HYPERLINK("http://evil.example";"klik")')).toBe(
			'"\'=HYPERLINK(""http://evil.example"";""klik"")"'
		);
		expect(restoreFormulaText(neutraliseFormula('+31 20 123'))).toBe('+31 20 123');
		expect(restoreFormulaText("'gewoon")).toBe("'gewoon");
	});

	it('capacity CSV: text neutralised, negative numbers (a surplus) left as numbers', () => {
		const csv = toCsv(['regio', 'tekort'], [['=cmd', -3]]);
		expect(csv).toContain("'=cmd;-3");
	});

	it('organisation export neutralises text and reads back unchanged on import', () => {
		const record = { soort: 'organisatie', naam: '=HYPERLINK("x")', telefoon: '+31 20 1234567' };
		const csv = recordsToCsv([record as never]);
		expect(csv).toContain(`'=HYPERLINK`);
		const table = readCsv(csv.replace(/^\uFEFF/, ''));
		expect(table.rows[0].cells.naam).toBe('=HYPERLINK("x")');
		expect(table.rows[0].cells.telefoon).toBe('+31 20 1234567');
	});
});

describe('form posts that are not form data', () => {
	it('are recognised outside the JSON API only', () => {
		expect(isUnreadableFormPost('POST', '/inloggen', 'text/plain')).toBe(true);
		expect(isUnreadableFormPost('POST', '/inloggen', null)).toBe(true);
		expect(isUnreadableFormPost('POST', '/inloggen', 'application/json')).toBe(true);
		expect(isUnreadableFormPost('POST', '/inloggen', 'multipart/form-data; boundary=x')).toBe(false);
		expect(isUnreadableFormPost('POST', '/inloggen', 'application/x-www-form-urlencoded')).toBe(false);
		expect(isUnreadableFormPost('PUT', '/api/v1/bed-units/x/availability', 'text/plain')).toBe(false);
		expect(isUnreadableFormPost('GET', '/inloggen', null)).toBe(false);
	});

	it("SvelteKit's English 4xx messages become Dutch; the app's own stay", () => {
		expect(publicErrorMessage(413, 'Payload Too Large')).toBe('De verstuurde gegevens zijn te groot.');
		expect(publicErrorMessage(415, 'Unsupported Media Type')).toMatch(/formulier/);
		expect(publicErrorMessage(403, 'U heeft geen toegang.')).toBe('U heeft geen toegang.');
	});
});
