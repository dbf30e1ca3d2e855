import { expect, test, type Page } from '@playwright/test';
import { loginPage } from './helpers/accounts';
import { chartRows, csvRows, fromCsv, tableRows } from './helpers/capaciteit';

/**
 * The beheer prognosis page, tried as the beheerder of Drenthe & Steenwijkerland would: enter the regional agreement's
 * band, add a planned location, try a scenario, and check that chart, table and CSV tell the same story. The tests
 * compare before and after rather than fixed numbers, so they also hold on a server whose data earlier runs changed.
 */

const TABLE = 'tabel-prognose';

async function gaps(page: Page): Promise<Map<number, [number, number]>> {
	const rows = page.locator(`#${TABLE} tbody tr`);
	await expect(rows.last()).toHaveAttribute('data-jaar', '2030');
	const result = new Map<number, [number, number]>();
	for (let i = 0; i < (await rows.count()); i++) {
		const row = rows.nth(i);
		result.set(Number(await row.getAttribute('data-jaar')), [
			Number(await row.getAttribute('data-tekort-laag')),
			Number(await row.getAttribute('data-tekort-hoog'))
		]);
	}
	return result;
}

const row = (page: Page, jaar: number) => page.locator(`#${TABLE} tbody tr[data-jaar="${jaar}"]`);

test('a beheerder enters the 11–15 agreement, adds a location opening in 2027 and sees the gap shrink from 2027 on', async ({
	page
}) => {
	await loginPage(page, 'beheerder');
	await page.goto('/beheer');
	await page.getByRole('link', { name: 'Prognose 2030' }).click();
	await expect(
		page.getByRole('heading', {
			name: 'Hospicezorg (hospice en bijna-thuis-huis) in Drenthe & Steenwijkerland'
		})
	).toBeVisible();
	const jaren = (await tableRows(page, TABLE)).map((r) => r.jaar);
	expect(jaren.at(-1)).toBe(2030);
	await expect(page.locator('#grafiek-titel')).toHaveText(/beschikbare en benodigde bedden per jaar/);

	// The published agreement: 11 to 15 extra hospice beds by 2030, on top of the 20 beds it starts from.
	const extern = page.getByTestId('extern-formulier');
	await extern.getByLabel('Jaar').fill('2030');
	await extern.getByLabel('Laag (bedden)').fill('11');
	await extern.getByLabel('Hoog (bedden)').fill('15');
	await extern.getByLabel('Bestaande bedden (alleen bij een uitbreiding)').fill('20');
	await extern.getByLabel('Bron').fill('Regionaal akkoord Drenthe & Steenwijkerland');
	await extern.getByRole('button', { name: 'Prognose opslaan' }).click();
	await expect(page.locator('.rk-alert--success')).toContainText('De prognose voor 2030 is');
	await expect(row(page, 2030)).toContainText('extern');
	await expect(row(page, 2030).locator('td').nth(3)).toHaveText('31–35');
	await expect(page.getByTestId('welke-prognose')).toContainText(
		'uitbreiding van 11 tot 15 bedden bovenop 20 bestaande bedden'
	);
	await expect(row(page, 2029)).toContainText('berekend');

	const before = await gaps(page);
	const chartBefore = await chartRows(page);
	const vergund = async () => Number(/vergund (\d+)/.exec(await row(page, 2027).innerText())?.[1] ?? 0);
	const vergundBefore = await vergund();
	const naam = `Hospice De Nieuwe Linde ${Date.now()}`;
	const form = page.getByTestId('gepland-formulier');
	await form.getByLabel('Naam').fill(naam);
	await form.getByLabel('Zorgsetting').selectOption('hospice');
	await form.getByLabel('Aantal bedden').fill('6');
	await form.getByLabel('Verwachte opening').fill('2027-06-01');
	await form.getByLabel('Status').selectOption('vergund');
	await form.getByRole('button', { name: 'Toevoegen' }).click();
	await expect(page.locator('.rk-alert--success')).toContainText('is toegevoegd');

	const after = await gaps(page);
	for (const [jaar, [laag, hoog]] of before) {
		const shift = jaar >= 2027 ? 6 : 0;
		expect(after.get(jaar), `tekort in ${jaar}`).toEqual([laag - shift, hoog - shift]);
	}
	const chartAfter = await chartRows(page);
	expect(
		chartAfter.map((r) => r.beschikbaar - chartBefore.find((b) => b.jaar === r.jaar)!.beschikbaar)
	).toEqual(chartAfter.map((r) => (r.jaar >= 2027 ? 6 : 0)));
	expect(await vergund()).toBe(vergundBefore + 6);

	// Removing the planned location brings the gap back.
	await page.getByRole('button', { name: `Verwijder ${naam}` }).click();
	await expect(page.locator('.rk-alert--success')).toContainText('is verwijderd');
	expect(await gaps(page)).toEqual(before);
});

