/**
 * The referral portal's use cases: create a referral (the need, never the person), match it to bed units, send requests,
 * and let the addressed organisations accept or decline. Each change is one transaction with its audit entry and its live
 * notification (delivered on commit).
 *
 * Access: only the referring verwijzer and the organisations a request was sent to can open a referral; for everyone else
 * it does not exist (the routes answer 404, so the existence of a referral is never revealed). Every opening is audited.
 *
 * Concurrency: every status change of a referral or one of its requests first locks the referral row, then the request
 * row (always in that order, so two changes never deadlock). An acceptance reserves the bed with reserveBed's conditional
 * UPDATE (vrije_bedden > 0), so twenty organisations accepting the last bed of a unit at once book it exactly once; and a
 * partial unique index refuses a second acceptance of one referral even if these rules were bypassed.
 */
import type { Role } from '../../domain/access/roles';
import type { FieldErrors } from '../../forms/parse-form';
import {
	countExclusions,
	matchBedUnits,
	type MatchRequest,
	type MatchResult
} from '../../domain/referral/matching';
import type { Doelgroep, OpnameVoorwaarde, ZorgSetting } from '../../domain/organisation/taxonomy';
import type { Prognose } from '../../domain/referral/options';
import type { VerwijzingInput } from '../../domain/referral/schemas';
import {
	checkVerwijzingTransition,
	checkVerzoekTransition,
	type VerwijzingStatus
} from '../../domain/referral/transitions';
import type { AfwijzenInput, VersturenInput } from '../../domain/referral/verzoek-schemas';
import { audit } from '../audit';
import type { Database, Executor } from '../db/client';
import { users } from '../db/schema';
import { publishLive, topics } from '../live';
import { regionsForGemeente } from '../repositories/regions';
import {
	bedUnitSummary,
	countAccepted,
	countOpenVerzoeken,
	getVerwijzing,
	getVerzoek,
	insertVerwijzing,
	insertVerzoeken,
	listVerwijzingenOfVerwijzer,
	listVerzoekenOfOrganisations,
	listVerzoekenOfVerwijzing,
	loadBedUnitCandidates,
	lockVerwijzing,
	lockVerzoek,
	markAccepted,
	markDeclined,
	markWithdrawn,
	openVerzoekenOfVerwijzing,
	pc4Areas,
	setVerwijzingStatus,
	touchVerwijzing,
	type VerwijzingRow
} from '../repositories/referrals';
import { isMember, organisationsOfUser } from '../repositories/users';
import { reserveBed } from './beds';
import { eq } from 'drizzle-orm';

export interface ReferralActor {
	id: string;
	role: Role;
	regionId?: string | null;
}

/** Shown to the organisation whose acceptance came too late for the last bed. */
export const GEEN_BED_MELDING =
	'Er is geen bed meer vrij in deze eenheid: een ander verzoek heeft het laatste bed net gekregen. Er is niets geaccepteerd. Wijs dit verzoek af met de reden "geen bed meer" of werk eerst de beschikbaarheid bij.';

export const AL_GEACCEPTEERD_MELDING = 'Een andere organisatie heeft deze verwijzing al geaccepteerd.';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: string) => UUID.test(value);

/** drizzle wraps driver errors; postgres.js and PGlite both carry the SQLSTATE in `code`. */
function sqlState(error: unknown): string | undefined {
	let e = error as { code?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; e && depth < 4; depth++) {
		if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
		e = e.cause as typeof e;
	}
	return undefined;
}

// ---------------------------------------------------------------------------------------------------------------------
// Matching

/** The match request of a stored referral: the PC4s resolved through postcode_gebieden. */
export async function matchRequestFor(
	db: Executor,
	referral: Pick<
		VerwijzingRow,
		'doelgroepen' | 'zorgbehoeften' | 'settings' | 'prognose' | 'maxAfstandKm' | 'pc4Verblijf' | 'pc4Naasten'
	>,
	now: Date
): Promise<MatchRequest> {
	const areas = await pc4Areas(
		db,
		[referral.pc4Verblijf, referral.pc4Naasten].filter((p): p is string => !!p)
	);
	const point = (pc4: string | null) => {
		const a = pc4 ? areas.get(pc4) : undefined;
		return a ? { lat: a.lat, lon: a.lon } : null;
	};
	return {
		doelgroepen: referral.doelgroepen as Doelgroep[],
		zorgbehoeften: referral.zorgbehoeften as OpnameVoorwaarde[],
		settings: referral.settings as ZorgSetting[],
		prognose: referral.prognose as Prognose,
		maxAfstandKm: referral.maxAfstandKm,
		verblijf: point(referral.pc4Verblijf),
		naasten: point(referral.pc4Naasten),
		now
	};
}

