import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	CONFLICT_MESSAGE,
	locationInputSchema,
	organisationInputSchema,
	serviceInputSchema
} from '../../src/lib/domain/organisation/schemas';
import type { DatabaseHandle } from '../../src/lib/server/db/client';
import {
	auditLog,
	bedUnits,
	locations,
	memberships,
	organisations,
	postcodeGebieden,
	regions,
	searchDocuments,
	users
} from '../../src/lib/server/db/schema';
import { ensureReferenceData } from '../../src/lib/server/reference/load-reference-data';
import { listOrganisations } from '../../src/lib/server/repositories/organisations';
import { organisationIdsInRegion } from '../../src/lib/server/repositories/regions';
import { seedDemoData } from '../../src/lib/server/seed/demo';
import {
	createLocation,
	createOrganisation,
	createService,
	organisationProfile,
	ServiceError,
	setLocationStatus,
	setOrganisationStatus,
	updateLocation,
	updateOrganisation,
	updateService,
	type Actor
} from '../../src/lib/server/services/organisations';
import { createTestDatabase } from './helpers/test-db';

let handle: DatabaseHandle;
let beheerder: Actor;
let beheerderAmsterdam: Actor;
let editor: Actor;
let otherEditor: Actor;
let ownOrg: typeof organisations.$inferSelect;
let foreignOrg: typeof organisations.$inferSelect;

async function actorFor(email: string): Promise<Actor> {
	const [u] = await handle.db.select().from(users).where(eq(users.email, email));
	return { id: u.id, role: u.role, regionId: u.regionId };
}

async function fails(promise: Promise<unknown>): Promise<ServiceError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ServiceError);
	return error as ServiceError;
}

async function auditCount(entityId: string) {
	const [row] = await handle.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityId, entityId));
	return row.n;
}

async function searchCount(organisationId: string) {
	const [row] = await handle.db
		.select({ n: count() })
		.from(searchDocuments)
		.where(eq(searchDocuments.organisationId, organisationId));
	return row.n;
}

const orgInput = (org: typeof organisations.$inferSelect, changes: Record<string, unknown> = {}) =>
	organisationInputSchema.parse({
		naam: org.naam,
		type: org.type,
		beschrijving: org.beschrijving,
		telefoon: org.telefoon,
		email: org.email,
		website: org.website,
		isVoorbeeld: org.isVoorbeeld,
		...changes
	});

beforeAll(async () => {
	handle = await createTestDatabase();
	await ensureReferenceData(handle.db);
	await seedDemoData(handle.db, { now: new Date('2026-05-01T10:00:00Z') });
	beheerder = await actorFor('beheerder@demo.regiokaart.nl');
	beheerderAmsterdam = await actorFor('beheerder.amsterdam@demo.regiokaart.nl');
	editor = await actorFor('organisatie@demo.regiokaart.nl');
	otherEditor = await actorFor('redacteur.emmen@demo.regiokaart.nl');
	const [own] = await handle.db
		.select({ org: organisations })
		.from(memberships)
		.innerJoin(organisations, eq(organisations.id, memberships.organisationId))
		.where(
			and(eq(memberships.userId, editor.id), eq(organisations.slug, 'voorbeeld-hospice-de-zonnedauw-assen'))
		);
	ownOrg = own.org;
	const [foreign] = await handle.db
		.select({ org: organisations })
		.from(memberships)
		.innerJoin(organisations, eq(organisations.id, memberships.organisationId))
		.where(eq(memberships.userId, otherEditor.id));
	foreignOrg = foreign.org;
}, 180_000);

afterAll(() => handle?.close());

