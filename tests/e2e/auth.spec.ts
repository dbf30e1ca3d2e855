import { expect, test } from '@playwright/test';
import { accountFor, loginPage } from './helpers/accounts';

test('each demo role lands on its own start page after logging in', async ({ page }) => {
	for (const [role, heading, path] of [
		['beheerder', 'Beheer', '/beheer'],
		['organisatie', 'Mijn organisatie', '/mijn-organisatie'],
		['verwijzer', 'Verwijsportaal', '/verwijzen']
	] as const) {
		await page.context().clearCookies();
		await loginPage(page, role);
		await expect(page).toHaveURL(path);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
	}
});

test('a wrong password gets one generic Dutch message and keeps the e-mail address', async ({ page }) => {
	const account = accountFor('verwijzer');
	await page.goto('/inloggen');
	await page.getByLabel('E-mailadres').fill(account.email);
	await page.getByLabel('Wachtwoord').fill('fout-wachtwoord-123');
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByRole('alert')).toContainText('Het e-mailadres of wachtwoord klopt niet.');
	await expect(page.getByLabel('E-mailadres')).toHaveValue(account.email);
});

test('logging out ends the session', async ({ page }) => {
	await loginPage(page, 'organisatie');
	await page.getByRole('button', { name: 'Uitloggen' }).click();
	await expect(page).toHaveURL('/');
	await page.goto('/mijn-organisatie');
	await expect(page).toHaveURL(/\/inloggen\?naar=%2Fmijn-organisatie/);
});

test('a logged-in user opening a page of another role gets a Dutch 403 page in the site layout', async ({
	page
}) => {
	await loginPage(page, 'verwijzer');
	const response = await page.goto('/beheer');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');
	await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
});

test('an unknown page gets a Dutch 404 page', async ({ page }) => {
	const response = await page.goto('/bestaat-niet');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
});