/**
 * Units farther than this multiple of the requested maximum distance are left out of the match: they can never be a
 * candidate and are no useful near miss ("340 km, verder dan 50 km"). Within it, a unit that fails only on distance still
 * shows as a near miss and counts for the indicators. Keeps the load small at national scale (see scripts/bench/match.ts).
 */
export const NEAR_MISS_RADIUS_FACTOR = 2;

/** The match of a referral against the current bed units around the patient (what the verwijzer's page shows). */
export async function runMatch(
	db: Executor,
	referral: Parameters<typeof matchRequestFor>[1],
	now = new Date()
): Promise<MatchResult> {
	const request = await matchRequestFor(db, referral, now);
	const units = await loadBedUnitCandidates(db, {
		near: request.verblijf
			? { ...request.verblijf, radiusKm: request.maxAfstandKm * NEAR_MISS_RADIUS_FACTOR }
			: undefined
	});
	return matchBedUnits(request, units);
}

// ---------------------------------------------------------------------------------------------------------------------
// The verwijzer

export type CreateResult =
	| { ok: true; id: string; aantalKandidaten: number }
	| { ok: false; reden: 'geen_toegang' }
	| { ok: false; reden: 'ongeldig'; errors: FieldErrors };

/** Stores a referral and the outcome of its first match (for the indicators). */
export async function createReferral(
	db: Database,
	user: ReferralActor,
	input: VerwijzingInput,
	now = new Date()
): Promise<CreateResult> {
	if (user.role !== 'verwijzer') return { ok: false, reden: 'geen_toegang' };
	const areas = await pc4Areas(db, [input.pc4Verblijf, input.pc4Naasten ?? ''].filter(Boolean));
	const errors: FieldErrors = {};
	if (!areas.has(input.pc4Verblijf))
		errors.pc4Verblijf = 'Deze postcode kennen we niet. Controleer de 4 cijfers van de postcode.';
	if (input.pc4Naasten && !areas.has(input.pc4Naasten))
		errors.pc4Naasten = 'Deze postcode kennen we niet. Controleer de 4 cijfers of laat het veld leeg.';
	if (Object.keys(errors).length) return { ok: false, reden: 'ongeldig', errors };

	const gemeenteCode = areas.get(input.pc4Verblijf)!.gemeenteCode;
	// The network where the patient stays; a gemeente can lie in several (sub)regions: the top-level network comes first.
	const region = (await regionsForGemeente(db, gemeenteCode))[0];
	const fields = {
		leeftijdscategorie: input.leeftijdscategorie,
		pc4Verblijf: input.pc4Verblijf,
		pc4Naasten: input.pc4Naasten ?? null,
		doelgroepen: input.doelgroepen,
		zorgbehoeften: input.zorgbehoeften,
		settings: input.settings,
		prognose: input.prognose,
		urgentie: input.urgentie,
		maxAfstandKm: input.maxAfstandKm,
		wensen: input.wensen ?? null
	};
	const match = await runMatch(db, fields, now);

	return db.transaction(async (tx) => {
		const id = await insertVerwijzing(tx, {
			...fields,
			verwijzerId: user.id,
			regionId: region?.id ?? user.regionId ?? null,
			gemeenteCode,
			status: 'open',
			aantalKandidaten: match.kandidaten.length,
			uitsluitingen: countExclusions(match.uitgesloten),
			createdAt: now,
			updatedAt: now
		});
		await audit(tx, user, {
			action: 'verwijzing_aangemaakt',
			entityType: 'verwijzing',
			entityId: id,
			regionId: region?.id ?? null,
			details: { aantalKandidaten: match.kandidaten.length }
		});
		return { ok: true as const, id, aantalKandidaten: match.kandidaten.length };
	});
}

