import { expect, request as playwrightRequest, test } from '@playwright/test';
import { loginRequest } from './helpers/accounts';
import { discoverRouteIds, expectedOutcome, roleNames, routes, type Outcome } from './helpers/routes';

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
		for (const entry of routes) {
			const url = entry.url ?? entry.id;
			const response = await context.get(url, { maxRedirects: 0 });
			const actual = outcomeOf(response.status(), response.headers()['location']);
			const expected = expectedOutcome(entry, role);
			if (actual !== expected)
				mismatches.push(`${url}: verwacht ${expected}, kreeg ${actual} (${response.status()})`);
		}
		await context.dispose();
		expect(mismatches).toEqual([]);
	});
}
