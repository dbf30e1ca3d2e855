import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db/client';
import {
	auditLog,
	bedAvailabilityEvents,
	bedUnits,
	gemeenten,
	locations
} from '../../src/lib/server/db/schema';
import {
	capacityOverview,
	createBedUnit,
	releaseBed,
	reserveBed,
	setBedUnitArchived,
	staleUnitsOfUser,
	updateAvailability,
	updateBedUnit
} from '../../src/lib/server/services/beds';
import { bedsWorld } from './beds-fixtures';
import { createTestDatabase } from './helpers/test-db';

let handle: DatabaseHandle;
let w: Awaited<ReturnType<typeof bedsWorld>>;
const editor = () => ({ kind: 'gebruiker' as const, user: w.editor });

beforeAll(async () => {
	handle = await createTestDatabase();
	w = await bedsWorld(handle.db);
});
afterAll(() => handle.close());

async function unit(id: string) {
	const [row] = await handle.db.select().from(bedUnits).where(eq(bedUnits.id, id));
	return row;
}
async function events(id: string) {
	return handle.db
		.select()
		.from(bedAvailabilityEvents)
		.where(eq(bedAvailabilityEvents.bedUnitId, id))
		.orderBy(asc(bedAvailabilityEvents.createdAt), asc(bedAvailabilityEvents.id));
}

