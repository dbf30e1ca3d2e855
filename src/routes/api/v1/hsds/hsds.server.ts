/**
 * The HSDS read use cases: validate the query, read through the directory repository, map with the pure HSDS mapper.
 * The +server.ts files next to this one only pick the use case and turn its result into a response.
 */
import { json } from '@sveltejs/kit';
import {
	fallbackTerm,
	termId,
	hsdsPage,
	HSDS_VERSION,
	isPublishedVocabulary,
	publishedVocabularies,
	taxonomyId,
	TIME_ZONE_NOTE,
	toOrganization,
	toOrganizationBasic,
	toService,
	toServiceAtLocation,
	toServiceAtLocationBasic,
	toServiceBasic,
	toTaxonomy,
	toTaxonomyTerm,
	VOORBEELD_NOTE,
	type PublishedVocabulary
} from '$lib/domain/hsds/mapper';
import { parseHsdsQuery, type HsdsListQuery } from '$lib/domain/hsds/query';
import type {
	HsdsService,
	MappingContext,
	OrganisationRecord,
	ServiceRecord,
	TermRecord
} from '$lib/domain/hsds/types';
import { isUuid } from '$lib/domain/hsds/uuid';
import { vocabularies, type Vocabulary } from '$lib/domain/organisation/taxonomy';
import type { Executor } from '$lib/server/db';
import {
	getServiceAtLocation,
	listTerms,
	locationsByIds,
	locationsOfOrganisations,
	organisationsByIds,
	pageOfOrganisations,
	pageOfServiceAtLocations,
	pageOfServices,
	serviceAreas,
	serviceAtLocationsOfServices,
	servicesByIds,
	servicesOfOrganisations,
	type ServiceFilter
} from '$lib/server/repositories/directory';

const HEADERS = {
	// Open data: any site may read it; a minute of caching keeps crawlers cheap.
	'access-control-allow-origin': '*',
	'cache-control': 'public, max-age=60'
};

export function ok(body: unknown): Response {
	return json(body, { headers: HEADERS });
}

export function problem(status: 400 | 404, message: string): Response {
	return json({ status, message }, { status, headers: HEADERS });
}

export const notFound = (what: string) => problem(404, `${what} niet gevonden.`);

/** Parse the list query or give the 400 response. */
export function listQuery(url: URL): { query: HsdsListQuery } | { response: Response } {
	const parsed = parseHsdsQuery(url.searchParams);
	return parsed.ok ? { query: parsed.query } : { response: problem(400, parsed.message) };
}

const paging = (q: HsdsListQuery) => ({ offset: (q.page - 1) * q.per_page, limit: q.per_page });

// ---- taxonomy ----------------------------------------------------------------------------------------------------------

interface Terms {
	ctx: MappingContext;
	/** Active terms of the published vocabularies, in display order. */
	published: TermRecord[];
	byId(id: string): TermRecord | null;
}

async function loadTerms(db: Executor, baseUrl: string): Promise<Terms> {
	// Stored labels (as a beheerder left them), published under the stable derived id (see termId).
	const rows = (await listTerms(db)).map((r) => ({ ...r, id: termId(r.vocabulary, r.code) }));
	const byKey = new Map(rows.map((r) => [`${r.vocabulary}:${r.code}`, r]));
	const ctx: MappingContext = {
		baseUrl,
		term: (vocabulary, code) => byKey.get(`${vocabulary}:${code}`) ?? fallbackTerm(vocabulary, code)
	};
	const published = rows.filter((r) => r.active && isPublishedVocabulary(r.vocabulary));
	const byId = new Map<string, TermRecord>(published.map((r) => [r.id, r]));
	// Codes of the seed vocabularies missing from taxonomy_terms are still published (see fallbackTerm).
	for (const vocabulary of Object.keys(publishedVocabularies) as PublishedVocabulary[]) {
		for (const t of vocabularies[vocabulary]) {
			if (!byKey.has(`${vocabulary}:${t.code}`))
				byId.set(termId(vocabulary, t.code), fallbackTerm(vocabulary, t.code));
		}
	}
	return {
		ctx,
		published,
		// Inactive terms (switched off by a beheerder) are not published on their own.
		byId: (id) => byId.get(id) ?? null
	};
}

function vocabularyOfTaxonomy(id: string): PublishedVocabulary | null {
	return (
		(Object.keys(publishedVocabularies) as PublishedVocabulary[]).find((v) => taxonomyId(v) === id) ?? null
	);
}

/** taxonomy_id / taxonomy_term_id as service filters; null when they name nothing we publish (→ empty result). */
function taxonomyFilter(q: HsdsListQuery, terms: Terms): ServiceFilter['taxonomy'] | null {
	const filters: NonNullable<ServiceFilter['taxonomy']> = [];
	if (q.taxonomy_id) {
		const vocabulary = vocabularyOfTaxonomy(q.taxonomy_id);
		if (!vocabulary) return null;
		filters.push({ vocabulary, code: null });
	}
	if (q.taxonomy_term_id) {
		const term = terms.byId(q.taxonomy_term_id);
		if (!term) return null;
		filters.push({ vocabulary: term.vocabulary as Vocabulary, code: term.code });
	}
	return filters;
}

