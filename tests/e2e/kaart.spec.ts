import { expect as baseExpect, type Page, test } from '@playwright/test';

// Each keystroke can mean a server round trip; on a busy test machine that takes longer than the default 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

/*
 * /kaart as a new user uses it: typing in the one search box, a postcode, filters, the map, back and forward, and the
 * same without JavaScript. Runs on the demo data (Hospice De Zonnedauw and VPTZ De Lantaarn in Assen, 9401; Hospice Het
 * Veerhuis in Amsterdam, where active substance use is allowed).
 */

const results = (page: Page) => page.getByTestId('resultaten').locator(':scope > li');

/** Open /kaart and wait until it reacts to typing (hydrated). */
async function open(page: Page, url = '/kaart') {
	await page.goto(url);
	await expect(page.locator('form[role=search]')).toHaveAttribute('data-enhanced', 'true');
}
const firstResult = (page: Page) => results(page).first();

test.describe('zoeken op de sociale kaart', () => {
	test('finds the hospice and the VPTZ near 9401 in three keystrokes', async ({ page }) => {
		await open(page);
		await page.getByLabel('Postcode').pressSequentially('9401');
		const box = page.getByRole('searchbox', { name: 'Wat zoekt u?' });

		await box.pressSequentially('hos');
		await expect(page).toHaveURL(/[?&]q=hos(&|$)/);
		await expect(page).toHaveURL(/postcode=9401/);
		await expect(firstResult(page)).toContainText('Hospice De Zonnedauw');
		await expect(firstResult(page)).toContainText('Assen');
		await expect(page.getByTestId('samenvatting')).toContainText('bij postcode 9401 (Assen)');

		await box.fill('');
		await box.pressSequentially('vpt');
		await expect(page).toHaveURL(/[?&]q=vpt(&|$)/);
		await expect(firstResult(page)).toContainText('VPTZ De Lantaarn');
		await expect(firstResult(page)).toContainText('Assen');
		// The search box kept focus while the results changed.
		await expect(box).toBeFocused();
	});

	test('finds middelengebruik expertise in Amsterdam despite a typo', async ({ page }) => {
		// No wait for the page to become interactive: what is typed before that must be searched for too.
		await page.goto('/kaart');
		await page
			.getByRole('searchbox', { name: 'Wat zoekt u?' })
			.pressSequentially('middelengebriuk amsterdam');
		await expect(page).toHaveURL(/q=middelengebriuk\+amsterdam/);
		await expect(results(page).first()).toBeVisible();
		const items = await results(page).allInnerTexts();
		expect(items.length).toBeGreaterThan(0);
		for (const text of items) expect(text).toContain('Amsterdam');
		expect(items.some((t) => /Expertise[\s\S]*Middelengebruik/.test(t))).toBe(true);
		expect(items.join('\n')).toContain('Hospice Het Veerhuis');
	});

	test('the map shows the same results as the list', async ({ page }) => {
		await page.setViewportSize({ width: 1400, height: 1000 });
		const query = '?q=hospice&postcode=9401&straal=50';
		await open(page, `/kaart${query}`);
		const map = page.getByTestId('kaart');
		await expect(map).toHaveAttribute('data-kaart-status', 'klaar', { timeout: 30_000 });

		const listIds = await results(page).evaluateAll((lis) =>
			lis.map((li) => li.getAttribute('data-service-id'))
		);
		const summary = await page.getByTestId('samenvatting').innerText();
		const total = Number(/^(\d+) resultaten/.exec(summary)?.[1]);
		expect(total).toBeGreaterThan(1);
		expect(total).toBeLessThanOrEqual(20); // one page, so the list holds every result
		expect(listIds).toHaveLength(total);
		expect(Number(await map.getAttribute('data-diensten'))).toBe(total);

		// The map's data is the same set of services as the list.
		const geo = await (await page.request.get(`/kaart/kaart.geojson${query}`)).json();
		const mapIds = new Set(
			geo.features.flatMap((f: { properties: { serviceIds: string } }) => f.properties.serviceIds.split(','))
		);
		expect([...mapIds].sort()).toEqual([...listIds].sort());
		// And the legend names the types on the map.
		await expect(page.getByRole('list', { name: /Legenda/ })).toContainText('Hospice');

		// A filter changes both.
		await page.getByRole('checkbox', { name: /^Bijna-thuis-huis \(\d+ resultaten?\)$/ }).check();
		await expect(page).toHaveURL(/type=bijna_thuis_huis/);
		await expect(page.getByTestId('samenvatting')).toContainText('met 1 filter');
		const filtered = await results(page).count();
		expect(filtered).toBeGreaterThan(0);
		expect(filtered).toBeLessThan(total);
		await expect(map).toHaveAttribute('data-diensten', String(filtered), { timeout: 30_000 });
		await expect(map).toHaveAttribute('data-kaart-status', 'klaar');
	});

	test('back and forward restore the search', async ({ page }) => {
		await open(page);
		await page.getByRole('searchbox', { name: 'Wat zoekt u?' }).pressSequentially('hospice');
		await expect(page).toHaveURL(/q=hospice/);
		await page.getByRole('checkbox', { name: /^Hospice \(\d+ resultaten\)$/ }).check();
		await expect(page).toHaveURL(/type=hospice/);
		await expect(page.getByTestId('samenvatting')).toContainText('met 1 filter');

		await page.goBack();
		await expect(page).not.toHaveURL(/type=hospice/);
		await expect(page.getByRole('checkbox', { name: /^Hospice \(\d+ resultaten\)$/ })).not.toBeChecked();
		await expect(page.getByRole('searchbox', { name: 'Wat zoekt u?' })).toHaveValue('hospice');

		await page.goBack();
		await expect(page).toHaveURL(/\/kaart$/);
		await expect(page.getByRole('searchbox', { name: 'Wat zoekt u?' })).toHaveValue('');

		await page.goForward();
		await page.goForward();
		await expect(page).toHaveURL(/type=hospice/);
		await expect(page.getByRole('checkbox', { name: /^Hospice \(\d+ resultaten\)$/ })).toBeChecked();
	});

	test('pages through results with shareable links and exports the list as CSV', async ({ page }) => {
		await open(page, '/kaart?postcode=9401');
		const nav = page.getByRole('navigation', { name: "Pagina's met resultaten" });
		await nav.getByRole('link', { name: 'Volgende pagina' }).click();
		await expect(page).toHaveURL(/postcode=9401&pagina=2/);
		await expect(results(page).first()).toBeVisible();
		await expect(page.locator('ol[data-testid=resultaten]')).toHaveAttribute('start', '21');

		const link = page.getByRole('link', { name: 'Download deze lijst (CSV)' });
		await expect(link).toHaveAttribute('href', '/kaart/export.csv?postcode=9401&pagina=2');
		const csv = await page.request.get('/kaart/export.csv?q=hospice&postcode=9401');
		expect(csv.headers()['content-type']).toContain('text/csv');
		const lines = (await csv.text()).trim().split('\r\n');
		expect(lines[0]).toContain('Dienst;Organisatie');
		expect(lines[1]).toContain('Hospice De Zonnedauw');
	});

	test('shows a plain message for an unknown postcode', async ({ page }) => {
		await page.goto('/kaart?postcode=0000');
		await expect(page.getByText('Vul een postcode in met 4 cijfers')).toBeVisible();
		await expect(page.getByLabel('Postcode')).toHaveAttribute('aria-invalid', 'true');
	});
});