describe('updateAvailability', () => {
	it('sets the free beds, stamps the report time and writes an event with the editor', async () => {
		const before = Date.now();
		const result = await updateAvailability(handle.db, editor(), w.unitHospice.id, {
			vrijeBedden: 3,
			verwachteOntslagen: 1,
			verwachteOpnames: 2
		});
		expect(result).toMatchObject({ ok: true, unit: { vrijeBedden: 3, aantalBedden: 6 } });
		const row = await unit(w.unitHospice.id);
		expect(row.vrijeBedden).toBe(3);
		expect(row.beschikbaarheidBijgewerktOp!.getTime()).toBeGreaterThanOrEqual(before - 1000);
		const history = await events(w.unitHospice.id);
		expect(history.at(-1)).toMatchObject({
			id: result.ok ? result.eventId : '',
			vrijeBedden: 3,
			aantalBedden: 6,
			verwachteOntslagen: 1,
			verwachteOpnames: 2,
			bron: 'formulier',
			userId: w.editor.id,
			apiTokenId: null
		});
	});

	it('records an API update with the token id and source "api"', async () => {
		const tokenId = crypto.randomUUID();
		const result = await updateAvailability(
			handle.db,
			{ kind: 'token', tokenId, organisationId: w.hospice.id },
			w.unitHospice.id,
			{ vrijeBedden: 0 }
		);
		expect(result.ok).toBe(true);
		expect((await events(w.unitHospice.id)).at(-1)).toMatchObject({
			bron: 'api',
			apiTokenId: tokenId,
			userId: null,
			vrijeBedden: 0,
			verwachteOntslagen: null
		});
	});

	it('keeps 0 ≤ vrij ≤ aantal: refuses more free beds than beds and changes nothing', async () => {
		const before = await unit(w.unitHospice.id);
		const count = (await events(w.unitHospice.id)).length;
		const result = await updateAvailability(handle.db, editor(), w.unitHospice.id, { vrijeBedden: 7 });
		expect(result).toEqual({
			ok: false,
			reason: 'ongeldig',
			errors: { vrijeBedden: 'Deze eenheid heeft 6 bedden; er kunnen niet meer bedden vrij zijn.' }
		});
		expect((await unit(w.unitHospice.id)).vrijeBedden).toBe(before.vrijeBedden);
		expect(await events(w.unitHospice.id)).toHaveLength(count);
	});

	it('has a database CHECK behind the rule, whoever writes', async () => {
		await expect(
			handle.db.update(bedUnits).set({ vrijeBedden: 99 }).where(eq(bedUnits.id, w.unitHospice.id))
		).rejects.toThrow();
		await expect(
			handle.db.update(bedUnits).set({ vrijeBedden: -1 }).where(eq(bedUnits.id, w.unitHospice.id))
		).rejects.toThrow();
	});

	it("refuses another organisation's editor or token, and unknown units", async () => {
		expect(
			await updateAvailability(handle.db, { kind: 'gebruiker', user: w.otherEditor }, w.unitHospice.id, {
				vrijeBedden: 1
			})
		).toEqual({ ok: false, reason: 'geen_toegang' });
		expect(
			await updateAvailability(
				handle.db,
				{ kind: 'token', tokenId: crypto.randomUUID(), organisationId: w.vvt.id },
				w.unitHospice.id,
				{ vrijeBedden: 1 }
			)
		).toEqual({ ok: false, reason: 'geen_toegang' });
		// A beheerder is not an editor of the organisation either.
		expect(
			await updateAvailability(handle.db, { kind: 'gebruiker', user: w.beheerder }, w.unitHospice.id, {
				vrijeBedden: 1
			})
		).toEqual({ ok: false, reason: 'geen_toegang' });
		expect(await updateAvailability(handle.db, editor(), crypto.randomUUID(), { vrijeBedden: 1 })).toEqual({
			ok: false,
			reason: 'niet_gevonden'
		});
		expect(await updateAvailability(handle.db, editor(), 'geen-uuid', { vrijeBedden: 1 })).toEqual({
			ok: false,
			reason: 'niet_gevonden'
		});
	});

	it('refuses a form update based on an outdated view (someone else reported in between), then accepts the fresh one', async () => {
		const seen = (await events(w.unitHospice.id)).at(-1)!.id;
		// A reservation comes in while the editor has the form open.
		expect(await reserveBed(handle.db, w.unitHospice.id, null)).toBe(false); // 0 free: nothing to reserve
		await updateAvailability(
			handle.db,
			{ kind: 'token', tokenId: crypto.randomUUID(), organisationId: w.hospice.id },
			w.unitHospice.id,
			{ vrijeBedden: 4 }
		);
		const stale = await updateAvailability(
			handle.db,
			editor(),
			w.unitHospice.id,
			{ vrijeBedden: 1 },
			{ basis: seen }
		);
		expect(stale).toMatchObject({ ok: false, reason: 'conflict', huidig: { vrijeBedden: 4, bron: 'api' } });
		expect((await unit(w.unitHospice.id)).vrijeBedden).toBe(4);
		const fresh = await updateAvailability(
			handle.db,
			editor(),
			w.unitHospice.id,
			{ vrijeBedden: 1 },
			{ basis: stale.ok === false && stale.reason === 'conflict' ? stale.huidig.eventId : null }
		);
		expect(fresh.ok).toBe(true);
		expect((await unit(w.unitHospice.id)).vrijeBedden).toBe(1);
	});

	it('treats "no event seen" as a basis too', async () => {
		const [created] = await handle.db
			.insert(bedUnits)
			.values({
				organisationId: w.hospice.id,
				locationId: w.locHospice.id,
				naam: 'Nieuw',
				setting: 'hospice',
				aantalBedden: 2
			})
			.returning();
		expect(
			(await updateAvailability(handle.db, editor(), created.id, { vrijeBedden: 1 }, { basis: null })).ok
		).toBe(true);
		expect(
			await updateAvailability(handle.db, editor(), created.id, { vrijeBedden: 2 }, { basis: null })
		).toMatchObject({ ok: false, reason: 'conflict' });
	});
});

