/**
 * Bed units and their availability: the use cases, each in one transaction, with the object-level permission checks
 * (the URL guard only knows the role). Every availability change writes an event (the history and the occupancy time
 * series); every profile change writes an audit entry.
 *
 * Concurrency: all changes of `vrije_bedden` are single UPDATE statements whose WHERE carries the invariant
 * (0 ≤ vrij ≤ aantal), backed by a CHECK constraint, so concurrent writers can neither corrupt the count nor push it out
 * of range. See {@link reserveBed} for the referral portal.
 */
import {
	checkAvailability,
	type AvailabilityInput,
	type BedUnitEditInput,
	type BedUnitInput,
	type FieldErrors
} from '../../domain/availability/schemas';
import { isStale, staleMessage } from '../../domain/availability/staleness';
import {
	occupancyBySetting,
	summariseBySetting,
	weekPeriods,
	type UnitHistory
} from '../../domain/availability/overview';
import { audit, type AuditActor } from '../audit';
import type { Database, Executor } from '../db/client';
import type { AvailabilitySource } from '../db/schema';
import { topics } from '../live/message';
import { publishLive } from '../live/publish';
import {
	adjustVrijeBedden,
	eventsSince,
	getBedUnit,
	getLocation,
	insertAvailabilityEvent,
	insertBedUnit,
	latestEvent,
	latestEvents,
	listBedUnits,
	listLocations,
	lockBedUnit,
	recentEvents,
	setBedUnitStatus,
	setVrijeBedden,
	updateBedUnitProfile,
	type BedUnitRow
} from '../repositories/beds';
import { gemeenteCodesOfRegion, getRegion, organisationIdsInRegion } from '../repositories/regions';
import { isMember, organisationsOfUser } from '../repositories/users';

export interface UserActor extends AuditActor {
	id: string;
	role: string;
}

/** Who changes availability: an editor through the form, or an external system through its organisation's API token. */
export type AvailabilityActor =
	{ kind: 'gebruiker'; user: UserActor } | { kind: 'token'; tokenId: string; organisationId: string };

async function mayEdit(db: Executor, user: UserActor, organisationId: string): Promise<boolean> {
	return user.role === 'organisatie' && isMember(db, user.id, organisationId);
}

// ---------------------------------------------------------------------------------------------------------------------
// Reading

/** A bed unit the user may edit, or null (unknown, or of another organisation: the caller answers 404 either way). */
export async function bedUnitForEditor(
	db: Executor,
	user: UserActor,
	id: string
): Promise<BedUnitRow | null> {
	if (!isUuid(id)) return null;
	const unit = await getBedUnit(db, id);
	if (!unit || !(await mayEdit(db, user, unit.organisationId))) return null;
	return unit;
}

/** Everything the editor's bed page shows: their organisations, their units with the latest report, their locations. */
export async function editorOverview(db: Executor, user: UserActor) {
	const organisaties = await organisationsOfUser(db, user.id);
	const ids = organisaties.map((o) => o.id);
	const [units, locaties] = await Promise.all([listBedUnits(db, ids), listLocations(db, ids)]);
	const latest = new Map(
		(
			await latestEvents(
				db,
				units.map((u) => u.id)
			)
		).map((e) => [e.bedUnitId, e])
	);
	return {
		organisaties,
		locaties,
		eenheden: units.map((u) => ({ ...u, laatsteMelding: latest.get(u.id) ?? null }))
	};
}

export async function unitHistory(db: Executor, bedUnitId: string, limit = 10) {
	return recentEvents(db, bedUnitId, limit);
}

/**
 * The name a sentence uses for a unit: the organisation's name when it has one unit, "Organisatie – unit" when it has
 * more (so "Hospice De Zonnedauw" rather than "Hospicekamers").
 */
export function displayName(unit: { naam: string; organisationNaam: string }, unitsOfOrganisation: number) {
	if (unitsOfOrganisation <= 1 || unit.naam === unit.organisationNaam) return unit.organisationNaam;
	return `${unit.organisationNaam} – ${unit.naam}`;
}

