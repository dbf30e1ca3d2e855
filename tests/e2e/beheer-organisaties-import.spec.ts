import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loginPage } from './helpers/accounts';

const COLUMNS = 'soort;organisatie;naam;type;categorie;postcode;plaats;locaties;openingstijden';
const unique = () => Date.now().toString(36).slice(-5);

function csvFile(name: string, lines: string[]) {
	return { name, mimeType: 'text/csv', buffer: Buffer.from([COLUMNS, ...lines].join('\r\n'), 'utf8') };
}

async function axe(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

async function organisationsFound(page: Page, naam: string) {
	await page.goto(`/beheer/organisaties?zoek=${encodeURIComponent(naam)}&status=alle`);
	return (await page.getByRole('status').textContent())!.trim();
}

test.describe('on a phone (390×844)', () => {
	test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

	test('a CSV with errors is refused with row numbers, and nothing is imported', async ({ page }) => {
		const naam = `Hospice Importfout ${unique()}`;
		const slug = naam.toLowerCase().replace(/ /g, '-');
		await loginPage(page, 'beheerder');
		await page.goto('/beheer/import');
		await page
			.getByLabel('CSV- of Excel-bestand')
			.setInputFiles(
				csvFile('fouten.csv', [
					`organisatie;${slug};${naam};hospice;;;;;`,
					`locatie;${slug};Het huis;;;9401 AB;Assen;;`,
					`dienst;${slug};Opname;;kapper;;;Het huis;`,
					`dienst;${slug};Spreekuur;;informatie;;;Schuur;ma 17:00-09:00`
				])
			);
		await page.getByRole('button', { name: 'Bestand controleren' }).tap();
		await expect(page.getByRole('heading', { name: /fouten in fouten\.csv/ })).toBeVisible();
		await expect(page.getByRole('alert')).toContainText('Er is niets geïmporteerd.');
		const cells = (row: number) => page.getByRole('table').getByRole('row').nth(row).getByRole('cell');
		await expect(cells(1)).toHaveText(['4', 'categorie', /"kapper" staat niet in de lijst/]);
		await expect(cells(2)).toHaveText(['5', 'openingstijden', /^Maandag: de eindtijd moet later zijn/]);
		await expect(page.getByRole('button', { name: /Importeer/ })).toHaveCount(0);
		expect(await axe(page)).toEqual([]);
		await page.screenshot({ path: '/tmp/org-e2e-import-errors-phone.png', fullPage: true });
		expect(await organisationsFound(page, naam)).toContain('0 organisaties');
	});

	test('a valid CSV is previewed, then imported in one go', async ({ page }) => {
		// Not named "Hospice …" and not in Assen: the kaart specs expect the demo hospice first for "hospice" near 9401.
		const naam = `Importhuis Goed ${unique()}`;
		const slug = naam.toLowerCase().replace(/ /g, '-');
		await loginPage(page, 'beheerder');
		await page.goto('/beheer/import');
		await page
			.getByLabel('CSV- of Excel-bestand')
			.setInputFiles(
				csvFile('goed.csv', [
					`organisatie;${slug};${naam};Hospice;;;;;`,
					`locatie;${slug};Het huis;;;8331 AB;Steenwijk;;`,
					`dienst;${slug};Opname;;hospice;;;Het huis;ma-vr 09:00-17:00`
				])
			);
		await page.getByRole('button', { name: 'Bestand controleren' }).tap();
		await expect(page.getByRole('heading', { name: '2. Controle: 3 rijen zijn in orde' })).toBeVisible();
		const counts = page.getByRole('table', { name: /Wat de import doet/ });
		await expect(counts.getByRole('row', { name: /Organisaties/ })).toContainText('100');
		// Checking wrote nothing (seen in another tab, so the preview stays).
		const other = await page.context().newPage();
		expect(await organisationsFound(other, naam)).toContain('0 organisaties');
		await other.close();

		await page.getByRole('button', { name: 'Importeer 3 rijen' }).tap();
		await expect(page.getByRole('heading', { name: 'Geïmporteerd' })).toBeVisible();
		await expect(page.getByRole('status').filter({ hasText: 'geïmporteerd' })).toContainText('3 wijzigingen');
		await page.screenshot({ path: '/tmp/org-e2e-import-done-phone.png', fullPage: true });
		expect(await organisationsFound(page, naam)).toContain('1 organisatie');
		await page.getByRole('link', { name: naam }).tap();
		await expect(page.getByRole('listitem').filter({ hasText: 'Opname' })).toContainText('Op vaste tijden');
	});
});

test('an export imports again without any change (round trip)', async ({ page }) => {
	await loginPage(page, 'beheerder');
	const exported = await page.request.get('/beheer/organisaties/export.xlsx');
	await page.goto('/beheer/import');
	await page.getByLabel('CSV- of Excel-bestand').setInputFiles({
		name: 'export.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: await exported.body()
	});
	await page.getByRole('button', { name: 'Bestand controleren' }).click();
	await expect(page.getByRole('heading', { name: /2\. Controle: \d+ rijen zijn in orde/ })).toBeVisible();
	await expect(
		page.getByText('Het bestand komt overeen met wat er al staat: importeren verandert niets.')
	).toBeVisible();
	const counts = page.getByRole('table', { name: /Wat de import doet/ });
	for (const kind of ['Organisaties', 'Locaties', 'Diensten'])
		await expect(
			counts
				.getByRole('row', { name: new RegExp(kind) })
				.getByRole('cell')
				.nth(0)
		).toHaveText('0');
});

test('without JavaScript both steps work as plain forms', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await loginPage(page, 'beheerder');
	const naam = `VPTZ Zonder Script ${unique()}`;
	const slug = naam.toLowerCase().replace(/ /g, '-');
	await page.goto('/beheer/import');
	await page
		.getByLabel('CSV- of Excel-bestand')
		.setInputFiles(
			csvFile('nojs.csv', [`organisatie;${slug};${naam};vptz;;;;;`, `locatie;${slug};Kantoor;;;9402;Assen;;`])
		);
	await page.getByRole('button', { name: 'Bestand controleren' }).click();
	await page.getByRole('button', { name: 'Importeer 2 rijen' }).click();
	await expect(page.getByRole('heading', { name: 'Geïmporteerd' })).toBeVisible();
	expect(await organisationsFound(page, naam)).toContain('1 organisatie');
	await context.close();
});

