import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loginPage } from './helpers/accounts';

/*
 * The wegwijzer as a new visitor uses it: postcode → question → whom to call, at day and at night, and the printed card.
 * `moment` fixes the time the page orders for, so these tests do not depend on when they run.
 */

const MANTELZORG_TITEL = 'Ik zorg voor mijn partner en kan het niet meer aan';
const DONDERDAG_10 = '2026-11-19T10:00';
const ZATERDAG_03 = '2026-11-21T03:00';

async function telLinks(page: Page, scope = page.locator('main')) {
	const hrefs = await scope
		.locator('a[href^="tel:"]')
		.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
	return [...new Set(hrefs)].sort();
}

async function axe(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

test.describe('wegwijzer', () => {
	test('postcode 8331 and the overburdened carer: mantelzorg, VPTZ and the huisarts route with working tel: links', async ({
		page
	}) => {
		await page.goto('/wegwijzer');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wegwijzer: wie kunt u bellen?');
		await expect(
			page.getByText('Palliatieve zorg is zorg voor mensen die niet meer beter worden.')
		).toBeVisible();
		await expect(page.getByRole('link', { name: '112' })).toHaveAttribute('href', 'tel:112');

		await page.getByLabel('Wat is uw postcode of gemeente?').fill('8331');
		await page.getByRole('button', { name: 'Zoek hulp bij mij in de buurt' }).click();
		await expect(page).toHaveURL(/\/wegwijzer\?postcode=8331$/);
		await expect(page.getByText('Hulp bij postcode 8331 (gemeente Steenwijkerland).')).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Zorgen voor een naaste (mantelzorg)' })).toBeVisible();

		await page.getByRole('link', { name: MANTELZORG_TITEL }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(MANTELZORG_TITEL);
		// Shareable: the URL holds the place and the question. Reload it at a fixed daytime moment.
		const url = new URL(page.url());
		expect(url.searchParams.get('postcode')).toBe('8331');
		expect(url.searchParams.get('vraag')).toBe('zorg-voor-partner-kan-het-niet-meer-aan');
		await page.goto(`${url.pathname}${url.search}&moment=${DONDERDAG_10}`);

		const groepen = page.locator('ol.ww-groepen > li');
		await expect(groepen.locator('h3')).toHaveText([
			'Mantelzorgondersteuning',
			'Vrijwilligers thuis (VPTZ)',
			'Huisarts',
			'Huisartsenpost',
			'Wijkverpleging',
			'Sociaal werk'
		]);
		const groep = (naam: string) =>
			groepen.filter({ has: page.getByRole('heading', { level: 3, name: naam, exact: true }) });
		await expect(groep('Mantelzorgondersteuning').getByRole('heading', { level: 4 }).first()).toHaveText(
			'Steunpunt Mantelzorg Steenwijk (voorbeeld)'
		);
		await expect(
			groep('Vrijwilligers thuis (VPTZ)').getByRole('heading', { level: 4 }).first()
		).toContainText('VPTZ');
		await expect(groep('Huisarts').getByRole('heading', { level: 4 }).first()).toContainText(
			'Huisartsenpraktijk'
		);
		await expect(groep('Huisartsenpost').getByRole('heading', { level: 4 }).first()).toHaveText(
			'Huisartsenpost Steenwijk (voorbeeld)'
		);
		for (const naam of [
			'Mantelzorgondersteuning',
			'Vrijwilligers thuis (VPTZ)',
			'Huisarts',
			'Huisartsenpost'
		]) {
			const bel = groep(naam).getByRole('link', { name: /^Bel / }).first();
			// A working tel: link is an international number the phone can dial; its text shows the same number.
			const href = await bel.getAttribute('href');
			expect(href).toMatch(/^tel:\+31\d{9}$/);
			const cijfers = (await bel.innerText()).replace(/\D/g, '');
			expect(href!.replace('tel:+31', '0')).toBe(cijfers.slice(0, 10));
		}
		await expect(groep('Mantelzorgondersteuning').getByText('Nu bereikbaar').first()).toBeVisible();

		// Consultation lines for professionals: a separate section after the visitor's list, never inside it.
		const prof = page.getByRole('region', { name: 'Voor zorgverleners' });
		await expect(prof).toBeVisible();
		expect((await telLinks(page, prof)).length).toBeGreaterThan(0);
		for (const href of await telLinks(page, prof)) {
			expect(await page.locator('ol.ww-groepen').locator(`a[href="${href}"]`).count()).toBe(0);
		}
		expect(await axe(page)).toEqual([]);
	});

	test('at night the day-and-night lines come first', async ({ page }) => {
		await page.goto(
			`/wegwijzer?postcode=8331&vraag=zorg-voor-partner-kan-het-niet-meer-aan&moment=${ZATERDAG_03}`
		);
		await expect(page.getByText('U ziet hoe het is op zaterdag 21 november om 03:00.')).toBeVisible();
		await expect(page.getByText('Het is weekend.')).toBeVisible();
		const koppen = await page.locator('ol.ww-groepen > li h3').allInnerTexts();
		expect(koppen.slice(0, 2)).toEqual(['Huisartsenpost', 'Wijkverpleging']);
		expect(koppen.indexOf('Huisartsenpost')).toBeLessThan(koppen.indexOf('Huisarts'));
		expect(koppen.indexOf('Wijkverpleging')).toBeLessThan(koppen.indexOf('Mantelzorgondersteuning'));
		const eerste = page.locator('ol.ww-groepen .ww-dienst').first();
		await expect(eerste.getByText('Dag en nacht bereikbaar')).toBeVisible();
		// 112 stays visible at all times.
		await expect(page.getByRole('link', { name: '112' })).toBeVisible();

		// The daytime page offers the night view as a plain link.
		await page.goto(
			`/wegwijzer?postcode=8331&vraag=zorg-voor-partner-kan-het-niet-meer-aan&moment=${DONDERDAG_10}`
		);
		await page.getByRole('link', { name: "Bekijk wie u 's nachts en in het weekend kunt bellen" }).click();
		await expect(page).toHaveURL(/moment=2026-11-20T03%3A00|moment=2026-11-20T03:00/);
		await expect(page.locator('ol.ww-groepen > li h3').first()).toHaveText('Huisartsenpost');
	});

	test('the printed card holds the same contacts as the answer page', async ({ page }) => {
		await page.goto(
			`/wegwijzer?postcode=8331&vraag=zorg-voor-partner-kan-het-niet-meer-aan&moment=${DONDERDAG_10}`
		);
		const opScherm = await telLinks(page);
		await page.getByRole('link', { name: 'Maak een wegwijzerkaart om te printen' }).click();
		await expect(page).toHaveURL(
			/\/wegwijzer\/kaart\?postcode=8331&vraag=zorg-voor-partner-kan-het-niet-meer-aan/
		);
		await page.emulateMedia({ media: 'print' });
		// In print the site header, the footer and the instructions are gone; the card with every number remains.
		await expect(page.locator('header.rk-header')).toBeHidden();
		await expect(page.locator('footer.rk-footer')).toBeHidden();
		await expect(page.getByText('Zo print u de kaart')).toBeHidden();
		const kaart = page.locator('article.ww-kaart');
		await expect(kaart.getByRole('heading', { level: 1 })).toHaveText('Wegwijzerkaart: wie kunt u bellen?');
		const geprint = await telLinks(page, kaart);
		expect(geprint).toEqual(opScherm);
		for (const href of geprint) await expect(kaart.locator(`a[href="${href}"]`).first()).toBeVisible();
		await page.screenshot({ path: 'test-results/wegwijzer-kaart-print.png', fullPage: true });
		const pdf = await page.pdf({ format: 'A4' });
		expect(pdf.byteLength).toBeGreaterThan(1000);
	});

	test('the error page for an unknown place passes axe', async ({ page }) => {
		await page.goto('/wegwijzer?plaats=Steenwijk');
		await expect(page.getByRole('alert')).toBeVisible();
		expect(await axe(page)).toEqual([]);
		await page.goto('/wegwijzer?postcode=8331');
		expect(await axe(page)).toEqual([]);
	});

	test('the print button appears with JavaScript and opens the print dialog', async ({ page }) => {
		await page.goto('/wegwijzer/kaart?postcode=8331');
		await page.evaluate(() => {
			(window as unknown as { geprint: boolean }).geprint = false;
			window.print = () => ((window as unknown as { geprint: boolean }).geprint = true);
		});
		await page.getByRole('button', { name: 'Print of bewaar als PDF' }).click();
		expect(await page.evaluate(() => (window as unknown as { geprint: boolean }).geprint)).toBe(true);
		expect(await axe(page)).toEqual([]);
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('works end to end with GET forms and links, and shows print instructions', async ({ page }) => {
			await page.goto('/wegwijzer');
			await page.getByLabel('Wat is uw postcode of gemeente?').fill('Steenwijkerland');
			await page.getByRole('button', { name: 'Zoek hulp bij mij in de buurt' }).click();
			await expect(page).toHaveURL(/\/wegwijzer\?gemeente=Steenwijkerland$/);
			await page.getByRole('link', { name: MANTELZORG_TITEL }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(MANTELZORG_TITEL);
			expect((await telLinks(page)).length).toBeGreaterThan(4);
			await page.getByRole('link', { name: 'Maak een wegwijzerkaart om te printen' }).click();
			await expect(page.getByText('Zo print u de kaart')).toBeVisible();
			await expect(page.getByRole('button', { name: 'Print of bewaar als PDF' })).toBeHidden();
		});

		test('an unknown place gets a plain message and suggestions, nothing else', async ({ page, context }) => {
			await page.goto('/wegwijzer');
			await page.getByLabel('Wat is uw postcode of gemeente?').fill('Steenwijk');
			await page.getByRole('button', { name: 'Zoek hulp bij mij in de buurt' }).click();
			const melding = page.getByRole('alert');
			await expect(melding).toContainText('We kennen geen gemeente die "Steenwijk" heet.');
			await expect(page.getByLabel('Wat is uw postcode of gemeente?')).toHaveAttribute(
				'aria-invalid',
				'true'
			);
			await melding.getByRole('link', { name: 'Steenwijkerland' }).click();
			await expect(page.getByText('Hulp bij gemeente Steenwijkerland.')).toBeVisible();

			await page.goto('/wegwijzer?postcode=83a1');
			await expect(page.getByRole('alert')).toContainText('Een postcode heeft 4 cijfers');
			// No account, no cookies.
			expect(await context.cookies()).toEqual([]);
		});
	});

	test('stays under 50 KB of JavaScript on the wegwijzer pages', async ({ page }) => {
		let bytes = 0;
		const scripts: string[] = [];
		page.on('response', async (response) => {
			if (response.request().resourceType() !== 'script') return;
			scripts.push(response.url());
			bytes += (await response.body()).byteLength;
		});
		for (const url of [
			'/wegwijzer',
			'/wegwijzer?postcode=8331',
			`/wegwijzer?postcode=8331&vraag=zorg-voor-partner-kan-het-niet-meer-aan&moment=${ZATERDAG_03}`,
			'/wegwijzer/kaart?postcode=8331&vraag=zorg-voor-partner-kan-het-niet-meer-aan'
		]) {
			await page.goto(url);
			await page.waitForLoadState('networkidle');
		}
		// The pages render on the server (csr = false); only the print button's tiny script is loaded.
		expect(bytes, `JavaScript: ${scripts.join(', ')}`).toBeLessThan(50 * 1024);
		expect(scripts.every((s) => s.includes('print-knop'))).toBe(true);
	});

	test('readable at 200 % zoom and on a phone: no sideways scrolling', async ({ page }) => {
		// 200 % zoom of a 1280 px window is a 640 CSS px viewport; a phone is 390 px.
		for (const width of [640, 390]) {
			await page.setViewportSize({ width, height: 900 });
			for (const url of [
				`/wegwijzer?postcode=8331&vraag=zorg-voor-partner-kan-het-niet-meer-aan&moment=${ZATERDAG_03}`,
				'/wegwijzer/kaart?postcode=8331&vraag=zorg-voor-partner-kan-het-niet-meer-aan'
			]) {
				await page.goto(url);
				const breedte = await page.evaluate(() => document.documentElement.scrollWidth);
				expect(breedte, `${url} bij ${width} px`).toBeLessThanOrEqual(width);
			}
		}
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(
			`/wegwijzer?postcode=8331&vraag=zorg-voor-partner-kan-het-niet-meer-aan&moment=${DONDERDAG_10}`
		);
		await page.screenshot({ path: 'test-results/wegwijzer-antwoord-telefoon.png', fullPage: true });
	});

	test('can be used with the keyboard alone', async ({ page }) => {
		await page.goto('/wegwijzer');
		await page.getByLabel('Wat is uw postcode of gemeente?').focus();
		await page.keyboard.type('8331');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/postcode=8331/);
		// Tab to the question and follow it with Enter.
		const doel = page.getByRole('link', { name: MANTELZORG_TITEL });
		for (let i = 0; i < 60 && !(await doel.evaluate((el) => el === document.activeElement)); i++)
			await page.keyboard.press('Tab');
		await expect(doel).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(MANTELZORG_TITEL);
	});
});

test.describe('wegwijzer beheren', () => {
	test('a beheerder changes a question for a sub-region; visitors see it at once; a stale save gets a clear message', async ({
		page,
		browser
	}) => {
		await loginPage(page, 'beheerder');
		await page.goto('/beheer/wegwijzer');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wegwijzer beheren');
		await page.getByLabel('Voor welke regio?').selectOption('drenthe-meppel-steenwijkerland');
		await page.getByRole('button', { name: 'Toon' }).click();
		await expect(
			page.getByRole('heading', { name: 'Vragen voor Drenthe / Meppel-Steenwijkerland' })
		).toBeVisible();
		await page.getByRole('link', { name: `Bewerken: ${MANTELZORG_TITEL}` }).click();
		expect(await axe(page)).toEqual([]);

		// A second tab opens the same question before the first one saves.
		const ander = await browser.newPage();
		await loginPage(ander, 'beheerder');
		await ander.goto(page.url());

		const nieuw = 'Ik zorg voor mijn man of vrouw en ben uitgeput';
		await page.getByLabel('Vraag', { exact: true }).fill(nieuw);
		await page.getByLabel('Mantelzorgondersteuning').selectOption('1');
		await page.getByRole('button', { name: 'Opslaan' }).click();
		await expect(page.getByRole('status')).toContainText('De vraag is opgeslagen');

		const bezoeker = await browser.newPage();
		await bezoeker.goto('/wegwijzer?postcode=8331');
		await expect(bezoeker.getByRole('link', { name: nieuw })).toBeVisible();
		await bezoeker.goto('/wegwijzer?postcode=9401');
		await expect(bezoeker.getByRole('link', { name: MANTELZORG_TITEL })).toBeVisible();

		await ander.getByLabel('Vraag', { exact: true }).fill('Een andere titel van een collega');
		await ander.getByRole('button', { name: 'Opslaan' }).click();
		await expect(ander.getByRole('alert')).toContainText('Iemand anders heeft deze vraag net ook aangepast');
		await expect(ander.getByRole('alert')).toContainText(nieuw);
		await ander.close();

		// Back to the standard text.
		await page.getByRole('button', { name: /Eigen tekst weghalen/ }).click();
		await expect(page.getByRole('status')).toContainText('De aanpassing is weggehaald');
		await bezoeker.goto('/wegwijzer?postcode=8331');
		await expect(bezoeker.getByRole('link', { name: MANTELZORG_TITEL })).toBeVisible();
		await bezoeker.close();
	});

	test('the form explains mistakes in Dutch and keeps what was typed', async ({ page }) => {
		await loginPage(page, 'beheerder');
		await page.goto('/beheer/wegwijzer');
		await page.getByLabel('Vraag', { exact: true }).fill('Kort');
		await page.getByLabel('Uitleg').fill('Een uitleg die lang genoeg is.');
		await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
		const fouten = page.getByRole('alert');
		await expect(fouten).toContainText('Schrijf de vraag in minstens 5 tekens.');
		await expect(page.getByLabel('Uitleg')).toHaveValue('Een uitleg die lang genoeg is.');
	});
});
