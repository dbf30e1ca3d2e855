import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taxonomyId, termId } from '../../src/lib/domain/hsds/mapper';
import { hsdsListQuerySchema, type HsdsListQuery } from '../../src/lib/domain/hsds/query';
import type { HsdsService } from '../../src/lib/domain/hsds/types';
import type { DatabaseHandle } from '../../src/lib/server/db/client';
import {
	locations,
	organisations,
	serviceLocations,
	services,
	taxonomyTerms
} from '../../src/lib/server/db/schema';
import { ensureReferenceData } from '../../src/lib/server/reference/load-reference-data';
import { demoSlug, seedDemoData } from '../../src/lib/server/seed/demo';
import {
	apiInfo,
	getOrganization,
	getService,
	getServiceAtLocationById,
	getTaxonomy,
	getTaxonomyTerm,
	listOrganizations,
	listServiceAtLocations,
	listServices,
	listTaxonomies,
	listTaxonomyTerms
} from '../../src/routes/api/v1/hsds/hsds.server';
import { createHsdsValidator } from '../unit/hsds/hsds-validator';
import { serviceAtLocationId } from '../unit/hsds/service-at-location-id';
import { createTestDatabase } from './helpers/test-db';

// The portal's HSDS output on the seeded demo directory must validate against the specification's schemas
// (the same validator that accepts the specification's own examples, tests/unit/hsds/spec-examples.test.ts).

const BASE = 'https://regiokaart.example';
const NOW = new Date('2026-11-23T10:00:00Z');
const hsds = createHsdsValidator();
let handle: DatabaseHandle;
const ids: Record<string, string> = {};

const q = (input: Record<string, string> = {}): HsdsListQuery => hsdsListQuerySchema.parse(input);

beforeAll(async () => {
	handle = await createTestDatabase();
	await ensureReferenceData(handle.db);
	await seedDemoData(handle.db, { now: NOW });
	const db = handle.db;
	// Records that must never be published: an archived organisation, an archived service and an archived location.
	const [archivedOrg] = await db
		.insert(organisations)
		.values({ slug: 'test-archief', naam: 'Gearchiveerd Hospice', type: 'hospice', status: 'gearchiveerd' })
		.returning();
	const [archivedOrgService] = await db
		.insert(services)
		.values({
			organisationId: archivedOrg.id,
			naam: 'Dienst van gearchiveerde organisatie',
			categorie: 'hospice'
		})
		.returning();
	const [org] = await db
		.insert(organisations)
		.values({
			slug: 'test-actief',
			naam: 'Actieve testorganisatie',
			type: 'vptz',
			email: 'dit is geen adres',
			website: 'www.vptz-test.nl'
		})
		.returning();
	const [archivedService, activeService] = await db
		.insert(services)
		.values([
			{ organisationId: org.id, naam: 'Gestopte dienst', categorie: 'vptz', status: 'gearchiveerd' },
			{
				organisationId: org.id,
				naam: 'Waken bij u thuis',
				categorie: 'vptz',
				expertise: ['mantelzorgondersteuning'],
				openingstijden: [{ dag: 5, van: '22:00', tot: '06:00' }]
			}
		])
		.returning();
	const [archivedLocation] = await db
		.insert(locations)
		.values({ organisationId: org.id, naam: 'Oude locatie', status: 'gearchiveerd', lat: 52, lon: 6 })
		.returning();
	await db.insert(serviceLocations).values({ serviceId: activeService.id, locationId: archivedLocation.id });
	Object.assign(ids, {
		archivedOrg: archivedOrg.id,
		archivedOrgService: archivedOrgService.id,
		org: org.id,
		archivedService: archivedService.id,
		activeService: activeService.id,
		archivedLocation: archivedLocation.id
	});
});
afterAll(() => handle?.close());

async function allPages<T>(fetchPage: (page: number) => Promise<{ contents: T[]; last_page: boolean }>) {
	const out: T[] = [];
	for (let page = 1; ; page++) {
		const p = await fetchPage(page);
		out.push(...p.contents);
		if (p.last_page) return out;
	}
}

