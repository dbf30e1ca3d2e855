import { expect, type Page } from '@playwright/test';
import Papa from 'papaparse';

/** Reading the capacity pages' numbers as a user sees them: table text, chart labels and the CSV export. */

export interface ShownRow {
	jaar: number;
	beschikbaar: number;
	nodigLaag: number;
	nodigHoog: number;
}

/** The numbers the table shows as text (not its data attributes), per year. */
export async function tableRows(page: Page, tableId: string): Promise<ShownRow[]> {
	const rows = page.locator(`#${tableId} tbody tr`);
	const result: ShownRow[] = [];
	for (let i = 0; i < (await rows.count()); i++) {
		const row = rows.nth(i);
		const jaar = Number(await row.locator('th').innerText());
		const cells = row.locator('td');
		const beschikbaar = Number((await cells.nth(2).innerText()).trim());
		const [laag, hoog] = (await cells.nth(3).innerText()).trim().split('–').map(Number);
		result.push({ jaar, beschikbaar, nodigLaag: laag, nodigHoog: hoog ?? laag });
	}
	return result;
}

/** The numbers the chart draws (its value labels) per year. */
export async function chartRows(page: Page, chartIndex = 0): Promise<ShownRow[]> {
	const groups = page.getByTestId('capaciteit-grafiek').nth(chartIndex).locator('g[data-jaar]');
	const result: ShownRow[] = [];
	for (let i = 0; i < (await groups.count()); i++) {
		const g = groups.nth(i);
		const [laag, hoog] = (await g.locator('text.nodig-label').textContent())!.split('–').map(Number);
		const row = {
			jaar: Number(await g.getAttribute('data-jaar')),
			beschikbaar: Number(await g.locator('text.beschikbaar').textContent()),
			nodigLaag: laag,
			nodigHoog: hoog ?? laag
		};
		// The label must say what the bar is drawn for.
		expect(Number(await g.getAttribute('data-beschikbaar'))).toBe(row.beschikbaar);
		expect(Number(await g.getAttribute('data-nodig-hoog'))).toBe(row.nodigHoog);
		result.push(row);
	}
	return result;
}

export function csvRows(text: string): Record<string, string>[] {
	const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
		header: true,
		delimiter: ';',
		skipEmptyLines: true
	});
	expect(parsed.errors).toEqual([]);
	return parsed.data;
}

export function fromCsv(rows: Record<string, string>[]): ShownRow[] {
	return rows.map((r) => ({
		jaar: Number(r.jaar),
		beschikbaar: Number(r.beschikbaar),
		nodigLaag: Number(r.nodig_laag),
		nodigHoog: Number(r.nodig_hoog)
	}));
}
