import { and, asc, between, desc, eq, gte, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { BedUnitCandidate, ExclusionCount, Reden } from '../../domain/referral/matching';
import type {
	Afwijsreden,
	Intrekreden,
	VerwijzingStatus,
	VerzoekStatus
} from '../../domain/referral/transitions';
import type { Executor } from '../db/client';
import {
	bedUnits,
	locations,
	organisations,
	postcodeGebieden,
	services,
	verwijsverzoeken,
	verwijzingen
} from '../db/schema';

/* SQL only: no rules here (they live in services/referrals.ts and domain/referral/). */

export type VerwijzingRow = typeof verwijzingen.$inferSelect;
export type VerzoekRow = typeof verwijsverzoeken.$inferSelect;

// ---- Reference data ------------------------------------------------------------------------------------------------

export interface Pc4Area {
	pc4: string;
	lat: number;
	lon: number;
	gemeenteCode: string;
}

export async function pc4Areas(db: Executor, pc4s: readonly string[]): Promise<Map<string, Pc4Area>> {
	const wanted = [...new Set(pc4s.filter(Boolean))];
	if (wanted.length === 0) return new Map();
	const rows = await db
		.select({
			pc4: postcodeGebieden.pc4,
			lat: postcodeGebieden.lat,
			lon: postcodeGebieden.lon,
			gemeenteCode: postcodeGebieden.gemeenteCode
		})
		.from(postcodeGebieden)
		.where(inArray(postcodeGebieden.pc4, wanted));
	return new Map(rows.map((r) => [r.pc4, r]));
}

// ---- Candidates for matching -----------------------------------------------------------------------------------------

/**
 * Active bed units of active organisations, with their location and the expertise the organisation declares on its active
 * services; the matching itself decides which unit fits (excluded units are shown as near misses).
 *
 * `near` limits the load to a box around a point (units without coordinates always come along: their distance is unknown,
 * never a reason to leave them out). `ids` limits it to these units.
 */
export async function loadBedUnitCandidates(
	db: Executor,
	opts: { ids?: readonly string[]; near?: { lat: number; lon: number; radiusKm: number } } = {}
): Promise<BedUnitCandidate[]> {
	const box = opts.near ? boundingBox(opts.near) : null;
	const rows = await db
		.select({
			id: bedUnits.id,
			naam: bedUnits.naam,
			organisationId: bedUnits.organisationId,
			organisationNaam: organisations.naam,
			organisationSlug: organisations.slug,
			locationNaam: locations.naam,
			plaats: locations.plaats,
			gemeenteCode: locations.gemeenteCode,
			lat: locations.lat,
			lon: locations.lon,
			setting: bedUnits.setting,
			aantalBedden: bedUnits.aantalBedden,
			vrijeBedden: bedUnits.vrijeBedden,
			doelgroepen: bedUnits.doelgroepen,
			voorwaarden: bedUnits.voorwaarden,
			beschikbaarheidBijgewerktOp: bedUnits.beschikbaarheidBijgewerktOp
		})
		.from(bedUnits)
		.innerJoin(organisations, eq(organisations.id, bedUnits.organisationId))
		.innerJoin(locations, eq(locations.id, bedUnits.locationId))
		.where(
			and(
				eq(bedUnits.status, 'actief'),
				eq(organisations.status, 'actief'),
				eq(locations.status, 'actief'),
				opts.ids ? inArray(bedUnits.id, opts.ids.length ? [...opts.ids] : [NIL_UUID]) : undefined,
				box
					? or(
							isNull(locations.lat),
							isNull(locations.lon),
							and(
								between(locations.lat, box.minLat, box.maxLat),
								between(locations.lon, box.minLon, box.maxLon)
							)
						)
					: undefined
			)
		)
		.orderBy(asc(bedUnits.id));
	// Only the organisations of the units found (by id or around the patient); all of them only when all units are asked.
	const expertise = await expertiseByOrganisation(
		db,
		opts.ids || opts.near ? [...new Set(rows.map((r) => r.organisationId))] : null
	);
	return rows.map((r) => ({
		...r,
		plaats: r.plaats ?? '',
		expertise: expertise.get(r.organisationId) ?? []
	}));
}

/**
 * Declared expertise per organisation: the union over its active services. One grouped query (for the given
 * organisations, or all when null), merged in memory: cheaper than a subquery per bed unit.
 */
async function expertiseByOrganisation(db: Executor, organisationIds: string[] | null) {
	if (organisationIds && organisationIds.length === 0) return new Map<string, string[]>();
	const rows = await db
		.select({
			organisationId: services.organisationId,
			expertise: sql<string[]>`array_agg(distinct e order by e)`
		})
		.from(services)
		.innerJoin(sql`lateral unnest(${services.expertise}) as e`, sql`true`)
		.where(
			and(
				eq(services.status, 'actief'),
				organisationIds ? inArray(services.organisationId, organisationIds) : undefined
			)
		)
		.groupBy(services.organisationId);
	return new Map(rows.map((r) => [r.organisationId, r.expertise]));
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** A lat/lon box that contains every point within radiusKm (a little more in the corners: the matching measures exactly). */
function boundingBox({ lat, lon, radiusKm }: { lat: number; lon: number; radiusKm: number }) {
	const dLat = radiusKm / 111.2;
	const dLon = radiusKm / (111.2 * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
	return { minLat: lat - dLat, maxLat: lat + dLat, minLon: lon - dLon, maxLon: lon + dLon };
}

// ---- Referrals -------------------------------------------------------------------------------------------------------

export type NewVerwijzing = typeof verwijzingen.$inferInsert;

export async function insertVerwijzing(db: Executor, values: NewVerwijzing): Promise<string> {
	const [row] = await db.insert(verwijzingen).values(values).returning({ id: verwijzingen.id });
	return row.id;
}

export async function getVerwijzing(db: Executor, id: string): Promise<VerwijzingRow | null> {
	const [row] = await db.select().from(verwijzingen).where(eq(verwijzingen.id, id));
	return row ?? null;
}

/** Locks the referral row until the transaction ends: every status change of a referral and its requests takes it first. */
export async function lockVerwijzing(tx: Executor, id: string): Promise<VerwijzingRow | null> {
	const [row] = await tx.select().from(verwijzingen).where(eq(verwijzingen.id, id)).for('update');
	return row ?? null;
}

export async function setVerwijzingStatus(
	tx: Executor,
	id: string,
	status: VerwijzingStatus,
	at: Date,
	closed: boolean
) {
	await tx
		.update(verwijzingen)
		.set({ status, updatedAt: at, ...(closed ? { closedAt: at } : {}) })
		.where(eq(verwijzingen.id, id));
}

export async function touchVerwijzing(tx: Executor, id: string, at: Date) {
	await tx.update(verwijzingen).set({ updatedAt: at }).where(eq(verwijzingen.id, id));
}

/** The verwijzer's own referrals, newest first, with the number of requests per status. */
export async function listVerwijzingenOfVerwijzer(db: Executor, verwijzerId: string) {
	const counts = db
		.select({
			referralId: verwijsverzoeken.referralId,
			verzonden: sql<number>`count(*) filter (where ${verwijsverzoeken.status} = 'verzonden')::int`.as(
				'verzonden'
			),
			afgewezen: sql<number>`count(*) filter (where ${verwijsverzoeken.status} = 'afgewezen')::int`.as(
				'afgewezen'
			),
			totaal: sql<number>`count(*)::int`.as('totaal')
		})
		.from(verwijsverzoeken)
		.groupBy(verwijsverzoeken.referralId)
		.as('counts');
	return db
		.select({
			id: verwijzingen.id,
			status: verwijzingen.status,
			leeftijdscategorie: verwijzingen.leeftijdscategorie,
			doelgroepen: verwijzingen.doelgroepen,
			settings: verwijzingen.settings,
			urgentie: verwijzingen.urgentie,
			createdAt: verwijzingen.createdAt,
			updatedAt: verwijzingen.updatedAt,
			anonymisedAt: verwijzingen.anonymisedAt,
			verzonden: sql<number>`coalesce(${counts.verzonden}, 0)`,
			afgewezen: sql<number>`coalesce(${counts.afgewezen}, 0)`,
			totaal: sql<number>`coalesce(${counts.totaal}, 0)`
		})
		.from(verwijzingen)
		.leftJoin(counts, eq(counts.referralId, verwijzingen.id))
		.where(eq(verwijzingen.verwijzerId, verwijzerId))
		.orderBy(desc(verwijzingen.createdAt), desc(verwijzingen.id));
}

// ---- Requests --------------------------------------------------------------------------------------------------------

export type NewVerzoek = typeof verwijsverzoeken.$inferInsert;

export async function insertVerzoeken(tx: Executor, rows: NewVerzoek[]) {
	if (rows.length === 0) return [];
	return tx
		.insert(verwijsverzoeken)
		.values(rows)
		.returning({ id: verwijsverzoeken.id, organisationId: verwijsverzoeken.organisationId });
}

/** The requests of a referral with what the verwijzer sees of the unit, in the order they were sent. */
export async function listVerzoekenOfVerwijzing(db: Executor, referralId: string) {
	return db
		.select({
			id: verwijsverzoeken.id,
			bedUnitId: verwijsverzoeken.bedUnitId,
			organisationId: verwijsverzoeken.organisationId,
			organisationNaam: organisations.naam,
			unitNaam: bedUnits.naam,
			plaats: locations.plaats,
			status: verwijsverzoeken.status,
			afwijsreden: verwijsverzoeken.afwijsreden,
			toelichting: verwijsverzoeken.toelichting,
			intrekreden: verwijsverzoeken.intrekreden,
			score: verwijsverzoeken.score,
			afstandKm: verwijsverzoeken.afstandKm,
			verzondenAt: verwijsverzoeken.verzondenAt,
			beantwoordAt: verwijsverzoeken.beantwoordAt,
			ingetrokkenAt: verwijsverzoeken.ingetrokkenAt,
			updatedAt: verwijsverzoeken.updatedAt
		})
		.from(verwijsverzoeken)
		.innerJoin(organisations, eq(organisations.id, verwijsverzoeken.organisationId))
		.leftJoin(bedUnits, eq(bedUnits.id, verwijsverzoeken.bedUnitId))
		.leftJoin(locations, eq(locations.id, bedUnits.locationId))
		.where(eq(verwijsverzoeken.referralId, referralId))
		.orderBy(asc(verwijsverzoeken.verzondenAt), asc(verwijsverzoeken.id));
}

export async function getVerzoek(db: Executor, id: string): Promise<VerzoekRow | null> {
	const [row] = await db.select().from(verwijsverzoeken).where(eq(verwijsverzoeken.id, id));
	return row ?? null;
}

export async function lockVerzoek(tx: Executor, id: string): Promise<VerzoekRow | null> {
	const [row] = await tx.select().from(verwijsverzoeken).where(eq(verwijsverzoeken.id, id)).for('update');
	return row ?? null;
}

export async function countAccepted(tx: Executor, referralId: string, exceptId?: string): Promise<number> {
	const [row] = await tx
		.select({ n: sql<number>`count(*)::int` })
		.from(verwijsverzoeken)
		.where(
			and(
				eq(verwijsverzoeken.referralId, referralId),
				eq(verwijsverzoeken.status, 'geaccepteerd'),
				exceptId ? ne(verwijsverzoeken.id, exceptId) : undefined
			)
		);
	return row?.n ?? 0;
}

export async function markAccepted(tx: Executor, id: string, at: Date) {
	await tx
		.update(verwijsverzoeken)
		.set({ status: 'geaccepteerd', beantwoordAt: at, updatedAt: at })
		.where(and(eq(verwijsverzoeken.id, id), eq(verwijsverzoeken.status, 'verzonden')));
}

export async function markDeclined(
	tx: Executor,
	id: string,
	afwijsreden: Afwijsreden,
	toelichting: string | null,
	at: Date
) {
	await tx
		.update(verwijsverzoeken)
		.set({ status: 'afgewezen', afwijsreden, toelichting, beantwoordAt: at, updatedAt: at })
		.where(and(eq(verwijsverzoeken.id, id), eq(verwijsverzoeken.status, 'verzonden')));
}

/** Withdraws the given open requests; returns those that changed (with their organisation, for the live update). */
export async function markWithdrawn(
	tx: Executor,
	ids: readonly string[],
	intrekreden: Intrekreden,
	at: Date
) {
	if (ids.length === 0) return [];
	return tx
		.update(verwijsverzoeken)
		.set({ status: 'ingetrokken', intrekreden, ingetrokkenAt: at, updatedAt: at })
		.where(and(inArray(verwijsverzoeken.id, [...ids]), eq(verwijsverzoeken.status, 'verzonden')))
		.returning({ id: verwijsverzoeken.id, organisationId: verwijsverzoeken.organisationId });
}

export async function openVerzoekenOfVerwijzing(tx: Executor, referralId: string) {
	return tx
		.select({ id: verwijsverzoeken.id, status: verwijsverzoeken.status })
		.from(verwijsverzoeken)
		.where(and(eq(verwijsverzoeken.referralId, referralId), eq(verwijsverzoeken.status, 'verzonden')));
}

/** Incoming requests of these organisations, newest first, with the referral's need summary and the unit. */
export async function listVerzoekenOfOrganisations(
	db: Executor,
	organisationIds: readonly string[],
	opts: { status?: VerzoekStatus } = {}
) {
	if (organisationIds.length === 0) return [];
	return db
		.select({
			id: verwijsverzoeken.id,
			referralId: verwijsverzoeken.referralId,
			organisationId: verwijsverzoeken.organisationId,
			organisationNaam: organisations.naam,
			unitNaam: bedUnits.naam,
			status: verwijsverzoeken.status,
			afwijsreden: verwijsverzoeken.afwijsreden,
			intrekreden: verwijsverzoeken.intrekreden,
			verzondenAt: verwijsverzoeken.verzondenAt,
			beantwoordAt: verwijsverzoeken.beantwoordAt,
			afstandKm: verwijsverzoeken.afstandKm,
			leeftijdscategorie: verwijzingen.leeftijdscategorie,
			doelgroepen: verwijzingen.doelgroepen,
			urgentie: verwijzingen.urgentie,
			prognose: verwijzingen.prognose,
			verwijzingStatus: verwijzingen.status
		})
		.from(verwijsverzoeken)
		.innerJoin(verwijzingen, eq(verwijzingen.id, verwijsverzoeken.referralId))
		.innerJoin(organisations, eq(organisations.id, verwijsverzoeken.organisationId))
		.leftJoin(bedUnits, eq(bedUnits.id, verwijsverzoeken.bedUnitId))
		.where(
			and(
				inArray(verwijsverzoeken.organisationId, [...organisationIds]),
				opts.status ? eq(verwijsverzoeken.status, opts.status) : undefined
			)
		)
		.orderBy(desc(verwijsverzoeken.verzondenAt), desc(verwijsverzoeken.id));
}

export async function countOpenVerzoeken(db: Executor, organisationIds: readonly string[]): Promise<number> {
	if (organisationIds.length === 0) return 0;
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(verwijsverzoeken)
		.innerJoin(verwijzingen, eq(verwijzingen.id, verwijsverzoeken.referralId))
		.where(
			and(
				inArray(verwijsverzoeken.organisationId, [...organisationIds]),
				eq(verwijsverzoeken.status, 'verzonden'),
				eq(verwijzingen.status, 'open')
			)
		);
	return row?.n ?? 0;
}

export async function bedUnitSummary(db: Executor, id: string) {
	const [row] = await db
		.select({
			id: bedUnits.id,
			naam: bedUnits.naam,
			setting: bedUnits.setting,
			aantalBedden: bedUnits.aantalBedden,
			vrijeBedden: bedUnits.vrijeBedden,
			beschikbaarheidBijgewerktOp: bedUnits.beschikbaarheidBijgewerktOp,
			plaats: locations.plaats,
			organisationNaam: organisations.naam
		})
		.from(bedUnits)
		.innerJoin(locations, eq(locations.id, bedUnits.locationId))
		.innerJoin(organisations, eq(organisations.id, bedUnits.organisationId))
		.where(eq(bedUnits.id, id));
	return row ?? null;
}

// ---- Retention -------------------------------------------------------------------------------------------------------

/** Closed before `before` and not yet anonymised. */
export async function referralsToAnonymise(tx: Executor, before: Date, limit: number) {
	const rows = await tx
		.select({ id: verwijzingen.id })
		.from(verwijzingen)
		.where(and(isNull(verwijzingen.anonymisedAt), lt(verwijzingen.closedAt, before)))
		.orderBy(asc(verwijzingen.closedAt))
		.limit(limit)
		.for('update', { skipLocked: true });
	return rows.map((r) => r.id);
}

/** Open referrals nobody touched since `before` (no request sent, answered or withdrawn), oldest first, locked. */
export async function staleOpenReferrals(tx: Executor, before: Date, limit: number) {
	const rows = await tx
		.select({ id: verwijzingen.id })
		.from(verwijzingen)
		.where(
			and(
				eq(verwijzingen.status, 'open'),
				isNull(verwijzingen.anonymisedAt),
				lt(verwijzingen.updatedAt, before)
			)
		)
		.orderBy(asc(verwijzingen.updatedAt))
		.limit(limit)
		.for('update', { skipLocked: true });
	return rows.map((r) => r.id);
}

/**
 * Wipes free text and fine-grained need fields. What stays is what the network's indicators need and what cannot point
 * to a person: doelgroepen, settings, prognosis and urgency categories, gemeente, a broad age band, statuses and times,
 * decline reasons, and distances rounded to 5 km.
 */
export async function anonymiseReferrals(tx: Executor, ids: readonly string[], at: Date) {
	if (ids.length === 0) return;
	await tx
		.update(verwijzingen)
		.set({
			wensen: null,
			pc4Verblijf: null,
			pc4Naasten: null,
			zorgbehoeften: [],
			leeftijdscategorie: sql`case when ${verwijzingen.leeftijdscategorie} in ('18-29', '30-49', '50-64', '18-64') then '18-64' else '65+' end`,
			anonymisedAt: at,
			updatedAt: at
		})
		.where(inArray(verwijzingen.id, [...ids]));
	await tx
		.update(verwijsverzoeken)
		.set({
			toelichting: null,
			redenen: null,
			afstandKm: sql`round(${verwijsverzoeken.afstandKm} / 5) * 5`,
			afstandNaastenKm: sql`round(${verwijsverzoeken.afstandNaastenKm} / 5) * 5`
		})
		.where(inArray(verwijsverzoeken.referralId, [...ids]));
}

// ---- Indicators ------------------------------------------------------------------------------------------------------

/**
 * Referrals created in [from, to) in the given gemeenten (or, for referrals without a gemeente, of the given regions),
 * with only the fields the aggregated indicators use.
 */
export async function referralsForIndicators(
	db: Executor,
	filter: { gemeenteCodes: readonly string[]; regionIds: readonly string[]; from: Date; to: Date }
) {
	const inArea = or(
		filter.gemeenteCodes.length ? inArray(verwijzingen.gemeenteCode, [...filter.gemeenteCodes]) : sql`false`,
		filter.regionIds.length
			? and(isNull(verwijzingen.gemeenteCode), inArray(verwijzingen.regionId, [...filter.regionIds]))
			: sql`false`
	);
	const referrals = await db
		.select({
			id: verwijzingen.id,
			doelgroepen: verwijzingen.doelgroepen,
			createdAt: verwijzingen.createdAt,
			status: verwijzingen.status,
			aantalKandidaten: verwijzingen.aantalKandidaten,
			uitsluitingen: verwijzingen.uitsluitingen
		})
		.from(verwijzingen)
		.where(and(inArea, gte(verwijzingen.createdAt, filter.from), lt(verwijzingen.createdAt, filter.to)));
	const ids = referrals.map((r) => r.id);
	const requests = ids.length
		? await db
				.select({
					referralId: verwijsverzoeken.referralId,
					status: verwijsverzoeken.status,
					afwijsreden: verwijsverzoeken.afwijsreden,
					gemeenteCode: verwijsverzoeken.gemeenteCode,
					afstandNaastenKm: verwijsverzoeken.afstandNaastenKm,
					beantwoordAt: verwijsverzoeken.beantwoordAt
				})
				.from(verwijsverzoeken)
				.where(inArray(verwijsverzoeken.referralId, ids))
		: [];
	return { referrals, requests };
}

export type { ExclusionCount, Reden };