test('the import streams its progress while checking and saving', async ({ page, baseURL }) => {
	await loginPage(page, 'beheerder');
	// A new organisation with many services: enough rows for several progress reports while saving.
	const slug = `voortgangstest-${unique()}`;
	const lines = [
		`organisatie;${slug};Voortgangstest ${slug};welzijn;;;;;`,
		`locatie;${slug};Kantoor;;;9401;Assen;;`,
		...Array.from({ length: 120 }, (_, i) => `dienst;${slug};Dienst ${i + 1};;informatie;;;Kantoor;`)
	];
	const body = [COLUMNS, ...lines].join('\r\n');
	for (const stap of ['controleren', 'importeren']) {
		const response = await page.request.post('/beheer/import/verwerken', {
			multipart: {
				stap,
				bestand: { name: 'voortgang.csv', mimeType: 'text/csv', buffer: Buffer.from(body) }
			},
			headers: { origin: baseURL! }
		});
		expect(response.headers()['content-type']).toContain('application/x-ndjson');
		const messages = (await response.text())
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l));
		const phases = messages.filter((m) => m.type === 'voortgang').map((m) => m.fase);
		expect(phases).toContain('controleren');
		if (stap === 'importeren') expect(phases.filter((f) => f === 'opslaan').length).toBeGreaterThan(3);
		const last = messages.at(-1);
		expect(last).toMatchObject({ type: 'klaar', stap });
		expect(last.preview.samenvatting.diensten.nieuw).toBe(120);
	}
});
