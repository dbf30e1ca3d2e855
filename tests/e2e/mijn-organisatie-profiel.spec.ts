import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loginPage } from './helpers/accounts';
import { demoOrg } from './routes/mijn-organisatie';

// The demo editor (organisatie@…) is a member of Hospice De Zonnedauw (Assen) and Hospice Het Veerhuis (Amsterdam),
// not of Zorgcentrum De Esch (Emmen). Other specs read the hospice's name: these tests change other fields only.
const PROFILE = `/mijn-organisatie/${demoOrg}`;
const OTHER_ORG = 'voorbeeld-zorgcentrum-de-esch-emmen';
// New locations go to the editor's other hospice: the organisation page spec counts De Zonnedauw's locations.
const VEERHUIS = '/mijn-organisatie/voorbeeld-hospice-het-veerhuis-amsterdam';
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

	test('an editor finds the profile, gets Dutch errors at the top and at the field, loses nothing, and saves', async ({
		page
	}) => {
		await loginPage(page, 'organisatie');
		await page.goto('/mijn-organisatie');
		await page.getByRole('link', { name: /Hospice De Zonnedauw/ }).tap();
		await expect(page).toHaveURL(PROFILE);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Hospice De Zonnedauw');

		const beschrijving = `Gewijzigd op de telefoon ${unique()}.`;
		await page.getByLabel('Beschrijving').fill(beschrijving);
		await page.getByLabel('Telefoonnummer').fill('bel ons');
		await page.getByRole('button', { name: 'Gegevens opslaan' }).tap();

		const summary = page.getByRole('alert');
		await expect(summary).toContainText('Niet alles is goed ingevuld');
		await expect(summary.getByRole('link', { name: /Nederlands telefoonnummer/ })).toHaveAttribute(
			'href',
			'#veld-telefoon'
		);
		await expect(page.locator('#veld-telefoon-fout')).toContainText('Nederlands telefoonnummer');
		await expect(page.getByLabel('Telefoonnummer')).toHaveAttribute('aria-invalid', 'true');
		// Nothing the user typed is lost.
		await expect(page.getByLabel('Beschrijving')).toHaveValue(beschrijving);
		await expect(page.getByLabel('Telefoonnummer')).toHaveValue('bel ons');
		expect(await axe(page)).toEqual([]);
		await page.screenshot({ path: '/tmp/org-e2e-profile-error-phone.png', fullPage: true });

		await page.getByLabel('Telefoonnummer').fill('0592 123 456');
		await page.getByRole('button', { name: 'Gegevens opslaan' }).tap();
		await expect(page.getByRole('status').filter({ hasText: 'opgeslagen' })).toBeVisible();
		await page.reload();
		await expect(page.getByLabel('Beschrijving')).toHaveValue(beschrijving);
		await expect(page.getByLabel('Telefoonnummer')).toHaveValue('0592 123 456');
	});

	test('adding a location: an unknown postcode is refused at the field, a known one is placed in its gemeente', async ({
		page
	}) => {
		await loginPage(page, 'organisatie');
		await page.goto(VEERHUIS);
		await page.getByRole('link', { name: 'Locatie toevoegen' }).tap();
		const naam = `Dagbesteding ${unique()}`;
		await page.getByLabel('Naam van de locatie').fill(naam);
		await page.getByLabel('Straat en huisnummer').fill('Kerkstraat 3');
		await page.getByLabel('Postcode').fill('1000 AA');
		await page.getByRole('button', { name: 'Locatie toevoegen' }).tap();
		await expect(page.locator('#veld-postcode-fout')).toHaveText(
			'Deze postcode kennen we niet. Controleer de vier cijfers.'
		);
		await expect(page.getByLabel('Naam van de locatie')).toHaveValue(naam);
		await expect(page.getByLabel('Straat en huisnummer')).toHaveValue('Kerkstraat 3');

		await page.getByLabel('Postcode').fill('1091 ab');
		await page.getByLabel('Plaats').fill('Amsterdam');
		await page.getByRole('button', { name: 'Locatie toevoegen' }).tap();
		await expect(page).toHaveURL(new RegExp(`${VEERHUIS}\\?opgeslagen=locatie`));
		await expect(page.getByRole('status')).toContainText('De locatie is toegevoegd.');
		const item = page.getByRole('listitem').filter({ hasText: naam });
		await expect(item).toContainText('Kerkstraat 3, 1091 AB Amsterdam (gemeente Amsterdam)');
		await page.screenshot({ path: '/tmp/org-e2e-profile-location-phone.png', fullPage: true });
	});

	test('adding a service with opening hours: a wrong period is marked at its own field, then saved', async ({
		page
	}) => {
		await loginPage(page, 'organisatie');
		await page.goto(`${PROFILE}/diensten/nieuw`);
		const naam = `Inloopspreekuur ${unique()}`;
		await page.getByLabel('Naam van de dienst').fill(naam);
		await page.getByLabel('Soort dienst').selectOption('informatie');
		await page.locator('#veld-tijd_1_0_van').fill('9:00');
		await page.locator('#veld-tijd_1_0_tot').fill('17:00');
		await page.getByRole('button', { name: /Tijden van maandag ook voor dinsdag/ }).tap();
		await expect(page.locator('#veld-tijd_5_0_tot')).toHaveValue('17:00');
		// Wednesday: the end before the start.
		await page.locator('#veld-tijd_3_0_tot').fill('08:00');
		await page.getByLabel('Mantelzorgondersteuning').check();
		await page.getByRole('button', { name: 'Dienst toevoegen' }).tap();

		await expect(page.locator('#fout-tijd_3_0_van')).toContainText('Woensdag: de eindtijd moet later zijn');
		await expect(page.getByRole('alert').getByRole('link', { name: /Woensdag/ })).toHaveAttribute(
			'href',
			'#veld-tijd_3_0_tot'
		);
		// Everything typed is still there, including the copied days and the ticked box.
		await expect(page.locator('#veld-tijd_5_0_van')).toHaveValue('9:00');
		await expect(page.getByLabel('Mantelzorgondersteuning')).toBeChecked();
		await expect(page.getByLabel('Naam van de dienst')).toHaveValue(naam);
		expect(await axe(page)).toEqual([]);
		await page.screenshot({ path: '/tmp/org-e2e-service-error-phone.png', fullPage: true });

		await page.locator('#veld-tijd_3_0_tot').fill('17:00');
		await page.getByRole('button', { name: 'Dienst toevoegen' }).tap();
		await expect(page.getByRole('status')).toContainText('De dienst is toegevoegd.');
		await page.getByRole('link', { name: naam }).tap();
		await expect(page.locator('#veld-tijd_3_0_van')).toHaveValue('09:00');
		await expect(page.locator('#veld-tijd_3_0_tot')).toHaveValue('17:00');
		await expect(page.locator('#veld-tijd_6_0_van')).toHaveValue('');
	});
});

