import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verwijzingInputSchema } from '../../src/lib/domain/referral/schemas';
import { afwijzenSchema } from '../../src/lib/domain/referral/verzoek-schemas';
import type { DatabaseHandle } from '../../src/lib/server/db/client';
import {
	auditLog,
	bedAvailabilityEvents,
	bedUnits,
	verwijsverzoeken,
	verwijzingen
} from '../../src/lib/server/db/schema';
import { anonymiseClosedReferrals } from '../../src/lib/server/jobs/anonymise-referrals';
import {
	acceptRequest,
	runMatch,
	closeReferral,
	countNewRequests,
	createReferral,
	declineRequest,
	incomingRequests,
	liveStatusForVerwijzer,
	openReferralForVerwijzer,
	openRequestForOrganisation,
	referralsOfVerwijzer,
	sendRequests,
	withdrawRequest
} from '../../src/lib/server/services/referrals';
import {
	addHospice,
	buildReferralWorld,
	createReferralTestDatabase,
	dakloosMetMiddelen,
	type ReferralWorld
} from './helpers/referral-fixtures';

let handle: DatabaseHandle;
let w: ReferralWorld;
const now = new Date();

beforeAll(async () => {
	handle = await createReferralTestDatabase();
	w = await buildReferralWorld(handle.db, now);
});
afterAll(() => handle?.close());

async function freeBeds(unitId: string) {
	const [row] = await handle.db
		.select({ vrij: bedUnits.vrijeBedden })
		.from(bedUnits)
		.where(eq(bedUnits.id, unitId));
	return row.vrij;
}

async function newReferral(overrides = {}) {
	const result = await createReferral(handle.db, w.verwijzer, dakloosMetMiddelen(overrides), now);
	if (!result.ok) throw new Error(`aanmaken mislukt: ${JSON.stringify(result)}`);
	return result.id;
}

async function requestOf(referralId: string, unitId: string) {
	const [row] = await handle.db
		.select()
		.from(verwijsverzoeken)
		.where(and(eq(verwijsverzoeken.referralId, referralId), eq(verwijsverzoeken.bedUnitId, unitId)));
	return row;
}

async function openings(referralId: string) {
	return handle.db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.action, 'verwijzing_geopend'), eq(auditLog.entityId, referralId)));
}