/** The stale units of the user's organisations, oldest report first, each with the sentence for the start page. */
export async function staleUnitsOfUser(db: Executor, userId: string, now: Date) {
	const organisaties = await organisationsOfUser(db, userId);
	const units = await listBedUnits(
		db,
		organisaties.map((o) => o.id),
		{ activeOnly: true }
	);
	const perOrganisation = new Map<string, number>();
	for (const u of units)
		perOrganisation.set(u.organisationId, (perOrganisation.get(u.organisationId) ?? 0) + 1);
	return units
		.filter((u) => isStale(u.beschikbaarheidBijgewerktOp, now))
		.sort(
			(a, b) =>
				(a.beschikbaarheidBijgewerktOp?.getTime() ?? 0) - (b.beschikbaarheidBijgewerktOp?.getTime() ?? 0)
		)
		.map((u) => ({
			id: u.id,
			naam: displayName(u, perOrganisation.get(u.organisationId) ?? 1),
			bijgewerktOp: u.beschikbaarheidBijgewerktOp,
			melding: staleMessage(
				displayName(u, perOrganisation.get(u.organisationId) ?? 1),
				u.beschikbaarheidBijgewerktOp,
				now
			)
		}));
}

// ---------------------------------------------------------------------------------------------------------------------
// Availability

export type AvailabilityResult =
	| {
			ok: true;
			unit: { id: string; aantalBedden: number; vrijeBedden: number; bijgewerktOp: Date };
			eventId: string;
	  }
	| { ok: false; reason: 'niet_gevonden' | 'geen_toegang' | 'gearchiveerd' }
	| { ok: false; reason: 'ongeldig'; errors: FieldErrors }
	| {
			ok: false;
			reason: 'conflict';
			huidig: {
				vrijeBedden: number;
				bron: AvailabilitySource | null;
				bijgewerktOp: Date | null;
				eventId: string | null;
			};
	  };

/**
 * "Nu beschikbaar: N bedden" as one fresh report: sets the free count, stamps the report time and writes the event, in one
 * transaction with the unit's row locked.
 *
 * `basis` (form only) is the id of the last event the editor saw (null: there was none). When another report or a
 * reservation came in since,
 * the update is refused as a conflict with the current state, so the editor does not silently overwrite it. The API has
 * no basis: an external system reports the truth of its own records, last writer wins (both reports stay in the history).
 */
export async function updateAvailability(
	db: Database,
	actor: AvailabilityActor,
	bedUnitId: string,
	input: AvailabilityInput,
	opts: { basis?: string | null; now?: Date } = {}
): Promise<AvailabilityResult> {
	if (!isUuid(bedUnitId)) return { ok: false, reason: 'niet_gevonden' };
	const at = opts.now;
	return db.transaction(async (tx): Promise<AvailabilityResult> => {
		const unit = await lockBedUnit(tx, bedUnitId);
		if (!unit) return { ok: false, reason: 'niet_gevonden' };
		const allowed =
			actor.kind === 'token'
				? actor.organisationId === unit.organisationId
				: await mayEdit(tx, actor.user, unit.organisationId);
		if (!allowed) return { ok: false, reason: 'geen_toegang' };
		if (unit.status !== 'actief') return { ok: false, reason: 'gearchiveerd' };
		const errors = checkAvailability(input, unit.aantalBedden);
		if (errors) return { ok: false, reason: 'ongeldig', errors };
		if (opts.basis !== undefined) {
			const last = await latestEvent(tx, bedUnitId);
			if ((last?.id ?? null) !== opts.basis)
				return {
					ok: false,
					reason: 'conflict',
					huidig: {
						vrijeBedden: unit.vrijeBedden,
						bron: last?.bron ?? null,
						bijgewerktOp: last?.createdAt ?? null,
						eventId: last?.id ?? null
					}
				};
		}
		const row = await setVrijeBedden(tx, bedUnitId, input.vrijeBedden, at);
		// Cannot happen with the row locked and checked above; the statement's own guard keeps the invariant regardless.
		if (!row) return { ok: false, reason: 'ongeldig', errors: { vrijeBedden: 'Dit aantal past niet.' } };
		const event = await insertAvailabilityEvent(tx, {
			bedUnitId,
			aantalBedden: row.aantalBedden,
			vrijeBedden: row.vrijeBedden,
			verwachteOntslagen: input.verwachteOntslagen ?? null,
			verwachteOpnames: input.verwachteOpnames ?? null,
			bron: actor.kind === 'token' ? 'api' : 'formulier',
			userId: actor.kind === 'gebruiker' ? actor.user.id : null,
			apiTokenId: actor.kind === 'token' ? actor.tokenId : null,
			createdAt: at
		});
		// Open streams of every instance (e.g. the public organisation page) reload the count once this commits.
		await publishLive(tx, { topics: [topics.bedeenheid(bedUnitId)], kind: 'beschikbaarheid' });
		return {
			ok: true,
			unit: {
				id: bedUnitId,
				aantalBedden: row.aantalBedden,
				vrijeBedden: row.vrijeBedden,
				bijgewerktOp: row.bijgewerktOp
			},
			eventId: event.id
		};
	});
}