test.describe('zonder JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('search, filters and pages work with the plain form', async ({ page }) => {
		await page.goto('/kaart');
		await page.getByRole('searchbox', { name: 'Wat zoekt u?' }).fill('hospice');
		await page.getByLabel('Postcode').fill('9401');
		await page.getByRole('button', { name: 'Zoeken' }).click();
		await expect(page).toHaveURL(/q=hospice/);
		await expect(firstResult(page)).toContainText('Hospice De Zonnedauw');

		await page.getByRole('checkbox', { name: /Dag en nacht bereikbaar/ }).check();
		await page.getByRole('button', { name: 'Toon resultaten' }).click();
		await expect(page).toHaveURL(/dagEnNacht=ja/);
		await expect(page.getByTestId('samenvatting')).toContainText('met 1 filter');
		// No map without JavaScript: the list is complete on its own.
		await expect(page.getByTestId('kaart')).toHaveCount(0);
	});
});

test('screenshots for review', async ({ page }) => {
	await page.setViewportSize({ width: 1400, height: 1000 });
	await page.goto('/kaart?q=hospice&postcode=9401&straal=50');
	await expect(page.getByTestId('kaart')).toHaveAttribute('data-kaart-status', 'klaar', { timeout: 30_000 });
	await page.getByRole('checkbox', { name: /grenzen van de netwerken/ }).check();
	await page.waitForTimeout(1500);
	await page.screenshot({ path: '/tmp/search-e2e-desktop.png', fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/kaart?q=vptz&postcode=9401');
	await expect(firstResult(page)).toBeVisible();
	await page.screenshot({ path: '/tmp/search-e2e-phone.png', fullPage: true });
	expect(await page.getByRole('button', { name: 'Toon kaart' }).isVisible()).toBe(true);
});
