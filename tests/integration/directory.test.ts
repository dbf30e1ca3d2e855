import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db/client';
import {
	locations,
	organisations,
	regions,
	serviceLocations,
	serviceRegions,
	services,
	taxonomyTerms
} from '../../src/lib/server/db/schema';
import { ensureReferenceData } from '../../src/lib/server/reference/load-reference-data';
import {
	getOrganisationPage,
	listOrganisationsAZ,
	loadLabels,
	servicesInRegion
} from '../../src/lib/server/repositories/directory';
import { gemeenteCodesOfRegion } from '../../src/lib/server/repositories/regions';
import { demoSlug, seedDemoData } from '../../src/lib/server/seed/demo';
import { createTestDatabase } from './helpers/test-db';

const NOW = new Date('2026-11-23T10:00:00Z');
let handle: DatabaseHandle;
const ids: Record<string, string> = {};

async function regionId(slug: string) {
	const [r] = await handle.db.select({ id: regions.id }).from(regions).where(eq(regions.slug, slug));
	return r.id;
}

beforeAll(async () => {
	handle = await createTestDatabase();
	await ensureReferenceData(handle.db);
	await seedDemoData(handle.db, { now: NOW });
	const db = handle.db;

	// An organisation in Emmen whose services say what the repository must do with status and regions.
	const [org] = await db
		.insert(organisations)
		.values({ slug: 'test-emmen', naam: 'Testorganisatie Emmen', type: 'consultatieteam' })
		.returning();
	const [emmen, archivedLoc] = await db
		.insert(locations)
		.values([
			{ organisationId: org.id, naam: 'Vestiging Emmen', plaats: 'Emmen', gemeenteCode: 'GM0114' },
			{
				organisationId: org.id,
				naam: 'Oude vestiging Assen',
				plaats: 'Assen',
				gemeenteCode: 'GM0106',
				status: 'gearchiveerd'
			}
		])
		.returning();
	const [networkWide, archivedService, noOwnLocation] = await db
		.insert(services)
		.values([
			{
				organisationId: org.id,
				naam: 'Consultatielijn netwerkbreed',
				categorie: 'consultatie',
				expertise: ['rouw'],
				voorProfessionals: true
			},
			{ organisationId: org.id, naam: 'Gestopte dienst', categorie: 'informatie', status: 'gearchiveerd' },
			{ organisationId: org.id, naam: 'Dienst zonder eigen locatie', categorie: 'informatie' }
		])
		.returning();
	await db.insert(serviceLocations).values([
		{ serviceId: networkWide.id, locationId: emmen.id },
		{ serviceId: archivedService.id, locationId: emmen.id }
	]);
	// Linked to the whole network, not to the sub-region Drenthe / Assen.
	await db.insert(serviceRegions).values({
		serviceId: networkWide.id,
		regionId: await regionId('drenthe-steenwijkerland')
	});

	const [archivedOrg] = await db
		.insert(organisations)
		.values({
			slug: 'test-gearchiveerd',
			naam: 'AAA Gearchiveerde organisatie',
			type: 'hospice',
			status: 'gearchiveerd'
		})
		.returning();
	Object.assign(ids, {
		org: org.id,
		emmen: emmen.id,
		archivedLoc: archivedLoc.id,
		networkWide: networkWide.id,
		archivedService: archivedService.id,
		noOwnLocation: noOwnLocation.id,
		archivedOrg: archivedOrg.id
	});
});
afterAll(() => handle?.close());

describe('getOrganisationPage', () => {
	it('gives a demo hospice with services, locations, beds and the network it works in', async () => {
		const page = await getOrganisationPage(handle.db, demoSlug('hospiceAssen'));
		expect(page).not.toBeNull();
		expect(page!.organisation).toMatchObject({
			naam: expect.stringContaining('Zonnedauw'),
			isVoorbeeld: true
		});
		expect(page!.locations.length).toBeGreaterThan(0);
		expect(page!.locations[0]).toMatchObject({ gemeenteNaam: 'Assen', provincieNaam: 'Drenthe' });
		expect(page!.services.length).toBeGreaterThan(0);
		expect(page!.bedUnits.length).toBeGreaterThan(0);
		expect(page!.bedUnits.every((u) => u.beschikbaarheidBijgewerktOp instanceof Date)).toBe(true);
		expect(page!.regions.map((r) => r.slug)).toEqual(
			expect.arrayContaining([expect.stringMatching(/^drenthe/)])
		);
	});

	it('leaves out archived locations and services, and finds nothing for an archived or unknown slug', async () => {
		const page = await getOrganisationPage(handle.db, 'test-emmen');
		expect(page!.locations.map((l) => l.id)).toEqual([ids.emmen]);
		expect(page!.services.map((s) => s.id).sort()).toEqual([ids.networkWide, ids.noOwnLocation].sort());
		expect(page!.services.find((s) => s.id === ids.networkWide)!.locationIds).toEqual([ids.emmen]);
		expect(page!.regions.map((r) => r.slug)).toEqual(['drenthe-steenwijkerland']);
		expect(await getOrganisationPage(handle.db, 'test-gearchiveerd')).toBeNull();
		expect(await getOrganisationPage(handle.db, 'bestaat-niet')).toBeNull();
	});
});