/**
 * Reserves one bed for an accepted referral: free beds − 1 and an event (bron 'verwijzing'), or false when no bed is free
 * (or the unit is archived or unknown). Call it INSIDE the referral-accept transaction so both commit or neither does:
 *
 *     await db.transaction(async (tx) => {
 *       if (!(await reserveBed(tx, bedUnitId, user))) return fail('Er is geen bed meer vrij.');
 *       await markAccepted(tx, ...);
 *     });
 *
 * Safe under concurrency without extra locks: the decrement is one UPDATE ... WHERE vrije_bedden > 0, which PostgreSQL
 * re-evaluates on the newest row version, so two reservations of the last bed cannot both succeed.
 * It does not move the report time (beschikbaarheidBijgewerktOp): a reservation is not a confirmation of the actual count.
 */
export async function reserveBed(
	tx: Executor,
	bedUnitId: string,
	actor: { id: string } | null
): Promise<boolean> {
	if (!isUuid(bedUnitId)) return false;
	const row = await adjustVrijeBedden(tx, bedUnitId, -1);
	if (!row) return false;
	await insertAvailabilityEvent(tx, {
		bedUnitId,
		aantalBedden: row.aantalBedden,
		vrijeBedden: row.vrijeBedden,
		bron: 'verwijzing',
		userId: actor?.id ?? null
	});
	await publishLive(tx, { topics: [topics.bedeenheid(bedUnitId)], kind: 'beschikbaarheid' });
	return true;
}

/**
 * Gives a reserved bed back (a referral withdrawn after acceptance): free beds + 1 and an event, or false when the unit is
 * already completely free (or archived/unknown). Same transaction rule as {@link reserveBed}.
 */
export async function releaseBed(
	tx: Executor,
	bedUnitId: string,
	actor: { id: string } | null
): Promise<boolean> {
	if (!isUuid(bedUnitId)) return false;
	const row = await adjustVrijeBedden(tx, bedUnitId, 1);
	if (!row) return false;
	await insertAvailabilityEvent(tx, {
		bedUnitId,
		aantalBedden: row.aantalBedden,
		vrijeBedden: row.vrijeBedden,
		bron: 'verwijzing',
		userId: actor?.id ?? null
	});
	await publishLive(tx, { topics: [topics.bedeenheid(bedUnitId)], kind: 'beschikbaarheid' });
	return true;
}

// ---------------------------------------------------------------------------------------------------------------------
// Bed unit profile

export type ProfileResult =
	| { ok: true; id: string }
	| { ok: false; reason: 'niet_gevonden' | 'geen_toegang' | 'conflict' }
	| { ok: false; reason: 'ongeldig'; errors: FieldErrors };

async function checkLocation(db: Executor, user: UserActor, locationId: string) {
	const location = await getLocation(db, locationId);
	if (!location || location.status !== 'actief')
		return { ok: false as const, errors: { locationId: 'Kies een locatie van uw organisatie.' } };
	if (!(await mayEdit(db, user, location.organisationId))) return { ok: false as const, errors: null };
	return { ok: true as const, organisationId: location.organisationId };
}

