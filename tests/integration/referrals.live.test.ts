import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client';
import { bedUnits, verwijsverzoeken } from '../../src/lib/server/db/schema';
import { liveHubFor, publishLive, sseResponse, topics, type LiveMessage } from '../../src/lib/server/live';
import {
	acceptRequest,
	createReferral,
	liveStatusForVerwijzer,
	sendRequests
} from '../../src/lib/server/services/referrals';
import {
	buildReferralWorld,
	createReferralTestDatabase,
	dakloosMetMiddelen,
	type ReferralWorld
} from './helpers/referral-fixtures';

const now = new Date();

function waitFor<T>(collect: T[], n: number, ms = 2000): Promise<T[]> {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const tick = () => {
			if (collect.length >= n) return resolve(collect);
			if (Date.now() - started > ms)
				return reject(new Error(`na ${ms} ms ${collect.length} van ${n} berichten`));
			setTimeout(tick, 10);
		};
		tick();
	});
}

async function referralWithRequest(handle: DatabaseHandle, w: ReferralWorld) {
	const created = await createReferral(handle.db, w.verwijzer, dakloosMetMiddelen(), now);
	if (!created.ok) throw new Error('aanmaken mislukt');
	await sendRequests(handle.db, w.verwijzer, created.id, { bedUnitIds: [w.veerhuis.unitId] }, now);
	const [request] = await handle.db
		.select({ id: verwijsverzoeken.id })
		.from(verwijsverzoeken)
		.where(eq(verwijsverzoeken.referralId, created.id));
	return { referralId: created.id, requestId: request.id };
}

describe(`live updates on this test run's database`, () => {
	let handle: DatabaseHandle;
	let w: ReferralWorld;

	beforeAll(async () => {
		handle = await createReferralTestDatabase();
		w = await buildReferralWorld(handle.db, now);
	});
	afterAll(async () => {
		await liveHubFor(handle).stop();
		await handle?.close();
	});

	it('delivers an acceptance to the referral topic and the organisation topic, after commit', async () => {
		const { referralId, requestId } = await referralWithRequest(handle, w);
		const hub = liveHubFor(handle);
		const perReferral: LiveMessage[] = [];
		const perOrganisation: LiveMessage[] = [];
		const other: LiveMessage[] = [];
		const stops = [
			await hub.subscribe(topics.verwijzing(referralId), (m) => perReferral.push(m)),
			await hub.subscribe(topics.organisatie(w.veerhuis.organisationId), (m) => perOrganisation.push(m)),
			await hub.subscribe(topics.verwijzing(crypto.randomUUID()), (m) => other.push(m))
		];
		expect(await acceptRequest(handle.db, w.redacteurVeerhuis, requestId, now)).toMatchObject({ ok: true });
		await waitFor(perReferral, 1);
		await waitFor(perOrganisation, 1);
		expect(perReferral[0]).toEqual({
			topics: expect.arrayContaining([topics.verwijzing(referralId)]),
			kind: 'verzoek_geaccepteerd'
		});
		expect(other).toEqual([]);
		for (const stop of stops) stop();
		expect(hub.size).toBe(0);
	});

	it('delivers nothing for a transaction that rolls back', async () => {
		const hub = liveHubFor(handle);
		const topic = topics.verwijzing(crypto.randomUUID());
		const got: LiveMessage[] = [];
		const stop = await hub.subscribe(topic, (m) => got.push(m));
		await expect(
			handle.db.transaction(async (tx) => {
				await publishLive(tx, { topics: [topic], kind: 'test' });
				throw new Error('terugdraaien');
			})
		).rejects.toThrow('terugdraaien');
		await publishLive(handle.db, { topics: [topic], kind: 'na' });
		await waitFor(got, 1);
		expect(got.map((m) => m.kind)).toEqual(['na']);
		stop();
	});

	it('streams the statuses as text/event-stream: the current state first, then each change', async () => {
		const { referralId, requestId } = await referralWithRequest(handle, w);
		await freeTwoBeds(handle, w);
		const controller = new AbortController();
		const hub = liveHubFor(handle);
		const response = sseResponse({
			signal: controller.signal,
			open: async (send) => {
				const stop = await hub.subscribe(topics.verwijzing(referralId), async () =>
					send('status', await liveStatusForVerwijzer(handle.db, w.verwijzer, referralId))
				);
				send('status', await liveStatusForVerwijzer(handle.db, w.verwijzer, referralId));
				return stop;
			}
		});
		expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
		const reader = response.body!.getReader();
		const decoder = new TextDecoder();
		let text = '';
		const readUntil = async (needle: string) => {
			const started = Date.now();
			while (!text.includes(needle)) {
				if (Date.now() - started > 3000) throw new Error(`niet gevonden: ${needle} in ${text}`);
				const { value, done } = await reader.read();
				if (done) throw new Error('stroom gesloten');
				text += decoder.decode(value);
			}
		};
		await readUntil('"status":"open"');
		expect(text).toMatch(/^retry: \d+\n\n/);
		expect(text).toContain('event: status\ndata: ');
		await acceptRequest(handle.db, w.redacteurVeerhuis, requestId, now);
		await readUntil('"status":"geplaatst"');
		expect(text).toContain('"status":"geaccepteerd"');
		controller.abort();
		const end = await reader.read();
		expect(end.done).toBe(true);
		expect(hub.size).toBe(0);
	});
});

async function freeTwoBeds(handle: DatabaseHandle, w: ReferralWorld) {
	await handle.db.update(bedUnits).set({ vrijeBedden: 2 }).where(eq(bedUnits.id, w.veerhuis.unitId));
}

if (!process.env.DATABASE_URL)
	console.warn(
		'referrals.live: de test met twee instanties op één PostgreSQL (LISTEN/NOTIFY) is overgeslagen: zet DATABASE_URL.'
	);

describe.skipIf(!process.env.DATABASE_URL)('LISTEN/NOTIFY across instances (needs DATABASE_URL)', () => {
	let a: DatabaseHandle;
	let b: DatabaseHandle;
	let w: ReferralWorld;

	beforeAll(async () => {
		a = await createReferralTestDatabase();
		w = await buildReferralWorld(a.db, now);
		// A second "instance": its own connection pool to the same database.
		b = await openDatabase({ url: urlOf(a), max: 2 });
	});
	afterAll(async () => {
		await liveHubFor(b).stop();
		await b?.close();
		await a?.close();
	});

	it('an acceptance on instance A reaches a subscriber on instance B within 2 seconds', async () => {
		const { referralId, requestId } = await referralWithRequest(a, w);
		const hub = liveHubFor(b);
		expect(hub.kind).toBe('postgres');
		const got: LiveMessage[] = [];
		const stop = await hub.subscribe(topics.verwijzing(referralId), (m) => got.push(m));
		const started = Date.now();
		expect(await acceptRequest(a.db, w.redacteurVeerhuis, requestId, now)).toMatchObject({ ok: true });
		await waitFor(got, 1, 2000);
		expect(Date.now() - started).toBeLessThan(2000);
		expect(got[0].kind).toBe('verzoek_geaccepteerd');
		stop();
	});
});

/** The URL of a postgres.js handle's database, from its connection options. */
function urlOf(handle: DatabaseHandle): string {
	const o = handle.sql!.options;
	const host = Array.isArray(o.host) ? o.host[0] : o.host;
	const port = Array.isArray(o.port) ? o.port[0] : o.port;
	return `postgres://${encodeURIComponent(o.user)}@${host}:${port}/${o.database}`;
}