describe('who may manage an organisation', () => {
	it('an editor reads and edits only organisations they are a member of', async () => {
		const profile = await organisationProfile(handle.db, editor, ownOrg.slug);
		expect(profile.organisation.id).toBe(ownOrg.id);
		expect(profile.locations.length).toBeGreaterThan(0);

		expect((await fails(organisationProfile(handle.db, editor, foreignOrg.slug))).status).toBe(403);
		expect((await fails(organisationProfile(handle.db, editor, 'bestaat-niet'))).status).toBe(404);
		const refused = await fails(
			updateOrganisation(
				handle.db,
				editor,
				foreignOrg.id,
				foreignOrg.version,
				orgInput(foreignOrg, { naam: 'Gekaapt' })
			)
		);
		expect(refused.status).toBe(403);
		const [unchanged] = await handle.db
			.select()
			.from(organisations)
			.where(eq(organisations.id, foreignOrg.id));
		expect(unchanged.naam).toBe(foreignOrg.naam);
	});

	it('a beheerder manages organisations in their own network only', async () => {
		expect((await organisationProfile(handle.db, beheerder, ownOrg.slug)).organisation.id).toBe(ownOrg.id);
		expect((await fails(organisationProfile(handle.db, beheerderAmsterdam, ownOrg.slug))).status).toBe(403);
	});

	it('other roles manage nothing', async () => {
		const verwijzer = await actorFor('verwijzer@demo.regiokaart.nl');
		expect((await fails(organisationProfile(handle.db, verwijzer, ownOrg.slug))).status).toBe(403);
	});
});

describe('updating an organisation (optimistic locking)', () => {
	it('saves, raises the version, writes one audit entry and refreshes the search index', async () => {
		const [before] = await handle.db.select().from(organisations).where(eq(organisations.id, ownOrg.id));
		const audits = await auditCount(ownOrg.id);
		const updated = await updateOrganisation(
			handle.db,
			editor,
			ownOrg.id,
			before.version,
			orgInput(before, { beschrijving: 'Nieuwe beschrijving van het hospice.', isVoorbeeld: false })
		);
		expect(updated.version).toBe(before.version + 1);
		expect(updated.beschrijving).toBe('Nieuwe beschrijving van het hospice.');
		// An editor cannot switch off the demo marking: only a beheerder can.
		expect(updated.isVoorbeeld).toBe(true);
		expect(await auditCount(ownOrg.id)).toBe(audits + 1);
		const [entry] = await handle.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, ownOrg.id), eq(auditLog.action, 'organisatie_gewijzigd')));
		expect(entry.details).toEqual({ velden: ['beschrijving'] });
		const [doc] = await handle.db
			.select({ naam: searchDocuments.organisationNaam })
			.from(searchDocuments)
			.where(eq(searchDocuments.organisationId, ownOrg.id));
		expect(doc.naam).toBe(before.naam);
	});

	it('refuses a save based on an old version with the Dutch message and the current record', async () => {
		const [start] = await handle.db.select().from(organisations).where(eq(organisations.id, ownOrg.id));
		await updateOrganisation(
			handle.db,
			beheerder,
			ownOrg.id,
			start.version,
			orgInput(start, { telefoon: '0592 111 111' })
		);
		const audits = await auditCount(ownOrg.id);

		const conflict = await fails(
			updateOrganisation(
				handle.db,
				editor,
				ownOrg.id,
				start.version,
				orgInput(start, { telefoon: '0592 222 222' })
			)
		);
		expect(conflict.status).toBe(409);
		expect(conflict.message).toBe(CONFLICT_MESSAGE);
		expect(conflict.current).toMatchObject({ telefoon: '0592 111 111', version: start.version + 1 });

		const [now] = await handle.db.select().from(organisations).where(eq(organisations.id, ownOrg.id));
		expect(now.telefoon).toBe('0592 111 111');
		expect(await auditCount(ownOrg.id)).toBe(audits);

		// With the version the conflict handed back, the user's change goes through.
		const retried = await updateOrganisation(
			handle.db,
			editor,
			ownOrg.id,
			now.version,
			orgInput(now, { telefoon: '0592 222 222' })
		);
		expect(retried.telefoon).toBe('0592 222 222');
	});
});

