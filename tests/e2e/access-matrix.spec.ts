import { expect, request as playwrightRequest, test } from '@playwright/test';
import { loginRequest } from './helpers/accounts';
import { discoverRouteIds, expectedOutcome, roleNames, routes, type Outcome } from './helpers/routes';
import { securityHeaderProblems } from './helpers/security-headers';

const baseURL = `http://localhost:${process.env.E2E_PORT ?? 4173}`;

test('every route of the app is in the role × route matrix', () => {
	const listed = new Set(routes.map((r) => r.id));
	const missing = discoverRouteIds().filter((id) => !listed.has(id));
	expect(missing, `Routes zonder regel in tests/e2e/helpers/routes.ts: ${missing.join(', ')}`).toEqual([]);
	const stale = [...listed].filter((id) => !discoverRouteIds().includes(id));
	expect(stale, 'Regels voor routes die niet meer bestaan').toEqual([]);
});

function outcomeOf(status: number, location: string | undefined): Outcome {
	if (status >= 200 && status < 300) return 'ok';
	if (status === 401) return 'login';
	if (status >= 300 && status < 400) return location?.startsWith('/inloggen') ? 'login' : 'redirect';
	if (status === 403) return 'forbidden';
	if (status === 404) return 'notfound';
	return `status ${status}` as Outcome;
}

for (const role of roleNames) {
	test(`role × route matrix: ${role}`, async () => {
		const context = await playwrightRequest.newContext({ baseURL });
		if (role !== 'anoniem') await loginRequest(context, role, baseURL);
		const mismatches: string[] = [];
		const headerProblems: string[] = [];
		for (const entry of routes) {
			const url = entry.url ?? entry.id;
			const response = await context.get(url, { maxRedirects: 0 });
			const actual = outcomeOf(response.status(), response.headers()['location']);
			const expected = expectedOutcome(entry, role);
			if (actual !== expected)
				mismatches.push(`${url}: verwacht ${expected}, kreeg ${actual} (${response.status()})`);
			// Every answer with a body, allowed or refused, carries the security headers (redirects have no body).
			if (response.status() < 300 || response.status() >= 400) {
				const body = response.headers()['content-type']?.includes('text/html')
					? await response.text()
					: undefined;
				for (const problem of securityHeaderProblems(response.headers(), body))
					headerProblems.push(`${url} (${response.status()}): ${problem}`);
			}
		}
		await context.dispose();
		expect(mismatches).toEqual([]);
		expect(headerProblems).toEqual([]);
	});
}

test('a refused request from a program gets the headers too: 401 and 403 answered from the hooks', async () => {
	const context = await playwrightRequest.newContext({ baseURL });
	const unauthenticated = await context.get('/beheer', { headers: { accept: 'application/json' } });
	expect(unauthenticated.status()).toBe(401);
	expect(await unauthenticated.json()).toEqual({ message: 'Log in om dit te gebruiken.' });
	expect(securityHeaderProblems(unauthenticated.headers())).toEqual([]);
	await loginRequest(context, 'verwijzer', baseURL);
	const forbidden = await context.post('/beheer/gebruikers', {
		form: { x: '1' },
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(forbidden.status()).toBe(403);
	const html = await forbidden.text();
	expect(html).toContain('U heeft geen toegang tot deze pagina.');
	expect(html).toContain('lang="nl"');
	expect(securityHeaderProblems(forbidden.headers(), html)).toEqual([]);
	await context.dispose();
});

test("SvelteKit's CSRF check refuses a form post from another site", async () => {
	const context = await playwrightRequest.newContext({ baseURL });
	await loginRequest(context, 'beheerder', baseURL);
	const response = await context.post('/account/wachtwoord', {
		form: { huidig: 'x', nieuw: 'y', herhaling: 'y' },
		headers: { origin: 'https://kwaadwillend.example', accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(403);
	expect(await response.text()).toContain('Cross-site');
	await context.dispose();
});