describe('create → match → send → accept', () => {
	let referralId: string;

	it('stores the need without identifying data and the outcome of the first match', async () => {
		referralId = await newReferral();
		const [row] = await handle.db.select().from(verwijzingen).where(eq(verwijzingen.id, referralId));
		expect(row).toMatchObject({
			verwijzerId: w.verwijzer.id,
			regionId: w.regionAmsterdam,
			gemeenteCode: 'GM0363',
			pc4Verblijf: '1012',
			status: 'open',
			aantalKandidaten: 2
		});
		// The condition that excluded De Amstelroos is recorded for the indicators.
		expect(row.uitsluitingen).toContainEqual(
			expect.objectContaining({ criterium: 'zorgbehoefte', code: 'actief_middelengebruik', aantal: 1 })
		);
	});

	it('refuses an unknown postcode at the field', async () => {
		const result = await createReferral(
			handle.db,
			w.verwijzer,
			dakloosMetMiddelen({ pc4Verblijf: '9999' }),
			now
		);
		expect(result).toMatchObject({
			ok: false,
			reden: 'ongeldig',
			errors: { pc4Verblijf: expect.any(String) }
		});
	});

	it('ranks the hospice that accepts substance use first and lists the other as excluded, with Dutch reasons', async () => {
		const opened = await openReferralForVerwijzer(handle.db, w.verwijzer, referralId, now);
		expect(opened).not.toBeNull();
		const match = opened!.match!;
		expect(match.kandidaten.map((k) => k.unit.id)).toEqual([w.veerhuis.unitId, w.zuid.unitId]);
		expect(match.kandidaten[0].redenen.map((r) => r.tekst)).toContain('accepteert actief middelengebruik');
		// The organisation's declared expertise comes from its services.
		expect(match.kandidaten[0].unit.expertise).toEqual(['dakloosheid', 'middelengebruik', 'psychiatrie']);
		expect(match.kandidaten[0].redenen.map((r) => r.tekst)).toContain('expertise in dakloosheid');
		expect(match.kandidaten[1].unit.expertise).toEqual([]);
		const excluded = match.uitgesloten.find((u) => u.unit.id === w.amstelroos.unitId);
		expect(excluded?.redenen.map((r) => r.tekst)).toContain('accepteert geen actief middelengebruik');
	});

	it('sends requests to two candidates, and refuses an excluded unit', async () => {
		const refused = await sendRequests(
			handle.db,
			w.verwijzer,
			referralId,
			{ bedUnitIds: [w.amstelroos.unitId] },
			now
		);
		expect(refused).toMatchObject({ ok: false, reden: 'geweigerd' });
		const sent = await sendRequests(
			handle.db,
			w.verwijzer,
			referralId,
			{ bedUnitIds: [w.veerhuis.unitId, w.zuid.unitId] },
			now
		);
		expect(sent).toEqual({ ok: true, verzonden: 2 });
		const again = await sendRequests(
			handle.db,
			w.verwijzer,
			referralId,
			{ bedUnitIds: [w.zuid.unitId] },
			now
		);
		expect(again).toMatchObject({ ok: false, reden: 'geweigerd' });
		const request = await requestOf(referralId, w.veerhuis.unitId);
		expect(request).toMatchObject({ status: 'verzonden', organisationId: w.veerhuis.organisationId });
		expect(request.redenen?.length).toBeGreaterThan(0);
		expect(await countNewRequests(handle.db, w.redacteurVeerhuis)).toBe(1);
		expect((await incomingRequests(handle.db, w.redacteurZuid)).map((r) => r.referralId)).toEqual([
			referralId
		]);
		expect(await incomingRequests(handle.db, w.redacteurAmstelroos)).toEqual([]);
	});

	it('accepts in one transaction: one bed fewer, an availability event, the other request withdrawn, referral placed', async () => {
		const before = await freeBeds(w.veerhuis.unitId);
		const request = await requestOf(referralId, w.veerhuis.unitId);
		const result = await acceptRequest(handle.db, w.redacteurVeerhuis, request.id, now);
		expect(result).toMatchObject({ ok: true, unit: { vrijeBedden: before - 1 } });
		expect(await freeBeds(w.veerhuis.unitId)).toBe(before - 1);

		const events = await handle.db
			.select()
			.from(bedAvailabilityEvents)
			.where(
				and(
					eq(bedAvailabilityEvents.bedUnitId, w.veerhuis.unitId),
					eq(bedAvailabilityEvents.bron, 'verwijzing')
				)
			);
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ vrijeBedden: before - 1, userId: w.redacteurVeerhuis.id });

		expect(await requestOf(referralId, w.veerhuis.unitId)).toMatchObject({ status: 'geaccepteerd' });
		expect(await requestOf(referralId, w.zuid.unitId)).toMatchObject({
			status: 'ingetrokken',
			intrekreden: 'elders_geaccepteerd'
		});
		const [referral] = await handle.db.select().from(verwijzingen).where(eq(verwijzingen.id, referralId));
		expect(referral.status).toBe('geplaatst');
		expect(referral.closedAt).not.toBeNull();
		// Zuid's bed was not touched.
		expect(await freeBeds(w.zuid.unitId)).toBe(1);
		expect(await countNewRequests(handle.db, w.redacteurZuid)).toBe(0);

		const live = await liveStatusForVerwijzer(handle.db, w.verwijzer, referralId);
		expect(live?.status).toBe('geplaatst');
		expect(live?.verzoeken.map((v) => v.status).sort()).toEqual(['geaccepteerd', 'ingetrokken']);
	});

	it('keeps final states final: the withdrawn request can no longer be accepted or declined', async () => {
		const request = await requestOf(referralId, w.zuid.unitId);
		const accept = await acceptRequest(handle.db, w.redacteurZuid, request.id, now);
		expect(accept).toMatchObject({ ok: false, reden: 'geweigerd' });
		const decline = await declineRequest(
			handle.db,
			w.redacteurZuid,
			request.id,
			{ afwijsreden: 'zorgzwaarte' },
			now
		);
		expect(decline).toMatchObject({ ok: false, reden: 'geweigerd' });
		expect(await freeBeds(w.zuid.unitId)).toBe(1);
		expect(await closeReferral(handle.db, w.verwijzer, referralId, now)).toMatchObject({
			ok: false,
			reden: 'geweigerd'
		});
	});
});