export async function createBedUnit(
	db: Database,
	user: UserActor,
	input: BedUnitInput
): Promise<ProfileResult> {
	return db.transaction(async (tx): Promise<ProfileResult> => {
		const location = await checkLocation(tx, user, input.locationId);
		if (!location.ok)
			return location.errors
				? { ok: false, reason: 'ongeldig', errors: location.errors }
				: { ok: false, reason: 'geen_toegang' };
		const id = await insertBedUnit(tx, {
			organisationId: location.organisationId,
			locationId: input.locationId,
			naam: input.naam,
			setting: input.setting,
			aantalBedden: input.aantalBedden,
			doelgroepen: input.doelgroepen,
			voorwaarden: input.voorwaarden,
			toelichting: input.toelichting ?? null
		});
		await audit(tx, user, {
			action: 'beddeneenheid_aangemaakt',
			entityType: 'bed_unit',
			entityId: id,
			organisationId: location.organisationId,
			details: { setting: input.setting, aantalBedden: input.aantalBedden }
		});
		return { ok: true, id };
	});
}

const profileFields = [
	'locationId',
	'naam',
	'setting',
	'aantalBedden',
	'doelgroepen',
	'voorwaarden',
	'toelichting'
] as const;

function changedFields(before: BedUnitRow, after: BedUnitInput): string[] {
	const norm = (v: unknown) => (Array.isArray(v) ? [...v].sort().join(',') : (v ?? null));
	return profileFields.filter((f) => norm(before[f]) !== norm(after[f] ?? null));
}

/**
 * Edits a unit's profile with optimistic locking (the version the form read). Fewer beds than are free lowers the free
 * count with it; a change of the number of beds is also an availability event, because occupancy is computed from the
 * events and needs the beds there were at each moment.
 */
export async function updateBedUnit(
	db: Database,
	user: UserActor,
	id: string,
	input: BedUnitEditInput,
	now?: Date
): Promise<ProfileResult> {
	if (!isUuid(id)) return { ok: false, reason: 'niet_gevonden' };
	return db.transaction(async (tx): Promise<ProfileResult> => {
		const before = await getBedUnit(tx, id);
		if (!before) return { ok: false, reason: 'niet_gevonden' };
		if (!(await mayEdit(tx, user, before.organisationId))) return { ok: false, reason: 'geen_toegang' };
		const location = await checkLocation(tx, user, input.locationId);
		if (!location.ok || location.organisationId !== before.organisationId)
			return {
				ok: false,
				reason: 'ongeldig',
				errors: { locationId: 'Kies een locatie van dezelfde organisatie.' }
			};
		const row = await updateBedUnitProfile(tx, id, input.version, {
			locationId: input.locationId,
			naam: input.naam,
			setting: input.setting,
			aantalBedden: input.aantalBedden,
			doelgroepen: input.doelgroepen,
			voorwaarden: input.voorwaarden,
			toelichting: input.toelichting ?? null
		});
		if (!row) return { ok: false, reason: 'conflict' };
		if (row.aantalBedden !== before.aantalBedden)
			await insertAvailabilityEvent(tx, {
				bedUnitId: id,
				aantalBedden: row.aantalBedden,
				vrijeBedden: row.vrijeBedden,
				bron: 'formulier',
				userId: user.id,
				createdAt: now
			});
		await audit(tx, user, {
			action: 'beddeneenheid_gewijzigd',
			entityType: 'bed_unit',
			entityId: id,
			organisationId: before.organisationId,
			details: { velden: changedFields(before, input), versie: row.version }
		});
		return { ok: true, id };
	});
}

/** Archive (or bring back) a unit: archived units disappear from matching and overviews, their history stays. */
export async function setBedUnitArchived(
	db: Database,
	user: UserActor,
	id: string,
	version: number,
	archived: boolean
): Promise<ProfileResult> {
	if (!isUuid(id)) return { ok: false, reason: 'niet_gevonden' };
	return db.transaction(async (tx): Promise<ProfileResult> => {
		const before = await getBedUnit(tx, id);
		if (!before) return { ok: false, reason: 'niet_gevonden' };
		if (!(await mayEdit(tx, user, before.organisationId))) return { ok: false, reason: 'geen_toegang' };
		const row = await setBedUnitStatus(tx, id, version, archived ? 'gearchiveerd' : 'actief');
		if (!row) return { ok: false, reason: 'conflict' };
		await audit(tx, user, {
			action: archived ? 'beddeneenheid_gearchiveerd' : 'beddeneenheid_hersteld',
			entityType: 'bed_unit',
			entityId: id,
			organisationId: before.organisationId
		});
		return { ok: true, id };
	});
}