describe('listOrganisationsAZ', () => {
	it('lists active organisations with their active places, without archived ones', async () => {
		const rows = await listOrganisationsAZ(handle.db);
		expect(rows.some((r) => r.slug === 'test-gearchiveerd')).toBe(false);
		// The archived location in Assen does not count as a place.
		expect(rows.find((r) => r.slug === 'test-emmen')!.plaatsen).toEqual(['Emmen']);
		expect(rows.length).toBeGreaterThan(100);
	});
});

describe('loadLabels', () => {
	it('prefers the label a beheerder gave in taxonomy_terms and drops inactive terms from the list', async () => {
		await handle.db
			.update(taxonomyTerms)
			.set({ label: 'Pijn en klachten' })
			.where(and(eq(taxonomyTerms.vocabulary, 'expertise'), eq(taxonomyTerms.code, 'pijnbeleid')));
		await handle.db
			.update(taxonomyTerms)
			.set({ active: false })
			.where(and(eq(taxonomyTerms.vocabulary, 'expertise'), eq(taxonomyTerms.code, 'dakloosheid')));
		const labels = await loadLabels(handle.db);
		expect(labels.of('expertise', 'pijnbeleid')).toBe('Pijn en klachten');
		expect(labels.of('expertise', 'dakloosheid')).toBe('Dakloosheid');
		expect(labels.of('expertise', 'onbekende_code')).toBe('onbekende_code');
		const codes = labels.terms('expertise').map((t) => t.code);
		expect(codes).toContain('pijnbeleid');
		expect(codes).not.toContain('dakloosheid');
		await handle.db
			.update(taxonomyTerms)
			.set({ active: true })
			.where(and(eq(taxonomyTerms.vocabulary, 'expertise'), eq(taxonomyTerms.code, 'dakloosheid')));
	});
});

describe('servicesInRegion', () => {
	it('finds the network-wide services and the services at locations in the region, only active ones', async () => {
		const network = await regionId('drenthe-steenwijkerland');
		const { gemeenten, services: found } = await servicesInRegion(handle.db, network);
		const codes = await gemeenteCodesOfRegion(handle.db, network);
		expect(gemeenten.map((g) => g.code).sort()).toEqual([...codes].sort());
		expect(found.length).toBeGreaterThan(50);
		for (const s of found) expect(codes).toEqual(expect.arrayContaining(s.gemeenteCodes));
		const mine = found.filter((s) => s.organisation.id === ids.org);
		expect(mine.map((s) => s.id).sort()).toEqual([ids.networkWide, ids.noOwnLocation].sort());
		// A service without its own locations counts at its organisation's (active) locations.
		expect(mine.find((s) => s.id === ids.noOwnLocation)!.gemeenteCodes).toEqual(['GM0114']);
		// Nothing from the other demo regions.
		const amsterdam = demoSlug('hospiceAmsterdamRegulier');
		expect(found.some((s) => s.organisation.slug === amsterdam)).toBe(false);
	});

	it('counts a service linked to the whole network in each of its sub-regions', async () => {
		const assen = await regionId('drenthe-assen');
		const { services: found } = await servicesInRegion(handle.db, assen);
		const networkWide = found.find((s) => s.id === ids.networkWide);
		expect(networkWide).toBeDefined();
		// Its location is in Emmen, outside this sub-region: it has no gemeente column here.
		expect(networkWide!.gemeenteCodes).toEqual([]);
		expect(found.some((s) => s.id === ids.noOwnLocation)).toBe(false);
	});
});
