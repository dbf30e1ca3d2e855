import type { APIRequestContext, Page } from '@playwright/test';
import { demoAccounts } from '../../../src/lib/server/seed/demo-accounts';
import type { RoleName } from './routes';

export function accountFor(role: Exclude<RoleName, 'anoniem'>) {
	const account = demoAccounts.find((a) => a.role === role);
	if (!account) throw new Error(`Geen demo-account voor rol ${role}`);
	return account;
}

/** Logs in through the real form, in a browser page. */
export async function loginPage(page: Page, role: Exclude<RoleName, 'anoniem'>) {
	const account = accountFor(role);
	await page.goto('/inloggen');
	// Fill in only after hydration, so the enhanced form cannot reset what was typed.
	await page.waitForLoadState('networkidle');
	await page.getByLabel('E-mailadres').fill(account.email);
	await page.getByLabel('Wachtwoord').fill(account.password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
}

/** Logs in with a plain form POST, for request-level tests. */
export async function loginRequest(
	request: APIRequestContext,
	role: Exclude<RoleName, 'anoniem'>,
	baseURL: string
) {
	const account = accountFor(role);
	const response = await request.post('/inloggen', {
		form: { email: account.email, password: account.password },
		// SvelteKit's CSRF check wants the Origin of a form post.
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	if (response.status() !== 303) throw new Error(`Inloggen als ${role} mislukt: ${response.status()}`);
}