// ---------------------------------------------------------------------------------------------------------------------
// Capacity overview (beheerder)

/**
 * The capacity overview of a region (with its sub-regions): active units whose location lies in one of its gemeenten,
 * summarised by setting, the stale ones listed, and time-weighted occupancy per week over the last `weeks` weeks.
 */
export async function capacityOverview(db: Executor, regionId: string, now: Date, weeks: number) {
	const region = await getRegion(db, regionId);
	if (!region) return null;
	const [organisationIds, gemeenteCodes] = await Promise.all([
		organisationIdsInRegion(db, regionId),
		gemeenteCodesOfRegion(db, regionId)
	]);
	const inRegion = new Set(gemeenteCodes);
	const units = (await listBedUnits(db, organisationIds, { activeOnly: true })).filter(
		(u) => u.gemeenteCode !== null && inRegion.has(u.gemeenteCode)
	);
	const samenvatting = summariseBySetting(
		units.map((u) => ({
			setting: u.setting,
			aantalBedden: u.aantalBedden,
			vrijeBedden: u.vrijeBedden,
			bijgewerktOp: u.beschikbaarheidBijgewerktOp
		})),
		now
	);
	const perOrganisation = new Map<string, number>();
	for (const u of units)
		perOrganisation.set(u.organisationId, (perOrganisation.get(u.organisationId) ?? 0) + 1);
	const verouderd = units
		.filter((u) => isStale(u.beschikbaarheidBijgewerktOp, now))
		.sort(
			(a, b) =>
				(a.beschikbaarheidBijgewerktOp?.getTime() ?? 0) - (b.beschikbaarheidBijgewerktOp?.getTime() ?? 0)
		)
		.map((u) => ({
			id: u.id,
			naam: displayName(u, perOrganisation.get(u.organisationId) ?? 1),
			organisationSlug: u.organisationSlug,
			setting: u.setting,
			plaats: u.plaats,
			vrijeBedden: u.vrijeBedden,
			aantalBedden: u.aantalBedden,
			bijgewerktOp: u.beschikbaarheidBijgewerktOp
		}));
	const periods = weekPeriods(now, weeks);
	const events = await eventsSince(
		db,
		units.map((u) => u.id),
		periods[0].van
	);
	const byUnit = new Map<
		string,
		UnitHistory & { events: { at: Date; aantalBedden: number; vrijeBedden: number }[] }
	>(units.map((u) => [u.id, { setting: u.setting, events: [] }]));
	for (const e of events)
		byUnit
			.get(e.bedUnitId)
			?.events.push({ at: e.createdAt, aantalBedden: e.aantalBedden, vrijeBedden: e.vrijeBedden });
	return {
		region: { id: region.id, naam: region.naam, slug: region.slug },
		samenvatting,
		verouderd,
		weken: periods.map((p) => ({ van: p.van, tot: p.tot, label: p.label })),
		bezetting: occupancyBySetting([...byUnit.values()], periods)
	};
}

function isUuid(value: string): boolean {
	return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

export type ReadAvailabilityResult =
	| {
			ok: true;
			unit: BedUnitRow;
			laatsteMelding: Awaited<ReturnType<typeof latestEvent>>;
	  }
	| { ok: false; reason: 'niet_gevonden' | 'geen_toegang' };

/** The current availability of a unit for an API token of its organisation (GET of the availability resource). */
export async function availabilityForToken(
	db: Executor,
	token: { organisationId: string },
	bedUnitId: string
): Promise<ReadAvailabilityResult> {
	if (!isUuid(bedUnitId)) return { ok: false, reason: 'niet_gevonden' };
	const unit = await getBedUnit(db, bedUnitId);
	if (!unit) return { ok: false, reason: 'niet_gevonden' };
	if (unit.organisationId !== token.organisationId) return { ok: false, reason: 'geen_toegang' };
	return { ok: true, unit, laatsteMelding: await latestEvent(db, bedUnitId) };
}