describe('reserveBed / releaseBed (for the referral portal)', () => {
	it('takes one free bed with an event, and says false when none is free', async () => {
		await updateAvailability(handle.db, editor(), w.unitHospice.id, { vrijeBedden: 1 });
		const reportedAt = (await unit(w.unitHospice.id)).beschikbaarheidBijgewerktOp;
		expect(await reserveBed(handle.db, w.unitHospice.id, w.editor)).toBe(true);
		const row = await unit(w.unitHospice.id);
		expect(row.vrijeBedden).toBe(0);
		// A reservation is not a confirmation of the real count: the report time stays.
		expect(row.beschikbaarheidBijgewerktOp).toEqual(reportedAt);
		expect((await events(w.unitHospice.id)).at(-1)).toMatchObject({
			bron: 'verwijzing',
			vrijeBedden: 0,
			aantalBedden: 6,
			userId: w.editor.id
		});
		expect(await reserveBed(handle.db, w.unitHospice.id, w.editor)).toBe(false);
		expect(await reserveBed(handle.db, crypto.randomUUID(), w.editor)).toBe(false);
	});

	it('rolls back with the surrounding transaction (the referral-accept transaction)', async () => {
		await updateAvailability(handle.db, editor(), w.unitHospice.id, { vrijeBedden: 2 });
		const count = (await events(w.unitHospice.id)).length;
		await expect(
			handle.db.transaction(async (tx) => {
				expect(await reserveBed(tx, w.unitHospice.id, w.editor)).toBe(true);
				throw new Error('verwijzing kon niet worden geaccepteerd');
			})
		).rejects.toThrow('verwijzing');
		expect((await unit(w.unitHospice.id)).vrijeBedden).toBe(2);
		expect(await events(w.unitHospice.id)).toHaveLength(count);
	});

	it('gives a bed back, but never more than there are beds', async () => {
		await updateAvailability(handle.db, editor(), w.unitHospice.id, { vrijeBedden: 5 });
		expect(await releaseBed(handle.db, w.unitHospice.id, null)).toBe(true);
		expect((await unit(w.unitHospice.id)).vrijeBedden).toBe(6);
		expect(await releaseBed(handle.db, w.unitHospice.id, null)).toBe(false);
		expect((await unit(w.unitHospice.id)).vrijeBedden).toBe(6);
	});
});

describe('concurrency', () => {
	it('lets exactly as many concurrent reservations succeed as there are free beds', async () => {
		await updateAvailability(handle.db, editor(), w.unitVvt.id, { vrijeBedden: 3 }).then(async (r) => {
			// The VVT unit belongs to the other editor.
			expect(r).toEqual({ ok: false, reason: 'geen_toegang' });
			await updateAvailability(handle.db, { kind: 'gebruiker', user: w.otherEditor }, w.unitVvt.id, {
				vrijeBedden: 3
			});
		});
		const results = await Promise.all(
			Array.from({ length: 10 }, () =>
				handle.db.transaction((tx) => reserveBed(tx, w.unitVvt.id, w.otherEditor))
			)
		);
		expect(results.filter(Boolean)).toHaveLength(3);
		expect((await unit(w.unitVvt.id)).vrijeBedden).toBe(0);
		const reservations = (await events(w.unitVvt.id)).filter((e) => e.bron === 'verwijzing');
		expect(reservations.map((e) => e.vrijeBedden)).toEqual([2, 1, 0]);
	});

	it('keeps the count and the history consistent under mixed concurrent reports and reservations', async () => {
		const other = { kind: 'gebruiker' as const, user: w.otherEditor };
		const token = { kind: 'token' as const, tokenId: crypto.randomUUID(), organisationId: w.vvt.id };
		const work = Array.from({ length: 24 }, (_, i) =>
			i % 3 === 0
				? updateAvailability(handle.db, i % 2 ? other : token, w.unitVvt.id, { vrijeBedden: (i * 7) % 5 })
				: handle.db.transaction((tx) => reserveBed(tx, w.unitVvt.id, null))
		);
		await Promise.all(work);
		const row = await unit(w.unitVvt.id);
		expect(row.vrijeBedden).toBeGreaterThanOrEqual(0);
		expect(row.vrijeBedden).toBeLessThanOrEqual(row.aantalBedden);
		const history = await events(w.unitVvt.id);
		// The latest event is the current state, and every reservation took exactly one bed from the state before it.
		expect(history.at(-1)!.vrijeBedden).toBe(row.vrijeBedden);
		history.forEach((e, i) => {
			if (e.bron === 'verwijzing' && i > 0) expect(e.vrijeBedden).toBe(history[i - 1].vrijeBedden - 1);
		});
	});
});

