import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loginPage } from './helpers/accounts';
import { demoOrg } from './routes/mijn-organisatie';

// The demo beheerder manages the network Drenthe & Steenwijkerland (Hospice De Zonnedauw in Assen is in it; the
// Amsterdam hospices are not).
const AMSTERDAM_ORG = 'voorbeeld-hospice-het-veerhuis-amsterdam';
const unique = () => Date.now().toString(36).slice(-5);

async function axe(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

test.describe('on a phone (390×844)', () => {
	test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

	test('the list searches within the network and links to the profile', async ({ page }) => {
		await loginPage(page, 'beheerder');
		await page.goto('/beheer');
		await page.getByRole('link', { name: 'Organisaties', exact: true }).tap();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organisaties');
		await page.getByRole('searchbox', { name: 'Zoeken' }).fill('Zonnedauw');
		await page.getByRole('button', { name: 'Toon' }).tap();
		await expect(page).toHaveURL(/zoek=Zonnedauw/);
		await expect(page.getByRole('status')).toContainText('1 organisatie');
		await page.screenshot({ path: '/tmp/org-e2e-list-phone.png', fullPage: true });
		await page.getByRole('link', { name: /Hospice De Zonnedauw/ }).tap();
		await expect(page).toHaveURL(`/beheer/organisaties/${demoOrg}`);
		await expect(page.getByRole('heading', { name: 'Archiveren' })).toBeVisible();

		// Amsterdam is another network: not in the list, and not to be opened by URL.
		await page.goto('/beheer/organisaties?zoek=Veerhuis&status=alle');
		await expect(page.getByRole('status')).toContainText('0 organisaties');
		expect((await page.goto(`/beheer/organisaties/${AMSTERDAM_ORG}`))?.status()).toBe(403);
	});

	test('a new organisation needs its first location in the network; then it can be archived and restored', async ({
		page
	}) => {
		await loginPage(page, 'beheerder');
		await page.goto('/beheer/organisaties/nieuw');
		const naam = `Hospice Het Noorderlicht ${unique()}`;
		await page.getByLabel('Naam van de organisatie').fill(naam);
		await page.getByLabel('Soort organisatie').selectOption('hospice');
		await page.getByLabel('Naam van de locatie').fill('Het huis');
		await page.getByLabel('Postcode').fill('1012 AB');
		await page.getByRole('button', { name: 'Organisatie aanmaken' }).tap();
		await expect(page.getByRole('alert')).toContainText('buiten uw netwerk');
		await expect(page.locator('[id="veld-locatie.postcode-fout"]')).toContainText('buiten uw netwerk');
		await expect(page.getByLabel('Naam van de organisatie')).toHaveValue(naam);
		expect(await axe(page)).toEqual([]);
		await page.screenshot({ path: '/tmp/org-e2e-new-error-phone.png', fullPage: true });

		await page.getByLabel('Postcode').fill('9401');
		await page.getByRole('button', { name: 'Organisatie aanmaken' }).tap();
		await expect(page.getByRole('status')).toContainText('De organisatie is aangemaakt.');
		await expect(page.getByRole('heading', { level: 1 })).toContainText(naam);
		const url = page.url();
		expect(url).toMatch(/\/beheer\/organisaties\/hospice-het-noorderlicht-/);

		await page.getByRole('button', { name: 'Archiveer de organisatie' }).tap();
		await expect(page.getByRole('status').filter({ hasText: 'gearchiveerd' })).toBeVisible();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('gearchiveerd');
		await page.goto(`/beheer/organisaties?zoek=${encodeURIComponent(naam)}&status=gearchiveerd`);
		await expect(page.getByRole('status')).toContainText('1 organisatie');
		await page.goto(`/beheer/organisaties?zoek=${encodeURIComponent(naam)}`);
		await expect(page.getByRole('status')).toContainText('0 organisaties');

		await page.goto(url);
		await page.getByRole('button', { name: 'Zet de organisatie terug (actief)' }).tap();
		await expect(page.getByRole('status').filter({ hasText: 'weer actief' })).toBeVisible();
	});
});

test('exports the network as CSV and as Excel, in the import format', async ({ page }) => {
	await loginPage(page, 'beheerder');
	await page.goto('/beheer/organisaties');
	const [csvDownload] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'CSV' }).click()
	]);
	expect(csvDownload.suggestedFilename()).toMatch(/^organisaties-\d{4}-\d{2}-\d{2}\.csv$/);
	const csv = (await (await csvDownload.createReadStream()).toArray()).join('');
	expect(csv.startsWith('\uFEFFsoort;organisatie;naam;type;categorie')).toBe(true);
	expect(csv).toContain(`organisatie;${demoOrg};Hospice De Zonnedauw`);
	expect(csv).not.toContain(AMSTERDAM_ORG);

	const xlsx = await page.request.get('/beheer/organisaties/export.xlsx');
	expect(xlsx.status()).toBe(200);
	expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
	// An xlsx file is a zip archive.
	expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
});
