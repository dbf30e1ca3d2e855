import { and, asc, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import {
	auditLog,
	locations,
	memberships,
	organisations,
	regionGemeenten,
	regions,
	users
} from '../db/schema';

/*
 * Reading the audit log for a beheerder. Which entries concern a region (its network and sub-regions):
 * - entries stamped with one of its regions (region_id), e.g. region edits, referrals, capacity, wegwijzer;
 * - entries about an organisation with a location in one of its gemeenten (organisation_id);
 * - entries about a user of the region: a user whose network is one of its regions, or an editor of one of its organisations;
 * - entries whose record is one of its regions.
 * The region's organisations and users are taken as they are now (subqueries), so the list follows later moves.
 */

export interface AuditQuery {
	userId?: string;
	organisationId?: string;
	entityType?: string;
	entityId?: string;
	action?: string;
	from?: Date;
	until?: Date;
}

function organisationsOfRegions(db: Executor, regionIds: string[]) {
	return db
		.selectDistinct({ id: locations.organisationId })
		.from(locations)
		.innerJoin(regionGemeenten, eq(regionGemeenten.gemeenteCode, locations.gemeenteCode))
		.where(inArray(regionGemeenten.regionId, regionIds));
}

/** The SQL condition "this entry concerns one of these regions". */
export function auditScope(db: Executor, regionIds: string[]): SQL {
	if (regionIds.length === 0) return sql`false`;
	const regionUsers = db
		.select({ id: sql<string>`${users.id}::text`.as('id') })
		.from(users)
		.where(inArray(users.regionId, regionIds));
	const editors = db
		.selectDistinct({ id: sql<string>`${memberships.userId}::text`.as('id') })
		.from(memberships)
		.where(inArray(memberships.organisationId, organisationsOfRegions(db, regionIds)));
	return or(
		inArray(auditLog.regionId, regionIds),
		inArray(auditLog.organisationId, organisationsOfRegions(db, regionIds)),
		and(
			eq(auditLog.entityType, 'user'),
			or(inArray(auditLog.entityId, regionUsers), inArray(auditLog.entityId, editors))
		),
		and(eq(auditLog.entityType, 'region'), inArray(auditLog.entityId, regionIds))
	)!;
}

function conditions(db: Executor, regionIds: string[], q: AuditQuery): SQL {
	return and(
		auditScope(db, regionIds),
		q.userId ? eq(auditLog.userId, q.userId) : undefined,
		q.organisationId ? eq(auditLog.organisationId, q.organisationId) : undefined,
		q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
		q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
		q.action ? eq(auditLog.action, q.action) : undefined,
		q.from ? gte(auditLog.at, q.from) : undefined,
		q.until ? lt(auditLog.at, q.until) : undefined
	)!;
}

export interface AuditRow {
	id: number;
	at: Date;
	userId: string | null;
	actorNaam: string | null;
	actorEmail: string | null;
	role: string | null;
	action: string;
	entityType: string;
	entityId: string | null;
	organisationId: string | null;
	organisationNaam: string | null;
	regionId: string | null;
	regionNaam: string | null;
	details: Record<string, unknown> | null;
}

export async function listAuditEntries(
	db: Executor,
	regionIds: string[],
	q: AuditQuery,
	page: { limit: number; offset: number }
): Promise<AuditRow[]> {
	return db
		.select({
			id: auditLog.id,
			at: auditLog.at,
			userId: auditLog.userId,
			actorNaam: users.naam,
			actorEmail: users.email,
			role: auditLog.role,
			action: auditLog.action,
			entityType: auditLog.entityType,
			entityId: auditLog.entityId,
			organisationId: auditLog.organisationId,
			organisationNaam: organisations.naam,
			regionId: auditLog.regionId,
			regionNaam: regions.naam,
			details: auditLog.details
		})
		.from(auditLog)
		.leftJoin(users, eq(users.id, auditLog.userId))
		.leftJoin(organisations, eq(organisations.id, auditLog.organisationId))
		.leftJoin(regions, eq(regions.id, auditLog.regionId))
		.where(conditions(db, regionIds, q))
		.orderBy(desc(auditLog.at), desc(auditLog.id))
		.limit(page.limit)
		.offset(page.offset);
}

export async function countAuditEntries(db: Executor, regionIds: string[], q: AuditQuery): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(auditLog)
		.where(conditions(db, regionIds, q));
	return Number(row?.n ?? 0);
}

/** What the filter's lists offer: the actors, actions and record types that occur in the region's entries. */
export async function auditFilterOptions(db: Executor, regionIds: string[]) {
	const scope = auditScope(db, regionIds);
	const [actors, actions, entityTypes] = await Promise.all([
		db
			.selectDistinct({ id: users.id, naam: users.naam, email: users.email })
			.from(auditLog)
			.innerJoin(users, eq(users.id, auditLog.userId))
			.where(scope)
			.orderBy(asc(users.naam), asc(users.email), asc(users.id)),
		db.selectDistinct({ action: auditLog.action }).from(auditLog).where(scope).orderBy(asc(auditLog.action)),
		db
			.selectDistinct({ entityType: auditLog.entityType })
			.from(auditLog)
			.where(scope)
			.orderBy(asc(auditLog.entityType))
	]);
	return {
		actors,
		actions: actions.map((a) => a.action),
		entityTypes: entityTypes.map((e) => e.entityType)
	};
}

/** The history of one record (newest first), e.g. a national taxonomy term that every beheerder may see. */
export async function entityHistory(db: Executor, entityType: string, entityId: string, limit = 50) {
	return db
		.select({
			id: auditLog.id,
			at: auditLog.at,
			actorNaam: users.naam,
			action: auditLog.action,
			details: auditLog.details
		})
		.from(auditLog)
		.leftJoin(users, eq(users.id, auditLog.userId))
		.where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
		.orderBy(desc(auditLog.at), desc(auditLog.id))
		.limit(limit);
}