describe('creating organisations (beheerder)', () => {
	const newOrg = organisationInputSchema.parse({
		naam: 'Voorbeeld Hospice De Zonnedauw Assen',
		type: 'hospice'
	});

	it('needs a first location with a postcode in the beheerder’s network', async () => {
		const noPostcode = await fails(
			createOrganisation(handle.db, beheerder, newOrg, locationInputSchema.parse({ naam: 'Huis' }))
		);
		expect(noPostcode.errors).toEqual({ 'locatie.postcode': expect.stringContaining('Vul de postcode') });

		const amsterdam = await fails(
			createOrganisation(
				handle.db,
				beheerder,
				newOrg,
				locationInputSchema.parse({ naam: 'Huis', postcode: '1012 AB' })
			)
		);
		expect(amsterdam.errors).toEqual({ 'locatie.postcode': expect.stringContaining('buiten uw netwerk') });

		const unknown = await fails(
			createOrganisation(
				handle.db,
				beheerder,
				newOrg,
				locationInputSchema.parse({ naam: 'Huis', postcode: '1000' })
			)
		);
		expect(unknown.errors).toEqual({
			'locatie.postcode': 'Deze postcode kennen we niet. Controleer de vier cijfers.'
		});

		expect(
			(
				await fails(
					createOrganisation(
						handle.db,
						editor,
						newOrg,
						locationInputSchema.parse({ naam: 'Huis', postcode: '9401' })
					)
				)
			).status
		).toBe(403);
	});

	it('creates it with a free slug, a location placed by its postcode, an audit entry and a search-index sync', async () => {
		const created = await createOrganisation(
			handle.db,
			beheerder,
			newOrg,
			locationInputSchema.parse({ naam: 'Huis', adres: 'Kerkstraat 1', postcode: '9401 AB', plaats: 'Assen' })
		);
		// The demo data already has this name, so the slug gets a number.
		expect(created.slug).toBe('voorbeeld-hospice-de-zonnedauw-assen-2');
		expect(created.version).toBe(1);
		const [loc] = await handle.db.select().from(locations).where(eq(locations.organisationId, created.id));
		const [area] = await handle.db.select().from(postcodeGebieden).where(eq(postcodeGebieden.pc4, '9401'));
		expect(loc).toMatchObject({ pc4: '9401', gemeenteCode: area.gemeenteCode, lat: area.lat, lon: area.lon });
		expect(await auditCount(created.id)).toBe(1);
		// Now in the network: the beheerder (and only they) can open it.
		expect((await organisationProfile(handle.db, beheerder, created.slug)).locations).toHaveLength(1);
		expect((await fails(organisationProfile(handle.db, beheerderAmsterdam, created.slug))).status).toBe(403);
	});
});

describe('archiving', () => {
	it('hides an organisation from search, keeps it and its bed units, and can be undone', async () => {
		const [org] = await handle.db.select().from(organisations).where(eq(organisations.id, ownOrg.id));
		const units = await handle.db.select().from(bedUnits).where(eq(bedUnits.organisationId, org.id));
		expect(await searchCount(org.id)).toBeGreaterThan(0);

		expect(
			(await fails(setOrganisationStatus(handle.db, editor, org.id, org.version, 'gearchiveerd'))).status
		).toBe(403);

		const archived = await setOrganisationStatus(handle.db, beheerder, org.id, org.version, 'gearchiveerd');
		expect(archived.status).toBe('gearchiveerd');
		expect(await searchCount(org.id)).toBe(0);
		expect(await handle.db.select().from(bedUnits).where(eq(bedUnits.organisationId, org.id))).toHaveLength(
			units.length
		);
		// Still in the network and still editable by its editor.
		expect((await organisationProfile(handle.db, editor, org.slug)).organisation.status).toBe('gearchiveerd');

		const stale = await fails(setOrganisationStatus(handle.db, beheerder, org.id, org.version, 'actief'));
		expect(stale.status).toBe(409);
		const restored = await setOrganisationStatus(handle.db, beheerder, org.id, archived.version, 'actief');
		expect(restored.status).toBe('actief');
		expect(await searchCount(org.id)).toBeGreaterThan(0);
	});

	it('refuses to archive a location while bed units there are in use', async () => {
		const [unit] = await handle.db
			.select()
			.from(bedUnits)
			.where(and(eq(bedUnits.organisationId, ownOrg.id), eq(bedUnits.status, 'actief')));
		expect(unit).toBeDefined();
		const [loc] = await handle.db.select().from(locations).where(eq(locations.id, unit.locationId));
		const refused = await fails(
			setLocationStatus(handle.db, editor, ownOrg.id, loc.id, loc.version, 'gearchiveerd')
		);
		expect(refused.status).toBe(400);
		expect(refused.message).toContain('bedden');
	});
});