describe('near misses around the patient', () => {
	it('leaves out units beyond twice the maximum distance, and shows those within it with the distance reason', async () => {
		const assen = await addHospice(handle.db, {
			slug: 'assen',
			naam: 'Hospice Assen',
			pc4: '9401',
			lat: 52.9936,
			lon: 6.5625,
			gemeenteCode: 'GM0106',
			aantalBedden: 6,
			vrijeBedden: 3,
			doelgroepen: ['dak_thuisloos', 'verslaving'],
			voorwaarden: ['actief_middelengebruik'],
			expertise: [],
			now
		});
		// Assen is about 150 km from PC4 1012.
		const dichtbij = await runMatch(
			handle.db,
			{ ...dakloosMetMiddelen(), pc4Naasten: null, maxAfstandKm: 50 },
			now
		);
		expect([...dichtbij.kandidaten, ...dichtbij.uitgesloten].map((m) => m.unit.id)).not.toContain(
			assen.unitId
		);
		const ruimer = await runMatch(
			handle.db,
			{ ...dakloosMetMiddelen(), pc4Naasten: null, maxAfstandKm: 100 },
			now
		);
		const miss = ruimer.uitgesloten.find((u) => u.unit.id === assen.unitId);
		expect(miss?.redenen.map((r) => r.criterium)).toEqual(['afstand']);
		// Archived: never part of a match.
		await handle.db.update(bedUnits).set({ status: 'gearchiveerd' }).where(eq(bedUnits.id, assen.unitId));
		const zonder = await runMatch(
			handle.db,
			{ ...dakloosMetMiddelen(), pc4Naasten: null, maxAfstandKm: 300 },
			now
		);
		expect([...zonder.kandidaten, ...zonder.uitgesloten].map((m) => m.unit.id)).not.toContain(assen.unitId);
	});
});