export function apiInfo(baseUrl: string) {
	return {
		version: HSDS_VERSION,
		profile: 'https://docs.openreferral.org/en/v3.0/',
		openapi_url: 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json',
		// Not part of the HSDS meta object, but what a consumer of this particular API needs to know.
		description:
			'De sociale kaart palliatieve zorg van Regiokaart Palliatieve Zorg als Open Referral HSDS 3.0. Alleen actieve ' +
			`organisaties en diensten. ${TIME_ZONE_NOTE} Voorbeeldorganisaties beginnen hun beschrijving met: "${VOORBEELD_NOTE}"`,
		endpoints: [
			'organizations',
			'organizations/{id}',
			'services',
			'services/{id}',
			'service_at_locations',
			'service_at_locations/{id}',
			'taxonomies',
			'taxonomies/{id}',
			'taxonomy_terms',
			'taxonomy_terms/{id}'
		].map((p) => `${baseUrl}/api/v1/hsds/${p}`)
	};
}

export async function listTaxonomies(db: Executor, q: HsdsListQuery, baseUrl: string) {
	const { ctx } = await loadTerms(db, baseUrl);
	const needle = q.search?.toLowerCase();
	const all = (Object.keys(publishedVocabularies) as PublishedVocabulary[])
		.map((v) => toTaxonomy(v, ctx))
		.filter((t) => !needle || `${t.name} ${t.description}`.toLowerCase().includes(needle));
	return inMemoryPage(all, q);
}

export function getTaxonomy(id: string, baseUrl: string) {
	const vocabulary = isUuid(id) ? vocabularyOfTaxonomy(id) : null;
	return vocabulary ? toTaxonomy(vocabulary, { baseUrl, term: fallbackTerm }) : null;
}

export async function listTaxonomyTerms(
	db: Executor,
	q: HsdsListQuery,
	extra: { parentId: string | null },
	baseUrl: string
) {
	const terms = await loadTerms(db, baseUrl);
	const vocabulary = q.taxonomy_id ? vocabularyOfTaxonomy(q.taxonomy_id) : undefined;
	const needle = q.search?.toLowerCase();
	// Our vocabularies are flat: no term has a parent.
	const matching =
		vocabulary === null || extra.parentId
			? []
			: terms.published.filter(
					(t) =>
						(!vocabulary || t.vocabulary === vocabulary) &&
						(!needle || `${t.code} ${t.label}`.toLowerCase().includes(needle))
				);
	return inMemoryPage(
		matching.map((t) => toTaxonomyTerm(t, terms.ctx)),
		q
	);
}

export async function getTaxonomyTerm(db: Executor, id: string, baseUrl: string) {
	if (!isUuid(id)) return null;
	const terms = await loadTerms(db, baseUrl);
	const term = terms.byId(id.toLowerCase());
	return term ? toTaxonomyTerm(term, terms.ctx) : null;
}

function inMemoryPage<T>(all: T[], q: HsdsListQuery) {
	const start = (q.page - 1) * q.per_page;
	return hsdsPage(all.slice(start, start + q.per_page), all.length, q.page, q.per_page);
}

// ---- organisations -----------------------------------------------------------------------------------------------------

async function fullServices(
	db: Executor,
	records: ServiceRecord[],
	orgs: Map<string, OrganisationRecord>,
	ctx: MappingContext
): Promise<Map<string, HsdsService>> {
	const ids = records.map((s) => s.id);
	const [areas, links] = await Promise.all([serviceAreas(db, ids), serviceAtLocationsOfServices(db, ids)]);
	const locs = new Map(
		(await locationsByIds(db, [...new Set(links.map((l) => l.locationId))])).map((l) => [l.id, l])
	);
	const out = new Map<string, HsdsService>();
	for (const s of records) {
		const org = orgs.get(s.organisationId);
		if (!org) continue;
		out.set(
			s.id,
			toService(
				s,
				org,
				{
					areas: areas.filter((a) => a.serviceId === s.id),
					atLocations: links
						.filter((l) => l.serviceId === s.id && locs.has(l.locationId))
						.map((link) => ({ link, location: locs.get(link.locationId)! }))
				},
				ctx
			)
		);
	}
	return out;
}

async function fullOrganisations(
	db: Executor,
	orgs: OrganisationRecord[],
	ctx: MappingContext,
	withFullServices: boolean
) {
	const ids = orgs.map((o) => o.id);
	const [locs, servs] = await Promise.all([
		locationsOfOrganisations(db, ids),
		servicesOfOrganisations(db, ids)
	]);
	const full = withFullServices
		? await fullServices(db, servs, new Map(orgs.map((o) => [o.id, o])), ctx)
		: new Map<string, HsdsService>();
	return orgs.map((org) =>
		toOrganization(
			org,
			{
				locations: locs.filter((l) => l.organisationId === org.id),
				services: servs
					.filter((s) => s.organisationId === org.id)
					.map((record) => ({ record, full: full.get(record.id) }))
			},
			ctx
		)
	);
}

