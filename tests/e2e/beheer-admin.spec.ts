import { expect, test, type Browser, type Page } from '@playwright/test';
import { stableUuid } from '../../src/lib/server/seed/prng';
import { loginPage } from './helpers/accounts';

// The demo beheerder (beheerder@demo) manages Drenthe & Steenwijkerland; Amsterdam-Diemen is another network.
const AMSTERDAM_VERWIJZER = stableUuid('user:verwijzer.amsterdam@demo.regiokaart.nl');
const unique = () => `${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 1000)}`;
const PASSWORD = 'E2e-wachtwoord-lang-genoeg';

async function noSidewaysScroll(page: Page) {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow, `pagina ${page.url()} schuift opzij`).toBeLessThanOrEqual(0);
}

/** Creates an account through the form and returns its invitation link (no SMTP in the tests: the page shows it). */
async function createAccount(page: Page, naam: string, email: string) {
	await page.goto('/beheer/gebruikers');
	await page.getByLabel('Naam', { exact: true }).fill(naam);
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Rol').selectOption('verwijzer');
	await page.getByRole('button', { name: 'Account aanmaken en uitnodigen' }).click();
	const link = page.locator('code', { hasText: '/wachtwoord/nieuw?token=' });
	await expect(link).toBeVisible();
	return (await link.textContent())!.trim();
}

async function loggedInAs(browser: Browser, email: string, password: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto('/inloggen');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
	return { context, page };
}

