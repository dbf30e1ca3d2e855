import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import {
	apiTokens,
	bedAvailabilityEvents,
	bedUnits,
	locations,
	organisations,
	type AvailabilitySource
} from '../db/schema';

/** SQL only: bed units, their availability events and API tokens. Rules and permissions live in services/beds.ts. */

const unitColumns = {
	id: bedUnits.id,
	organisationId: bedUnits.organisationId,
	organisationNaam: organisations.naam,
	organisationSlug: organisations.slug,
	locationId: bedUnits.locationId,
	locationNaam: locations.naam,
	plaats: locations.plaats,
	gemeenteCode: locations.gemeenteCode,
	naam: bedUnits.naam,
	setting: bedUnits.setting,
	aantalBedden: bedUnits.aantalBedden,
	vrijeBedden: bedUnits.vrijeBedden,
	doelgroepen: bedUnits.doelgroepen,
	voorwaarden: bedUnits.voorwaarden,
	toelichting: bedUnits.toelichting,
	beschikbaarheidBijgewerktOp: bedUnits.beschikbaarheidBijgewerktOp,
	status: bedUnits.status,
	version: bedUnits.version
};

export type BedUnitRow = NonNullable<Awaited<ReturnType<typeof getBedUnit>>>;

function unitQuery(db: Executor) {
	return db
		.select(unitColumns)
		.from(bedUnits)
		.innerJoin(organisations, eq(organisations.id, bedUnits.organisationId))
		.innerJoin(locations, eq(locations.id, bedUnits.locationId));
}

export async function getBedUnit(db: Executor, id: string) {
	const [row] = await unitQuery(db).where(eq(bedUnits.id, id));
	return row ?? null;
}

/** Bed units of these organisations, archived ones last. */
export async function listBedUnits(
	db: Executor,
	organisationIds: readonly string[],
	opts: { activeOnly?: boolean } = {}
) {
	if (organisationIds.length === 0) return [];
	return unitQuery(db)
		.where(
			and(
				inArray(bedUnits.organisationId, [...organisationIds]),
				opts.activeOnly ? eq(bedUnits.status, 'actief') : undefined
			)
		)
		.orderBy(asc(bedUnits.status), asc(organisations.naam), asc(bedUnits.naam), asc(bedUnits.id));
}

/** Active locations of these organisations, for the location picker of the bed unit form. */
export async function listLocations(db: Executor, organisationIds: readonly string[]) {
	if (organisationIds.length === 0) return [];
	return db
		.select({
			id: locations.id,
			naam: locations.naam,
			plaats: locations.plaats,
			organisationId: locations.organisationId,
			organisationNaam: organisations.naam
		})
		.from(locations)
		.innerJoin(organisations, eq(organisations.id, locations.organisationId))
		.where(and(inArray(locations.organisationId, [...organisationIds]), eq(locations.status, 'actief')))
		.orderBy(asc(organisations.naam), asc(locations.naam));
}

export async function getLocation(db: Executor, id: string) {
	const [row] = await db
		.select({ id: locations.id, organisationId: locations.organisationId, status: locations.status })
		.from(locations)
		.where(eq(locations.id, id));
	return row ?? null;
}

export interface BedUnitValues {
	organisationId: string;
	locationId: string;
	naam: string;
	setting: string;
	aantalBedden: number;
	doelgroepen: string[];
	voorwaarden: string[];
	toelichting: string | null;
}

export async function insertBedUnit(db: Executor, values: BedUnitValues) {
	const [row] = await db
		.insert(bedUnits)
		.values({ ...values, vrijeBedden: 0 })
		.returning({ id: bedUnits.id });
	return row.id;
}

/**
 * Profile update with optimistic locking: only when the row still has `version`. Lowering the number of beds lowers the
 * free beds with it in the same statement (least()), so the invariant holds whatever happened concurrently.
 * Returns the new row's counts, or null when the version did not match (or the unit is gone).
 */
export async function updateBedUnitProfile(
	db: Executor,
	id: string,
	version: number,
	values: Omit<BedUnitValues, 'organisationId'>
) {
	const [row] = await db
		.update(bedUnits)
		.set({
			...values,
			vrijeBedden: sql`least(${bedUnits.vrijeBedden}, ${values.aantalBedden})`,
			version: sql`${bedUnits.version} + 1`,
			updatedAt: sql`now()`
		})
		.where(and(eq(bedUnits.id, id), eq(bedUnits.version, version)))
		.returning({
			aantalBedden: bedUnits.aantalBedden,
			vrijeBedden: bedUnits.vrijeBedden,
			version: bedUnits.version
		});
	return row ?? null;
}