/** The referral of this verwijzer, or null: unknown, someone else's, or not a verwijzer (the caller answers 404). */
async function ownReferral(db: Executor, user: ReferralActor, id: string) {
	if (user.role !== 'verwijzer' || !isUuid(id)) return null;
	const referral = await getVerwijzing(db, id);
	return referral && referral.verwijzerId === user.id ? referral : null;
}

export async function referralsOfVerwijzer(db: Executor, user: ReferralActor) {
	if (user.role !== 'verwijzer') return [];
	return listVerwijzingenOfVerwijzer(db, user.id);
}

/**
 * Opens a referral for its verwijzer: the need, the requests and their statuses, and (while it is open) the current match.
 * The opening is written to the audit log. Null when this user may not see it.
 */
export async function openReferralForVerwijzer(
	db: Database,
	user: ReferralActor,
	id: string,
	now = new Date()
) {
	const referral = await ownReferral(db, user, id);
	if (!referral) return null;
	await audit(db, user, {
		action: 'verwijzing_geopend',
		entityType: 'verwijzing',
		entityId: referral.id,
		regionId: referral.regionId,
		details: { rol: 'verwijzer' }
	});
	const [verzoeken, match] = await Promise.all([
		listVerzoekenOfVerwijzing(db, referral.id),
		referral.status === 'open' && referral.pc4Verblijf ? runMatch(db, referral, now) : null
	]);
	return { verwijzing: referral, verzoeken, match };
}

/**
 * The statuses the verwijzer's page updates live: no need fields, no free text (the page already has those). Not an
 * opening (the page load that started the stream was audited); the access check is the same.
 */
export async function liveStatusForVerwijzer(db: Executor, user: ReferralActor, id: string) {
	const referral = await ownReferral(db, user, id);
	if (!referral) return null;
	const verzoeken = await listVerzoekenOfVerwijzing(db, referral.id);
	return {
		status: referral.status,
		updatedAt: referral.updatedAt,
		verzoeken: verzoeken.map((v) => ({
			id: v.id,
			status: v.status,
			afwijsreden: v.afwijsreden,
			intrekreden: v.intrekreden,
			beantwoordAt: v.beantwoordAt,
			ingetrokkenAt: v.ingetrokkenAt
		}))
	};
}
export type LiveStatus = NonNullable<Awaited<ReturnType<typeof liveStatusForVerwijzer>>>;

export type ChangeResult =
	| { ok: true }
	| { ok: false; reden: 'niet_gevonden' }
	| { ok: false; reden: 'geweigerd'; melding: string; errors?: FieldErrors };

/**
 * Sends the referral to the chosen bed units. Each must be a candidate NOW (availability may have changed since the page
 * was shown); the match at this moment is stored with the request (score, distances, reasons).
 */
export async function sendRequests(
	db: Database,
	user: ReferralActor,
	referralId: string,
	input: VersturenInput,
	now = new Date()
): Promise<ChangeResult & { verzonden?: number }> {
	if (!(await ownReferral(db, user, referralId))) return { ok: false, reden: 'niet_gevonden' };
	return db.transaction(async (tx) => {
		const referral = (await lockVerwijzing(tx, referralId))!;
		if (referral.status !== 'open')
			return {
				ok: false as const,
				reden: 'geweigerd' as const,
				melding: 'Deze verwijzing is afgerond; u kunt geen verzoeken meer versturen.'
			};
		const existing = new Set((await listVerzoekenOfVerwijzing(tx, referralId)).map((v) => v.bedUnitId));
		const already = input.bedUnitIds.filter((id) => existing.has(id));
		if (already.length)
			return {
				ok: false as const,
				reden: 'geweigerd' as const,
				melding: 'Naar een van de gekozen plekken is al een verzoek verstuurd.',
				errors: { bedUnitIds: 'Naar een van de gekozen plekken is al een verzoek verstuurd.' }
			};
		const [request, units] = await Promise.all([
			matchRequestFor(tx, referral, now),
			loadBedUnitCandidates(tx, { ids: input.bedUnitIds })
		]);
		const { kandidaten, uitgesloten } = matchBedUnits(request, units);
		if (kandidaten.length !== input.bedUnitIds.length) {
			const names = uitgesloten.map((u) => u.unit.organisationNaam).join(', ');
			const melding = names
				? `Deze plek past nu niet meer: ${names}. Kijk opnieuw naar de lijst.`
				: 'Een gekozen plek bestaat niet meer. Kijk opnieuw naar de lijst.';
			return { ok: false as const, reden: 'geweigerd' as const, melding, errors: { bedUnitIds: melding } };
		}
		const inserted = await insertVerzoeken(
			tx,
			kandidaten.map((m) => ({
				referralId,
				bedUnitId: m.unit.id,
				organisationId: m.unit.organisationId,
				status: 'verzonden' as const,
				score: m.score,
				afstandKm: m.afstandKm,
				afstandNaastenKm: m.afstandNaastenKm,
				redenen: m.redenen,
				gemeenteCode: m.unit.gemeenteCode,
				verzondenAt: now,
				updatedAt: now
			}))
		);
		for (const row of inserted)
			await audit(tx, user, {
				action: 'verwijsverzoek_verzonden',
				entityType: 'verwijsverzoek',
				entityId: row.id,
				organisationId: row.organisationId,
				regionId: referral.regionId,
				details: { referralId }
			});
		await touchVerwijzing(tx, referralId, now);
		await publishLive(tx, {
			topics: [topics.verwijzing(referralId), ...inserted.map((r) => topics.organisatie(r.organisationId))],
			kind: 'verzoek_verzonden'
		});
		return { ok: true as const, verzonden: inserted.length };
	});
}

