import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { openDatabase } from '../../src/lib/server/db/client';
import { bedUnits, organisations, users } from '../../src/lib/server/db/schema';
import { demoSlug } from '../../src/lib/server/seed/demo-dataset';
import { clusterUnavailableReason, createCluster, type ThrowawayCluster } from './helpers/pg-cluster';
import {
	freePort,
	login,
	openEventStream,
	requireBuild,
	run,
	runScript,
	sessionCookieFrom,
	startPortal,
	type Portal
} from './helpers/portal';

/**
 * Faults, on a throwaway PostgreSQL cluster made for this file (initdb in a temporary folder, its own port; never the
 * machine's shared server), with the built portal (`node build`) running against it:
 * - Meilisearch configured but unreachable: search is answered by PostgreSQL, and a warning says so in the log;
 * - the database stops while the portal serves: pages get the Dutch 503 page, the API a JSON 503, the process lives on,
 *   and it serves again within 5 seconds after the database is back, without a restart; the live stream listens again;
 * - SIGTERM while a request is in flight: that request still completes, then the process exits and its database
 *   connections are closed.
 * The database is set up as the README's "In productie" says: a role that owns its database (no superuser), then
 * `npm run db:migrate`, so the extensions are created by the owner, as on a managed PostgreSQL.
 */

const skipReason = clusterUnavailableReason();
if (skipReason) console.warn(`faults: overgeslagen: ${skipReason}`);

const ORIGIN = 'http://localhost';
const ORGANISATION = demoSlug('hospiceAmsterdamMiddelen');
const OUTAGE_MESSAGE = 'De database is even niet bereikbaar. Probeer het over een minuut opnieuw.';