describe('decline and withdraw', () => {
	it('declines with a reason from the list and a text; the bed count stays', async () => {
		const referralId = await newReferral();
		await sendRequests(handle.db, w.verwijzer, referralId, { bedUnitIds: [w.zuid.unitId] }, now);
		const request = await requestOf(referralId, w.zuid.unitId);

		const parsed = afwijzenSchema.safeParse({ afwijsreden: 'anders', toelichting: '' });
		expect(parsed.success).toBe(false);

		const result = await declineRequest(
			handle.db,
			w.redacteurZuid,
			request.id,
			{ afwijsreden: 'gedrag_veiligheid', toelichting: 'Geen 1-op-1 begeleiding mogelijk.' },
			now
		);
		expect(result).toEqual({ ok: true });
		expect(await requestOf(referralId, w.zuid.unitId)).toMatchObject({
			status: 'afgewezen',
			afwijsreden: 'gedrag_veiligheid',
			toelichting: 'Geen 1-op-1 begeleiding mogelijk.'
		});
		expect(await freeBeds(w.zuid.unitId)).toBe(1);
		// The referral stays open: the verwijzer can try elsewhere.
		const [referral] = await handle.db.select().from(verwijzingen).where(eq(verwijzingen.id, referralId));
		expect(referral.status).toBe('open');
	});

	it('lets the verwijzer withdraw a request and close the referral', async () => {
		const referralId = await newReferral();
		await sendRequests(
			handle.db,
			w.verwijzer,
			referralId,
			{ bedUnitIds: [w.zuid.unitId, w.veerhuis.unitId] },
			now
		);
		const zuid = await requestOf(referralId, w.zuid.unitId);
		expect(await withdrawRequest(handle.db, w.verwijzer, zuid.id, now)).toEqual({ ok: true });
		expect(await requestOf(referralId, w.zuid.unitId)).toMatchObject({
			status: 'ingetrokken',
			intrekreden: 'door_verwijzer'
		});
		// An organisation cannot withdraw, and another verwijzer does not see the request at all.
		const veerhuis = await requestOf(referralId, w.veerhuis.unitId);
		expect(await withdrawRequest(handle.db, w.andereVerwijzer, veerhuis.id, now)).toEqual({
			ok: false,
			reden: 'niet_gevonden'
		});
		expect(await closeReferral(handle.db, w.verwijzer, referralId, now)).toEqual({ ok: true });
		expect(await requestOf(referralId, w.veerhuis.unitId)).toMatchObject({
			status: 'ingetrokken',
			intrekreden: 'verwijzing_afgesloten'
		});
		const accept = await acceptRequest(handle.db, w.redacteurVeerhuis, veerhuis.id, now);
		expect(accept).toMatchObject({ ok: false, reden: 'geweigerd' });
	});

	it('refuses an accept when no bed is free, with a clear Dutch message, and changes nothing', async () => {
		const referralId = await newReferral();
		await sendRequests(handle.db, w.verwijzer, referralId, { bedUnitIds: [w.zuid.unitId] }, now);
		await handle.db.update(bedUnits).set({ vrijeBedden: 0 }).where(eq(bedUnits.id, w.zuid.unitId));
		const request = await requestOf(referralId, w.zuid.unitId);
		const result = await acceptRequest(handle.db, w.redacteurZuid, request.id, now);
		expect(result).toMatchObject({
			ok: false,
			reden: 'geen_bed',
			melding: expect.stringContaining('geen bed meer vrij')
		});
		expect(await requestOf(referralId, w.zuid.unitId)).toMatchObject({ status: 'verzonden' });
		await handle.db.update(bedUnits).set({ vrijeBedden: 1 }).where(eq(bedUnits.id, w.zuid.unitId));
	});
});

