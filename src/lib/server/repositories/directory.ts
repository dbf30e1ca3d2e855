/**
 * Read queries for the public directory: the organisation page, the A–Z index, the expertise map and the HSDS API.
 * Only active records are returned (an archived organisation hides its locations, services and bed units too).
 */
import { and, asc, count, eq, gte, ilike, inArray, isNull, notExists, or, sql, type SQL } from 'drizzle-orm';
import type {
	LocationRecord,
	OrganisationRecord,
	ServiceAreaRecord,
	ServiceAtLocationRecord,
	ServiceRecord,
	TermRecord
} from '../../domain/hsds/types';
import { HSDS_NAMESPACE } from '../../domain/hsds/uuid';
import { labelOf, vocabularies, type Vocabulary } from '../../domain/organisation/taxonomy';
import type { Executor } from '../db/client';
import {
	bedUnits,
	gemeenten,
	locations,
	organisations,
	regionGemeenten,
	regions,
	serviceLocations,
	serviceRegions,
	services,
	taxonomyTerms
} from '../db/schema';
import { gemeenteCodesOfRegion, regionWithChildren } from './regions';

// ---- shared column sets ------------------------------------------------------------------------------------------------

const organisationColumns = {
	id: organisations.id,
	slug: organisations.slug,
	naam: organisations.naam,
	type: organisations.type,
	beschrijving: organisations.beschrijving,
	telefoon: organisations.telefoon,
	email: organisations.email,
	website: organisations.website,
	isVoorbeeld: organisations.isVoorbeeld,
	updatedAt: organisations.updatedAt
};

const locationColumns = {
	id: locations.id,
	organisationId: locations.organisationId,
	naam: locations.naam,
	adres: locations.adres,
	postcode: locations.postcode,
	plaats: locations.plaats,
	gemeenteCode: locations.gemeenteCode,
	gemeenteNaam: gemeenten.naam,
	provincieNaam: gemeenten.provincieNaam,
	lat: locations.lat,
	lon: locations.lon
};

const serviceColumns = {
	id: services.id,
	organisationId: services.organisationId,
	naam: services.naam,
	beschrijving: services.beschrijving,
	categorie: services.categorie,
	doelgroepen: services.doelgroepen,
	expertise: services.expertise,
	telefoon: services.telefoon,
	email: services.email,
	website: services.website,
	dagEnNacht: services.dagEnNacht,
	openingstijden: services.openingstijden,
	bereikbaarheidToelichting: services.bereikbaarheidToelichting,
	voorProfessionals: services.voorProfessionals,
	updatedAt: services.updatedAt
};

export type DirectoryLocation = LocationRecord & { gemeenteCode: string | null };

const activeOrganisation = eq(organisations.status, 'actief');
const activeService = and(eq(services.status, 'actief'), activeOrganisation);
const activeLocation = and(eq(locations.status, 'actief'), activeOrganisation);

// ---- taxonomy labels ---------------------------------------------------------------------------------------------------

/** All terms as stored (labels as a beheerder left them), including inactive ones so old codes still get a label. */
export async function listTerms(
	db: Executor
): Promise<(TermRecord & { active: boolean; sortOrder: number })[]> {
	const rows = await db
		.select({
			id: taxonomyTerms.id,
			vocabulary: taxonomyTerms.vocabulary,
			code: taxonomyTerms.code,
			label: taxonomyTerms.label,
			description: taxonomyTerms.description,
			active: taxonomyTerms.active,
			sortOrder: taxonomyTerms.sortOrder
		})
		.from(taxonomyTerms)
		.orderBy(asc(taxonomyTerms.vocabulary), asc(taxonomyTerms.sortOrder), asc(taxonomyTerms.label));
	return rows.map((r) => ({ ...r, vocabulary: r.vocabulary as Vocabulary }));
}

