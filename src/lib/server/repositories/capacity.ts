/**
 * SQL for the capacity prognosis: the region's CBS base numbers, registered bed units and their history, and the
 * stored parameters, external prognoses, planned locations and saved scenarios. No rules here: see services/capacity.
 */
import { and, asc, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { PlanStatus } from '../../domain/capacity/gap';
import type { Bronnen, YearOverride } from '../../domain/capacity/prognosis';
import type { Scenario } from '../../domain/capacity/scenario';
import type { Executor } from '../db/client';
import {
	bedAvailabilityEvents,
	bedUnits,
	capacityScenarios,
	externalPrognoses,
	gemeenten,
	locations,
	organisations,
	plannedCapacity,
	prognosisParameters,
	regionGemeenten,
	users
} from '../db/schema';

/** The gemeenten of exactly this region (not its sub-regions: a merged region has its own list), with CBS figures. */
export async function regionGemeentenWithCbs(db: Executor, regionId: string) {
	return db
		.select({
			gemeenteCode: gemeenten.code,
			naam: gemeenten.naam,
			aandeel: regionGemeenten.aandeel,
			overledenen2021: gemeenten.overledenen2021,
			overledenen2022: gemeenten.overledenen2022,
			overledenen2023: gemeenten.overledenen2023,
			inwoners: gemeenten.bevolking2024,
			aandeel75plus: gemeenten.aandeel75plus
		})
		.from(regionGemeenten)
		.innerJoin(gemeenten, eq(gemeenten.code, regionGemeenten.gemeenteCode))
		.where(eq(regionGemeenten.regionId, regionId))
		.orderBy(asc(gemeenten.naam));
}

/** Inhabitants and share 75+ of every gemeente: the national reference for the age weighting. */
export async function nationalAgeStructure(db: Executor) {
	return db
		.select({ inwoners: gemeenten.bevolking2024, aandeel75plus: gemeenten.aandeel75plus })
		.from(gemeenten);
}

/**
 * Active bed units in the given settings at active locations of active organisations in a gemeente of the region.
 * A unit in a gemeente that two regions share counts fully in both (beds are not split).
 */
export async function bedUnitsInRegion(db: Executor, regionId: string, settings: readonly string[]) {
	if (settings.length === 0) return [];
	const gemeentenOfRegion = db
		.select({ code: regionGemeenten.gemeenteCode })
		.from(regionGemeenten)
		.where(eq(regionGemeenten.regionId, regionId));
	return db
		.select({
			id: bedUnits.id,
			setting: bedUnits.setting,
			aantalBedden: bedUnits.aantalBedden,
			status: bedUnits.status,
			locationId: bedUnits.locationId
		})
		.from(bedUnits)
		.innerJoin(locations, eq(locations.id, bedUnits.locationId))
		.innerJoin(organisations, eq(organisations.id, bedUnits.organisationId))
		.where(
			and(
				inArray(bedUnits.setting, [...settings]),
				eq(bedUnits.status, 'actief'),
				ne(locations.status, 'gearchiveerd'),
				ne(organisations.status, 'gearchiveerd'),
				inArray(locations.gemeenteCode, gemeentenOfRegion)
			)
		);
}

/** Availability reports of the units between two moments, oldest first. */
export async function availabilityEventsOfUnits(
	db: Executor,
	unitIds: readonly string[],
	from: Date,
	to: Date
) {
	if (unitIds.length === 0) return [];
	return db
		.select({
			bedUnitId: bedAvailabilityEvents.bedUnitId,
			at: bedAvailabilityEvents.createdAt,
			aantalBedden: bedAvailabilityEvents.aantalBedden,
			vrijeBedden: bedAvailabilityEvents.vrijeBedden
		})
		.from(bedAvailabilityEvents)
		.where(
			and(
				inArray(bedAvailabilityEvents.bedUnitId, [...unitIds]),
				gte(bedAvailabilityEvents.createdAt, from),
				lte(bedAvailabilityEvents.createdAt, to)
			)
		)
		.orderBy(asc(bedAvailabilityEvents.createdAt));
}

/** Active locations in a gemeente of the region, for linking a planned location. */
export async function locationsInRegion(db: Executor, regionId: string) {
	const gemeentenOfRegion = db
		.select({ code: regionGemeenten.gemeenteCode })
		.from(regionGemeenten)
		.where(eq(regionGemeenten.regionId, regionId));
	return db
		.select({
			id: locations.id,
			naam: locations.naam,
			plaats: locations.plaats,
			organisatie: organisations.naam
		})
		.from(locations)
		.innerJoin(organisations, eq(organisations.id, locations.organisationId))
		.where(
			and(
				ne(locations.status, 'gearchiveerd'),
				ne(organisations.status, 'gearchiveerd'),
				inArray(locations.gemeenteCode, gemeentenOfRegion)
			)
		)
		.orderBy(asc(organisations.naam), asc(locations.naam));
}

/** Registered beds per location in the given settings (to warn when a planned 'open' entry counts them twice). */
export async function registeredBedsAtLocations(
	db: Executor,
	locationIds: readonly string[],
	settings: readonly string[]
) {
	if (locationIds.length === 0 || settings.length === 0) return new Map<string, number>();
	const rows = await db
		.select({
			locationId: bedUnits.locationId,
			bedden: sql<number>`sum(${bedUnits.aantalBedden})::int`
		})
		.from(bedUnits)
		.where(
			and(
				inArray(bedUnits.locationId, [...locationIds]),
				inArray(bedUnits.setting, [...settings]),
				eq(bedUnits.status, 'actief')
			)
		)
		.groupBy(bedUnits.locationId);
	return new Map(rows.map((r) => [r.locationId, Number(r.bedden)]));
}

// Prognosis parameters

export type PrognosisParametersRow = typeof prognosisParameters.$inferSelect;

export interface ParameterValues {
	basisJaar: number;
	basisOverledenen: number;
	groeiPerJaar: number;
	aandeelVerwacht: number;
	aandeelLaag: number;
	aandeelHoog: number;
	ligduurDagen: number;
	bezettingsnorm: number;
	perJaar: Record<string, YearOverride>;
	bronnen: Bronnen;
}

export async function getParameters(
	db: Executor,
	regionId: string,
	setting: string
): Promise<PrognosisParametersRow | null> {
	const [row] = await db
		.select()
		.from(prognosisParameters)
		.where(and(eq(prognosisParameters.regionId, regionId), eq(prognosisParameters.setting, setting)));
	return row ?? null;
}

export async function listParametersOfRegion(db: Executor, regionId: string) {
	return db.select().from(prognosisParameters).where(eq(prognosisParameters.regionId, regionId));
}

/** Inserts the first row; returns null when a row already exists (someone else saved first). */
export async function insertParameters(
	db: Executor,
	regionId: string,
	setting: string,
	values: ParameterValues,
	userId: string
) {
	const [row] = await db
		.insert(prognosisParameters)
		.values({ regionId, setting, ...values, updatedBy: userId })
		.onConflictDoNothing()
		.returning();
	return row ?? null;
}

/** Updates when the stored version is still `version`; returns null when it is not (optimistic locking). */
export async function updateParameters(
	db: Executor,
	regionId: string,
	setting: string,
	version: number,
	values: ParameterValues,
	userId: string
) {
	const [row] = await db
		.update(prognosisParameters)
		.set({
			...values,
			updatedBy: userId,
			version: sql`${prognosisParameters.version} + 1`,
			updatedAt: new Date()
		})
		.where(
			and(
				eq(prognosisParameters.regionId, regionId),
				eq(prognosisParameters.setting, setting),
				eq(prognosisParameters.version, version)
			)
		)
		.returning();
	return row ?? null;
}

// External prognoses

export async function listExternalPrognoses(db: Executor, regionId: string, setting?: string) {
	return db
		.select()
		.from(externalPrognoses)
		.where(
			and(
				eq(externalPrognoses.regionId, regionId),
				setting ? eq(externalPrognoses.setting, setting) : undefined
			)
		)
		.orderBy(asc(externalPrognoses.setting), asc(externalPrognoses.jaar));
}

export interface ExternalValues {
	regionId: string;
	setting: string;
	jaar: number;
	laag: number;
	hoog: number;
	bron: string | null;
}

/** Inserts or replaces (same region, setting and year) the bands; returns the ids that already existed. */
export async function upsertExternalPrognoses(db: Executor, rows: readonly ExternalValues[], userId: string) {
	if (rows.length === 0) return { inserted: 0, replaced: 0 };
	const result = await db
		.insert(externalPrognoses)
		.values(rows.map((r) => ({ ...r, createdBy: userId })))
		.onConflictDoUpdate({
			target: [externalPrognoses.regionId, externalPrognoses.setting, externalPrognoses.jaar],
			set: {
				laag: sql`excluded.laag`,
				hoog: sql`excluded.hoog`,
				bron: sql`excluded.bron`,
				createdBy: sql`excluded.created_by`,
				updatedAt: new Date()
			}
		})
		// xmax = 0 only for a freshly inserted row: tells inserts from replacements in one statement.
		.returning({ id: externalPrognoses.id, inserted: sql<boolean>`(xmax = 0)` });
	const inserted = result.filter((r) => r.inserted).length;
	return { inserted, replaced: result.length - inserted };
}

export async function deleteExternalPrognosis(db: Executor, id: string, regionIds: readonly string[]) {
	const [row] = await db
		.delete(externalPrognoses)
		.where(and(eq(externalPrognoses.id, id), inArray(externalPrognoses.regionId, [...regionIds])))
		.returning();
	return row ?? null;
}

// Planned capacity

export type PlannedCapacityRow = typeof plannedCapacity.$inferSelect;

export async function listPlannedCapacity(db: Executor, regionIds: readonly string[]) {
	if (regionIds.length === 0) return [];
	return db
		.select({
			id: plannedCapacity.id,
			regionId: plannedCapacity.regionId,
			naam: plannedCapacity.naam,
			setting: plannedCapacity.setting,
			bedden: plannedCapacity.bedden,
			verwachteOpening: plannedCapacity.verwachteOpening,
			status: plannedCapacity.status,
			locationId: plannedCapacity.locationId,
			locatieNaam: locations.naam,
			version: plannedCapacity.version,
			updatedAt: plannedCapacity.updatedAt
		})
		.from(plannedCapacity)
		.leftJoin(locations, eq(locations.id, plannedCapacity.locationId))
		.where(inArray(plannedCapacity.regionId, [...regionIds]))
		.orderBy(asc(plannedCapacity.verwachteOpening), asc(plannedCapacity.naam));
}

export async function getPlannedCapacity(db: Executor, id: string) {
	const [row] = await db.select().from(plannedCapacity).where(eq(plannedCapacity.id, id));
	return row ?? null;
}

export interface PlannedValues {
	regionId: string;
	naam: string;
	setting: string;
	bedden: number;
	verwachteOpening: string;
	status: PlanStatus;
	locationId: string | null;
}

export async function insertPlannedCapacity(db: Executor, values: PlannedValues, userId: string) {
	const [row] = await db
		.insert(plannedCapacity)
		.values({ ...values, createdBy: userId })
		.returning();
	return row;
}

/** Updates when the stored version is still `version`; null otherwise. */
export async function updatePlannedCapacity(
	db: Executor,
	id: string,
	version: number,
	values: PlannedValues
) {
	const [row] = await db
		.update(plannedCapacity)
		.set({ ...values, version: sql`${plannedCapacity.version} + 1`, updatedAt: new Date() })
		.where(and(eq(plannedCapacity.id, id), eq(plannedCapacity.version, version)))
		.returning();
	return row ?? null;
}

export async function deletePlannedCapacity(db: Executor, id: string, version: number) {
	const [row] = await db
		.delete(plannedCapacity)
		.where(and(eq(plannedCapacity.id, id), eq(plannedCapacity.version, version)))
		.returning();
	return row ?? null;
}

// Saved scenarios

export async function listScenarios(db: Executor, regionId: string, setting: string) {
	return db
		.select({
			id: capacityScenarios.id,
			naam: capacityScenarios.naam,
			parameters: capacityScenarios.parameters,
			createdAt: capacityScenarios.createdAt,
			door: users.naam
		})
		.from(capacityScenarios)
		.leftJoin(users, eq(users.id, capacityScenarios.createdBy))
		.where(and(eq(capacityScenarios.regionId, regionId), eq(capacityScenarios.setting, setting)))
		.orderBy(desc(capacityScenarios.createdAt));
}

/** Null when the region already has a scenario with this name for the setting. */
export async function insertScenario(
	db: Executor,
	values: { regionId: string; setting: string; naam: string; parameters: Scenario },
	userId: string
) {
	const [row] = await db
		.insert(capacityScenarios)
		.values({ ...values, createdBy: userId })
		.onConflictDoNothing()
		.returning();
	return row ?? null;
}

export async function deleteScenario(db: Executor, id: string, regionIds: readonly string[]) {
	const [row] = await db
		.delete(capacityScenarios)
		.where(and(eq(capacityScenarios.id, id), inArray(capacityScenarios.regionId, [...regionIds])))
		.returning();
	return row ?? null;
}
