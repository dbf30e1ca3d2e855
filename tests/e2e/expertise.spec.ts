import { expect, test } from '@playwright/test';

test('the expertise map shows a demo region with missing expertise marked as "ontbreekt"', async ({
	page
}) => {
	await page.goto('/expertise');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Expertise in de regio');
	await expect(page.getByLabel('Regio (netwerk palliatieve zorg)')).toHaveValue('drenthe-steenwijkerland');

	const table = page.getByRole('table', {
		name: /Expertise per soort organisatie in Drenthe & Steenwijkerland/
	});
	await expect(table.getByRole('columnheader', { name: 'Hospice' })).toBeVisible();
	await expect(table.getByRole('rowheader', { name: 'Pijnbeleid' })).toBeVisible();
	// An empty cell is a finding: it says so in words.
	await expect(table.getByRole('cell', { name: 'ontbreekt' }).first()).toBeVisible();

	// A filled cell opens to the organisations, which link to their pages.
	const row = table.getByRole('row', { name: /Pijnbeleid/ });
	const hospiceCell = row.getByRole('cell').first();
	await hospiceCell.locator('summary').click();
	await expect(hospiceCell.getByRole('link').first()).toHaveAttribute('href', /^\/organisaties\/voorbeeld-/);
});

test('the region is chosen with the select (without JavaScript too) and the view can switch to gemeenten', async ({
	page
}) => {
	await page.goto('/expertise');
	await page.getByLabel('Regio (netwerk palliatieve zorg)').selectOption('amsterdam-diemen');
	await page.getByRole('button', { name: 'Toon regio' }).click();
	await expect(page).toHaveURL(/regio=amsterdam-diemen/);
	await expect(page.getByRole('heading', { name: 'Expertise in Amsterdam-Diemen' })).toBeVisible();

	await page.getByRole('link', { name: 'Per gemeente' }).click();
	await expect(page).toHaveURL(/weergave=gemeente/);
	const table = page.getByRole('table', { name: /Expertise per gemeente in Amsterdam-Diemen/ });
	await expect(table.getByRole('columnheader', { name: 'Amsterdam' })).toBeVisible();
	await expect(table.getByRole('columnheader', { name: 'Diemen' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Per gemeente' })).toHaveAttribute('aria-current', 'page');
	// Not every expertise is offered in both gemeenten.
	await expect(table.getByRole('cell', { name: 'ontbreekt' }).first()).toBeVisible();
});

test('consultation teams and lines for professionals are listed with their reachability', async ({
	page
}) => {
	await page.goto('/expertise?regio=drenthe-steenwijkerland');
	const heading = page.getByRole('heading', { name: 'Consultatie voor professionals' });
	await expect(heading).toBeVisible();
	const list = page.locator('.rk-consultatie');
	await expect(list.getByRole('heading', { name: 'Consultatie palliatieve zorg' })).toBeVisible();
	await expect(list.locator('a[href^="tel:+31"]').first()).toBeVisible();
	await expect(list.getByText('Dag en nacht bereikbaar').first()).toBeVisible();
});

test('an unknown region falls back to the default with a notice', async ({ page }) => {
	await page.goto('/expertise?regio=bestaat-niet');
	await expect(page.getByRole('status')).toContainText('Die regio kennen we niet');
	await expect(page.getByRole('heading', { name: 'Expertise in Drenthe & Steenwijkerland' })).toBeVisible();
});

test('screenshots of the expertise map on desktop and phone, without sideways overflow', async ({ page }) => {
	for (const [name, viewport] of [
		['desktop', { width: 1280, height: 900 }],
		['phone', { width: 390, height: 844 }]
	] as const) {
		await page.setViewportSize(viewport);
		for (const weergave of ['type', 'gemeente']) {
			await page.goto(`/expertise?weergave=${weergave}`);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			expect(overflow).toBeLessThanOrEqual(0);
		}
		await page.screenshot({ path: `test-results/expertise-${name}.png`, fullPage: true });
	}
});