test('without JavaScript the form still works and keeps the input on an error', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await loginPage(page, 'organisatie');
	await page.goto(PROFILE);
	await page.getByLabel('E-mailadres').fill('geen-adres');
	await page.getByLabel('Website').fill('www.zonnedauw-voorbeeld.nl');
	await page.getByRole('button', { name: 'Gegevens opslaan' }).click();
	await expect(page.getByRole('alert')).toContainText('geldig e-mailadres');
	await expect(page.getByLabel('E-mailadres')).toHaveValue('geen-adres');
	await expect(page.getByLabel('Website')).toHaveValue('www.zonnedauw-voorbeeld.nl');

	await page.getByLabel('E-mailadres').fill('info@zonnedauw-voorbeeld.nl');
	await page.getByRole('button', { name: 'Gegevens opslaan' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'opgeslagen' })).toBeVisible();
	await expect(page.getByLabel('Website')).toHaveValue('https://www.zonnedauw-voorbeeld.nl');
	await context.close();
});

test('two editors at once: the second save is refused with the Dutch message, keeps the input and shows what changed', async ({
	browser
}) => {
	const first = await (await browser.newContext()).newPage();
	const second = await (await browser.newContext()).newPage();
	await loginPage(first, 'organisatie');
	await loginPage(second, 'organisatie');
	await first.goto(PROFILE);
	await second.goto(PROFILE);

	const theirs = `Van de eerste redacteur ${unique()}.`;
	await first.getByLabel('Beschrijving').fill(theirs);
	await first.getByRole('button', { name: 'Gegevens opslaan' }).click();
	await expect(first.getByRole('status').filter({ hasText: 'opgeslagen' })).toBeVisible();

	const mine = `Van de tweede redacteur ${unique()}.`;
	await second.getByLabel('Beschrijving').fill(mine);
	await second.getByRole('button', { name: 'Gegevens opslaan' }).click();
	await expect(second.getByRole('alert')).toContainText(
		'Iemand anders heeft dit intussen gewijzigd. Bekijk de nieuwe gegevens en voer uw wijziging opnieuw in.'
	);
	await expect(second.getByLabel('Beschrijving')).toHaveValue(mine);
	const notice = second.locator('.rk-alert--warning').filter({ hasText: 'intussen opgeslagen' });
	await expect(notice).toContainText(theirs);
	await second.screenshot({ path: '/tmp/org-e2e-conflict.png', fullPage: true });

	// Having seen it, the second editor saves again: now it goes through.
	await second.getByRole('button', { name: 'Gegevens opslaan' }).click();
	await expect(second.getByRole('status').filter({ hasText: 'opgeslagen' })).toBeVisible();
	await first.reload();
	await expect(first.getByLabel('Beschrijving')).toHaveValue(mine);
});

test('an editor cannot open or change an organisation they are not a member of', async ({
	page,
	baseURL
}) => {
	await loginPage(page, 'organisatie');
	const other = await page.goto(`/mijn-organisatie/${OTHER_ORG}`);
	expect(other?.status()).toBe(403);
	expect((await page.goto('/mijn-organisatie/bestaat-niet'))?.status()).toBe(404);
	expect((await page.goto(`/mijn-organisatie/${OTHER_ORG}/diensten/nieuw`))?.status()).toBe(403);

	// Posting to the action directly is refused too (the check runs for every action, not only the page).
	const response = await page.request.post(`/mijn-organisatie/${OTHER_ORG}?/opslaan`, {
		form: { version: '1', naam: 'Gekaapt', type: 'vvt' },
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(403);
	await page.goto(`/organisaties/${OTHER_ORG}`);
	await expect(page.getByRole('heading', { level: 1 })).not.toContainText('Gekaapt');
});