describe('locations', () => {
	it('derives pc4, gemeente and coordinates from the postcode, unless coordinates are given', async () => {
		const derived = await createLocation(
			handle.db,
			editor,
			ownOrg.id,
			locationInputSchema.parse({ naam: 'Dagbesteding', postcode: '9402' })
		);
		const [area] = await handle.db.select().from(postcodeGebieden).where(eq(postcodeGebieden.pc4, '9402'));
		expect(derived).toMatchObject({
			postcode: '9402',
			pc4: '9402',
			gemeenteCode: area.gemeenteCode,
			lat: area.lat,
			lon: area.lon
		});

		const explicit = await updateLocation(
			handle.db,
			editor,
			ownOrg.id,
			derived.id,
			derived.version,
			locationInputSchema.parse({ naam: 'Dagbesteding', postcode: '9402', lat: '52.9999', lon: '6.5555' })
		);
		expect(explicit).toMatchObject({
			lat: 52.9999,
			lon: 6.5555,
			gemeenteCode: area.gemeenteCode,
			version: 2
		});

		const profile = await organisationProfile(handle.db, editor, ownOrg.id);
		expect(profile.locations.find((l) => l.id === derived.id)?.coordinatenHandmatig).toBe(true);
	});

	it('gives a field error for an unknown postcode and a duplicate name, and a conflict for an old version', async () => {
		const unknown = await fails(
			createLocation(
				handle.db,
				editor,
				ownOrg.id,
				locationInputSchema.parse({ naam: 'Elders', postcode: '1000 ZZ' })
			)
		);
		expect(unknown.errors).toEqual({ postcode: 'Deze postcode kennen we niet. Controleer de vier cijfers.' });

		const duplicate = await fails(
			createLocation(handle.db, editor, ownOrg.id, locationInputSchema.parse({ naam: 'DAGBESTEDING' }))
		);
		expect(duplicate.errors).toHaveProperty('naam');

		const [loc] = await handle.db
			.select()
			.from(locations)
			.where(and(eq(locations.organisationId, ownOrg.id), eq(locations.naam, 'Dagbesteding')));
		const conflict = await fails(
			updateLocation(
				handle.db,
				editor,
				ownOrg.id,
				loc.id,
				loc.version - 1,
				locationInputSchema.parse({ naam: 'Dagbesteding X' })
			)
		);
		expect(conflict.status).toBe(409);
		expect(conflict.current).toMatchObject({ id: loc.id, version: loc.version, naam: 'Dagbesteding' });

		// Through another organisation the location does not exist; someone else's editor may not touch it.
		const viaOther = updateLocation(
			handle.db,
			editor,
			foreignOrg.id,
			loc.id,
			loc.version,
			locationInputSchema.parse({ naam: 'X' })
		);
		expect((await fails(viaOther)).status).toBe(404);
		const byOther = updateLocation(
			handle.db,
			otherEditor,
			ownOrg.id,
			loc.id,
			loc.version,
			locationInputSchema.parse({ naam: 'X' })
		);
		expect((await fails(byOther)).status).toBe(403);
	});
});