export interface Labels {
	/** The label for a code: the database label when there is one, else the seed label, else the code. */
	of(vocabulary: Vocabulary, code: string): string;
	/** Active terms of a vocabulary in display order (database order, falling back to the seed vocabulary). */
	terms(vocabulary: Vocabulary): { code: string; label: string }[];
}

function labelsFrom(rows: Awaited<ReturnType<typeof listTerms>>): Labels {
	const byKey = new Map(rows.map((r) => [`${r.vocabulary}:${r.code}`, r]));
	return {
		of: (vocabulary, code) => byKey.get(`${vocabulary}:${code}`)?.label ?? labelOf(vocabulary, code),
		terms: (vocabulary) => {
			const stored = rows.filter((r) => r.vocabulary === vocabulary && r.active);
			if (stored.length) return stored.map((r) => ({ code: r.code, label: r.label }));
			return vocabularies[vocabulary].map((t) => ({ code: t.code, label: t.label }));
		}
	};
}

/** Pages read the taxonomy on every request; it changes rarely. A label edit clears this in its own process (see the
 * taxonomy service); other instances follow within LABEL_CACHE_MS. Not for indexing: that reads the table itself. */
const LABEL_CACHE_MS = 60_000;
let labelCache: { at: number; labels: Promise<Labels> } | undefined;

export function clearLabelCache() {
	labelCache = undefined;
}

export function loadLabels(db: Executor, now = Date.now()): Promise<Labels> {
	if (!labelCache || now - labelCache.at >= LABEL_CACHE_MS) {
		const labels = listTerms(db).then(labelsFrom);
		labelCache = { at: now, labels };
		// A failed read (database away) is not kept.
		labels.catch(() => {
			if (labelCache?.labels === labels) labelCache = undefined;
		});
	}
	return labelCache.labels;
}

// ---- locations and services of organisations ---------------------------------------------------------------------------

export async function locationsOfOrganisations(
	db: Executor,
	organisationIds: readonly string[]
): Promise<DirectoryLocation[]> {
	if (!organisationIds.length) return [];
	return db
		.select(locationColumns)
		.from(locations)
		.innerJoin(organisations, eq(organisations.id, locations.organisationId))
		.leftJoin(gemeenten, eq(gemeenten.code, locations.gemeenteCode))
		.where(and(activeLocation, inArray(locations.organisationId, [...organisationIds])))
		.orderBy(asc(locations.naam), asc(locations.id));
}

export async function servicesOfOrganisations(
	db: Executor,
	organisationIds: readonly string[]
): Promise<ServiceRecord[]> {
	if (!organisationIds.length) return [];
	return db
		.select(serviceColumns)
		.from(services)
		.innerJoin(organisations, eq(organisations.id, services.organisationId))
		.where(and(activeService, inArray(services.organisationId, [...organisationIds])))
		.orderBy(asc(services.naam), asc(services.id));
}

export async function serviceAreas(
	db: Executor,
	serviceIds: readonly string[]
): Promise<ServiceAreaRecord[]> {
	if (!serviceIds.length) return [];
	return db
		.select({
			serviceId: serviceRegions.serviceId,
			regionId: regions.id,
			regionSlug: regions.slug,
			regionNaam: regions.naam
		})
		.from(serviceRegions)
		.innerJoin(regions, eq(regions.id, serviceRegions.regionId))
		.where(inArray(serviceRegions.serviceId, [...serviceIds]))
		.orderBy(asc(regions.naam));
}

/**
 * The HSDS id of a service-at-location link, computed in SQL so it can be looked up without a stored column: a name-based
 * UUID (version 3, MD5; PostgreSQL has md5() built in) of "<serviceId>:<locationId>" in our namespace.
 */
export function serviceAtLocationIdSql(
	serviceId: SQL | typeof serviceLocations.serviceId,
	locationId: SQL | typeof serviceLocations.locationId
) {
	const hash = sql`md5(decode(${HSDS_NAMESPACE.replaceAll('-', '')}, 'hex') || convert_to(${serviceId}::text || ':' || ${locationId}::text, 'UTF8'))`;
	return sql<string>`(overlay(overlay(${hash} placing '3' from 13 for 1) placing substr('89ab89ab89ab89ab', ('x' || substr(${hash}, 17, 1))::bit(4)::int + 1, 1) from 17 for 1))::uuid::text`;
}

