import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { demoAccounts } from '../../src/lib/server/seed/demo-accounts';

/*
 * The referral portal as a new user tries it (issue "done when"): a verwijzer in Amsterdam refers a homeless patient with
 * active alcohol use and a prognosis under three months; the hospice that accepts substance use ranks first with its
 * reasons, the one that does not is listed as excluded for that reason; the request is sent; the organisation accepts in a
 * second browser; the bed count drops; the verwijzer's page shows it live, without a reload (server-sent events).
 */

const VERWIJZER_AMSTERDAM = 'verwijzer.amsterdam@demo.regiokaart.nl';
const VERWIJZER_ASSEN = 'verwijzer@demo.regiokaart.nl';
const REDACTEUR_VEERHUIS = 'organisatie@demo.regiokaart.nl';
const REDACTEUR_AMSTELROOS = 'redacteur.amsterdam@demo.regiokaart.nl';
const BEHEERDER = 'beheerder.amsterdam@demo.regiokaart.nl';

/** Contexts opened by a test, closed after it (an open referral page keeps an SSE connection to the server). */
const contexts: BrowserContext[] = [];
test.afterEach(async () => {
	for (const context of contexts.splice(0)) await context.close();
});

async function loginAs(browser: Browser, email: string): Promise<Page> {
	const account = demoAccounts.find((a) => a.email === email);
	if (!account) throw new Error(`Geen demo-account ${email}`);
	const context = await browser.newContext();
	contexts.push(context);
	const page = await context.newPage();
	await page.goto('/inloggen');
	await page.getByLabel('E-mailadres').fill(account.email);
	await page.getByLabel('Wachtwoord').fill(account.password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
	return page;
}

async function expectNoSeriousAxeFindings(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const serious = results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
	expect(serious).toEqual([]);
}

/** Fills the example: homeless, active alcohol use, prognosis under three months, staying in PC4 1012. */
async function fillDakloosMetAlcohol(page: Page) {
	await page.getByLabel('Leeftijdscategorie').selectOption({ label: '50 tot 65 jaar' });
	await page.getByLabel('Postcode waar de patiënt nu verblijft (4 cijfers)').fill('1012');
	await page.getByRole('checkbox', { name: 'Dak- of thuisloos' }).check();
	await page.getByRole('checkbox', { name: 'Actief middelengebruik toegestaan' }).check();
	await page
		.getByRole('group', { name: /Soort plek/ })
		.getByRole('checkbox', { name: 'Hospice' })
		.check();
	await page.getByRole('radio', { name: 'Korter dan 3 maanden' }).check();
	await page.getByRole('radio', { name: 'Binnen 3 dagen' }).check();
	await page.getByLabel('Wensen (niet verplicht)').fill('Wil graag kunnen roken.');
}

test('the form refuses identifying data at the field and says why', async ({ browser }) => {
	const page = await loginAs(browser, VERWIJZER_AMSTERDAM);
	await page.goto('/verwijzen/nieuw');
	await expect(page.getByText(/geen naam, geboortedatum, BSN, adres/)).toBeVisible();
	await fillDakloosMetAlcohol(page);
	await page.getByLabel('Wensen (niet verplicht)').fill('BSN 111222333, geboren 12-03-1960');
	await page.getByRole('button', { name: 'Zoek passende plekken' }).click();
	const wensen = page.getByLabel('Wensen (niet verplicht)');
	await expect(wensen).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('#fout-wensen')).toContainText('burgerservicenummer');
	// The summary links to the field, and the rest of the form is kept.
	await expect(page.getByRole('alert').getByRole('link', { name: /burgerservicenummer/ })).toHaveAttribute(
		'href',
		'#veld-wensen'
	);
	await expect(page.getByLabel('Postcode waar de patiënt nu verblijft (4 cijfers)')).toHaveValue('1012');
	await expect(page).toHaveURL('/verwijzen/nieuw');
	await expectNoSeriousAxeFindings(page);
});

