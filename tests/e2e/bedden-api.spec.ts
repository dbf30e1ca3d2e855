import { expect, test } from '@playwright/test';
import { loginPage } from './helpers/accounts';
import { discoverRouteIds } from './helpers/routes';

// Several real logins (argon2) per test: give them room on a busy 2-core machine.
test.describe.configure({ timeout: 180_000 });

// An external system updates availability with an API token, against the built server; refused without a token,
// with a wrong one, for another organisation's bed unit, and with the token in the URL.
const HOSPICE = 'Hospice De Zonnedauw';

test('an external system updates availability with a token, and is refused without one, with a wrong one, or for another organisation', async ({
	page,
	request
}) => {
	await loginPage(page, 'organisatie');
	await page.goto('/mijn-organisatie/api-tokens');
	// Demo organisations carry "(voorbeeld)" in their name: pick the option by its text.
	const orgValue = await page
		.locator('#veld-organisationId option', { hasText: HOSPICE })
		.getAttribute('value');
	await page.getByLabel('Organisatie').selectOption(orgValue!);
	await page.getByLabel('Naam van de koppeling').fill('ECD-test');
	await page.getByRole('button', { name: 'Token aanmaken' }).click();
	const tokenField = page.getByLabel('Uw API-token');
	await expect(tokenField).toHaveValue(/^rkpz_/);
	const token = await tokenField.inputValue();
	await page.screenshot({ path: '/tmp/beds-desktop-token.png', fullPage: true });

	// Shown once: after a reload it is nowhere on the page.
	await page.reload();
	await expect(page.getByLabel('Uw API-token')).toHaveCount(0);
	expect(await page.content()).not.toContain(token);

	// Unit ids are listed for the supplier: one of this organisation, one of the editor's other organisation.
	const ids = page.getByRole('table', { name: 'Ids van uw beddeneenheden' });
	const ownId = (await ids
		.getByRole('row')
		.filter({ hasText: HOSPICE })
		.first()
		.locator('code')
		.textContent())!;
	const otherId = (await ids
		.getByRole('row')
		.filter({ hasNotText: HOSPICE })
		.filter({ has: page.locator('code') })
		.first()
		.locator('code')
		.textContent())!;
	expect(ownId).toMatch(/^[0-9a-f-]{36}$/);
	expect(otherId).toMatch(/^[0-9a-f-]{36}$/);

	const url = (id: string) => `/api/v1/bed-units/${id}/availability`;
	const auth = { authorization: `Bearer ${token}` };

	const ok = await request.put(url(ownId), { headers: auth, data: { vrijeBedden: 1, verwachteOpnames: 1 } });
	expect(ok.status()).toBe(200);
	expect(await ok.json()).toMatchObject({ id: ownId, vrijeBedden: 1, verwachteOpnames: 1, verouderd: false });

	const none = await request.put(url(ownId), { data: { vrijeBedden: 0 } });
	expect(none.status()).toBe(401);
	expect(none.headers()['www-authenticate']).toMatch(/^Bearer/);
	expect((await none.json()).melding).toMatch(/Authorization: Bearer/);

	const wrong = await request.put(url(ownId), {
		headers: { authorization: `Bearer rkpz_${'a'.repeat(52)}` },
		data: { vrijeBedden: 0 }
	});
	expect(wrong.status()).toBe(401);

	const otherOrg = await request.put(url(otherId), { headers: auth, data: { vrijeBedden: 0 } });
	expect(otherOrg.status()).toBe(403);
	expect(await otherOrg.json()).toMatchObject({ code: 'geen_toegang' });

	const inQuery = await request.put(`${url(ownId)}?access_token=${token}`, { data: { vrijeBedden: 0 } });
	expect(inQuery.status()).toBe(400);

	const invalid = await request.put(url(ownId), { headers: auth, data: { vrijeBedden: -2 } });
	expect(invalid.status()).toBe(422);
	expect(await invalid.json()).toMatchObject({
		velden: { vrijeBedden: 'Het aantal vrije bedden kan niet negatief zijn.' }
	});

	// A logged-in browser session counts for nothing on the API: the page's cookies, no token → 401.
	const withCookies = await page.request.put(url(ownId), { data: { vrijeBedden: 0 } });
	expect(withCookies.status()).toBe(401);

	// The value the API sent is what the editor and the public see.
	await page.goto('/mijn-organisatie/bedden');
	const card = page
		.getByRole('region', { name: HOSPICE })
		.getByRole('listitem')
		.filter({ has: page.getByRole('button', { name: /Beschikbaarheid opslaan/ }) })
		.first();
	await expect(card.getByLabel(/Nu beschikbaar/)).toHaveValue('1');
	if (discoverRouteIds().includes('/organisaties/[slug]')) {
		await page
			.getByRole('region', { name: HOSPICE })
			.getByRole('link', { name: /Openbare pagina/ })
			.click();
		await expect(page.getByText('1 bed vrij', { exact: true }).first()).toBeVisible();
	}

	// Revoked: the same token no longer works.
	await page.goto('/mijn-organisatie/api-tokens');
	page.once('dialog', (d) => d.accept());
	await page.getByRole('button', { name: 'Intrekken token ECD-test' }).first().click();
	await expect(page.getByRole('status')).toContainText('ingetrokken');
	const revoked = await request.put(url(ownId), { headers: auth, data: { vrijeBedden: 1 } });
	expect(revoked.status()).toBe(401);
});

test('the OpenAPI document is served and describes the availability API', async ({ request }) => {
	const response = await request.get('/api/v1/openapi.json');
	expect(response.status()).toBe(200);
	const doc = await response.json();
	expect(doc.openapi).toMatch(/^3\.1\./);
	expect(doc.paths['/bed-units/{id}/availability'].put.requestBody).toBeTruthy();
});