const salColumns = {
	id: serviceAtLocationIdSql(serviceLocations.serviceId, serviceLocations.locationId),
	serviceId: serviceLocations.serviceId,
	locationId: serviceLocations.locationId
};

/** Active service-at-location links of the given services (both sides active). */
export async function serviceAtLocationsOfServices(
	db: Executor,
	serviceIds: readonly string[]
): Promise<ServiceAtLocationRecord[]> {
	if (!serviceIds.length) return [];
	return db
		.select(salColumns)
		.from(serviceLocations)
		.innerJoin(locations, eq(locations.id, serviceLocations.locationId))
		.innerJoin(services, eq(services.id, serviceLocations.serviceId))
		.innerJoin(organisations, eq(organisations.id, services.organisationId))
		.where(
			and(inArray(serviceLocations.serviceId, [...serviceIds]), eq(locations.status, 'actief'), activeService)
		);
}

export async function locationsByIds(db: Executor, ids: readonly string[]): Promise<DirectoryLocation[]> {
	if (!ids.length) return [];
	return db
		.select(locationColumns)
		.from(locations)
		.innerJoin(organisations, eq(organisations.id, locations.organisationId))
		.leftJoin(gemeenten, eq(gemeenten.code, locations.gemeenteCode))
		.where(and(activeLocation, inArray(locations.id, [...ids])));
}

export async function organisationsByIds(
	db: Executor,
	ids: readonly string[]
): Promise<OrganisationRecord[]> {
	if (!ids.length) return [];
	return db
		.select(organisationColumns)
		.from(organisations)
		.where(and(activeOrganisation, inArray(organisations.id, [...ids])));
}

export async function servicesByIds(db: Executor, ids: readonly string[]): Promise<ServiceRecord[]> {
	if (!ids.length) return [];
	return db
		.select(serviceColumns)
		.from(services)
		.innerJoin(organisations, eq(organisations.id, services.organisationId))
		.where(and(activeService, inArray(services.id, [...ids])));
}

// ---- organisation page -------------------------------------------------------------------------------------------------

export interface PublicBedUnit {
	id: string;
	naam: string;
	setting: string;
	locationId: string;
	locationNaam: string;
	aantalBedden: number;
	vrijeBedden: number;
	doelgroepen: string[];
	voorwaarden: string[];
	toelichting: string | null;
	beschikbaarheidBijgewerktOp: Date | null;
}

export interface OrganisationPage {
	organisation: OrganisationRecord;
	locations: DirectoryLocation[];
	services: (ServiceRecord & { locationIds: string[]; regions: ServiceAreaRecord[] })[];
	bedUnits: PublicBedUnit[];
	/** Networks served: the regions of its services, or else the networks that cover the gemeenten of its locations. */
	regions: { id: string; slug: string; naam: string }[];
}

