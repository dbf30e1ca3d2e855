import { expect, test } from '@playwright/test';
import { demoSlug } from '../../src/lib/server/seed/demo-dataset';

const hospiceSlug = demoSlug('hospiceAssen');

test('a visitor finds the demo hospice in the A–Z index and sees contact, reachability and beds', async ({
	page
}) => {
	await page.goto('/organisaties');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organisaties van A tot Z');
	await page.getByRole('link', { name: 'Hospice De Zonnedauw (voorbeeld)' }).click();
	await expect(page).toHaveURL(`/organisaties/${hospiceSlug}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hospice De Zonnedauw (voorbeeld)');
	await expect(page.getByText('Voorbeeldgegevens', { exact: true }).first()).toBeVisible();

	// Contact: a tel: link in international form, and a mailto: link.
	const contact = page.getByRole('region', { name: 'Contact' });
	const tel = contact.locator('a[href^="tel:"]').first();
	await expect(tel).toHaveAttribute('href', /^tel:\+31\d{9}$/);
	await expect(contact.locator('a[href^="mailto:"]')).toHaveCount(1);

	// Reachability, computed on the server for Europe/Amsterdam.
	const diensten = page.getByRole('region', { name: 'Diensten en bereikbaarheid' });
	await expect(
		diensten.getByText(/^(Nu bereikbaar|Nu gesloten|Dag en nacht bereikbaar|Tijden onbekend)$/).first()
	).toBeVisible();
	await expect(diensten).toContainText('(Nederlandse tijd)');

	// Beds with whether one is free now and when that was last reported.
	const bedden = page.getByRole('region', { name: 'Bedden' });
	await expect(bedden.getByRole('heading', { name: 'Hospicekamers' })).toBeVisible();
	await expect(bedden.getByText(/^(\d+ (bed|bedden) vrij|Geen bed vrij)$/).first()).toBeVisible();
	const time = bedden.locator('time').first();
	await expect(time).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
	await expect(time).toHaveText(/^\d{1,2} \w+ \d{4} om \d{2}:\d{2}$/);
	await expect(bedden).toContainText(/Bijgewerkt op .* geleden\)/);

	// Locations: a small map (drawn in the browser), the address list as its text alternative, and a link to /kaart.
	const locaties = page.getByRole('region', { name: 'Locaties' });
	await expect(locaties).toContainText('9401');
	const map = locaties.getByTestId('kaart');
	await expect(map).toHaveAttribute('data-kaart-status', 'klaar', { timeout: 20_000 });
	await expect(map).toHaveAttribute('data-locaties', '1');
	await expect(locaties.locator('figcaption')).toContainText('Kaart met de locatie van Hospice De Zonnedauw');
	await expect(locaties.getByRole('link', { name: 'Bekijk op de kaart' })).toHaveAttribute(
		'href',
		/^\/kaart\?q=Hospice\+De\+Zonnedauw$/
	);
	await expect(page.getByRole('region', { name: 'Werkgebied' }).getByRole('link').first()).toHaveAttribute(
		'href',
		/^\/expertise\?regio=drenthe/
	);
});

test('an organisation with opening hours shows the table with today marked', async ({ page }) => {
	await page.goto(`/organisaties/${demoSlug('vptzAssen')}`);
	const table = page.getByRole('table', { name: /^Openingstijden/ }).first();
	await expect(table.getByRole('rowheader')).toHaveCount(7);
	await expect(table.getByRole('rowheader', { name: /\(vandaag\)/ })).toHaveCount(1);
});

test('an unknown organisation gets a Dutch 404 page', async ({ page }) => {
	const response = await page.goto('/organisaties/bestaat-echt-niet');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organisatie niet gevonden');
	await expect(page.getByRole('link', { name: /alle organisaties/ })).toHaveAttribute(
		'href',
		'/organisaties'
	);
});

test('screenshots of the organisation page on desktop and phone', async ({ page }) => {
	for (const [name, viewport] of [
		['desktop', { width: 1280, height: 900 }],
		['phone', { width: 390, height: 844 }]
	] as const) {
		await page.setViewportSize(viewport);
		await page.goto(`/organisaties/${hospiceSlug}`);
		// Nothing may stick out sideways on a phone.
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		await page.screenshot({ path: `test-results/organisatie-pagina-${name}.png`, fullPage: true });
	}
});