describe('services', () => {
	it('creates a service with its locations and regions, and updates them with locking', async () => {
		const profile = await organisationProfile(handle.db, editor, ownOrg.id);
		const [region] = await handle.db
			.select()
			.from(regions)
			.where(eq(regions.slug, 'drenthe-steenwijkerland'));
		const input = serviceInputSchema.parse({
			naam: 'Rouwgroep',
			categorie: 'rouwbegeleiding',
			doelgroepen: ['algemeen'],
			locationIds: [profile.locations[0].id],
			regionIds: [region.id],
			tijd_1_0_van: '19:00',
			tijd_1_0_tot: '21:00'
		});
		const created = await createService(handle.db, editor, ownOrg.id, input);
		expect(created).toMatchObject({
			locationIds: [profile.locations[0].id],
			regionIds: [region.id],
			openingstijden: [{ dag: 1, van: '19:00', tot: '21:00' }]
		});
		expect(await auditCount(created.id)).toBe(1);

		const updated = await updateService(handle.db, editor, ownOrg.id, created.id, created.version, {
			...input,
			locationIds: [],
			regionIds: []
		});
		expect(updated).toMatchObject({ version: 2, locationIds: [], regionIds: [] });
		const again = await organisationProfile(handle.db, editor, ownOrg.id);
		expect(again.services.find((s) => s.id === created.id)).toMatchObject({ locationIds: [], regionIds: [] });

		const conflict = await fails(updateService(handle.db, editor, ownOrg.id, created.id, 1, input));
		expect(conflict.status).toBe(409);
		expect(await auditCount(created.id)).toBe(2);
	});

	it('refuses locations of another organisation', async () => {
		const [foreignLocation] = await handle.db
			.select()
			.from(locations)
			.where(eq(locations.organisationId, foreignOrg.id));
		const error = await fails(
			createService(
				handle.db,
				editor,
				ownOrg.id,
				serviceInputSchema.parse({
					naam: 'Inloop',
					categorie: 'informatie',
					locationIds: [foreignLocation.id]
				})
			)
		);
		expect(error.errors).toEqual({ locationIds: 'Kies alleen locaties van deze organisatie.' });
	});
});

describe('the beheerder’s list', () => {
	it('counts active locations and services, names the places, and searches name, slug and place', async () => {
		const ids = await organisationIdsInRegion(handle.db, beheerder.regionId!);
		const all = await listOrganisations(handle.db, { ids, status: 'alle', limit: 500, offset: 0 });
		expect(all.total).toBe(ids.length);
		const own = all.items.find((o) => o.id === ownOrg.id)!;
		const [{ n: activeLocations }] = await handle.db
			.select({ n: count() })
			.from(locations)
			.where(and(eq(locations.organisationId, ownOrg.id), eq(locations.status, 'actief')));
		expect(own.aantalLocaties).toBe(activeLocations);
		expect(own.aantalDiensten).toBeGreaterThan(0);
		expect(own.plaatsen).toContain('Assen');

		const byName = await listOrganisations(handle.db, { ids, zoek: 'zonnedauw', limit: 50, offset: 0 });
		expect(byName.items.map((o) => o.id)).toContain(ownOrg.id);
		const byPlace = await listOrganisations(handle.db, {
			ids,
			zoek: 'Assen',
			type: 'hospice',
			limit: 50,
			offset: 0
		});
		expect(byPlace.items.map((o) => o.id)).toContain(ownOrg.id);
		expect(byPlace.items.every((o) => o.type === 'hospice')).toBe(true);
		const nothing = await listOrganisations(handle.db, { ids, zoek: '%', limit: 50, offset: 0 });
		expect(nothing.total).toBe(0);
		expect((await listOrganisations(handle.db, { ids: [], limit: 50, offset: 0 })).total).toBe(0);
	});
});