/** Everything the public organisation page shows; null for an unknown or archived slug. */
export async function getOrganisationPage(db: Executor, slug: string): Promise<OrganisationPage | null> {
	const [organisation] = await db
		.select(organisationColumns)
		.from(organisations)
		.where(and(eq(organisations.slug, slug), activeOrganisation));
	if (!organisation) return null;

	const [locs, servs, units] = await Promise.all([
		locationsOfOrganisations(db, [organisation.id]),
		servicesOfOrganisations(db, [organisation.id]),
		db
			.select({
				id: bedUnits.id,
				naam: bedUnits.naam,
				setting: bedUnits.setting,
				locationId: bedUnits.locationId,
				locationNaam: locations.naam,
				aantalBedden: bedUnits.aantalBedden,
				vrijeBedden: bedUnits.vrijeBedden,
				doelgroepen: bedUnits.doelgroepen,
				voorwaarden: bedUnits.voorwaarden,
				toelichting: bedUnits.toelichting,
				beschikbaarheidBijgewerktOp: bedUnits.beschikbaarheidBijgewerktOp
			})
			.from(bedUnits)
			.innerJoin(locations, eq(locations.id, bedUnits.locationId))
			.where(
				and(
					eq(bedUnits.organisationId, organisation.id),
					eq(bedUnits.status, 'actief'),
					eq(locations.status, 'actief')
				)
			)
			.orderBy(asc(locations.naam), asc(bedUnits.naam))
	]);
	const serviceIds = servs.map((s) => s.id);
	const [links, areas] = await Promise.all([
		serviceAtLocationsOfServices(db, serviceIds),
		serviceAreas(db, serviceIds)
	]);

	let served = uniqueBy(
		areas.map((a) => ({ id: a.regionId, slug: a.regionSlug, naam: a.regionNaam })),
		(r) => r.id
	);
	const gemeenteCodes = [...new Set(locs.map((l) => l.gemeenteCode).filter((c): c is string => !!c))];
	if (!served.length && gemeenteCodes.length) {
		served = await db
			.selectDistinct({ id: regions.id, slug: regions.slug, naam: regions.naam })
			.from(regionGemeenten)
			.innerJoin(regions, eq(regions.id, regionGemeenten.regionId))
			.where(and(inArray(regionGemeenten.gemeenteCode, gemeenteCodes), isNull(regions.parentId)));
	}

	return {
		organisation,
		locations: locs,
		services: servs.map((s) => ({
			...s,
			locationIds: links.filter((l) => l.serviceId === s.id).map((l) => l.locationId),
			regions: areas.filter((a) => a.serviceId === s.id)
		})),
		bedUnits: units,
		regions: served.toSorted((a, b) => a.naam.localeCompare(b.naam, 'nl'))
	};
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
	const seen = new Map<string, T>();
	for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
	return [...seen.values()];
}

// ---- A–Z index ---------------------------------------------------------------------------------------------------------

export async function listOrganisationsAZ(db: Executor) {
	const rows = await db
		.select({
			slug: organisations.slug,
			naam: organisations.naam,
			type: organisations.type,
			isVoorbeeld: organisations.isVoorbeeld,
			plaatsen: sql<
				string[] | null
			>`array_agg(distinct ${locations.plaats} order by ${locations.plaats}) filter (where ${locations.plaats} is not null and ${locations.status} = 'actief')`
		})
		.from(organisations)
		.leftJoin(locations, eq(locations.organisationId, organisations.id))
		.where(activeOrganisation)
		.groupBy(organisations.id)
		.orderBy(asc(organisations.naam));
	return rows.map((r) => ({ ...r, plaatsen: r.plaatsen ?? [] }));
}

// ---- expertise map -----------------------------------------------------------------------------------------------------

export interface RegionServiceRow extends ServiceRecord {
	organisation: { id: string; slug: string; naam: string; type: string; isVoorbeeld: boolean };
	/** Gemeenten of the region where the service is offered (its own locations, or else its organisation's). */
	gemeenteCodes: string[];
}

/**
 * Active services available in a region: linked to the region (or to its network or a sub-region) through service_regions,
 * or offered at a location in one of the region's gemeenten. A service without its own locations counts at its
 * organisation's locations.
 */
