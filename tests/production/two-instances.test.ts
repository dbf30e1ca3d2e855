import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client';
import {
	bedAvailabilityEvents,
	bedUnits,
	organisations,
	rateLimits,
	users,
	verwijsverzoeken,
	verwijzingen
} from '../../src/lib/server/db/schema';
import { DEMO_PASSWORD } from '../../src/lib/server/seed/demo-accounts';
import { demoSlug } from '../../src/lib/server/seed/demo-dataset';
import { createReferral, sendRequests } from '../../src/lib/server/services/referrals';
import { dakloosMetMiddelen } from '../integration/helpers/referral-fixtures';
import { findNginx, httpsRequest, openHttpsEventStream, startNginx, type Proxy } from './helpers/nginx';
import {
	createSeededDatabase,
	freePort,
	localServerUnavailable,
	login,
	openEventStream,
	requireBuild,
	sessionCookieFrom,
	startPortal,
	type Portal,
	type SeededDatabase
} from './helpers/portal';

/**
 * Two `node build` instances on one real PostgreSQL, as behind a load balancer: they share nothing but the database.
 * Both are configured as the README's "In productie" says: the public https ORIGIN of the proxy, the client address from
 * X-Forwarded-For (ADDRESS_HEADER, XFF_DEPTH=1). Shows that
 * - a login made on one is valid on the other (sessions in the database), and login throttling counts the real client;
 * - an availability change made on one reaches an open live stream (SSE) on the other within 2 seconds (LISTEN/NOTIFY);
 * - 20 concurrent accepts of requests for the last bed, split over both instances through the real form action, book
 *   that bed exactly once;
 * - with nginx installed: the README's nginx example in front of both (TLS, HTTP → HTTPS, X-Forwarded-For that a client
 *   cannot forge, live streams passed through at once).
 */

const skipReason = await localServerUnavailable();
if (skipReason) console.warn(`two-instances: overgeslagen: ${skipReason}`);
const nginx = findNginx();
if (!skipReason && !nginx)
	console.warn(
		'two-instances: de test met nginx ervoor is overgeslagen: geen nginx gevonden (zet NGINX_BIN).'
	);

const ORGANISATION = demoSlug('hospiceAmsterdamMiddelen');
const CONCURRENT = 20;