export async function listOrganizations(db: Executor, q: HsdsListQuery, baseUrl: string) {
	const { ctx } = await loadTerms(db, baseUrl);
	const { total, rows } = await pageOfOrganisations(db, { search: q.search }, paging(q));
	const contents = q.full
		? await fullOrganisations(db, rows, ctx, q.full_service ?? false)
		: rows.map((o) => toOrganizationBasic(o, ctx));
	return hsdsPage(contents, total, q.page, q.per_page);
}

export async function getOrganization(db: Executor, id: string, fullService: boolean, baseUrl: string) {
	if (!isUuid(id)) return null;
	const [org] = await organisationsByIds(db, [id]);
	if (!org) return null;
	const { ctx } = await loadTerms(db, baseUrl);
	const [full] = await fullOrganisations(db, [org], ctx, fullService);
	return full;
}

// ---- services ----------------------------------------------------------------------------------------------------------

function serviceFilter(q: HsdsListQuery, terms: Terms): ServiceFilter | null {
	const taxonomy = taxonomyFilter(q, terms);
	if (taxonomy === null) return null;
	return { search: q.search, organizationId: q.organization_id, modifiedAfter: q.modified_after, taxonomy };
}

async function organisationMap(db: Executor, records: { organisationId: string }[]) {
	const orgs = await organisationsByIds(db, [...new Set(records.map((r) => r.organisationId))]);
	return new Map(orgs.map((o) => [o.id, o]));
}

export async function listServices(db: Executor, q: HsdsListQuery, baseUrl: string) {
	const terms = await loadTerms(db, baseUrl);
	const filter = serviceFilter(q, terms);
	if (!filter) return hsdsPage([], 0, q.page, q.per_page);
	const { total, rows } = await pageOfServices(db, filter, paging(q));
	const orgs = await organisationMap(db, rows);
	if (q.full) {
		const full = await fullServices(db, rows, orgs, terms.ctx);
		return hsdsPage(rows.map((s) => full.get(s.id)!).filter(Boolean), total, q.page, q.per_page);
	}
	const contents = rows.map((s) =>
		toServiceBasic(s, orgs.get(s.organisationId)!, terms.ctx, { withOrganization: true })
	);
	return hsdsPage(contents, total, q.page, q.per_page);
}

export async function getService(db: Executor, id: string, baseUrl: string) {
	if (!isUuid(id)) return null;
	const [service] = await servicesByIds(db, [id]);
	if (!service) return null;
	const { ctx } = await loadTerms(db, baseUrl);
	const full = await fullServices(db, [service], await organisationMap(db, [service]), ctx);
	return full.get(service.id) ?? null;
}

// ---- service at location -----------------------------------------------------------------------------------------------

export async function listServiceAtLocations(db: Executor, q: HsdsListQuery, baseUrl: string) {
	const terms = await loadTerms(db, baseUrl);
	const filter = serviceFilter(q, terms);
	if (!filter) return hsdsPage([], 0, q.page, q.per_page);
	const { total, rows } = await pageOfServiceAtLocations(db, filter, paging(q));
	const [servs, locs] = await Promise.all([
		servicesByIds(db, [...new Set(rows.map((r) => r.serviceId))]),
		locationsByIds(db, [...new Set(rows.map((r) => r.locationId))])
	]);
	const serviceById = new Map(servs.map((s) => [s.id, s]));
	const locationById = new Map(locs.map((l) => [l.id, l]));
	const orgs = await organisationMap(db, servs);
	const map = q.full ? toServiceAtLocation : toServiceAtLocationBasic;
	const contents = rows.flatMap((link) => {
		const service = serviceById.get(link.serviceId);
		const location = locationById.get(link.locationId);
		const org = service && orgs.get(service.organisationId);
		return service && location && org ? [map(link, service, org, location, terms.ctx)] : [];
	});
	return hsdsPage(contents, total, q.page, q.per_page);
}

export async function getServiceAtLocationById(db: Executor, id: string, baseUrl: string) {
	if (!isUuid(id)) return null;
	const link = await getServiceAtLocation(db, id.toLowerCase());
	if (!link) return null;
	const [[service], [location]] = await Promise.all([
		servicesByIds(db, [link.serviceId]),
		locationsByIds(db, [link.locationId])
	]);
	if (!service || !location) return null;
	const orgs = await organisationMap(db, [service]);
	const org = orgs.get(service.organisationId);
	if (!org) return null;
	const { ctx } = await loadTerms(db, baseUrl);
	return toServiceAtLocation(link, service, org, location, ctx);
}