export async function servicesInRegion(
	db: Executor,
	regionId: string
): Promise<{ gemeenten: { code: string; naam: string }[]; services: RegionServiceRow[] }> {
	const [region] = await db
		.select({ parentId: regions.parentId })
		.from(regions)
		.where(eq(regions.id, regionId));
	if (!region) return { gemeenten: [], services: [] };
	const regionIds = [
		...(await regionWithChildren(db, regionId)),
		...(region.parentId ? [region.parentId] : [])
	];
	const codes = await gemeenteCodesOfRegion(db, regionId);
	const gemeenteRows = codes.length
		? await db
				.select({ code: gemeenten.code, naam: gemeenten.naam })
				.from(gemeenten)
				.where(inArray(gemeenten.code, codes))
				.orderBy(asc(gemeenten.naam))
		: [];

	const [byRegion, byOwnLocation, byOrgLocation] = await Promise.all([
		db
			.selectDistinct({ serviceId: serviceRegions.serviceId })
			.from(serviceRegions)
			.where(inArray(serviceRegions.regionId, regionIds)),
		codes.length
			? db
					.selectDistinct({ serviceId: serviceLocations.serviceId, gemeenteCode: locations.gemeenteCode })
					.from(serviceLocations)
					.innerJoin(locations, eq(locations.id, serviceLocations.locationId))
					.where(and(eq(locations.status, 'actief'), inArray(locations.gemeenteCode, codes)))
			: [],
		codes.length
			? db
					.selectDistinct({ serviceId: services.id, gemeenteCode: locations.gemeenteCode })
					.from(services)
					.innerJoin(locations, eq(locations.organisationId, services.organisationId))
					.where(
						and(
							eq(locations.status, 'actief'),
							inArray(locations.gemeenteCode, codes),
							notExists(
								db
									.select({ one: sql`1` })
									.from(serviceLocations)
									.where(eq(serviceLocations.serviceId, services.id))
							)
						)
					)
			: []
	]);

	const gemeentenOf = new Map<string, Set<string>>();
	for (const row of [...byOwnLocation, ...byOrgLocation]) {
		if (!row.gemeenteCode) continue;
		const set = gemeentenOf.get(row.serviceId) ?? new Set<string>();
		set.add(row.gemeenteCode);
		gemeentenOf.set(row.serviceId, set);
	}
	const ids = [...new Set([...byRegion.map((r) => r.serviceId), ...gemeentenOf.keys()])];
	if (!ids.length) return { gemeenten: gemeenteRows, services: [] };

	const rows = await db
		.select({
			...serviceColumns,
			organisation: {
				id: organisations.id,
				slug: organisations.slug,
				naam: organisations.naam,
				type: organisations.type,
				isVoorbeeld: organisations.isVoorbeeld
			}
		})
		.from(services)
		.innerJoin(organisations, eq(organisations.id, services.organisationId))
		.where(and(activeService, inArray(services.id, ids)))
		.orderBy(asc(organisations.naam), asc(services.naam));
	return {
		gemeenten: gemeenteRows,
		services: rows.map((r) => ({ ...r, gemeenteCodes: [...(gemeentenOf.get(r.id) ?? [])].sort() }))
	};
}

// ---- HSDS lists --------------------------------------------------------------------------------------------------------

export interface Paging {
	offset: number;
	limit: number;
}