describe('bed unit profile', () => {
	it('creates a unit at a location of the editor’s organisation, with an audit entry', async () => {
		const result = await createBedUnit(handle.db, w.editor, {
			locationId: w.locHospice.id,
			naam: 'Kamers aan de tuin',
			setting: 'hospice',
			aantalBedden: 3,
			doelgroepen: ['verslaving'],
			voorwaarden: ['roken', 'huisdier']
		});
		expect(result.ok).toBe(true);
		const id = result.ok ? result.id : '';
		expect(await unit(id)).toMatchObject({
			organisationId: w.hospice.id,
			vrijeBedden: 0,
			beschikbaarheidBijgewerktOp: null,
			voorwaarden: ['roken', 'huisdier'],
			toelichting: null
		});
		const [entry] = await handle.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'beddeneenheid_aangemaakt')));
		expect(entry).toMatchObject({
			userId: w.editor.id,
			organisationId: w.hospice.id,
			entityType: 'bed_unit'
		});
	});

	it('refuses a location of another organisation (the editor is no member there)', async () => {
		expect(
			await createBedUnit(handle.db, w.editor, {
				locationId: w.locVvt.id,
				naam: 'Kaping',
				setting: 'hospice',
				aantalBedden: 1,
				doelgroepen: [],
				voorwaarden: []
			})
		).toEqual({ ok: false, reason: 'geen_toegang' });
	});

	it('edits with optimistic locking, lowers the free beds with the beds, and records the change as an event', async () => {
		await updateAvailability(handle.db, editor(), w.unitHospice.id, { vrijeBedden: 5 });
		const before = await unit(w.unitHospice.id);
		const input = {
			locationId: w.locHospice.id,
			naam: 'Hospicekamers',
			setting: 'hospice' as const,
			aantalBedden: 4,
			doelgroepen: ['dak_thuisloos' as const],
			voorwaarden: ['roken' as const],
			toelichting: 'Roken kan in de tuinkamer.',
			version: before.version
		};
		expect(await updateBedUnit(handle.db, w.editor, w.unitHospice.id, input)).toEqual({
			ok: true,
			id: w.unitHospice.id
		});
		const after = await unit(w.unitHospice.id);
		expect(after).toMatchObject({ aantalBedden: 4, vrijeBedden: 4, version: before.version + 1 });
		expect((await events(w.unitHospice.id)).at(-1)).toMatchObject({
			aantalBedden: 4,
			vrijeBedden: 4,
			bron: 'formulier'
		});
		const [entry] = await handle.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, w.unitHospice.id), eq(auditLog.action, 'beddeneenheid_gewijzigd')));
		expect(entry.details).toMatchObject({
			velden: ['aantalBedden', 'doelgroepen', 'voorwaarden', 'toelichting']
		});

		// The same form submitted again carries the old version: refused, nothing overwritten.
		expect(
			await updateBedUnit(handle.db, w.editor, w.unitHospice.id, { ...input, naam: 'Overschreven' })
		).toEqual({
			ok: false,
			reason: 'conflict'
		});
		expect((await unit(w.unitHospice.id)).naam).toBe('Hospicekamers');
		expect(
			await updateBedUnit(handle.db, w.otherEditor, w.unitHospice.id, { ...input, version: after.version })
		).toEqual({ ok: false, reason: 'geen_toegang' });
	});

	it('archives a unit: no more availability updates or reservations, history kept', async () => {
		const [spare] = await handle.db
			.insert(bedUnits)
			.values({
				organisationId: w.hospice.id,
				locationId: w.locHospice.id,
				naam: 'Oude vleugel',
				setting: 'hospice',
				aantalBedden: 2,
				vrijeBedden: 1
			})
			.returning();
		expect(await setBedUnitArchived(handle.db, w.editor, spare.id, spare.version, true)).toMatchObject({
			ok: true
		});
		expect(await updateAvailability(handle.db, editor(), spare.id, { vrijeBedden: 0 })).toEqual({
			ok: false,
			reason: 'gearchiveerd'
		});
		expect(await reserveBed(handle.db, spare.id, null)).toBe(false);
		expect(await setBedUnitArchived(handle.db, w.editor, spare.id, spare.version, false)).toEqual({
			ok: false,
			reason: 'conflict'
		});
	});
});