test.describe('gebruikers', () => {
	test('create, invite, edit and deactivate an account; deactivation logs the person out at once', async ({
		page,
		browser
	}) => {
		await loginPage(page, 'beheerder');
		const email = `e2e-${unique()}@example.nl`;
		const link = await createAccount(page, 'E2E Verwijzer', email);

		// The new user sets a password and logs in, in a browser of their own.
		const own = await browser.newContext();
		const ownPage = await own.newPage();
		await ownPage.goto(link);
		await ownPage.getByLabel('Nieuw wachtwoord').fill(PASSWORD);
		await ownPage.getByLabel('Herhaal het wachtwoord').fill(PASSWORD);
		await ownPage.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
		await expect(ownPage.getByText(/opgeslagen|ingesteld/i).first()).toBeVisible();
		await own.close();
		const user = await loggedInAs(browser, email, PASSWORD);
		await expect(user.page).toHaveURL(/\/verwijzen/);

		// The beheerder opens the account from the list and renames it.
		await page.goto('/beheer/gebruikers');
		await page.getByRole('link', { name: 'E2E Verwijzer' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('E2E Verwijzer');
		await expect(page.getByText('Open sessies')).toBeVisible();
		await page.getByLabel('Naam', { exact: true }).fill('E2E Verwijzer Hernoemd');
		await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
		await expect(page.getByRole('status')).toContainText('opgeslagen');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('E2E Verwijzer Hernoemd');

		// Deactivation ends the other browser's session: its next page is the login page.
		await page.getByRole('button', { name: 'Account deactiveren' }).click();
		await expect(page.getByRole('status')).toContainText('1 open sessie(s) zijn beëindigd');
		await expect(page.getByText('Gedeactiveerd', { exact: true })).toBeVisible();
		await user.page.goto('/verwijzen');
		await expect(user.page).toHaveURL(/\/inloggen/);
		await user.context.close();

		// Logging in no longer works; after reactivation it does again.
		const refused = await browser.newContext();
		const refusedPage = await refused.newPage();
		await refusedPage.goto('/inloggen');
		await refusedPage.getByLabel('E-mailadres').fill(email);
		await refusedPage.getByLabel('Wachtwoord').fill(PASSWORD);
		await refusedPage.getByRole('button', { name: 'Inloggen' }).click();
		await expect(refusedPage).toHaveURL(/\/inloggen/);
		await refused.close();
		await page.getByRole('button', { name: 'Account weer activeren' }).click();
		await expect(page.getByRole('status')).toContainText('weer actief');
		const again = await loggedInAs(browser, email, PASSWORD);
		await expect(again.page).toHaveURL(/\/verwijzen/);
		await again.context.close();

		// Both changes are in the audit log, with the record filter.
		await page.getByRole('link', { name: 'Wat er met dit account is gebeurd' }).click();
		await expect(page.locator('tbody')).toContainText('Gebruiker gedeactiveerd');
		await expect(page.locator('tbody')).toContainText('Gebruiker weer actief gemaakt');
		await expect(page.locator('tbody')).toContainText('Account aangemaakt');
	});

	test('an account of another network cannot be opened or changed', async ({ page }) => {
		await loginPage(page, 'beheerder');
		expect((await page.goto(`/beheer/gebruikers/${AMSTERDAM_VERWIJZER}`))?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		const origin = new URL(page.url()).origin;
		for (const action of ['opslaan', 'deactiveren', 'resetlink', 'organisaties']) {
			const response = await page.request.post(`/beheer/gebruikers/${AMSTERDAM_VERWIJZER}?/${action}`, {
				form: { naam: 'Gekaapt', role: 'verwijzer', version: '1' },
				headers: { origin, accept: 'application/json', 'x-sveltekit-action': 'true' }
			});
			const body = await response.json();
			expect(response.status(), action).toBe(404);
			expect(body, action).toMatchObject({
				type: 'error',
				error: { message: 'Deze gebruiker bestaat niet of valt buiten uw netwerk.' }
			});
		}
	});
});

test.describe('two beheerders at once', () => {
	test('the second save of a region name gets a clear message and keeps what was typed', async ({
		page,
		context
	}) => {
		await loginPage(page, 'beheerder');
		const other = await context.newPage();
		await page.goto('/beheer/regios/drenthe-emmen');
		await other.goto('/beheer/regios/drenthe-emmen');

		await page.getByLabel('Naam', { exact: true }).fill('Drenthe / Emmen en omstreken');
		await page.getByRole('button', { name: 'Naam opslaan' }).click();
		await expect(page.getByRole('status')).toContainText('opgeslagen');

		await other.getByLabel('Naam', { exact: true }).fill('Zuidoost-Drenthe');
		await other.getByRole('button', { name: 'Naam opslaan' }).click();
		await expect(other.getByRole('alert')).toContainText('Iemand anders heeft dit intussen gewijzigd');
		await expect(other.locator('.rk-alert--warning', { hasText: 'Nu opgeslagen' })).toContainText(
			'Drenthe / Emmen en omstreken'
		);
		await expect(other.getByLabel('Naam', { exact: true })).toHaveValue('Zuidoost-Drenthe');

		// Saving again, having seen the other change, is a deliberate choice and goes through.
		await other.getByRole('button', { name: 'Naam opslaan' }).click();
		await expect(other.getByRole('heading', { level: 1 })).toHaveText('Zuidoost-Drenthe');
		await other.getByLabel('Naam', { exact: true }).fill('Drenthe / Emmen');
		await other.getByRole('button', { name: 'Naam opslaan' }).click();
		await expect(other.getByRole('heading', { level: 1 })).toHaveText('Drenthe / Emmen');
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a refused form shows the errors at the top and at the field and keeps what was typed', async ({
		page
	}) => {
		await loginPage(page, 'beheerder');
		await page.goto('/beheer/gebruikers');
		await page.getByLabel('Naam', { exact: true }).fill('Nieuwe Redacteur');
		await page.getByLabel('E-mailadres').fill(`redacteur-${unique()}@example.nl`);
		await page.getByLabel('Rol').selectOption('organisatie');
		await page.getByRole('button', { name: 'Account aanmaken en uitnodigen' }).click();
		const summary = page.getByRole('alert');
		await expect(summary).toContainText('Kies minstens één organisatie');
		await expect(page.locator('#veld-organisationIds')).toContainText('Kies minstens één organisatie');
		await expect(page.getByLabel('Naam', { exact: true })).toHaveValue('Nieuwe Redacteur');
		await expect(page.getByLabel('Rol')).toHaveValue('organisatie');

		// A region form: an unknown gemeente and a share outside (0, 1].
		await page.goto('/beheer/regios/drenthe-assen');
		await page.getByLabel('Gemeente', { exact: true }).fill('Atlantis');
		await page.getByLabel('Aandeel', { exact: true }).fill('1,5');
		await page.getByRole('button', { name: 'Gemeente toevoegen' }).click();
		await expect(page.getByRole('alert')).toContainText('aandeel');
		await expect(page.getByLabel('Gemeente', { exact: true })).toHaveValue('Atlantis');
		await expect(page.getByLabel('Aandeel', { exact: true })).toHaveValue('1,5');
	});
});

test.describe('regio’s', () => {
	test('a share is changed, audited, and found in the audit log and its CSV export', async ({ page }) => {
		await loginPage(page, 'beheerder');
		await page.goto('/beheer');
		await page.getByRole('link', { name: 'Regio’s' }).click();
		await page.getByRole('link', { name: 'Drenthe / Hoogeveen' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Drenthe / Hoogeveen');

		// De Wolden is shared with Meppel-Steenwijkerland (1/3): more than 2/3 here is refused, at the row.
		const share = page.getByLabel('Aandeel De Wolden');
		await share.fill('0,9');
		await page.getByRole('button', { name: 'Opslaan aandeel De Wolden' }).click();
		await expect(page.getByRole('alert')).toContainText('andere subregio');
		await expect(share).toHaveValue('0,9');
		await share.fill('0,6');
		await page.getByRole('button', { name: 'Opslaan aandeel De Wolden' }).click();
		await expect(page.getByRole('status').first()).toContainText('nu 0,6 (was 0,667)');

		await page.goto('/beheer/audit');
		await page.getByLabel('Actie').selectOption({ label: 'Aandeel gemeente gewijzigd' });
		await page.getByRole('button', { name: 'Filteren' }).click();
		await expect(page).toHaveURL(/actie=regio_gemeente_gewijzigd/);
		await expect(page.locator('tbody tr').first()).toContainText('Drenthe / Hoogeveen');
		await expect(page.locator('tbody tr').first()).toContainText('GM1690');

		const download = page.waitForEvent('download');
		await page.getByRole('link', { name: /Download als CSV/ }).click();
		const file = await download;
		const text = await (
			await file.createReadStream()
		)
			.toArray()
			.then((c) => Buffer.concat(c).toString('utf8'));
		const lines = text
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(lines[0]).toContain('Tijdstip');
		expect(lines.length).toBeGreaterThanOrEqual(2);
		expect(lines.slice(1).every((l) => l.includes('regio_gemeente_gewijzigd'))).toBe(true);
	});

	test('another network’s region is refused', async ({ page }) => {
		await loginPage(page, 'beheerder');
		expect((await page.goto('/beheer/regios/amsterdam-diemen'))?.status()).toBe(403);
	});
});

test.describe('taxonomie', () => {
	test('a synonym is added and the change shows in the term’s history', async ({ page }) => {
		await loginPage(page, 'beheerder');
		await page.goto('/beheer/taxonomie');
		await page.getByRole('link', { name: 'Rouw en verlies' }).click();
		await expect(page.getByText('Let op: deze lijst is landelijk')).toBeVisible();
		const synonyms = page.getByLabel('Synoniemen', { exact: true });
		await synonyms.fill(`${await synonyms.inputValue()}\nafscheid`);
		await page.getByRole('button', { name: 'Term opslaan' }).click();
		await expect(page.getByRole('status')).toContainText('geldt voor alle netwerken');
		await expect(page.locator('.rk-history')).toContainText('door Marieke Hoekstra');
		await expect(page.locator('.rk-history')).toContainText('afscheid');
	});
});

test.describe('on a phone (390×844)', () => {
	test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

	test('the admin pages fit the screen', async ({ page }) => {
		await loginPage(page, 'beheerder');
		for (const url of [
			'/beheer',
			'/beheer/gebruikers',
			`/beheer/gebruikers/${stableUuid('user:verwijzer@demo.regiokaart.nl')}`,
			`/beheer/gebruikers/${stableUuid('user:organisatie@demo.regiokaart.nl')}`,
			'/beheer/regios',
			'/beheer/regios/drenthe-steenwijkerland',
			'/beheer/taxonomie',
			'/beheer/taxonomie/doelgroep/dementie',
			'/beheer/audit'
		]) {
			await page.goto(url);
			await noSidewaysScroll(page);
		}
	});
});