test('the scenario panel moves the band live and by URL, writes nothing, and chart, table and CSV agree', async ({
	page
}) => {
	await loginPage(page, 'beheerder');
	await page.goto('/beheer/prognose');
	const saved = await tableRows(page, TABLE);

	// Live (JavaScript): typing recomputes in the browser and keeps the address in step.
	const scenario = page.getByTestId('scenario-formulier');
	await scenario.getByLabel('Verblijfsduur (dagen)').fill('30');
	await expect(page.getByTestId('scenario-melding')).toBeVisible();
	await expect(page).toHaveURL(/ligduurDagen=30/);
	const live = await tableRows(page, TABLE);
	for (const [i, r] of live.entries()) {
		expect(r.nodigHoog, `${r.jaar}`).toBeGreaterThan(saved[i].nodigHoog);
		expect(r.beschikbaar).toBe(saved[i].beschikbaar);
	}

	// The same scenario through the form (as without JavaScript) gives the same rows, with the saved band beside them.
	await scenario.getByRole('button', { name: 'Bereken scenario' }).click();
	await expect(page.locator(`#${TABLE} thead`)).toContainText(/Nodig zonder\s*scenario/);
	const shown = await tableRows(page, TABLE);
	expect(shown).toEqual(live);
	expect(await chartRows(page)).toEqual(shown);

	const href = await page.getByTestId('csv-link').getAttribute('href');
	expect(href).toContain('ligduurDagen=30');
	const csv = csvRows(await (await page.request.get(href!)).text());
	expect(fromCsv(csv)).toEqual(shown);
	expect(csv.every((r) => r.scenario === 'ligduurDagen=30' && r.prognose === 'berekend')).toBe(true);
	for (const r of csv) {
		const tr = row(page, Number(r.jaar));
		await expect(tr).toHaveAttribute('data-tekort-laag', r.tekort_laag);
		await expect(tr).toHaveAttribute('data-tekort-hoog', r.tekort_hoog);
	}

	// Nothing was saved: without the scenario the page shows the stored prognosis again.
	await page.getByRole('link', { name: 'Scenario wissen' }).click();
	await expect(page.getByTestId('scenario-melding')).toHaveCount(0);
	expect(await tableRows(page, TABLE)).toEqual(saved);
});

test('a scenario can be saved by name and opened again', async ({ page }) => {
	await loginPage(page, 'beheerder');
	await page.goto('/beheer/prognose?bezettingsnorm=0.7');
	const naam = `Lagere norm ${Date.now()}`;
	await page.getByLabel('Naam van het scenario').fill(naam);
	await page.getByRole('button', { name: 'Scenario opslaan' }).click();
	await expect(page.locator('.rk-alert--success')).toContainText(naam);
	await page.goto('/beheer/prognose');
	await page.getByRole('link', { name: `Bekijk ${naam}` }).click();
	await expect(page).toHaveURL(/bezettingsnorm=0.7/);
	await expect(page.getByTestId('scenario-melding')).toContainText('bezettingsnorm 70%');
	await page.getByRole('button', { name: `Verwijder ${naam}` }).click();
	await expect(page.locator('.rk-alert--success')).toContainText('is verwijderd');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the scenario form still moves the band', async ({ page }) => {
		await loginPage(page, 'beheerder');
		await page.goto('/beheer/prognose');
		const saved = await tableRows(page, TABLE);
		await page.getByTestId('scenario-formulier').getByLabel('Bezettingsnorm').fill('0,7');
		await page.getByRole('button', { name: 'Bereken scenario' }).click();
		await expect(page).toHaveURL(/bezettingsnorm=0%2C7|bezettingsnorm=0,7/);
		await expect(page.getByTestId('scenario-melding')).toBeVisible();
		const moved = await tableRows(page, TABLE);
		for (const [i, r] of moved.entries()) expect(r.nodigLaag).toBeGreaterThan(saved[i].nodigLaag);
		expect(await chartRows(page)).toEqual(moved);
	});
});

test('a CSV import with one wrong line writes nothing and names the line', async ({ page }) => {
	await loginPage(page, 'beheerder');
	await page.goto('/beheer/prognose');
	const importForm = page.getByTestId('import-formulier');
	await importForm
		.getByLabel('Of plak de regels hier')
		.fill(
			[
				'regio;jaar;setting;laag;hoog;bron',
				'drenthe-steenwijkerland;2029;hospice;40;44;Proefimport',
				'drenthe-steenwijkerland;2028;hospice;35;30;Proefimport'
			].join('\n')
		);
	await importForm.getByRole('button', { name: 'Importeren' }).click();
	const errors = page.getByTestId('import-fouten');
	await expect(errors).toContainText('Er is niets opgeslagen.');
	await expect(errors).toContainText('Regel 3: Laag mag niet groter zijn dan hoog.');
	await page.goto('/beheer/prognose');
	await expect(row(page, 2029).locator('td').nth(3)).not.toHaveText('40–44');

	await importForm
		.getByLabel('Of plak de regels hier')
		.fill('regio;jaar;setting;laag;hoog;bron\ndrenthe-steenwijkerland;2029;hospice;40;44;Proefimport');
	await importForm.getByRole('button', { name: 'Importeren' }).click();
	await expect(page.locator('.rk-alert--success')).toContainText('1 regel ingelezen');
	await expect(row(page, 2029).locator('td').nth(3)).toHaveText('40–44');
	await expect(row(page, 2029)).toContainText('extern');

	// Clean up, so the other tests see the model for 2029 again.
	await page.getByRole('button', { name: 'Verwijder prognose 2029' }).click();
	await expect(row(page, 2029)).toContainText('berekend');
});