describe.skipIf(skipReason)('faults: database outage, Meilisearch unreachable, graceful shutdown', () => {
	let cluster: ThrowawayCluster;
	let admin: postgres.Sql;
	let portal: Portal;
	let appUrl: string;
	let unitId: string;
	let token: string;
	let cookie: string;

	const put = (vrijeBedden: number) =>
		fetch(`${portal.url}/api/v1/bed-units/${unitId}/availability`, {
			method: 'PUT',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ vrijeBedden })
		});

	beforeAll(async () => {
		requireBuild();
		const pgPort = await freePort();
		cluster = createCluster(pgPort);
		cluster.start();
		admin = postgres(cluster.url('postgres'), { max: 1, onnotice: () => {} });
		// As on a managed PostgreSQL: the portal's own role owns its database and is no superuser.
		await admin.unsafe('CREATE ROLE regiokaart LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE');
		await admin.unsafe('CREATE DATABASE regiokaart OWNER regiokaart');
		appUrl = `postgres://regiokaart@127.0.0.1:${pgPort}/regiokaart`;
		// The README's steps: migrate as the portal's role (creates pg_trgm and unaccent as database owner), then demo data.
		run('npm', ['run', 'db:migrate'], { DATABASE_URL: appUrl });
		runScript('scripts/seed.ts', { DATABASE_URL: appUrl });

		const setup = await openDatabase({ url: appUrl, max: 2 });
		try {
			const [editor] = await setup.db
				.select()
				.from(users)
				.where(eq(users.email, 'organisatie@demo.regiokaart.nl'));
			const [org] = await setup.db.select().from(organisations).where(eq(organisations.slug, ORGANISATION));
			const [unit] = await setup.db.select().from(bedUnits).where(eq(bedUnits.organisationId, org.id));
			unitId = unit.id;
			const created = await createApiToken(setup.db, editor, { organisationId: org.id, naam: 'fouttest' });
			if (!created.ok) throw new Error('token aanmaken mislukt');
			token = created.token;
		} finally {
			await setup.close();
		}

		const meiliPort = await freePort([pgPort]); // nothing listens there
		const port = await freePort([pgPort, meiliPort]);
		portal = await startPortal({
			PORT: String(port),
			ORIGIN,
			DATABASE_URL: appUrl,
			MEILISEARCH_URL: `http://127.0.0.1:${meiliPort}`,
			ADDRESS_HEADER: 'X-Forwarded-For',
			XFF_DEPTH: '1'
		});
		cookie = sessionCookieFrom(
			await login(portal.url, ORIGIN, 'organisatie@demo.regiokaart.nl', 'Demo-wachtwoord-2026!')
		);
	}, 900_000);

	afterAll(async () => {
		await portal?.stop(10_000);
		await admin?.end({ timeout: 1 }).catch(() => {});
		cluster?.destroy();
	});

	it('Meilisearch configured but unreachable: search is answered by PostgreSQL and the log says so', async () => {
		const response = await fetch(`${portal.url}/kaart?q=hospice`);
		const html = await response.text();
		expect(response.status).toBe(200);
		expect(html).toContain('Het Veerhuis');
		const warning = await portal.waitForLog(
			(l) => l.level === 'warn' && l.msg === 'meilisearch niet bereikbaar; zoeken gaat via Postgres'
		);
		expect(String(warning.fout)).toMatch(/failed|ECONNREFUSED|connect/i);
		// log() writes warnings to stderr and info to stdout; both are JSON lines.
		expect(portal.logs.find((l) => l === warning)?.stream).toBe('stderr');
	});

	it('database stopped: Dutch 503 page, JSON 503 for the API, no crash; serving again within 5 s after it is back', async () => {
		const before = await fetch(`${portal.url}/readyz`);
		expect(before.status).toBe(200);
		const stream = await openEventStream(`${portal.url}/organisaties/${ORGANISATION}/live`);
		await stream.waitFor((e) => e.event === 'bedden', 10_000);

		cluster.stop();
		const requestsDuringOutage = portal.logs.length;

		// A public page: its load fails, SvelteKit renders the error page; the status is 503.
		const page = await fetch(`${portal.url}/kaart?q=hospice`, { headers: { accept: 'text/html' } });
		const pageHtml = await page.text();
		expect(page.status).toBe(503);
		expect(page.headers.get('content-type')).toContain('text/html');
		expect(page.headers.get('retry-after')).toBe('30');
		expect(pageHtml).toContain(OUTAGE_MESSAGE);
		expect(pageHtml).toContain('Tijdelijk niet beschikbaar');
		expect(pageHtml).toContain('lang="nl"');

		// Logged in: the session lookup in the hooks fails before any page code runs; still a Dutch 503 page.
		const loggedIn = await fetch(`${portal.url}/mijn-organisatie`, {
			headers: { cookie, accept: 'text/html' }
		});
		expect(loggedIn.status).toBe(503);
		expect(await loggedIn.text()).toContain(OUTAGE_MESSAGE);
		// Answered from the hooks, yet with the same protection as every other page.
		expect(loggedIn.headers.get('retry-after')).toBe('30');
		expect(loggedIn.headers.get('x-content-type-options')).toBe('nosniff');
		expect(loggedIn.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect(loggedIn.headers.get('x-request-id')).toBeTruthy();

		// The API: JSON in its own error shape.
		const api = await put(2);
		expect(api.status).toBe(503);
		expect(api.headers.get('content-type')).toContain('application/json');
		expect(await api.json()).toMatchObject({ code: 'database_niet_bereikbaar', melding: OUTAGE_MESSAGE });

		// A JSON endpoint outside the API, asked for JSON.
		const geojson = await fetch(`${portal.url}/kaart/kaart.geojson?q=hospice`, {
			headers: { accept: 'application/json' }
		});
		expect(geojson.status).toBe(503);
		expect((await geojson.json()).message).toBe(OUTAGE_MESSAGE);

		expect((await fetch(`${portal.url}/readyz`)).status).toBe(503);
		expect((await fetch(`${portal.url}/healthz`)).status).toBe(200);
		expect(portal.running()).toBe(true);

		// Outages are warnings with the cause, not errors with a stack; every request got its log line.
		const during = portal.logs.slice(requestsDuringOutage);
		expect(during.some((l) => l.level === 'warn' && l.msg === 'database niet bereikbaar')).toBe(true);
		expect(during.filter((l) => l.level === 'error')).toEqual([]);
		expect(during.filter((l) => l.msg === 'request' && l.status === 503).length).toBeGreaterThanOrEqual(5);

		// Some seconds of outage, with requests coming in (they count up postgres.js's reconnect backoff).
		for (let i = 0; i < 6; i++) {
			expect((await fetch(`${portal.url}/kaart?q=hospice`)).status).toBe(503);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}

		cluster.start();
		const back = Date.now();
		let status = 0;
		while (Date.now() - back < 15_000) {
			status = (await fetch(`${portal.url}/kaart?q=hospice`)).status;
			if (status === 200) break;
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		const recoveryMs = Date.now() - back;
		expect(status).toBe(200);
		expect(recoveryMs).toBeLessThan(5_000);
		expect(portal.running()).toBe(true);
		expect((await fetch(`${portal.url}/mijn-organisatie`, { headers: { cookie } })).status).toBe(200);

		// The stream opened before the outage listens again: a change made now reaches it.
		const from = stream.events.length;
		const changed = await put(1);
		expect(changed.status).toBe(200);
		const event = await stream.waitFor(
			(e) =>
				e.event === 'bedden' &&
				JSON.parse(e.data).bedden.some(
					(b: { id: string; vrijeBedden: number }) => b.id === unitId && b.vrijeBedden === 1
				),
			5_000,
			from
		);
		expect(event).toBeTruthy();
		stream.close();
		console.info(`faults: weer bereikbaar ${recoveryMs} ms nadat de database terug was`);
	}, 120_000);

	it("backup and restore with the portal's own role (no superuser), as the README describes", async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'rk-faults-backup-'));
		onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
		const file = path.join(dir, 'regiokaart.dump');
		const backup = run('npm', ['run', 'db:backup', '--', '--out', file], { DATABASE_URL: appUrl });
		expect(backup).toContain('Geschreven:');
		await admin.unsafe('CREATE DATABASE regiokaart_hersteld OWNER regiokaart');
		const restoredUrl = `postgres://regiokaart@127.0.0.1:${cluster.port}/regiokaart_hersteld`;
		run('npm', ['run', 'db:restore', '--', file], { DATABASE_URL: restoredUrl });
		const count = async (url: string) => {
			const sql = postgres(url, { max: 1, onnotice: () => {} });
			try {
				const [row] = await sql`select
					(select count(*)::int from organisations) as organisaties,
					(select count(*)::int from bed_availability_events) as meldingen,
					(select count(*)::int from sessions) as sessies,
					(select extowner::regrole::text from pg_extension where extname = 'pg_trgm') as eigenaar`;
				return row;
			} finally {
				await sql.end({ timeout: 1 });
			}
		};
		const [original, restored] = [await count(appUrl), await count(restoredUrl)];
		expect(original.organisaties).toBeGreaterThan(10);
		expect(restored).toEqual(original);
		expect(restored.eigenaar).toBe('regiokaart');
		await admin.unsafe('DROP DATABASE regiokaart_hersteld WITH (FORCE)');
	}, 120_000);

	it('SIGTERM while a request is in flight: it completes, then the process exits and closes its connections', async () => {
		// Hold the bed unit's row lock, so the availability update below waits inside its transaction: a real slow request.
		const lock = postgres(cluster.url('regiokaart'), { max: 1, onnotice: () => {} });
		const held = await lock.reserve();
		await held`begin`;
		await held`select id from bed_units where id = ${unitId} for update`;
		const inFlight = put(4).then(async (r) => ({ status: r.status, body: await r.json(), at: Date.now() }));
		const waiting = async () =>
			(
				await admin`select count(*)::int as n from pg_stat_activity
					where datname = 'regiokaart' and wait_event_type = 'Lock'`
			)[0].n;
		const deadline = Date.now() + 10_000;
		while ((await waiting()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
		expect(await waiting()).toBe(1);

		portal.child.kill('SIGTERM');
		await new Promise((resolve) => setTimeout(resolve, 1_500));
		expect(portal.running()).toBe(true); // waiting for the request, not cut off

		const released = Date.now();
		await held`commit`;
		held.release();
		await lock.end({ timeout: 1 });
		const result = await inFlight;
		expect(result.status).toBe(200);
		expect(result.body).toMatchObject({ id: unitId, vrijeBedden: 4 });

		const exit = await Promise.race([
			portal.exited,
			new Promise<null>((resolve) => setTimeout(() => resolve(null), 20_000))
		]);
		expect(exit).toEqual({ code: 0, signal: null });
		expect(result.at).toBeGreaterThanOrEqual(released);

		// Its connections (pool and LISTEN) are gone: the database handle was closed, not dropped by the exit.
		const left = await admin`select count(*)::int as n from pg_stat_activity where datname = 'regiokaart'`;
		expect(left[0].n).toBe(0);
	}, 120_000);
});