/** The verwijzer withdraws one open request. */
export async function withdrawRequest(
	db: Database,
	user: ReferralActor,
	verzoekId: string,
	now = new Date()
): Promise<ChangeResult> {
	if (!isUuid(verzoekId)) return { ok: false, reden: 'niet_gevonden' };
	const pre = await getVerzoek(db, verzoekId);
	if (!pre || !(await ownReferral(db, user, pre.referralId))) return { ok: false, reden: 'niet_gevonden' };
	return db.transaction(async (tx) => {
		const referral = (await lockVerwijzing(tx, pre.referralId))!;
		const verzoek = (await lockVerzoek(tx, verzoekId))!;
		const check = checkVerzoekTransition(verzoek.status, 'ingetrokken', 'verwijzer', {
			verwijzingStatus: referral.status,
			anderGeaccepteerd: (await countAccepted(tx, referral.id, verzoek.id)) > 0
		});
		if (!check.ok) return { ok: false as const, reden: 'geweigerd' as const, melding: check.melding };
		await markWithdrawn(tx, [verzoek.id], 'door_verwijzer', now);
		await touchVerwijzing(tx, referral.id, now);
		await audit(tx, user, {
			action: 'verwijsverzoek_ingetrokken',
			entityType: 'verwijsverzoek',
			entityId: verzoek.id,
			organisationId: verzoek.organisationId,
			regionId: referral.regionId,
			details: { referralId: referral.id }
		});
		await publishLive(tx, {
			topics: [topics.verwijzing(referral.id), topics.organisatie(verzoek.organisationId)],
			kind: 'verzoek_ingetrokken'
		});
		return { ok: true as const };
	});
}

/** The verwijzer no longer needs a place: the referral closes and its open requests are withdrawn. */
export async function closeReferral(
	db: Database,
	user: ReferralActor,
	referralId: string,
	now = new Date()
): Promise<ChangeResult> {
	if (!(await ownReferral(db, user, referralId))) return { ok: false, reden: 'niet_gevonden' };
	return db.transaction(async (tx) => {
		const referral = (await lockVerwijzing(tx, referralId))!;
		const check = checkVerwijzingTransition(referral.status, 'afgesloten', 'verwijzer', {
			aantalGeaccepteerd: await countAccepted(tx, referralId)
		});
		if (!check.ok) return { ok: false as const, reden: 'geweigerd' as const, melding: check.melding };
		const open = await openVerzoekenOfVerwijzing(tx, referralId);
		const withdrawn = await markWithdrawn(
			tx,
			open.map((v) => v.id),
			'verwijzing_afgesloten',
			now
		);
		await setVerwijzingStatus(tx, referralId, 'afgesloten', now, true);
		await audit(tx, user, {
			action: 'verwijzing_afgesloten',
			entityType: 'verwijzing',
			entityId: referralId,
			regionId: referral.regionId,
			details: { ingetrokken: withdrawn.length }
		});
		await publishLive(tx, {
			topics: [topics.verwijzing(referralId), ...withdrawn.map((w) => topics.organisatie(w.organisationId))],
			kind: 'verwijzing_afgesloten'
		});
		return { ok: true as const };
	});
}