describe('access: only the verwijzer and the addressed organisations, every opening audited', () => {
	let referralId: string;
	let requestId: string;

	beforeAll(async () => {
		referralId = await newReferral();
		await sendRequests(handle.db, w.verwijzer, referralId, { bedUnitIds: [w.veerhuis.unitId] }, now);
		requestId = (await requestOf(referralId, w.veerhuis.unitId)).id;
	});

	it('audits the verwijzer opening their referral (who, when, which, role)', async () => {
		const before = (await openings(referralId)).length;
		expect(await openReferralForVerwijzer(handle.db, w.verwijzer, referralId, now)).not.toBeNull();
		const rows = await openings(referralId);
		expect(rows).toHaveLength(before + 1);
		expect(rows.at(-1)).toMatchObject({
			userId: w.verwijzer.id,
			role: 'verwijzer',
			entityType: 'verwijzing',
			entityId: referralId,
			details: { rol: 'verwijzer' }
		});
		expect(rows.at(-1)!.at).toBeInstanceOf(Date);
	});

	it('audits the addressed organisation opening the referral through its request', async () => {
		const before = (await openings(referralId)).length;
		const opened = await openRequestForOrganisation(handle.db, w.redacteurVeerhuis, requestId);
		expect(opened?.verwijzing.id).toBe(referralId);
		// The organisation sees the need, and nothing of who referred beyond the professional contact.
		expect(opened?.verwijzing).not.toHaveProperty('verwijzerId');
		const rows = await openings(referralId);
		expect(rows).toHaveLength(before + 1);
		expect(rows.at(-1)).toMatchObject({
			userId: w.redacteurVeerhuis.id,
			role: 'organisatie',
			organisationId: w.veerhuis.organisationId,
			details: { rol: 'organisatie', verzoekId: requestId }
		});
	});

	it('gives another verwijzer, an organisation not addressed and a beheerder nothing (404), and audits no opening', async () => {
		const before = (await openings(referralId)).length;
		expect(await openReferralForVerwijzer(handle.db, w.andereVerwijzer, referralId, now)).toBeNull();
		expect(await liveStatusForVerwijzer(handle.db, w.andereVerwijzer, referralId)).toBeNull();
		expect(await openReferralForVerwijzer(handle.db, w.beheerder, referralId, now)).toBeNull();
		expect(await openReferralForVerwijzer(handle.db, w.redacteurVeerhuis, referralId, now)).toBeNull();
		expect(await openRequestForOrganisation(handle.db, w.redacteurAmstelroos, requestId)).toBeNull();
		expect(await openRequestForOrganisation(handle.db, w.redacteurZuid, requestId)).toBeNull();
		expect(await openRequestForOrganisation(handle.db, w.beheerder, requestId)).toBeNull();
		expect(await openRequestForOrganisation(handle.db, w.verwijzer, requestId)).toBeNull();
		expect(await openReferralForVerwijzer(handle.db, w.verwijzer, 'geen-uuid', now)).toBeNull();
		expect(await openReferralForVerwijzer(handle.db, w.verwijzer, crypto.randomUUID(), now)).toBeNull();
		expect(await openings(referralId)).toHaveLength(before);
	});

	it('refuses writes by anyone else as if the referral did not exist', async () => {
		expect(
			await sendRequests(handle.db, w.andereVerwijzer, referralId, { bedUnitIds: [w.zuid.unitId] }, now)
		).toEqual({ ok: false, reden: 'niet_gevonden' });
		expect(await acceptRequest(handle.db, w.redacteurZuid, requestId, now)).toEqual({
			ok: false,
			reden: 'niet_gevonden'
		});
		expect(await acceptRequest(handle.db, w.beheerder, requestId, now)).toEqual({
			ok: false,
			reden: 'niet_gevonden'
		});
		expect(
			await declineRequest(handle.db, w.redacteurAmstelroos, requestId, { afwijsreden: 'zorgzwaarte' }, now)
		).toEqual({ ok: false, reden: 'niet_gevonden' });
		expect(await closeReferral(handle.db, w.andereVerwijzer, referralId, now)).toEqual({
			ok: false,
			reden: 'niet_gevonden'
		});
		expect(await requestOf(referralId, w.veerhuis.unitId)).toMatchObject({ status: 'verzonden' });
	});

	it('lists only the verwijzer’s own referrals', async () => {
		const own = await referralsOfVerwijzer(handle.db, w.verwijzer);
		expect(own.map((r) => r.id)).toContain(referralId);
		expect(await referralsOfVerwijzer(handle.db, w.andereVerwijzer)).toEqual([]);
		expect(await referralsOfVerwijzer(handle.db, w.beheerder)).toEqual([]);
	});
});

describe('privacy guard on input', () => {
	it('refuses a BSN, a date of birth or an e-mail address in the wishes, at the field', () => {
		for (const wensen of ['BSN 111222333', 'geboren 12-03-1950', 'mail jan@example.nl']) {
			const result = verwijzingInputSchema.safeParse({ ...dakloosMetMiddelen(), wensen });
			expect(result.success).toBe(false);
			expect(result.error?.issues[0].path).toEqual(['wensen']);
		}
	});
});

