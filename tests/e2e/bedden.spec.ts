import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loginPage } from './helpers/accounts';
import { discoverRouteIds } from './helpers/routes';

// Several real logins (argon2) per test: give them room on a busy 2-core machine.
test.describe.configure({ timeout: 180_000 });

// The demo editor (organisatie@…) edits Hospice De Zonnedauw (Assen) and Hospice Het Veerhuis (Amsterdam).
const HOSPICE = 'Hospice De Zonnedauw';
const publicPageExists = discoverRouteIds().includes('/organisaties/[slug]');

async function axe(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

const unitCard = (page: Page) =>
	page
		.getByRole('region', { name: HOSPICE })
		.getByRole('listitem')
		.filter({ has: page.getByRole('button', { name: /Beschikbaarheid opslaan/ }) })
		.first();

test.describe('on a phone (390×844)', () => {
	test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

	test('an editor updates the free beds of their hospice in one step, and the public page shows it at once', async ({
		page
	}) => {
		await loginPage(page, 'organisatie');
		await page.goto('/mijn-organisatie/bedden');
		const card = unitCard(page);
		const unitName = (await card.getByRole('heading', { level: 3 }).textContent())!.trim();
		const input = card.getByLabel(/Nu beschikbaar/);
		const max = Number(await input.getAttribute('max'));
		const before = Number(await input.inputValue());
		// One step: tap + (or − when already full), tap save.
		const target = before < max ? before + 1 : before - 1;
		await card.getByRole('button', { name: before < max ? 'Eén bed meer' : 'Eén bed minder' }).tap();
		await expect(input).toHaveValue(String(target));
		const save = card.getByRole('button', { name: /Beschikbaarheid opslaan/ });
		await save.tap();
		const vrij = target === 1 ? '1 bed' : `${target} bedden`;
		await expect(card.getByRole('status')).toContainText(`Opgeslagen: nu ${vrij} vrij van de ${max}`);
		await expect(card.getByText('Actueel', { exact: true })).toBeVisible();
		await expect(card).toContainText('bijgewerkt zojuist');
		await page.screenshot({ path: '/tmp/beds-phone-after-save.png', fullPage: true });

		// After a reload the number is still there (it was saved, not just shown).
		await page.reload();
		await expect(unitCard(page).getByLabel(/Nu beschikbaar/)).toHaveValue(String(target));

		if (publicPageExists) {
			await page
				.getByRole('region', { name: HOSPICE })
				.getByRole('link', { name: /Openbare pagina/ })
				.click();
			await expect(page.getByRole('heading', { level: 1 })).toContainText(HOSPICE);
			const publicCard = page
				.getByRole('listitem')
				.filter({ has: page.getByRole('heading', { name: unitName }) });
			await expect(publicCard).toContainText(target > 0 ? `${vrij} vrij` : 'Geen bed vrij');
			await expect(publicCard).not.toContainText('verouderd');
			await page.screenshot({ path: '/tmp/beds-phone-public.png', fullPage: true });
		}
	});

	test('the bed pages pass axe on a phone', async ({ page }) => {
		await loginPage(page, 'organisatie');
		await page.goto('/mijn-organisatie/bedden');
		expect(await axe(page)).toEqual([]);
		await unitCard(page)
			.getByRole('link', { name: /Geschiedenis/ })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		expect(await axe(page)).toEqual([]);
		await page.screenshot({ path: '/tmp/beds-phone-unit.png', fullPage: true });
		await page.getByRole('link', { name: 'Gegevens en opnameprofiel bewerken' }).click();
		expect(await axe(page)).toEqual([]);
	});
});

test('without JavaScript the one-step update still works (plain form post)', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await loginPage(page, 'organisatie');
	await page.goto('/mijn-organisatie/bedden');
	const card = unitCard(page);
	// No stepper buttons without JavaScript: the number field is the whole control.
	await expect(card.getByRole('button', { name: 'Eén bed meer' })).toHaveCount(0);
	await card.getByLabel(/Nu beschikbaar/).fill('0');
	await card.getByRole('button', { name: /Beschikbaarheid opslaan/ }).click();
	await expect(unitCard(page).getByRole('status')).toContainText('Opgeslagen: nu 0 bedden vrij');
	await expect(unitCard(page).getByLabel(/Nu beschikbaar/)).toHaveValue('0');
	// More free beds than beds: refused by the server with the reason (the browser's own max check is taken away first,
	// as an old browser or a hand-made request would not have it).
	await unitCard(page)
		.getByLabel(/Nu beschikbaar/)
		.evaluate((el) => el.removeAttribute('max'));
	await unitCard(page)
		.getByLabel(/Nu beschikbaar/)
		.fill('99');
	await unitCard(page)
		.getByRole('button', { name: /Beschikbaarheid opslaan/ })
		.click();
	await expect(unitCard(page).getByRole('alert')).toContainText('er kunnen niet meer bedden vrij zijn');
	await context.close();
});

