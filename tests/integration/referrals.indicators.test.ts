import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db/client';
import { users, verwijsverzoeken } from '../../src/lib/server/db/schema';
import { referralIndicators } from '../../src/lib/server/services/referral-indicators';
import {
	acceptRequest,
	createReferral,
	declineRequest,
	sendRequests
} from '../../src/lib/server/services/referrals';
import {
	buildReferralWorld,
	createReferralTestDatabase,
	dakloosMetMiddelen,
	type ReferralWorld
} from './helpers/referral-fixtures';

let handle: DatabaseHandle;
let w: ReferralWorld;
const now = new Date();

async function requestId(referralId: string, unitId: string) {
	const [row] = await handle.db
		.select({ id: verwijsverzoeken.id })
		.from(verwijsverzoeken)
		.where(and(eq(verwijsverzoeken.referralId, referralId), eq(verwijsverzoeken.bedUnitId, unitId)));
	return row.id;
}

beforeAll(async () => {
	handle = await createReferralTestDatabase();
	w = await buildReferralWorld(handle.db, now);
	// Placed at Het Veerhuis (within Amsterdam), after a decline by Zuidoost for substance use.
	const placed = await createReferral(handle.db, w.verwijzer, dakloosMetMiddelen(), now);
	if (!placed.ok) throw new Error('aanmaken mislukt');
	await sendRequests(
		handle.db,
		w.verwijzer,
		placed.id,
		{ bedUnitIds: [w.zuid.unitId, w.veerhuis.unitId] },
		now
	);
	await declineRequest(
		handle.db,
		w.redacteurZuid,
		await requestId(placed.id, w.zuid.unitId),
		{ afwijsreden: 'middelengebruik' },
		now
	);
	await acceptRequest(
		handle.db,
		w.redacteurVeerhuis,
		await requestId(placed.id, w.veerhuis.unitId),
		new Date(now.getTime() + 3 * 3_600_000)
	);
	// Nobody offers a palliative VVT unit here: a referral without any candidate.
	await createReferral(
		handle.db,
		w.verwijzer,
		dakloosMetMiddelen({ settings: ['palliatieve_unit_vvt'] }),
		now
	);
});
afterAll(() => handle?.close());

describe('indicators for the beheerder of the network', () => {
	it('aggregates the region: time to acceptance, placements, distance to naasten, declines, bottlenecks', async () => {
		const result = await referralIndicators(handle.db, w.beheerder, {}, now);
		if (!result.ok) throw new Error(result.reden);
		const i = result.indicatoren;
		expect(result.regio.slug).toBe('amsterdam-diemen');
		expect(i.aantalVerwijzingen).toBe(2);
		expect(i.aantalGeplaatst).toBe(1);
		expect(i.tijdTotAcceptatieUren).toMatchObject({ aantal: 1, mediaan: 3 });
		expect(i.plaatsingen).toEqual({ binnenRegio: 1, buitenRegio: 0, onbekend: 0 });
		// Naasten in 1053, Het Veerhuis in 1092: about 4 km.
		expect(i.afstandNaasten.spreiding?.mediaan).toBeGreaterThan(2);
		expect(i.afstandNaasten.spreiding?.mediaan).toBeLessThan(6);
		expect(i.afwijzingenPerReden.find((r) => r.code === 'middelengebruik')?.aantal).toBe(1);
		expect(i.afwijzingenPerDoelgroep.map((d) => d.code).sort()).toEqual(['dak_thuisloos', 'verslaving']);
		expect(i.aantalZonderKandidaat).toBe(1);
		expect(i.zonderKandidaatPerKnelpunt).toContainEqual(
			// Het Veerhuis and Zuidoost fail only on the kind of place; De Amstelroos also on its profile.
			expect.objectContaining({ criterium: 'setting', verwijzingen: 1, eenheden: 2 })
		);
	});

	it('counts nothing outside the period or the region, and never lets a beheerder pick another network', async () => {
		const past = await referralIndicators(
			handle.db,
			w.beheerder,
			{ van: '2020-01-01', tot: '2020-12-31' },
			now
		);
		expect(past.ok && past.indicatoren.aantalVerwijzingen).toBe(0);
		expect(await referralIndicators(handle.db, w.beheerder, { regio: 'drenthe' }, now)).toEqual({
			ok: false,
			reden: 'geen_toegang'
		});
		const [drenthe] = await handle.db
			.insert(users)
			.values({ email: 'beheer.drenthe@test.nl', naam: 'D', role: 'beheerder', regionId: w.regionDrenthe })
			.returning({ id: users.id });
		const other = await referralIndicators(
			handle.db,
			{ id: drenthe.id, role: 'beheerder', regionId: w.regionDrenthe },
			{},
			now
		);
		expect(other.ok && other.indicatoren.aantalVerwijzingen).toBe(0);
		expect(await referralIndicators(handle.db, w.verwijzer, {}, now)).toEqual({
			ok: false,
			reden: 'geen_toegang'
		});
	});
});
