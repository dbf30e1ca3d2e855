import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { locations, organisations, regionGemeenten, regions } from '../db/schema';

export async function listRegions(db: Executor, opts: { topLevelOnly?: boolean } = {}) {
	return db
		.select({ id: regions.id, slug: regions.slug, naam: regions.naam, parentId: regions.parentId })
		.from(regions)
		.where(opts.topLevelOnly ? isNull(regions.parentId) : undefined)
		.orderBy(asc(regions.naam));
}

export async function getRegion(db: Executor, idOrSlug: string) {
	const isUuid = /^[0-9a-f-]{36}$/i.test(idOrSlug);
	const [row] = await db
		.select()
		.from(regions)
		.where(isUuid ? eq(regions.id, idOrSlug) : eq(regions.slug, idOrSlug));
	return row ?? null;
}

/** The region and its sub-regions: a beheerder of a network also manages its sub-regions. */
export async function regionWithChildren(db: Executor, regionId: string): Promise<string[]> {
	const rows = await db
		.select({ id: regions.id })
		.from(regions)
		.where(or(eq(regions.id, regionId), eq(regions.parentId, regionId)));
	return rows.map((r) => r.id);
}

export async function gemeenteCodesOfRegion(db: Executor, regionId: string): Promise<string[]> {
	const ids = await regionWithChildren(db, regionId);
	const rows = await db
		.selectDistinct({ code: regionGemeenten.gemeenteCode })
		.from(regionGemeenten)
		.where(inArray(regionGemeenten.regionId, ids));
	return rows.map((r) => r.code);
}

/** Organisations with at least one location in a gemeente of the region. */
export async function organisationIdsInRegion(db: Executor, regionId: string): Promise<string[]> {
	const ids = await regionWithChildren(db, regionId);
	const rows = await db
		.selectDistinct({ id: organisations.id })
		.from(organisations)
		.innerJoin(locations, eq(locations.organisationId, organisations.id))
		.innerJoin(regionGemeenten, eq(regionGemeenten.gemeenteCode, locations.gemeenteCode))
		.where(inArray(regionGemeenten.regionId, ids));
	return rows.map((r) => r.id);
}

export async function isOrganisationInRegion(db: Executor, organisationId: string, regionId: string) {
	const ids = await regionWithChildren(db, regionId);
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(locations)
		.innerJoin(regionGemeenten, eq(regionGemeenten.gemeenteCode, locations.gemeenteCode))
		.where(and(eq(locations.organisationId, organisationId), inArray(regionGemeenten.regionId, ids)));
	return (row?.n ?? 0) > 0;
}

/** Regions (top-level networks first) that cover a gemeente, with their share. */
export async function regionsForGemeente(db: Executor, gemeenteCode: string) {
	return db
		.select({
			id: regions.id,
			slug: regions.slug,
			naam: regions.naam,
			parentId: regions.parentId,
			aandeel: regionGemeenten.aandeel
		})
		.from(regionGemeenten)
		.innerJoin(regions, eq(regions.id, regionGemeenten.regionId))
		.where(eq(regionGemeenten.gemeenteCode, gemeenteCode))
		.orderBy(sql`${regions.parentId} is not null`, sql`${regionGemeenten.aandeel} desc`, asc(regions.naam));
}