export async function setBedUnitStatus(
	db: Executor,
	id: string,
	version: number,
	status: 'actief' | 'gearchiveerd'
) {
	const [row] = await db
		.update(bedUnits)
		.set({ status, version: sql`${bedUnits.version} + 1`, updatedAt: sql`now()` })
		.where(and(eq(bedUnits.id, id), eq(bedUnits.version, version)))
		.returning({ version: bedUnits.version });
	return row ?? null;
}

/**
 * Locks the unit's row until the end of the transaction, so "read the last event, then write" cannot interleave with
 * another writer of the same unit.
 */
export async function lockBedUnit(db: Executor, id: string) {
	const [row] = await db
		.select({
			id: bedUnits.id,
			organisationId: bedUnits.organisationId,
			aantalBedden: bedUnits.aantalBedden,
			vrijeBedden: bedUnits.vrijeBedden,
			status: bedUnits.status
		})
		.from(bedUnits)
		.where(eq(bedUnits.id, id))
		.for('update');
	return row ?? null;
}

/**
 * Report times come from the database clock at the moment of writing (clock_timestamp(), not the transaction start), taken
 * while the unit's row is locked: so the order of events is the order in which writers held the lock, and "the latest
 * event" is the current state. Tests may pass a fixed time instead.
 */
const writeTime = (at?: Date) => at ?? sql`clock_timestamp()`;

/**
 * Sets the free beds to an absolute number as a fresh report. The condition on aantal_bedden makes the statement itself
 * refuse a number above the beds there are (even if the beds were lowered a moment ago). Returns null when refused.
 */
export async function setVrijeBedden(db: Executor, id: string, vrijeBedden: number, at?: Date) {
	const [row] = await db
		.update(bedUnits)
		.set({ vrijeBedden, beschikbaarheidBijgewerktOp: writeTime(at), updatedAt: writeTime(at) })
		.where(
			and(eq(bedUnits.id, id), eq(bedUnits.status, 'actief'), sql`${bedUnits.aantalBedden} >= ${vrijeBedden}`)
		)
		.returning({
			aantalBedden: bedUnits.aantalBedden,
			vrijeBedden: bedUnits.vrijeBedden,
			bijgewerktOp: bedUnits.beschikbaarheidBijgewerktOp
		});
	return row ? { ...row, bijgewerktOp: row.bijgewerktOp! } : null;
}

/**
 * Adds `delta` (+1 or −1) to the free beds, only while the result stays within 0..aantal_bedden. One UPDATE with the
 * condition in its WHERE: under concurrency PostgreSQL re-checks the condition on the newest row version, so two
 * reservations of the last bed cannot both succeed. Returns null when nothing changed.
 */
export async function adjustVrijeBedden(db: Executor, id: string, delta: 1 | -1) {
	const [row] = await db
		.update(bedUnits)
		.set({ vrijeBedden: sql`${bedUnits.vrijeBedden} + ${delta}`, updatedAt: sql`now()` })
		.where(
			and(
				eq(bedUnits.id, id),
				eq(bedUnits.status, 'actief'),
				delta < 0 ? sql`${bedUnits.vrijeBedden} > 0` : sql`${bedUnits.vrijeBedden} < ${bedUnits.aantalBedden}`
			)
		)
		.returning({ aantalBedden: bedUnits.aantalBedden, vrijeBedden: bedUnits.vrijeBedden });
	return row ?? null;
}

export interface AvailabilityEventValues {
	bedUnitId: string;
	aantalBedden: number;
	vrijeBedden: number;
	verwachteOntslagen?: number | null;
	verwachteOpnames?: number | null;
	bron: AvailabilitySource;
	userId?: string | null;
	apiTokenId?: string | null;
	createdAt?: Date;
}

export async function insertAvailabilityEvent(db: Executor, values: AvailabilityEventValues) {
	const [row] = await db
		.insert(bedAvailabilityEvents)
		.values({
			...values,
			verwachteOntslagen: values.verwachteOntslagen ?? null,
			verwachteOpnames: values.verwachteOpnames ?? null,
			createdAt: writeTime(values.createdAt)
		})
		.returning();
	return row;
}

export async function latestEvent(db: Executor, bedUnitId: string) {
	const [row] = await db
		.select()
		.from(bedAvailabilityEvents)
		.where(eq(bedAvailabilityEvents.bedUnitId, bedUnitId))
		.orderBy(desc(bedAvailabilityEvents.createdAt), desc(bedAvailabilityEvents.id))
		.limit(1);
	return row ?? null;
}

