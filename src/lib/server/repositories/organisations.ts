import { and, asc, count, eq, ilike, inArray, like, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import {
	bedUnits,
	gemeenten,
	locations,
	organisations,
	postcodeGebieden,
	regions,
	serviceLocations,
	serviceRegions,
	services,
	taxonomyTerms,
	type RecordStatus
} from '../db/schema';

/* SQL for organisations, their locations and services. No rules here: the services decide who may do what. */

export type OrganisationRow = typeof organisations.$inferSelect;
export type LocationRow = typeof locations.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type ServiceWithLinks = ServiceRow & { locationIds: string[]; regionIds: string[] };
export type LocationWithGemeente = LocationRow & { gemeenteNaam: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

// --- organisations -----------------------------------------------------------------------------------------------------

export async function findOrganisation(db: Executor, idOrSlug: string): Promise<OrganisationRow | null> {
	const [row] = await db
		.select()
		.from(organisations)
		.where(isUuid(idOrSlug) ? eq(organisations.id, idOrSlug) : eq(organisations.slug, idOrSlug));
	return row ?? null;
}

export async function organisationsBySlug(
	db: Executor,
	slugs: readonly string[]
): Promise<OrganisationRow[]> {
	if (slugs.length === 0) return [];
	return db
		.select()
		.from(organisations)
		.where(inArray(organisations.slug, [...slugs]));
}

export async function organisationsByIds(db: Executor, ids: readonly string[]): Promise<OrganisationRow[]> {
	if (ids.length === 0) return [];
	return db
		.select()
		.from(organisations)
		.where(inArray(organisations.id, [...ids]))
		.orderBy(asc(organisations.naam), asc(organisations.slug));
}

/** Slugs equal to `base` or starting with `base-`, to find a free one. */
export async function slugsLike(db: Executor, base: string): Promise<Set<string>> {
	const rows = await db
		.select({ slug: organisations.slug })
		.from(organisations)
		.where(
			or(eq(organisations.slug, base), like(organisations.slug, `${base.replace(/[%_\\]/g, '\\$&')}-%`))
		);
	return new Set(rows.map((r) => r.slug));
}

export interface OrganisationListFilter {
	/** Only these organisations (the beheerder's region); an empty list gives nothing. */
	ids: readonly string[];
	zoek?: string;
	type?: string;
	status?: RecordStatus | 'alle';
	limit: number;
	offset: number;
}

export interface OrganisationListItem {
	id: string;
	slug: string;
	naam: string;
	type: string;
	status: RecordStatus;
	isVoorbeeld: boolean;
	updatedAt: Date;
	plaatsen: string | null;
	aantalLocaties: number;
	aantalDiensten: number;
}

export async function listOrganisations(
	db: Executor,
	filter: OrganisationListFilter
): Promise<{ items: OrganisationListItem[]; total: number }> {
	if (filter.ids.length === 0) return { items: [], total: 0 };
	const conditions: SQL[] = [inArray(organisations.id, [...filter.ids])];
	if (filter.status && filter.status !== 'alle') conditions.push(eq(organisations.status, filter.status));
	if (filter.type) conditions.push(eq(organisations.type, filter.type));
	const zoek = filter.zoek?.trim();
	if (zoek) {
		const pattern = `%${zoek.replace(/[%_\\]/g, '\\$&')}%`;
		// Name, slug or a place of one of its locations.
		conditions.push(
			or(
				ilike(organisations.naam, pattern),
				ilike(organisations.slug, pattern),
				sql`exists (select 1 from ${locations} l where l.organisation_id = organisations.id and (l.plaats ilike ${pattern} or l.naam ilike ${pattern}))`
			)!
		);
	}
	// The correlated subqueries name the outer table literally: drizzle leaves a selected column unqualified, and a bare
	// "id" inside the subquery would mean the location's or service's own id.
	const where = and(...conditions);
	const [{ total }] = await db.select({ total: count() }).from(organisations).where(where);
	const items = await db
		.select({
			id: organisations.id,
			slug: organisations.slug,
			naam: organisations.naam,
			type: organisations.type,
			status: organisations.status,
			isVoorbeeld: organisations.isVoorbeeld,
			updatedAt: organisations.updatedAt,
			plaatsen: sql<
				string | null
			>`(select string_agg(distinct l.plaats, ', ') from ${locations} l where l.organisation_id = organisations.id and l.status = 'actief')`,
			aantalLocaties: sql<number>`(select count(*)::int from ${locations} l where l.organisation_id = organisations.id and l.status = 'actief')`,
			aantalDiensten: sql<number>`(select count(*)::int from ${services} s where s.organisation_id = organisations.id and s.status = 'actief')`
		})
		.from(organisations)
		.where(where)
		.orderBy(asc(organisations.naam), asc(organisations.slug))
		.limit(filter.limit)
		.offset(filter.offset);
	return { items, total };
}

export async function insertOrganisation(db: Executor, values: typeof organisations.$inferInsert) {
	const [row] = await db.insert(organisations).values(values).returning();
	return row;
}

/**
 * The optimistic-locking update: only when the row still has the version the user read. Returns the new row, or null when
 * someone else changed it first (or it does not exist).
 */
export async function updateOrganisationVersioned(
	db: Executor,
	id: string,
	version: number,
	values: Partial<typeof organisations.$inferInsert>
): Promise<OrganisationRow | null> {
	const [row] = await db
		.update(organisations)
		.set({ ...values, version: sql`${organisations.version} + 1`, updatedAt: new Date() })
		.where(and(eq(organisations.id, id), eq(organisations.version, version)))
		.returning();
	return row ?? null;
}

// --- locations ---------------------------------------------------------------------------------------------------------

export async function locationsOf(
	db: Executor,
	organisationIds: readonly string[]
): Promise<LocationWithGemeente[]> {
	if (organisationIds.length === 0) return [];
	const rows = await db
		.select({ location: locations, gemeenteNaam: gemeenten.naam })
		.from(locations)
		.leftJoin(gemeenten, eq(gemeenten.code, locations.gemeenteCode))
		.where(inArray(locations.organisationId, [...organisationIds]))
		.orderBy(sql`${locations.status} = 'gearchiveerd'`, asc(locations.naam), asc(locations.id));
	return rows.map((r) => ({ ...r.location, gemeenteNaam: r.gemeenteNaam }));
}

export async function findLocation(db: Executor, id: string): Promise<LocationRow | null> {
	if (!isUuid(id)) return null;
	const [row] = await db.select().from(locations).where(eq(locations.id, id));
	return row ?? null;
}

export async function insertLocation(db: Executor, values: typeof locations.$inferInsert) {
	const [row] = await db.insert(locations).values(values).returning();
	return row;
}

export async function updateLocationVersioned(
	db: Executor,
	id: string,
	version: number,
	values: Partial<typeof locations.$inferInsert>
): Promise<LocationRow | null> {
	const [row] = await db
		.update(locations)
		.set({ ...values, version: sql`${locations.version} + 1`, updatedAt: new Date() })
		.where(and(eq(locations.id, id), eq(locations.version, version)))
		.returning();
	return row ?? null;
}

/** Is the name already used by another location of the organisation (case-insensitive)? */
export async function locationNameTaken(
	db: Executor,
	organisationId: string,
	naam: string,
	exceptId?: string
) {
	const [row] = await db
		.select({ id: locations.id })
		.from(locations)
		.where(
			and(
				eq(locations.organisationId, organisationId),
				sql`lower(${locations.naam}) = lower(${naam})`,
				exceptId ? ne(locations.id, exceptId) : undefined
			)
		)
		.limit(1);
	return !!row;
}

export async function activeBedUnitsAt(db: Executor, locationId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(bedUnits)
		.where(and(eq(bedUnits.locationId, locationId), eq(bedUnits.status, 'actief')));
	return row?.n ?? 0;
}

export interface PostcodeGebied {
	pc4: string;
	lat: number;
	lon: number;
	gemeenteCode: string;
}

export async function postcodeGebiedenFor(
	db: Executor,
	pc4s: readonly string[]
): Promise<Map<string, PostcodeGebied>> {
	const unique = [...new Set(pc4s)];
	if (unique.length === 0) return new Map();
	const rows = await db
		.select({
			pc4: postcodeGebieden.pc4,
			lat: postcodeGebieden.lat,
			lon: postcodeGebieden.lon,
			gemeenteCode: postcodeGebieden.gemeenteCode
		})
		.from(postcodeGebieden)
		.where(inArray(postcodeGebieden.pc4, unique));
	return new Map(rows.map((r) => [r.pc4, r]));
}

// --- services ----------------------------------------------------------------------------------------------------------

async function withLinks(db: Executor, rows: ServiceRow[]): Promise<ServiceWithLinks[]> {
	if (rows.length === 0) return [];
	const ids = rows.map((r) => r.id);
	const [locs, regs] = await Promise.all([
		db.select().from(serviceLocations).where(inArray(serviceLocations.serviceId, ids)),
		db.select().from(serviceRegions).where(inArray(serviceRegions.serviceId, ids))
	]);
	return rows.map((r) => ({
		...r,
		locationIds: locs.filter((l) => l.serviceId === r.id).map((l) => l.locationId),
		regionIds: regs.filter((g) => g.serviceId === r.id).map((g) => g.regionId)
	}));
}

export async function servicesOf(
	db: Executor,
	organisationIds: readonly string[]
): Promise<ServiceWithLinks[]> {
	if (organisationIds.length === 0) return [];
	const rows = await db
		.select()
		.from(services)
		.where(inArray(services.organisationId, [...organisationIds]))
		.orderBy(sql`${services.status} = 'gearchiveerd'`, asc(services.naam), asc(services.id));
	return withLinks(db, rows);
}

export async function findService(db: Executor, id: string): Promise<ServiceWithLinks | null> {
	if (!isUuid(id)) return null;
	const rows = await db.select().from(services).where(eq(services.id, id));
	return (await withLinks(db, rows))[0] ?? null;
}

export async function serviceNameTaken(
	db: Executor,
	organisationId: string,
	naam: string,
	exceptId?: string
) {
	const [row] = await db
		.select({ id: services.id })
		.from(services)
		.where(
			and(
				eq(services.organisationId, organisationId),
				sql`lower(${services.naam}) = lower(${naam})`,
				exceptId ? ne(services.id, exceptId) : undefined
			)
		)
		.limit(1);
	return !!row;
}

export async function insertService(db: Executor, values: typeof services.$inferInsert) {
	const [row] = await db.insert(services).values(values).returning();
	return row;
}

export async function updateServiceVersioned(
	db: Executor,
	id: string,
	version: number,
	values: Partial<typeof services.$inferInsert>
): Promise<ServiceRow | null> {
	const [row] = await db
		.update(services)
		.set({ ...values, version: sql`${services.version} + 1`, updatedAt: new Date() })
		.where(and(eq(services.id, id), eq(services.version, version)))
		.returning();
	return row ?? null;
}

/** Replace the locations and regions of a service. */
export async function setServiceLinks(
	db: Executor,
	serviceId: string,
	locationIds: readonly string[],
	regionIds: readonly string[]
) {
	await db.delete(serviceLocations).where(eq(serviceLocations.serviceId, serviceId));
	await db.delete(serviceRegions).where(eq(serviceRegions.serviceId, serviceId));
	if (locationIds.length)
		await db.insert(serviceLocations).values(locationIds.map((locationId) => ({ serviceId, locationId })));
	if (regionIds.length)
		await db.insert(serviceRegions).values(regionIds.map((regionId) => ({ serviceId, regionId })));
}

// --- regions -----------------------------------------------------------------------------------------------------------

export async function allRegions(db: Executor) {
	return db
		.select({ id: regions.id, slug: regions.slug, naam: regions.naam, parentId: regions.parentId })
		.from(regions)
		.orderBy(asc(regions.naam));
}

// --- vocabularies ------------------------------------------------------------------------------------------------------

export interface TermOption {
	code: string;
	label: string;
	description: string | null;
}

/**
 * The choices a form offers for a vocabulary: the active terms with the labels beheerders gave them (taxonomy_terms),
 * limited to codes the input schemas know, in the beheerders' order. Codes missing from the table fall back to the
 * domain taxonomy so a form is never empty.
 */
export async function termOptions(
	db: Executor,
	vocabulary: string,
	known: readonly { code: string; label: string; description?: string }[]
): Promise<TermOption[]> {
	const rows = await db
		.select({
			code: taxonomyTerms.code,
			label: taxonomyTerms.label,
			description: taxonomyTerms.description,
			active: taxonomyTerms.active
		})
		.from(taxonomyTerms)
		.where(eq(taxonomyTerms.vocabulary, vocabulary))
		.orderBy(asc(taxonomyTerms.sortOrder), asc(taxonomyTerms.label));
	const knownCodes = new Set(known.map((t) => t.code));
	const fromDb = rows.filter((r) => r.active && knownCodes.has(r.code));
	const inDb = new Set(rows.map((r) => r.code));
	const missing = known
		.filter((t) => !inDb.has(t.code))
		.map((t) => ({ code: t.code, label: t.label, description: t.description ?? null }));
	return [...fromDb.map(({ active: _a, ...r }) => r), ...missing];
}