// ---------------------------------------------------------------------------------------------------------------------
// The organisation

/** A request addressed to one of this user's organisations, or null (the caller answers 404 either way). */
async function addressedRequest(db: Executor, user: ReferralActor, verzoekId: string) {
	if (user.role !== 'organisatie' || !isUuid(verzoekId)) return null;
	const verzoek = await getVerzoek(db, verzoekId);
	if (!verzoek || !(await isMember(db, user.id, verzoek.organisationId))) return null;
	return verzoek;
}

export async function incomingRequests(db: Executor, user: ReferralActor) {
	if (user.role !== 'organisatie') return [];
	const organisaties = await organisationsOfUser(db, user.id);
	return listVerzoekenOfOrganisations(
		db,
		organisaties.map((o) => o.id)
	);
}

/** "N nieuwe verzoeken": open requests of open referrals, over all organisations of the user. */
export async function countNewRequests(db: Executor, user: ReferralActor): Promise<number> {
	if (user.role !== 'organisatie') return 0;
	const organisaties = await organisationsOfUser(db, user.id);
	return countOpenVerzoeken(
		db,
		organisaties.map((o) => o.id)
	);
}

/**
 * Opens a request for an editor of the addressed organisation: the need (not the person), the match reasons as sent, the
 * bed unit's current free count, and the verwijzer to contact. The opening is audited. Null when not addressed to them.
 */
export async function openRequestForOrganisation(db: Database, user: ReferralActor, verzoekId: string) {
	const verzoek = await addressedRequest(db, user, verzoekId);
	if (!verzoek) return null;
	const referral = (await getVerwijzing(db, verzoek.referralId))!;
	await audit(db, user, {
		action: 'verwijzing_geopend',
		entityType: 'verwijzing',
		entityId: referral.id,
		organisationId: verzoek.organisationId,
		regionId: referral.regionId,
		details: { rol: 'organisatie', verzoekId: verzoek.id }
	});
	const [unit, verwijzer, anderGeaccepteerd] = await Promise.all([
		verzoek.bedUnitId ? bedUnitSummary(db, verzoek.bedUnitId) : null,
		referral.verwijzerId
			? db
					.select({ naam: users.naam, email: users.email })
					.from(users)
					.where(eq(users.id, referral.verwijzerId))
					.then((rows) => rows[0] ?? null)
			: null,
		countAccepted(db, referral.id, verzoek.id)
	]);
	const { verwijzerId: _verwijzerId, uitsluitingen: _uitsluitingen, ...need } = referral;
	return { verzoek, verwijzing: need, unit, verwijzer, anderGeaccepteerd: anderGeaccepteerd > 0 };
}

export type AcceptResult =
	| { ok: true; unit: { naam: string; vrijeBedden: number; aantalBedden: number } | null }
	| { ok: false; reden: 'niet_gevonden' }
	| { ok: false; reden: 'geen_bed' | 'geweigerd'; melding: string };

/**
 * Accepts a request, in ONE transaction: lock the referral and the request, check the transition, reserve the bed
 * (free beds − 1, an availability event), mark it accepted, withdraw the referral's other open requests, place the
 * referral, audit, notify. When no bed is free nothing changes and the organisation gets {@link GEEN_BED_MELDING}.
 */
