import { expect, test } from '@playwright/test';
import { chartRows, csvRows, fromCsv, tableRows } from './helpers/capaciteit';

/**
 * The public capacity summary: aggregated numbers per region, the same in chart, table and CSV, and no names of
 * planned locations.
 */

test('the public summary shows Drenthe & Steenwijkerland’s hospice beds per year to 2030, the same in chart, table and CSV', async ({
	page
}) => {
	await page.goto('/capaciteit');
	await expect(page.getByRole('heading', { level: 2, name: 'Drenthe & Steenwijkerland' })).toBeVisible();
	await expect(
		page.getByRole('heading', { name: 'Hospicezorg (hospice en bijna-thuis-huis)' })
	).toBeVisible();
	await expect(page.getByTestId('kernboodschap-hospice')).toContainText('In 2030 zijn er naar verwachting');

	const table = await tableRows(page, 'tabel-hospice');
	expect(table.at(-1)?.jaar).toBe(2030);
	expect(table[0].jaar).toBe(new Date().getFullYear());
	for (const row of table) expect(row.nodigHoog).toBeGreaterThanOrEqual(row.nodigLaag);
	expect(await chartRows(page)).toEqual(table);

	const chart = page.getByTestId('capaciteit-grafiek').first();
	await expect(chart).toHaveAttribute('role', 'img');
	await expect(chart.locator('desc')).toContainText('2030:');

	const href = await page.getByRole('link', { name: /Download deze cijfers als CSV/ }).getAttribute('href');
	const response = await page.request.get(href!);
	expect(response.headers()['content-type']).toContain('text/csv');
	const csv = csvRows(await response.text());
	expect(fromCsv(csv.filter((r) => r.zorgsetting === 'hospice'))).toEqual(table);
	// Aggregated figures only: no column that could carry the name of a planned location.
	expect(Object.keys(csv[0])).not.toContain('naam');
});

test('another region can be chosen with the region list, and an unknown region is a 404', async ({
	page
}) => {
	await page.goto('/capaciteit');
	await page.getByLabel('Regio').selectOption('amsterdam-diemen');
	await page.getByRole('button', { name: 'Toon regio' }).click();
	await expect(page).toHaveURL(/regio=amsterdam-diemen/);
	await expect(page.getByRole('heading', { level: 2, name: 'Amsterdam-Diemen' })).toBeVisible();
	expect(await tableRows(page, 'tabel-hospice')).toHaveLength(2030 - new Date().getFullYear() + 1);

	const response = await page.goto('/capaciteit?regio=bestaat-niet');
	expect(response?.status()).toBe(404);
});