function searchPattern(search: string | undefined): string | null {
	const s = search?.trim();
	return s ? `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
}

export async function pageOfOrganisations(
	db: Executor,
	filter: { search?: string },
	paging: Paging
): Promise<{ total: number; rows: OrganisationRecord[] }> {
	const pattern = searchPattern(filter.search);
	const where = and(
		activeOrganisation,
		pattern ? or(ilike(organisations.naam, pattern), ilike(organisations.beschrijving, pattern)) : undefined
	);
	const [[{ total }], rows] = await Promise.all([
		db.select({ total: count() }).from(organisations).where(where),
		db
			.select(organisationColumns)
			.from(organisations)
			.where(where)
			.orderBy(asc(organisations.naam), asc(organisations.id))
			.offset(paging.offset)
			.limit(paging.limit)
	]);
	return { total, rows };
}

/** How a taxonomy filter applies to services: which column holds codes of that vocabulary. */
function serviceTermCondition(vocabulary: Vocabulary, code: string | null): SQL | undefined {
	switch (vocabulary) {
		case 'doelgroep':
			return code
				? sql`${code} = any(${services.doelgroepen})`
				: sql`cardinality(${services.doelgroepen}) > 0`;
		case 'expertise':
			return code ? sql`${code} = any(${services.expertise})` : sql`cardinality(${services.expertise}) > 0`;
		case 'dienstcategorie':
			return code ? eq(services.categorie, code) : undefined;
		case 'organisatietype':
			return code ? eq(organisations.type, code) : undefined;
		default:
			return sql`false`;
	}
}

export interface ServiceFilter {
	search?: string;
	organizationId?: string;
	modifiedAfter?: Date;
	/** A vocabulary (taxonomy_id) and optionally one code in it (taxonomy_term_id). */
	taxonomy?: { vocabulary: Vocabulary; code: string | null }[];
}

function serviceWhere(filter: ServiceFilter) {
	const pattern = searchPattern(filter.search);
	return and(
		activeService,
		filter.organizationId ? eq(services.organisationId, filter.organizationId) : undefined,
		filter.modifiedAfter ? gte(services.updatedAt, filter.modifiedAfter) : undefined,
		pattern
			? or(
					ilike(services.naam, pattern),
					ilike(services.beschrijving, pattern),
					ilike(organisations.naam, pattern)
				)
			: undefined,
		...(filter.taxonomy ?? []).map((t) => serviceTermCondition(t.vocabulary, t.code))
	);
}

export async function pageOfServices(
	db: Executor,
	filter: ServiceFilter,
	paging: Paging
): Promise<{ total: number; rows: ServiceRecord[] }> {
	const where = serviceWhere(filter);
	const [[{ total }], rows] = await Promise.all([
		db
			.select({ total: count() })
			.from(services)
			.innerJoin(organisations, eq(organisations.id, services.organisationId))
			.where(where),
		db
			.select(serviceColumns)
			.from(services)
			.innerJoin(organisations, eq(organisations.id, services.organisationId))
			.where(where)
			.orderBy(asc(services.naam), asc(services.id))
			.offset(paging.offset)
			.limit(paging.limit)
	]);
	return { total, rows };
}

export async function pageOfServiceAtLocations(
	db: Executor,
	filter: ServiceFilter,
	paging: Paging
): Promise<{ total: number; rows: ServiceAtLocationRecord[] }> {
	const where = and(serviceWhere(filter), eq(locations.status, 'actief'));
	const from = () =>
		db
			.select(salColumns)
			.from(serviceLocations)
			.innerJoin(services, eq(services.id, serviceLocations.serviceId))
			.innerJoin(organisations, eq(organisations.id, services.organisationId))
			.innerJoin(locations, eq(locations.id, serviceLocations.locationId));
	const [[{ total }], rows] = await Promise.all([
		db
			.select({ total: count() })
			.from(serviceLocations)
			.innerJoin(services, eq(services.id, serviceLocations.serviceId))
			.innerJoin(organisations, eq(organisations.id, services.organisationId))
			.innerJoin(locations, eq(locations.id, serviceLocations.locationId))
			.where(where),
		from()
			.where(where)
			.orderBy(asc(services.naam), asc(services.id), asc(locations.naam), asc(locations.id))
			.offset(paging.offset)
			.limit(paging.limit)
	]);
	return { total, rows };
}

export async function getServiceAtLocation(
	db: Executor,
	id: string
): Promise<ServiceAtLocationRecord | null> {
	const [row] = await db
		.select(salColumns)
		.from(serviceLocations)
		.innerJoin(services, eq(services.id, serviceLocations.serviceId))
		.innerJoin(organisations, eq(organisations.id, services.organisationId))
		.innerJoin(locations, eq(locations.id, serviceLocations.locationId))
		.where(
			and(
				activeService,
				eq(locations.status, 'actief'),
				sql`${serviceAtLocationIdSql(serviceLocations.serviceId, serviceLocations.locationId)} = ${id}`
			)
		);
	return row ?? null;
}