describe('stale units and the capacity overview', () => {
	it('tells the editor which unit is stale, and how old its report is', async () => {
		const now = new Date();
		await handle.db
			.update(bedUnits)
			.set({ beschikbaarheidBijgewerktOp: new Date(now.getTime() - 30 * 3_600_000) })
			.where(eq(bedUnits.id, w.unitHospice.id));
		const stale = await staleUnitsOfUser(handle.db, w.editor.id, now);
		expect(stale.find((s) => s.id === w.unitHospice.id)?.melding).toBe(
			'De beschikbaarheid van Hospice De Zonnedauw – Hospicekamers is 30 uur oud.'
		);
		// Never reported comes first (oldest), the archived unit is not listed.
		expect(stale[0].melding).toMatch(/nog nooit doorgegeven|uur oud/);
		expect(stale.some((s) => s.naam.includes('Oude vleugel'))).toBe(false);
		expect(await staleUnitsOfUser(handle.db, w.otherEditor.id, now)).toEqual([]);
	});

	it('computes time-weighted occupancy per setting from the events', async () => {
		// A fresh region with one unit and a known history, so the numbers can be checked by hand.
		const v = await bedsWorld(handle.db, '-bezetting', ['GM0118', 'GM0119']);
		const now = new Date('2025-06-30T12:00:00Z');
		const day = 86_400_000;
		await handle.db
			.delete(bedAvailabilityEvents)
			.where(eq(bedAvailabilityEvents.bedUnitId, v.unitHospice.id));
		await handle.db.insert(bedAvailabilityEvents).values([
			// Before the two weeks: 6 beds, all occupied; holds into the first week.
			{
				bedUnitId: v.unitHospice.id,
				aantalBedden: 6,
				vrijeBedden: 0,
				bron: 'demo',
				createdAt: new Date(now.getTime() - 20 * day)
			},
			// From 3.5 days before the end: 3 of 6 free.
			{
				bedUnitId: v.unitHospice.id,
				aantalBedden: 6,
				vrijeBedden: 3,
				bron: 'demo',
				createdAt: new Date(now.getTime() - 3.5 * day)
			}
		]);
		await handle.db
			.update(bedUnits)
			.set({ vrijeBedden: 3, beschikbaarheidBijgewerktOp: new Date(now.getTime() - 3.5 * day) })
			.where(eq(bedUnits.id, v.unitHospice.id));
		await handle.db
			.update(bedUnits)
			.set({ beschikbaarheidBijgewerktOp: new Date(now.getTime() - 2 * 3_600_000) })
			.where(eq(bedUnits.id, v.unitVvt.id));
		const overview = (await capacityOverview(handle.db, v.region.id, now, 2))!;
		expect(overview.weken).toHaveLength(2);
		const hospice = overview.bezetting.find((r) => r.setting === 'hospice')!;
		expect(hospice.weken[0].bezettingsgraad).toBeCloseTo(1);
		expect(hospice.weken[1].bezettingsgraad).toBeCloseTo(0.75);
		expect(hospice.geheel.bezettingsgraad).toBeCloseTo(0.875);
		// The VVT unit has no events at all: unknown, not zero.
		expect(
			overview.bezetting.find((r) => r.setting === 'palliatieve_unit_vvt')!.geheel.bezettingsgraad
		).toBeNull();
		expect(overview.samenvatting.totaal).toMatchObject({
			eenheden: 2,
			bedden: 10,
			vrijActueel: 1,
			vrijVerouderd: 3,
			verouderd: 1
		});
		expect(overview.verouderd.map((u) => u.id)).toEqual([v.unitHospice.id]);
	});

	it('counts only units whose location lies in the region', async () => {
		const now = new Date();
		const before = (await capacityOverview(handle.db, w.region.id, now, 4))!.samenvatting.totaal.eenheden;
		// The hospice opens a unit in a gemeente outside the region: the organisation is in the region, this unit is not.
		await handle.db
			.insert(gemeenten)
			.values({ code: 'GM0363', naam: 'Amsterdam', provincieCode: 'PV27', provincieNaam: 'Noord-Holland' });
		const [far] = await handle.db
			.insert(locations)
			.values({ organisationId: w.hospice.id, naam: 'Dependance', gemeenteCode: 'GM0363' })
			.returning();
		await handle.db.insert(bedUnits).values({
			organisationId: w.hospice.id,
			locationId: far.id,
			naam: 'Elders',
			setting: 'hospice',
			aantalBedden: 9
		});
		const after = (await capacityOverview(handle.db, w.region.id, now, 4))!;
		expect(after.samenvatting.totaal.eenheden).toBe(before);
		expect(after.verouderd.some((u) => u.naam.includes('Elders'))).toBe(false);
		expect(await capacityOverview(handle.db, crypto.randomUUID(), now, 4)).toBeNull();
	});
});