describe('HSDS output on the seeded directory validates against the specification', () => {
	it('every page of /organizations, and the full variant', async () => {
		const perPage = '40';
		for (let page = 1; ; page++) {
			const body = await listOrganizations(handle.db, q({ page: String(page), per_page: perPage }), BASE);
			expect(hsds.response('/organizations', body)).toEqual([]);
			if (body.last_page) break;
		}
		const full = await listOrganizations(
			handle.db,
			q({ full: 'true', full_service: 'true', per_page: '15' }),
			BASE
		);
		expect(full.contents.length).toBe(15);
		for (const org of full.contents) expect(hsds.object('organization.json', org)).toEqual([]);
	});

	it('every fully nested service (/services/{id}) and every page of /services', async () => {
		const list = await allPages((page) =>
			listServices(handle.db, q({ page: String(page), per_page: '200' }), BASE).then((body) => {
				expect(hsds.response('/services', body)).toEqual([]);
				return body;
			})
		);
		expect(list.length).toBeGreaterThan(150);
		const full = (await allPages((page) =>
			listServices(handle.db, q({ page: String(page), per_page: '100', full: 'true' }), BASE)
		)) as HsdsService[];
		expect(full.length).toBe(list.length);
		const problems = full.flatMap((s) => hsds.response('/services/{id}', s).map((e) => `${s.id}: ${e}`));
		expect(problems).toEqual([]);
		// Demo opening hours became schedules, and the region links became service areas.
		expect(full.some((s) => s.schedules.length > 0)).toBe(true);
		expect(full.some((s) => s.service_areas.length > 0)).toBe(true);
		expect(full.some((s) => s.attributes.some((a) => a.link_type === 'expertise'))).toBe(true);
	});

	it('service_at_locations, lists and by id, with coordinates', async () => {
		const list = await listServiceAtLocations(handle.db, q({ per_page: '200' }), BASE);
		expect(hsds.response('/service_at_locations', list)).toEqual([]);
		expect(list.contents.length).toBeGreaterThan(0);
		expect(list.contents.every((c) => typeof c.location?.latitude === 'number')).toBe(true);
		const full = await listServiceAtLocations(handle.db, q({ per_page: '50', full: 'true' }), BASE);
		for (const c of full.contents) expect(hsds.object('service_at_location.json', c)).toEqual([]);
		const one = await getServiceAtLocationById(handle.db, list.contents[0].id, BASE);
		expect(one).toMatchObject({ id: list.contents[0].id, service_id: list.contents[0].service_id });
		expect(hsds.object('service_at_location.json', one)).toEqual([]);
	});

	it('taxonomies and taxonomy terms', async () => {
		const taxonomies = await listTaxonomies(handle.db, q(), BASE);
		expect(hsds.response('/taxonomies', taxonomies)).toEqual([]);
		expect(taxonomies.total_items).toBe(4);
		for (const t of taxonomies.contents)
			expect(hsds.response('/taxonomies/{id}', getTaxonomy(t.id, BASE))).toEqual([]);
		const terms = await listTaxonomyTerms(handle.db, q({ per_page: '200' }), { parentId: null }, BASE);
		expect(hsds.response('/taxonomy_terms', terms)).toEqual([]);
		const term = await getTaxonomyTerm(handle.db, terms.contents[0].id, BASE);
		expect(hsds.response('/taxonomy_terms/{id}', term)).toEqual([]);
		const expertiseOnly = await listTaxonomyTerms(
			handle.db,
			q({ taxonomy_id: taxonomyId('expertise'), per_page: '200' }),
			{ parentId: null },
			BASE
		);
		expect(expertiseOnly.contents.every((t) => t.taxonomy_id === taxonomyId('expertise'))).toBe(true);
		expect(expertiseOnly.total_items).toBe(13);
	});

	it('the API root says which HSDS version it is', () => {
		expect(hsds.response('/', apiInfo(BASE))).toEqual([]);
		expect(apiInfo(BASE).version).toBe('3.0');
	});
});

describe('only active records are published', () => {
	it('leaves out archived organisations, their services, archived services and archived locations', async () => {
		const orgs = await allPages((page) =>
			listOrganizations(handle.db, q({ page: String(page), per_page: '200' }), BASE)
		);
		expect(orgs.some((o) => o.id === ids.archivedOrg)).toBe(false);
		expect(orgs.some((o) => o.id === ids.org)).toBe(true);
		expect(await getOrganization(handle.db, ids.archivedOrg, false, BASE)).toBeNull();
		expect(await getService(handle.db, ids.archivedOrgService, BASE)).toBeNull();
		expect(await getService(handle.db, ids.archivedService, BASE)).toBeNull();

		const mine = await listServices(handle.db, q({ organization_id: ids.org }), BASE);
		expect(mine.contents.map((s) => s.id)).toEqual([ids.activeService]);
		const service = await getService(handle.db, ids.activeService, BASE);
		expect(service!.service_at_locations).toEqual([]);
		const sals = await listServiceAtLocations(handle.db, q({ organization_id: ids.org }), BASE);
		expect(sals).toMatchObject({ total_items: 0, empty: true, contents: [] });
	});

	it('drops an invalid e-mail address, completes the website and keeps the document valid', async () => {
		const org = await getOrganization(handle.db, ids.org, true, BASE);
		expect(org!.email).toBeUndefined();
		expect(org!.website).toBe('https://www.vptz-test.nl/');
		expect(hsds.response('/organizations/{id}', org)).toEqual([]);
		const [schedule] = (
			org!.services[0] as { schedules: { byday: string; opens_at: string; closes_at: string }[] }
		).schedules;
		expect(schedule).toMatchObject({ byday: 'FR', opens_at: '22:00', closes_at: '06:00' });
	});
});