test('a stale or never-reported unit is named on the start page, with a direct link to update it', async ({
	page
}) => {
	await loginPage(page, 'organisatie');
	const naam = `Testkamers ${Date.now()}`;
	await page.goto('/mijn-organisatie/bedden/nieuw');
	await page.getByLabel('Locatie').selectOption({ index: 1 });
	await page.getByLabel('Naam van de beddeneenheid').fill(naam);
	await page.getByLabel('Setting').selectOption('hospice');
	await page.getByLabel('Aantal bedden').fill('3');
	await page.getByLabel('Roken mogelijk').check();
	await page.getByRole('button', { name: 'Beddeneenheid opslaan' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(naam);
	await expect(page.getByText('Nog nooit doorgegeven')).toBeVisible();
	await expect(page.getByText('Roken mogelijk')).toBeVisible();

	await page.goto('/mijn-organisatie');
	const warning = page.getByRole('region', { name: 'Beschikbaarheid verouderd' });
	await expect(warning).toContainText(`De beschikbaarheid van`);
	await expect(warning).toContainText(`${naam} is nog nooit doorgegeven.`);
	await page.screenshot({ path: '/tmp/beds-desktop-start.png', fullPage: true });
	await warning.getByRole('link', { name: new RegExp(`Nu bijwerken voor .*${naam}`) }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(naam);
	await page.getByLabel(/Nu beschikbaar/).fill('2');
	await page.getByRole('button', { name: /Beschikbaarheid opslaan/ }).click();
	await expect(page.getByRole('status')).toContainText('Opgeslagen: nu 2 bedden vrij van de 3');
	await page.goto('/mijn-organisatie');
	await expect(page.getByText(`${naam} is nog nooit doorgegeven`)).toHaveCount(0);
});

test('editing with an outdated version is refused with a clear message', async ({ page, browser }) => {
	await loginPage(page, 'organisatie');
	await page.goto('/mijn-organisatie/bedden');
	await unitCard(page)
		.getByRole('link', { name: /Opnameprofiel bewerken/ })
		.click();
	await page.waitForURL(/\/bewerken$/);
	const editUrl = page.url();
	// A second session saves first.
	const other = await browser.newPage();
	await loginPage(other, 'organisatie');
	await other.goto(editUrl);
	const toelichting = `Bijgewerkt door collega ${Date.now()}`;
	await other.getByLabel('Toelichting (niet verplicht)').fill(toelichting);
	await other.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
	await other.waitForURL((u) => !u.pathname.endsWith('/bewerken'));
	await other.close();

	await page.getByLabel('Toelichting (niet verplicht)').fill('Mijn oude versie');
	await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Iemand anders heeft deze beddeneenheid intussen gewijzigd'
	);
	// The form now shows the colleague's version; nothing was overwritten.
	await expect(page.getByLabel('Toelichting (niet verplicht)')).toHaveValue(toelichting);
	await page.screenshot({ path: '/tmp/beds-desktop-conflict.png', fullPage: true });
});

test('the beheerder sees the capacity of the region: beds by setting, stale units, occupancy by week', async ({
	page
}) => {
	await loginPage(page, 'beheerder');
	await page.goto('/beheer');
	await page.getByRole('main').getByRole('link', { name: 'Capaciteit' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Capaciteit');
	const perSetting = page.getByRole('table', { name: /per setting$/ });
	await expect(perSetting.getByRole('rowheader', { name: 'Hospice' })).toBeVisible();
	await expect(page.getByRole('table', { name: 'Bezettingsgraad per setting en per week' })).toBeVisible();
	await expect(
		page.getByRole('table', { name: 'Bezettingsgraad per setting en per week' }).getByRole('columnheader')
	).toHaveCount(4 + 3);
	await page.getByLabel('Periode').selectOption('8');
	await page.getByRole('button', { name: 'Tonen' }).click();
	await expect(page).toHaveURL(/weken=8/);
	await expect(
		page.getByRole('table', { name: 'Bezettingsgraad per setting en per week' }).getByRole('columnheader')
	).toHaveCount(8 + 3);
	expect(await axe(page)).toEqual([]);
	await page.screenshot({ path: '/tmp/beds-desktop-capaciteit.png', fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: '/tmp/beds-phone-capaciteit.png', fullPage: true });
});