/** The latest events of several units at once (one per unit). */
export async function latestEvents(db: Executor, bedUnitIds: readonly string[]) {
	if (bedUnitIds.length === 0) return [];
	return db
		.selectDistinctOn([bedAvailabilityEvents.bedUnitId])
		.from(bedAvailabilityEvents)
		.where(inArray(bedAvailabilityEvents.bedUnitId, [...bedUnitIds]))
		.orderBy(
			bedAvailabilityEvents.bedUnitId,
			desc(bedAvailabilityEvents.createdAt),
			desc(bedAvailabilityEvents.id)
		);
}

export async function recentEvents(db: Executor, bedUnitId: string, limit: number) {
	return db
		.select()
		.from(bedAvailabilityEvents)
		.where(eq(bedAvailabilityEvents.bedUnitId, bedUnitId))
		.orderBy(desc(bedAvailabilityEvents.createdAt), desc(bedAvailabilityEvents.id))
		.limit(limit);
}

/**
 * The availability history of units from `since` on, plus each unit's last event before `since` (the state in force when
 * the period starts), oldest first. What time-weighted occupancy needs.
 */
export async function eventsSince(db: Executor, bedUnitIds: readonly string[], since: Date) {
	if (bedUnitIds.length === 0) return [];
	const columns = {
		bedUnitId: bedAvailabilityEvents.bedUnitId,
		aantalBedden: bedAvailabilityEvents.aantalBedden,
		vrijeBedden: bedAvailabilityEvents.vrijeBedden,
		createdAt: bedAvailabilityEvents.createdAt
	};
	const ids = [...bedUnitIds];
	const [before, within] = await Promise.all([
		db
			.selectDistinctOn([bedAvailabilityEvents.bedUnitId], columns)
			.from(bedAvailabilityEvents)
			.where(and(inArray(bedAvailabilityEvents.bedUnitId, ids), lt(bedAvailabilityEvents.createdAt, since)))
			.orderBy(bedAvailabilityEvents.bedUnitId, desc(bedAvailabilityEvents.createdAt)),
		db
			.select(columns)
			.from(bedAvailabilityEvents)
			.where(and(inArray(bedAvailabilityEvents.bedUnitId, ids), gte(bedAvailabilityEvents.createdAt, since)))
			.orderBy(asc(bedAvailabilityEvents.createdAt), asc(bedAvailabilityEvents.id))
	]);
	return [...before, ...within];
}

// ---------------------------------------------------------------------------------------------------------------------
// API tokens

export async function insertApiToken(
	db: Executor,
	values: { organisationId: string; naam: string; tokenHash: string; createdBy: string | null }
) {
	const [row] = await db
		.insert(apiTokens)
		.values(values)
		.returning({ id: apiTokens.id, createdAt: apiTokens.createdAt });
	return row;
}

export async function listApiTokens(db: Executor, organisationIds: readonly string[]) {
	if (organisationIds.length === 0) return [];
	return db
		.select({
			id: apiTokens.id,
			organisationId: apiTokens.organisationId,
			organisationNaam: organisations.naam,
			naam: apiTokens.naam,
			createdAt: apiTokens.createdAt,
			lastUsedAt: apiTokens.lastUsedAt,
			revokedAt: apiTokens.revokedAt
		})
		.from(apiTokens)
		.innerJoin(organisations, eq(organisations.id, apiTokens.organisationId))
		.where(inArray(apiTokens.organisationId, [...organisationIds]))
		.orderBy(asc(organisations.naam), sql`${apiTokens.revokedAt} is not null`, desc(apiTokens.createdAt));
}

export async function getApiToken(db: Executor, id: string) {
	const [row] = await db
		.select({
			id: apiTokens.id,
			organisationId: apiTokens.organisationId,
			naam: apiTokens.naam,
			revokedAt: apiTokens.revokedAt
		})
		.from(apiTokens)
		.where(eq(apiTokens.id, id));
	return row ?? null;
}

export async function findApiTokenByHash(db: Executor, tokenHash: string) {
	const [row] = await db
		.select({
			id: apiTokens.id,
			organisationId: apiTokens.organisationId,
			naam: apiTokens.naam,
			revokedAt: apiTokens.revokedAt,
			lastUsedAt: apiTokens.lastUsedAt
		})
		.from(apiTokens)
		.where(eq(apiTokens.tokenHash, tokenHash));
	return row ?? null;
}

/** Revokes once: a second revoke changes nothing and returns null. */
export async function revokeApiTokenRow(db: Executor, id: string, at: Date) {
	const [row] = await db
		.update(apiTokens)
		.set({ revokedAt: at })
		.where(and(eq(apiTokens.id, id), sql`${apiTokens.revokedAt} is null`))
		.returning({ id: apiTokens.id });
	return row ?? null;
}

export async function touchApiToken(db: Executor, id: string, at: Date) {
	await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
}