export async function acceptRequest(
	db: Database,
	user: ReferralActor,
	verzoekId: string,
	now = new Date()
): Promise<AcceptResult> {
	const pre = await addressedRequest(db, user, verzoekId);
	if (!pre) return { ok: false, reden: 'niet_gevonden' };
	try {
		return await db.transaction(async (tx): Promise<AcceptResult> => {
			const referral = (await lockVerwijzing(tx, pre.referralId))!;
			const verzoek = (await lockVerzoek(tx, verzoekId))!;
			const check = checkVerzoekTransition(verzoek.status, 'geaccepteerd', 'organisatie', {
				verwijzingStatus: referral.status,
				anderGeaccepteerd: (await countAccepted(tx, referral.id, verzoek.id)) > 0
			});
			if (!check.ok)
				return {
					ok: false,
					reden: 'geweigerd',
					// Say why in the terms of the race the organisation just lost, not of the status table.
					melding: verzoek.intrekreden === 'elders_geaccepteerd' ? AL_GEACCEPTEERD_MELDING : check.melding
				};
			if (!verzoek.bedUnitId)
				return { ok: false, reden: 'geweigerd', melding: 'Deze beddeneenheid bestaat niet meer.' };

			if (!(await reserveBed(tx, verzoek.bedUnitId, user)))
				return { ok: false, reden: 'geen_bed', melding: GEEN_BED_MELDING };

			await markAccepted(tx, verzoek.id, now);
			const others = (await openVerzoekenOfVerwijzing(tx, referral.id)).filter((v) => v.id !== verzoek.id);
			for (const other of others) {
				// Always allowed for the system; asked anyway so the table stays the one place that decides.
				const step = checkVerzoekTransition(other.status, 'ingetrokken', 'systeem', {
					verwijzingStatus: referral.status,
					anderGeaccepteerd: true
				});
				if (!step.ok) throw new Error(`intrekken niet toegestaan: ${step.melding}`);
			}
			const withdrawn = await markWithdrawn(
				tx,
				others.map((o) => o.id),
				'elders_geaccepteerd',
				now
			);
			const placed = checkVerwijzingTransition(referral.status as VerwijzingStatus, 'geplaatst', 'systeem', {
				aantalGeaccepteerd: await countAccepted(tx, referral.id)
			});
			if (!placed.ok) throw new Error(`plaatsen niet toegestaan: ${placed.melding}`);
			await setVerwijzingStatus(tx, referral.id, 'geplaatst', now, true);
			await audit(tx, user, {
				action: 'verwijsverzoek_geaccepteerd',
				entityType: 'verwijsverzoek',
				entityId: verzoek.id,
				organisationId: verzoek.organisationId,
				regionId: referral.regionId,
				details: { referralId: referral.id, bedUnitId: verzoek.bedUnitId, ingetrokken: withdrawn.length }
			});
			await publishLive(tx, {
				topics: [
					topics.verwijzing(referral.id),
					topics.organisatie(verzoek.organisationId),
					...withdrawn.map((w) => topics.organisatie(w.organisationId))
				],
				kind: 'verzoek_geaccepteerd'
			});
			const unit = await bedUnitSummary(tx, verzoek.bedUnitId);
			return {
				ok: true,
				unit: unit
					? { naam: unit.naam, vrijeBedden: unit.vrijeBedden, aantalBedden: unit.aantalBedden }
					: null
			};
		});
	} catch (error) {
		// The partial unique index: another acceptance of this referral committed first.
		if (sqlState(error) === '23505')
			return { ok: false, reden: 'geweigerd', melding: AL_GEACCEPTEERD_MELDING };
		throw error;
	}
}

/** Declines a request with a reason from the list and (with "anders": required) a text. */
export async function declineRequest(
	db: Database,
	user: ReferralActor,
	verzoekId: string,
	input: AfwijzenInput,
	now = new Date()
): Promise<ChangeResult> {
	const pre = await addressedRequest(db, user, verzoekId);
	if (!pre) return { ok: false, reden: 'niet_gevonden' };
	return db.transaction(async (tx): Promise<ChangeResult> => {
		const referral = (await lockVerwijzing(tx, pre.referralId))!;
		const verzoek = (await lockVerzoek(tx, verzoekId))!;
		const check = checkVerzoekTransition(verzoek.status, 'afgewezen', 'organisatie', {
			verwijzingStatus: referral.status,
			anderGeaccepteerd: (await countAccepted(tx, referral.id, verzoek.id)) > 0,
			afwijsreden: input.afwijsreden,
			toelichting: input.toelichting ?? null
		});
		if (!check.ok) return { ok: false, reden: 'geweigerd', melding: check.melding };
		await markDeclined(tx, verzoek.id, input.afwijsreden, input.toelichting ?? null, now);
		await touchVerwijzing(tx, referral.id, now);
		await audit(tx, user, {
			action: 'verwijsverzoek_afgewezen',
			entityType: 'verwijsverzoek',
			entityId: verzoek.id,
			organisationId: verzoek.organisationId,
			regionId: referral.regionId,
			details: { referralId: referral.id, afwijsreden: input.afwijsreden }
		});
		await publishLive(tx, {
			topics: [topics.verwijzing(referral.id), topics.organisatie(verzoek.organisationId)],
			kind: 'verzoek_afgewezen'
		});
		return { ok: true };
	});
}