describe('retention job', () => {
	it('anonymises referrals closed longer ago than the retention period, and not newer or open ones', async () => {
		const day = 86_400_000;
		const oud = await newReferral({ wensen: 'Oude wens', pc4Naasten: '1092', leeftijdscategorie: '75-84' });
		const recent = await newReferral({ wensen: 'Recente wens' });
		const open = await newReferral({ wensen: 'Open wens' });
		await sendRequests(handle.db, w.verwijzer, oud, { bedUnitIds: [w.zuid.unitId] }, now);
		const oudVerzoek = await requestOf(oud, w.zuid.unitId);
		await declineRequest(
			handle.db,
			w.redacteurZuid,
			oudVerzoek.id,
			{ afwijsreden: 'anders', toelichting: 'Vrije tekst die weg moet' },
			now
		);
		await closeReferral(handle.db, w.verwijzer, oud, now);
		await closeReferral(handle.db, w.verwijzer, recent, now);
		await handle.db
			.update(verwijzingen)
			.set({ closedAt: new Date(now.getTime() - 91 * day) })
			.where(eq(verwijzingen.id, oud));
		await handle.db
			.update(verwijzingen)
			.set({ closedAt: new Date(now.getTime() - 89 * day) })
			.where(eq(verwijzingen.id, recent));

		const n = await anonymiseClosedReferrals(handle.db, { now, retentionDays: 90 });
		expect(n).toBe(1);

		const rows = new Map((await handle.db.select().from(verwijzingen)).map((r) => [r.id, r] as const));
		expect(rows.get(oud)).toMatchObject({
			wensen: null,
			pc4Verblijf: null,
			pc4Naasten: null,
			zorgbehoeften: [],
			leeftijdscategorie: '65+',
			// What the indicators need stays.
			gemeenteCode: 'GM0363',
			doelgroepen: ['dak_thuisloos', 'verslaving'],
			status: 'afgesloten'
		});
		expect(rows.get(oud)!.anonymisedAt).toEqual(now);
		expect(await requestOf(oud, w.zuid.unitId)).toMatchObject({
			toelichting: null,
			redenen: null,
			afwijsreden: 'anders'
		});
		expect(rows.get(recent)).toMatchObject({
			wensen: 'Recente wens',
			pc4Verblijf: '1012',
			anonymisedAt: null
		});
		expect(rows.get(open)).toMatchObject({ wensen: 'Open wens', anonymisedAt: null });

		// Idempotent: a second run finds nothing more.
		expect(await anonymiseClosedReferrals(handle.db, { now, retentionDays: 90 })).toBe(0);
		// The verwijzer can still open it; the page then shows no match (there is no postcode left to match on).
		const opened = await openReferralForVerwijzer(handle.db, w.verwijzer, oud, now);
		expect(opened?.match).toBeNull();
	});

	it('closes and anonymises a referral left open without any activity for the retention period, withdrawing its requests', async () => {
		const day = 86_400_000;
		const vergeten = await newReferral({ wensen: 'Vergeten wens' });
		const lopend = await newReferral({ wensen: 'Lopende wens' });
		const verzonden = new Date(now.getTime() - 120 * day);
		await sendRequests(handle.db, w.verwijzer, vergeten, { bedUnitIds: [w.zuid.unitId] }, verzonden);
		await handle.db
			.update(verwijzingen)
			.set({ updatedAt: new Date(now.getTime() - 91 * day) })
			.where(eq(verwijzingen.id, vergeten));
		await handle.db
			.update(verwijzingen)
			.set({ updatedAt: new Date(now.getTime() - 89 * day) })
			.where(eq(verwijzingen.id, lopend));

		expect(await anonymiseClosedReferrals(handle.db, { now, retentionDays: 90 })).toBe(1);
		const rows = new Map((await handle.db.select().from(verwijzingen)).map((r) => [r.id, r] as const));
		expect(rows.get(vergeten)).toMatchObject({ status: 'afgesloten', wensen: null, pc4Verblijf: null });
		expect(rows.get(vergeten)!.closedAt).toEqual(now);
		expect(rows.get(vergeten)!.anonymisedAt).toEqual(now);
		// The organisation no longer has an open request for it.
		expect(await requestOf(vergeten, w.zuid.unitId)).toMatchObject({
			status: 'ingetrokken',
			intrekreden: 'verwijzing_afgesloten'
		});
		// Activity within the period keeps a referral open and intact.
		expect(rows.get(lopend)).toMatchObject({ status: 'open', wensen: 'Lopende wens', anonymisedAt: null });
		const [logged] = await handle.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'verwijzingen_verlopen_afgesloten'));
		expect(logged.details).toMatchObject({ aantal: 1 });
		expect(await anonymiseClosedReferrals(handle.db, { now, retentionDays: 90 })).toBe(0);
	});
});
