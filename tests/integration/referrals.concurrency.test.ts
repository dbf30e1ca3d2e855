import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db/client';
import {
	bedAvailabilityEvents,
	bedUnits,
	verwijsverzoeken,
	verwijzingen
} from '../../src/lib/server/db/schema';
import {
	AL_GEACCEPTEERD_MELDING,
	acceptRequest,
	createReferral,
	GEEN_BED_MELDING,
	sendRequests
} from '../../src/lib/server/services/referrals';
import {
	buildReferralWorld,
	createReferralTestDatabase,
	dakloosMetMiddelen,
	type ReferralWorld
} from './helpers/referral-fixtures';

/**
 * Never a bed booked twice: 20 organisations' accepts (20 referrals, each with a request to the SAME unit with ONE free
 * bed) fired at once. On the real PostgreSQL with one connection per transaction they truly overlap; on PGlite they are
 * serialised by the single embedded connection, which must give the same outcome.
 */
const CONCURRENT = 20;
const now = new Date();

function suite(driver: 'postgres' | 'pglite') {
	let handle: DatabaseHandle;
	let w: ReferralWorld;

	beforeAll(async () => {
		handle = await createReferralTestDatabase({
			driver: driver === 'pglite' ? 'pglite' : 'auto',
			max: CONCURRENT + 4
		});
		expect(handle.kind).toBe(driver);
		w = await buildReferralWorld(handle.db, now);
	});
	afterAll(() => handle?.close());

	async function referralWithRequests(unitIds: string[]) {
		const created = await createReferral(handle.db, w.verwijzer, dakloosMetMiddelen(), now);
		if (!created.ok) throw new Error('aanmaken mislukt');
		const sent = await sendRequests(handle.db, w.verwijzer, created.id, { bedUnitIds: unitIds }, now);
		if (!sent.ok) throw new Error(`versturen mislukt: ${JSON.stringify(sent)}`);
		const rows = await handle.db
			.select({ id: verwijsverzoeken.id, bedUnitId: verwijsverzoeken.bedUnitId })
			.from(verwijsverzoeken)
			.where(eq(verwijsverzoeken.referralId, created.id));
		return { referralId: created.id, requests: rows };
	}

	it(`${CONCURRENT} concurrent accepts of the last bed: exactly one succeeds, the others get a clear Dutch message`, async () => {
		const unitId = w.zuid.unitId;
		await handle.db.update(bedUnits).set({ vrijeBedden: 1 }).where(eq(bedUnits.id, unitId));
		const referrals = [];
		for (let i = 0; i < CONCURRENT; i++) referrals.push(await referralWithRequests([unitId]));

		const results = await Promise.all(
			referrals.map((r) => acceptRequest(handle.db, w.redacteurZuid, r.requests[0].id, now))
		);

		const ok = results.filter((r) => r.ok);
		const refused = results.filter((r) => !r.ok);
		expect(ok).toHaveLength(1);
		expect(refused).toHaveLength(CONCURRENT - 1);
		for (const r of refused) expect(r).toEqual({ ok: false, reden: 'geen_bed', melding: GEEN_BED_MELDING });

		const [unit] = await handle.db.select().from(bedUnits).where(eq(bedUnits.id, unitId));
		expect(unit.vrijeBedden).toBe(0);
		const events = await handle.db
			.select()
			.from(bedAvailabilityEvents)
			.where(and(eq(bedAvailabilityEvents.bedUnitId, unitId), eq(bedAvailabilityEvents.bron, 'verwijzing')));
		expect(events).toHaveLength(1);

		const ids = referrals.map((r) => r.referralId);
		const statuses = await handle.db
			.select({ status: verwijzingen.status })
			.from(verwijzingen)
			.where(inArray(verwijzingen.id, ids));
		expect(statuses.filter((s) => s.status === 'geplaatst')).toHaveLength(1);
		expect(statuses.filter((s) => s.status === 'open')).toHaveLength(CONCURRENT - 1);
		const requests = await handle.db
			.select({ status: verwijsverzoeken.status })
			.from(verwijsverzoeken)
			.where(inArray(verwijsverzoeken.referralId, ids));
		expect(requests.filter((r) => r.status === 'geaccepteerd')).toHaveLength(1);
		// The refused requests are untouched: the organisation can still decline them with "geen bed meer".
		expect(requests.filter((r) => r.status === 'verzonden')).toHaveLength(CONCURRENT - 1);
	});

	it('two organisations accepting the same referral at once: one placement, one bed', async () => {
		await handle.db
			.update(bedUnits)
			.set({ vrijeBedden: 2 })
			.where(inArray(bedUnits.id, [w.veerhuis.unitId, w.zuid.unitId]));
		const { referralId, requests } = await referralWithRequests([w.veerhuis.unitId, w.zuid.unitId]);
		const editorOf = (unitId: string | null) =>
			unitId === w.veerhuis.unitId ? w.redacteurVeerhuis : w.redacteurZuid;

		const results = await Promise.all(
			requests.map((r) => acceptRequest(handle.db, editorOf(r.bedUnitId), r.id, now))
		);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		const refused = results.find((r) => !r.ok);
		expect(refused).toEqual({ ok: false, reden: 'geweigerd', melding: AL_GEACCEPTEERD_MELDING });

		const units = await handle.db
			.select({ vrij: bedUnits.vrijeBedden })
			.from(bedUnits)
			.where(inArray(bedUnits.id, [w.veerhuis.unitId, w.zuid.unitId]));
		expect(units.map((u) => u.vrij).sort()).toEqual([1, 2]);
		const rows = await handle.db
			.select({ status: verwijsverzoeken.status })
			.from(verwijsverzoeken)
			.where(eq(verwijsverzoeken.referralId, referralId));
		expect(rows.map((r) => r.status).sort()).toEqual(['geaccepteerd', 'ingetrokken']);
	});
}

if (!process.env.DATABASE_URL)
	console.warn(
		'referrals.concurrency: de test op de echte PostgreSQL is overgeslagen: zet DATABASE_URL (bijv. postgres://postgres@127.0.0.1:5432/postgres).'
	);

describe.skipIf(!process.env.DATABASE_URL)(
	'concurrent accepts on the real PostgreSQL (needs DATABASE_URL)',
	() => suite('postgres')
);

describe('concurrent accepts on PGlite (serialised by its single connection)', () => suite('pglite'));