describe.skipIf(skipReason)('two instances on one PostgreSQL', () => {
	let database: SeededDatabase;
	let appUrl: string;
	let handle: DatabaseHandle;
	let a: Portal;
	let b: Portal;
	let proxyPorts: { https: number; http: number };
	/** The public address of the portal: nginx's TLS port (also when nginx is not started, the instances are set up so). */
	let ORIGIN: string;
	let unitId: string;
	let token: string;
	let cookie: string;

	beforeAll(async () => {
		requireBuild();
		database = await createSeededDatabase('t_prod_two');
		appUrl = database.url;

		handle = await openDatabase({ url: appUrl, max: CONCURRENT + 2 });
		const [editor] = await handle.db
			.select()
			.from(users)
			.where(eq(users.email, 'organisatie@demo.regiokaart.nl'));
		const [org] = await handle.db.select().from(organisations).where(eq(organisations.slug, ORGANISATION));
		const [unit] = await handle.db.select().from(bedUnits).where(eq(bedUnits.organisationId, org.id));
		unitId = unit.id;
		const created = await createApiToken(handle.db, editor, {
			organisationId: org.id,
			naam: 'twee instanties'
		});
		if (!created.ok) throw new Error('token aanmaken mislukt');
		token = created.token;

		const portA = await freePort();
		const portB = await freePort([portA]);
		const https = await freePort([portA, portB]);
		proxyPorts = { https, http: await freePort([portA, portB, https]) };
		ORIGIN = `https://localhost:${https}`;
		const shared = {
			ORIGIN,
			DATABASE_URL: appUrl,
			ADDRESS_HEADER: 'X-Forwarded-For',
			XFF_DEPTH: '1'
		};
		// One after the other: both apply migrations at start (idempotent), the second finds them done.
		a = await startPortal({ ...shared, PORT: String(portA) });
		b = await startPortal({ ...shared, PORT: String(portB) });
	}, 900_000);

	afterAll(async () => {
		const exits = await Promise.all([a?.stop(20_000), b?.stop(20_000)]);
		await handle?.close();
		await database?.drop();
		// Graceful shutdown of both, with their LISTEN connections and open streams: exit code 0.
		for (const exit of exits) if (exit) expect(exit).toEqual({ code: 0, signal: null });
	});

	it('a login made on one instance is valid on the other; throttling sees the client address from the proxy', async () => {
		const response = await login(a.url, ORIGIN, 'organisatie@demo.regiokaart.nl', DEMO_PASSWORD);
		expect(response.status).toBe(303);
		cookie = sessionCookieFrom(response);

		const onB = await fetch(`${b.url}/mijn-organisatie`, { headers: { cookie }, redirect: 'manual' });
		expect(onB.status).toBe(200);
		expect(await onB.text()).toContain('Ingrid Mulder');
		const withoutCookie = await fetch(`${b.url}/mijn-organisatie`, { redirect: 'manual' });
		expect(withoutCookie.status).toBe(303);
		expect(withoutCookie.headers.get('location')).toMatch(/^\/inloggen/);

		// A failed login counts against the address the proxy saw (X-Forwarded-For), not the proxy's own address.
		const wrong = await login(
			b.url,
			ORIGIN,
			'organisatie@demo.regiokaart.nl',
			'fout-wachtwoord',
			'198.51.100.23'
		);
		expect(wrong.status).toBe(400);
		const keys = (await handle.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
		expect(keys).toContain('login:adres:198.51.100.23');
		expect(keys.filter((k) => k.startsWith('login:adres:127.'))).toEqual([]);
	});

	it('an availability change made on one instance reaches an open live stream on the other within 2 seconds', async () => {
		const stream = await openEventStream(`${b.url}/organisaties/${ORGANISATION}/live`);
		const first = await stream.waitFor((e) => e.event === 'bedden', 10_000);
		const current = JSON.parse(first.data).bedden.find((u: { id: string }) => u.id === unitId);
		expect(current).toBeTruthy();
		const next = current.vrijeBedden === 1 ? 2 : 1;

		const sent = Date.now();
		const put = await fetch(`${a.url}/api/v1/bed-units/${unitId}/availability`, {
			method: 'PUT',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ vrijeBedden: next })
		});
		expect(put.status).toBe(200);
		const answered = Date.now();
		const seen = await stream.waitFor(
			(e) =>
				e.event === 'bedden' &&
				JSON.parse(e.data).bedden.some(
					(u: { id: string; vrijeBedden: number }) => u.id === unitId && u.vrijeBedden === next
				),
			2_000 + (answered - sent)
		);
		// Measured from A's confirmation of the change (the commit happened before it; the event may even come first).
		expect(seen.receivedAt - answered).toBeLessThan(2_000);
		stream.close();
		console.info(
			`two-instances: stream op B had de wijziging ${seen.receivedAt - sent} ms na het versturen naar A (${seen.receivedAt - answered} ms na A's antwoord)`
		);
	});

	it(`${CONCURRENT} concurrent accepts of the last bed, split over both instances, book it exactly once`, async () => {
		// The last bed, set through the API like the organisation's own system would.
		const put = await fetch(`${b.url}/api/v1/bed-units/${unitId}/availability`, {
			method: 'PUT',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ vrijeBedden: 1 })
		});
		expect(put.status).toBe(200);

		// 20 referrals, each sending a request to this unit (set up through the service; the accepting is the HTTP part).
		const [verwijzer] = await handle.db
			.select()
			.from(users)
			.where(eq(users.email, 'verwijzer.amsterdam@demo.regiokaart.nl'));
		const referralIds: string[] = [];
		for (let i = 0; i < CONCURRENT; i++) {
			const created = await createReferral(handle.db, verwijzer, dakloosMetMiddelen());
			if (!created.ok) throw new Error(`verwijzing ${i} niet aangemaakt`);
			const sent = await sendRequests(handle.db, verwijzer, created.id, { bedUnitIds: [unitId] });
			if (!sent.ok) throw new Error(`verzoek ${i} niet verstuurd: ${JSON.stringify(sent)}`);
			referralIds.push(created.id);
		}
		const requests = await handle.db
			.select({ id: verwijsverzoeken.id })
			.from(verwijsverzoeken)
			.where(inArray(verwijsverzoeken.referralId, referralIds));
		expect(requests).toHaveLength(CONCURRENT);

		const stream = await openEventStream(`${a.url}/organisaties/${ORGANISATION}/live`);
		await stream.waitFor((e) => e.event === 'bedden', 10_000);
		const from = stream.events.length;

		const results = await Promise.all(
			requests.map(async (r, i) => {
				const instance = i % 2 === 0 ? a : b;
				const response = await fetch(`${instance.url}/mijn-organisatie/verzoeken/${r.id}?/accepteren`, {
					method: 'POST',
					redirect: 'manual',
					headers: {
						origin: ORIGIN,
						accept: 'text/html',
						cookie,
						'content-type': 'application/x-www-form-urlencoded',
						'x-forwarded-for': '203.0.113.10'
					},
					body: ''
				});
				return { status: response.status, html: await response.text() };
			})
		);
		const statuses = results.map((r) => r.status).sort();
		expect(statuses.filter((s) => s === 200)).toHaveLength(1);
		expect(statuses.filter((s) => s === 409)).toHaveLength(CONCURRENT - 1);
		for (const r of results.filter((x) => x.status === 409))
			expect(r.html).toContain('Er is geen bed meer vrij');

		// Each instance really handled half of them.
		for (const instance of [a, b])
			expect(
				instance.logs.filter(
					(l) =>
						l.msg === 'request' &&
						l.method === 'POST' &&
						String(l.path).startsWith('/mijn-organisatie/verzoeken/')
				)
			).toHaveLength(CONCURRENT / 2);

		const [unit] = await handle.db.select().from(bedUnits).where(eq(bedUnits.id, unitId));
		expect(unit.vrijeBedden).toBe(0);
		const reservations = await handle.db
			.select()
			.from(bedAvailabilityEvents)
			.where(and(eq(bedAvailabilityEvents.bedUnitId, unitId), eq(bedAvailabilityEvents.bron, 'verwijzing')));
		expect(reservations).toHaveLength(1);
		const placed = await handle.db
			.select({ status: verwijzingen.status })
			.from(verwijzingen)
			.where(inArray(verwijzingen.id, referralIds));
		expect(placed.filter((p) => p.status === 'geplaatst')).toHaveLength(1);

		// The reservation is announced too: the public page's stream shows the bed gone.
		await stream.waitFor(
			(e) =>
				e.event === 'bedden' &&
				JSON.parse(e.data).bedden.some(
					(u: { id: string; vrijeBedden: number }) => u.id === unitId && u.vrijeBedden === 0
				),
			5_000,
			from
		);
		stream.close();
	}, 300_000);

	it.skipIf(!nginx)(
		"behind the README's nginx example: TLS, HTTPS redirect, real client address, live stream",
		async () => {
			const proxy: Proxy = await startNginx(nginx!, {
				httpsPort: proxyPorts.https,
				httpPort: proxyPorts.http,
				upstreams: [a.port, b.port]
			});
			try {
				// Plain HTTP is sent to HTTPS.
				const plain = await fetch(`http://127.0.0.1:${proxy.httpPort}/kaart`, { redirect: 'manual' });
				expect(plain.status).toBe(301);
				expect(plain.headers.get('location')).toBe('https://127.0.0.1/kaart'); // $host: the host the client asked for

				// Pages come from both instances, with HSTS (ORIGIN is https) and nginx's request id in the app's log.
				const seenBefore = [a, b].map((p) => p.logs.length);
				for (let i = 0; i < 4; i++) {
					const page = await httpsRequest(proxy, '/organisaties');
					expect(page.status).toBe(200);
					expect(page.headers['strict-transport-security']).toContain('max-age=');
					expect(page.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
				}
				for (const [i, p] of [a, b].entries())
					expect(
						p.logs.slice(seenBefore[i]).some((l) => l.msg === 'request' && l.path === '/organisaties')
					).toBe(true);

				// Log in over TLS with the browser's Origin: the CSRF check accepts it and the cookie is Secure.
				const loggedIn = await httpsRequest(proxy, '/inloggen', {
					method: 'POST',
					headers: {
						origin: ORIGIN,
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded',
						// A client trying to pass for someone else: nginx appends the address it really saw.
						'x-forwarded-for': '192.0.2.99'
					},
					body: new URLSearchParams({
						email: 'organisatie@demo.regiokaart.nl',
						password: 'fout-wachtwoord'
					}).toString()
				});
				expect(loggedIn.status).toBe(400);
				const keys = (await handle.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
				expect(keys).toContain('login:adres:127.0.0.1');
				expect(keys).not.toContain('login:adres:192.0.2.99');
				const good = await httpsRequest(proxy, '/inloggen', {
					method: 'POST',
					headers: {
						origin: ORIGIN,
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded'
					},
					body: new URLSearchParams({
						email: 'organisatie@demo.regiokaart.nl',
						password: DEMO_PASSWORD
					}).toString()
				});
				expect(good.status).toBe(303);
				const setCookie = ([] as string[]).concat(good.headers['set-cookie'] ?? []);
				expect(setCookie.join('\n')).toMatch(/; Secure/i);

				// The live stream passes nginx at once (the app sends X-Accel-Buffering: no) and carries a change.
				const stream = await openHttpsEventStream(proxy, `/organisaties/${ORGANISATION}/live`);
				await stream.waitFor((e) => e.event === 'bedden', 5_000);
				const from = stream.events.length;
				const put = await httpsRequest(proxy, `/api/v1/bed-units/${unitId}/availability`, {
					method: 'PUT',
					headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
					body: JSON.stringify({ vrijeBedden: 3 })
				});
				expect(put.status).toBe(200);
				await stream.waitFor(
					(e) =>
						e.event === 'bedden' &&
						JSON.parse(e.data).bedden.some(
							(u: { id: string; vrijeBedden: number }) => u.id === unitId && u.vrijeBedden === 3
						),
					2_000,
					from
				);
				stream.close();
			} finally {
				await proxy.stop();
			}
		},
		120_000
	);
});