test('a planned location can be changed and removed, and the gap follows', async ({ page }) => {
	await loginPage(page, 'beheerder');
	await page.goto('/beheer/prognose');
	const before = await gaps(page);
	const naam = `Bijna-thuis-huis Meppel ${Date.now()}`;
	const form = page.getByTestId('gepland-formulier');
	await form.getByLabel('Naam').fill(naam);
	await form.getByLabel('Zorgsetting').selectOption('bijna_thuis_huis');
	await form.getByLabel('Aantal bedden').fill('3');
	await form.getByLabel('Verwachte opening').fill('2029-03-01');
	await form.getByRole('button', { name: 'Toevoegen' }).click();
	await expect(page.locator('.rk-alert--success')).toContainText('is toegevoegd');
	// A bijna-thuis-huis counts toward the hospice prognosis.
	expect((await gaps(page)).get(2029)).toEqual(before.get(2029)!.map((n) => n - 3));

	await page.getByRole('link', { name: `Wijzig ${naam}` }).click();
	await expect(page.getByRole('heading', { name: `${naam} wijzigen` })).toBeVisible();
	await page.getByTestId('gepland-formulier').getByLabel('Aantal bedden').fill('5');
	await page.getByRole('button', { name: 'Wijziging opslaan' }).click();
	await expect(page.getByRole('heading', { name: 'Geplande locatie toevoegen' })).toBeVisible();
	expect((await gaps(page)).get(2029)).toEqual(before.get(2029)!.map((n) => n - 5));
	expect((await gaps(page)).get(2028)).toEqual(before.get(2028));

	await page.getByRole('button', { name: `Verwijder ${naam}` }).click();
	await expect(page.locator('.rk-alert--success')).toContainText('is verwijderd');
	expect(await gaps(page)).toEqual(before);
});

test('parameters are saved with their sources; a regional deaths figure replaces the growth assumption', async ({
	page
}) => {
	await loginPage(page, 'beheerder');
	await page.goto('/beheer/prognose');
	const form = page.getByTestId('parameters-formulier');
	const norm = form.getByLabel('Bezettingsnorm (deel van 1)');
	const savedNorm = await norm.inputValue();

	// A percentage where a fraction belongs gets a Dutch explanation and nothing is saved.
	await norm.fill('80');
	await form.getByRole('button', { name: 'Parameters opslaan' }).click();
	await expect(page.getByRole('alert').first()).toContainText('De bezettingsnorm is een deel van 1');
	await expect(norm).toHaveValue('80');

	// Deaths entered for 2030 with a source: 2030 no longer rests on the growth assumption.
	await page.goto('/beheer/prognose');
	await expect(page.getByTestId('welke-prognose')).toContainText('aanname voor groei per jaar');
	const before2030 = await tableRows(page, TABLE);
	await form.getByLabel('Overledenen in 2030').fill('7500');
	await form.getByLabel('Bron voor 2030').fill('Regionale sterfteprognose (proef)');
	await form.getByRole('button', { name: 'Parameters opslaan' }).click();
	await expect(page.locator('.rk-alert--success')).toContainText('De parameters zijn opgeslagen.');
	const version = Number(/versie (\d+)/.exec(await page.getByText(/Opgeslagen op .*versie/).innerText())![1]);
	// The form keeps showing what was saved, so a second save builds on it.
	await expect(form.getByLabel('Overledenen in 2030')).toHaveValue('7500');
	const after = await tableRows(page, TABLE);
	const model2030 = page.getByTestId('welke-prognose');
	if ((await row(page, 2030).innerText()).includes('berekend')) {
		expect(after.at(-1)!.nodigHoog).toBeGreaterThan(before2030.at(-1)!.nodigHoog);
		await expect(model2030).toContainText(/2030: berekend met het rekenmodel\./);
	}
	await expect(page.getByText('Regionale sterfteprognose (proef)').first()).toBeAttached();

	// Put it back, so the other tests see the defaults again.
	await form.getByLabel('Overledenen in 2030').fill('');
	await form.getByLabel('Bron voor 2030').fill('');
	await norm.fill(savedNorm);
	await form.getByRole('button', { name: 'Parameters opslaan' }).click();
	await expect(page.getByText(`versie ${version + 1}`)).toBeVisible();
	await expect(page.locator('.rk-alert--success')).toContainText('De parameters zijn opgeslagen.');
	expect(await tableRows(page, TABLE)).toEqual(before2030);
});