test('refer, match, send, accept in a second browser, and see it live without a reload', async ({
	browser
}) => {
	// Two browsers, axe three times, and argon2 logins: generous on a busy 2-core machine.
	test.setTimeout(240_000);
	const verwijzer = await loginAs(browser, VERWIJZER_AMSTERDAM);

	// --- The referral and its match ---
	await verwijzer.goto('/verwijzen/nieuw');
	await fillDakloosMetAlcohol(verwijzer);
	await verwijzer.getByRole('button', { name: 'Zoek passende plekken' }).click();
	await verwijzer.waitForURL(/\/verwijzen\/[0-9a-f-]{36}$/);
	const referralUrl = new URL(verwijzer.url()).pathname;

	const kandidaten = verwijzer.getByTestId('kandidaat');
	const eerste = kandidaten.first();
	await expect(eerste.getByRole('heading')).toContainText('Hospice Het Veerhuis');
	await expect(eerste).toContainText('accepteert actief middelengebruik');
	await expect(eerste).toContainText('staat open voor dak- en thuisloze mensen');
	const beddenTekst = (await eerste.getByText(/\d+ van de \d+ bedden vrij/).textContent()) ?? '';
	const [, vrijVoor, totaal] = beddenTekst.match(/(\d+) van de (\d+) bedden vrij/)!.map(Number);

	const amstelroos = verwijzer.getByTestId('uitgesloten').filter({ hasText: 'Hospice De Amstelroos' });
	await expect(amstelroos).toContainText('accepteert geen actief middelengebruik');
	await expectNoSeriousAxeFindings(verwijzer);

	// --- Send to the Veerhuis ---
	await eerste.getByRole('checkbox', { name: /Verzoek sturen naar Hospice Het Veerhuis/ }).check();
	await verwijzer.getByRole('button', { name: 'Verstuur verzoek naar gekozen plekken' }).click();
	const verzoeken = verwijzer.getByTestId('verzoeken');
	await expect(verzoeken).toContainText('Hospice Het Veerhuis');
	await expect(verzoeken).toContainText('Verzonden, wacht op antwoord');
	await expect(verwijzer.getByText('Deze lijst werkt zichzelf bij')).toBeVisible();
	// A marker that a reload or navigation would wipe: it proves the update arrives on the open page.
	await verwijzer.evaluate(() => ((window as unknown as { __zelfdePagina: boolean }).__zelfdePagina = true));

	// --- The organisation, in a second browser context ---
	const organisatie = await loginAs(browser, REDACTEUR_VEERHUIS);
	await organisatie.goto('/mijn-organisatie');
	await expect(organisatie.getByTestId('nieuwe-verzoeken')).toContainText(/nieuwe? verzoeke?n?/);
	await organisatie.getByTestId('nieuwe-verzoeken').getByRole('link').click();
	await organisatie.waitForURL('/mijn-organisatie/verzoeken');
	await organisatie.getByRole('table').first().getByRole('link').first().click();
	await organisatie.waitForURL(/\/mijn-organisatie\/verzoeken\/[0-9a-f-]{36}$/);
	const requestUrl = new URL(organisatie.url()).pathname;
	await expect(organisatie.getByText('Dak- of thuisloos')).toBeVisible();
	await expect(organisatie.getByTestId('bedden')).toContainText(`${vrijVoor} van de ${totaal} bedden`);
	await expectNoSeriousAxeFindings(organisatie);

	await organisatie.getByRole('button', { name: 'Verzoek accepteren' }).click();
	await expect(organisatie.getByTestId('geaccepteerd')).toContainText(
		`nu ${vrijVoor - 1} van de ${totaal} bedden vrij`
	);
	await expect(organisatie.getByTestId('bedden')).toContainText(`${vrijVoor - 1} van de ${totaal} bedden`);

	// --- Live on the verwijzer's page ---
	await expect(verwijzer.getByTestId('verwijzing-status')).toHaveText('Geplaatst', { timeout: 5_000 });
	await expect(verzoeken).toContainText('Geaccepteerd');
	await expect(verwijzer.getByText(/heeft het verzoek geaccepteerd/)).toBeVisible();
	expect(
		await verwijzer.evaluate(() => (window as unknown as { __zelfdePagina?: boolean }).__zelfdePagina)
	).toBe(true);

	// --- Nobody else can open it: the same 404 as for a referral that does not exist ---
	const andereVerwijzer = await loginAs(browser, VERWIJZER_ASSEN);
	expect((await andereVerwijzer.request.get(referralUrl)).status()).toBe(404);
	expect((await andereVerwijzer.request.get(`${referralUrl}/live`)).status()).toBe(404);
	const andereOrganisatie = await loginAs(browser, REDACTEUR_AMSTELROOS);
	expect((await andereOrganisatie.request.get(requestUrl)).status()).toBe(404);
	const beheerder = await loginAs(browser, BEHEERDER);
	expect((await beheerder.request.get(referralUrl, { maxRedirects: 0 })).status()).toBe(403);
	expect((await beheerder.request.get(requestUrl, { maxRedirects: 0 })).status()).toBe(403);

	// --- The network sees it only in the aggregated indicators ---
	await beheerder.goto('/beheer/indicatoren');
	await expect(beheerder.getByText(/waarvan 1 geplaatst|waarvan \d+ geplaatst/)).toBeVisible();
	const csv = await beheerder.request.get('/beheer/indicatoren/export.csv');
	expect(csv.headers()['content-type']).toContain('text/csv');
	expect(await csv.text()).toContain('Tijd tot acceptatie;mediaan;');
	await expectNoSeriousAxeFindings(beheerder);
});