describe('paging and filters', () => {
	it('pages through organisations without overlap and with a correct envelope', async () => {
		const first = await listOrganizations(handle.db, q({ per_page: '7' }), BASE);
		const second = await listOrganizations(handle.db, q({ per_page: '7', page: '2' }), BASE);
		expect(first).toMatchObject({
			page_number: 1,
			size: 7,
			first_page: true,
			last_page: false,
			empty: false
		});
		expect(first.total_pages).toBe(Math.ceil(first.total_items / 7));
		expect(second).toMatchObject({ page_number: 2, first_page: false, total_items: first.total_items });
		const overlap = second.contents.filter((o) => first.contents.some((f) => f.id === o.id));
		expect(overlap).toEqual([]);
		const beyond = await listOrganizations(handle.db, q({ per_page: '7', page: '999' }), BASE);
		expect(beyond).toMatchObject({ size: 0, empty: true, last_page: true, contents: [] });
	});

	it('filters services by taxonomy term and by taxonomy', async () => {
		const terms = await listTaxonomyTerms(
			handle.db,
			q({ search: 'middelengebruik', per_page: '200' }),
			{ parentId: null },
			BASE
		);
		const term = terms.contents.find(
			(t) => t.code === 'middelengebruik' && t.taxonomy_id === taxonomyId('expertise')
		)!; // Term ids are derived from vocabulary and code: the same in every installation.
		expect(term.id).toBe(termId('expertise', 'middelengebruik'));

		const found = await listServices(
			handle.db,
			q({ taxonomy_term_id: term.id, per_page: '200', full: 'true' }),
			BASE
		);
		expect(found.total_items).toBeGreaterThan(0);
		for (const s of found.contents as HsdsService[])
			expect(s.attributes.map((a) => a.taxonomy_term_id)).toContain(term.id);

		const all = await listServices(handle.db, q({ per_page: '1' }), BASE);
		const withAudience = await listServices(
			handle.db,
			q({ taxonomy_id: taxonomyId('doelgroep'), per_page: '1' }),
			BASE
		);
		expect(withAudience.total_items).toBeGreaterThan(0);
		expect(withAudience.total_items).toBeLessThan(all.total_items);
		const unknown = await listServices(
			handle.db,
			q({ taxonomy_term_id: '00000000-0000-4000-8000-000000000000' }),
			BASE
		);
		expect(unknown).toMatchObject({ total_items: 0, empty: true });
	});

	it('searches services by name, and filters on modified_after', async () => {
		const found = await listServices(handle.db, q({ search: 'Waken bij u thuis' }), BASE);
		expect(found.contents.map((s) => s.id)).toEqual([ids.activeService]);
		const future = await listServices(handle.db, q({ modified_after: '2999-01-01' }), BASE);
		expect(future.total_items).toBe(0);
	});
});

describe('identifiers and labels', () => {
	it('computes service_at_location ids in SQL as RFC name-based UUIDs (version 3) of "<service>:<location>"', async () => {
		const list = await listServiceAtLocations(handle.db, q({ per_page: '5' }), BASE);
		for (const sal of list.contents) {
			const expected = serviceAtLocationId(sal.service_id, sal.location_id);
			expect(sal.id).toBe(expected);
		}
	});

	it('publishes the label a beheerder gave a term', async () => {
		await handle.db
			.update(taxonomyTerms)
			.set({ label: 'Zorg voor mantelzorgers' })
			.where(
				and(eq(taxonomyTerms.vocabulary, 'expertise'), eq(taxonomyTerms.code, 'mantelzorgondersteuning'))
			);
		const service = await getService(handle.db, ids.activeService, BASE);
		const names = service!.attributes.map((a) => a.taxonomy_term.name);
		expect(names).toContain('Zorg voor mantelzorgers');
	});

	it('links an organisation to its public page', async () => {
		const slug = demoSlug('hospiceAssen');
		const page = await listOrganizations(handle.db, q({ search: 'Zonnedauw' }), BASE);
		expect(page.contents[0].uri).toBe(`${BASE}/organisaties/${slug}`);
		expect(page.contents[0].description.startsWith('Voorbeeldgegevens')).toBe(true);
	});
});
