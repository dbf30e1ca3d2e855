/**
 * Organisations, locations and services: the use cases behind the editor's profile pages and the beheerder's screens.
 *
 * Every write is ONE transaction with ONE audit entry and a search-index sync inside it, so data, audit trail and search
 * index commit or roll back together. Updates use optimistic locking: `update ... where id = ? and version = ?`; when no row
 * matches, someone else saved first and the caller gets a 409 with the record as it is now.
 *
 * Who may do what (the URL guard only knows the role):
 * - an editor (role organisatie) manages the profile (organisation data, locations, services) of organisations they are a
 *   member of;
 * - a beheerder manages organisations with a location in their network, creates organisations (with a first location in
 *   their network) and archives or restores them. Nothing is ever hard-deleted: bed units and referrals point at it.
 */
import type { Role } from '../../domain/access/roles';
import { parsePostcode } from '../../domain/geo/postcode';
import {
	CONFLICT_MESSAGE,
	type LocationInput,
	type OrganisationInput,
	type ServiceInput
} from '../../domain/organisation/schemas';
import { slugify, uniqueSlug } from '../../domain/organisation/slug';
import { audit } from '../audit';
import type { Database, Executor } from '../db/client';
import type { RecordStatus } from '../db/schema';
import {
	activeBedUnitsAt,
	allRegions,
	findLocation,
	findOrganisation,
	findService,
	insertLocation,
	insertOrganisation,
	insertService,
	locationNameTaken,
	locationsOf,
	postcodeGebiedenFor,
	serviceNameTaken,
	servicesOf,
	setServiceLinks,
	slugsLike,
	updateLocationVersioned,
	updateOrganisationVersioned,
	updateServiceVersioned,
	type LocationRow,
	type LocationWithGemeente,
	type OrganisationRow,
	type ServiceWithLinks
} from '../repositories/organisations';
import { gemeenteCodesOfRegion, isOrganisationInRegion } from '../repositories/regions';
import { isMember } from '../repositories/users';
import { syncOrganisation } from '../search/sync';

export interface Actor {
	id: string;
	role: Role;
	regionId: string | null;
}

export type FieldErrors = Record<string, string>;

/** A refused use case. 400: invalid input (field errors), 403: not allowed, 404: no such record, 409: edited meanwhile. */
export class ServiceError extends Error {
	constructor(
		readonly status: 400 | 403 | 404 | 409,
		message: string,
		readonly errors: FieldErrors = {},
		/** With 409: the record as it is now, so the form can show what changed. */
		readonly current?: unknown
	) {
		super(message);
		this.name = 'ServiceError';
	}
}

export const INVALID_MESSAGE = 'Niet alles is goed ingevuld. Verbeter de gemarkeerde velden.';
export const UNKNOWN_POSTCODE = 'Deze postcode kennen we niet. Controleer de vier cijfers.';

const notFound = (what: string) => new ServiceError(404, `${what} bestaat niet (meer).`);
const forbidden = (message = 'U mag deze organisatie niet bewerken.') => new ServiceError(403, message);
const invalid = (errors: FieldErrors, message = INVALID_MESSAGE) => new ServiceError(400, message, errors);
const conflict = (current: unknown) => new ServiceError(409, CONFLICT_MESSAGE, {}, current);

// --- access ------------------------------------------------------------------------------------------------------------

/** May this user manage (the profile of) this organisation? */
export async function mayManage(db: Executor, actor: Actor, organisationId: string): Promise<boolean> {
	if (actor.role === 'beheerder')
		return !!actor.regionId && isOrganisationInRegion(db, organisationId, actor.regionId);
	if (actor.role === 'organisatie') return isMember(db, actor.id, organisationId);
	return false;
}

/** The organisation (by slug or id) if the actor may manage it; 404 when unknown, 403 when someone else's. */
export async function organisationForActor(
	db: Executor,
	actor: Actor,
	idOrSlug: string
): Promise<OrganisationRow> {
	const organisation = await findOrganisation(db, idOrSlug);
	if (!organisation) throw notFound('Deze organisatie');
	if (!(await mayManage(db, actor, organisation.id))) throw forbidden();
	return organisation;
}

function requireBeheerder(actor: Actor): string {
	if (actor.role !== 'beheerder') throw forbidden('Alleen een beheerder van het netwerk mag dit doen.');
	if (!actor.regionId) throw forbidden('Uw account is nog niet aan een netwerk gekoppeld.');
	return actor.regionId;
}

const auditRegion = (actor: Actor) => (actor.role === 'beheerder' ? actor.regionId : null);

/** Field names whose value differs, for the audit entry (never the values themselves). */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
	return Object.keys(after).filter(
		(k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)
	);
}

// --- reading -----------------------------------------------------------------------------------------------------------

export interface LocationView extends LocationWithGemeente {
	/** False when lat/lon are simply the middle of the postcode area (then the form leaves them empty). */
	coordinatenHandmatig: boolean;
}

/** Marks which locations have coordinates of their own rather than the centre of their PC4 area. */
export async function withCoordinateSource<T extends LocationRow>(
	db: Executor,
	rows: T[]
): Promise<(T & { coordinatenHandmatig: boolean })[]> {
	const gebieden = await postcodeGebiedenFor(
		db,
		rows.map((r) => r.pc4).filter((p): p is string => !!p)
	);
	return rows.map((r) => {
		const gebied = r.pc4 ? gebieden.get(r.pc4) : undefined;
		const handmatig = r.lat !== null && (!gebied || gebied.lat !== r.lat || gebied.lon !== r.lon);
		return { ...r, coordinatenHandmatig: handmatig };
	});
}

/** The values a location form (or export) shows: coordinates only when they were given by hand. */
export function locationInputOf(location: LocationRow & { coordinatenHandmatig: boolean }): LocationInput {
	return {
		naam: location.naam,
		adres: location.adres,
		postcode: location.postcode,
		plaats: location.plaats,
		lat: location.coordinatenHandmatig ? location.lat : null,
		lon: location.coordinatenHandmatig ? location.lon : null
	};
}

export interface OrganisationProfile {
	organisation: OrganisationRow;
	locations: LocationView[];
	services: ServiceWithLinks[];
	regions: { id: string; slug: string; naam: string; parentId: string | null }[];
}

/** Everything the profile pages show, after the access check. */
export async function organisationProfile(
	db: Executor,
	actor: Actor,
	idOrSlug: string
): Promise<OrganisationProfile> {
	const organisation = await organisationForActor(db, actor, idOrSlug);
	const [locs, svcs, regions] = await Promise.all([
		locationsOf(db, [organisation.id]),
		servicesOf(db, [organisation.id]),
		allRegions(db)
	]);
	return { organisation, locations: await withCoordinateSource(db, locs), services: svcs, regions };
}

export async function locationForActor(
	db: Executor,
	actor: Actor,
	organisationId: string,
	locationId: string
) {
	const location = await findLocation(db, locationId);
	if (!location || location.organisationId !== organisationId) throw notFound('Deze locatie');
	if (!(await mayManage(db, actor, organisationId))) throw forbidden();
	const [view] = await withCoordinateSource(db, [location]);
	return view;
}

export async function serviceForActor(db: Executor, actor: Actor, organisationId: string, serviceId: string) {
	const service = await findService(db, serviceId);
	if (!service || service.organisationId !== organisationId) throw notFound('Deze dienst');
	if (!(await mayManage(db, actor, organisationId))) throw forbidden();
	return service;
}

// --- places ------------------------------------------------------------------------------------------------------------

export interface Place {
	pc4: string | null;
	gemeenteCode: string | null;
	lat: number | null;
	lon: number | null;
}

/**
 * pc4, gemeente and coordinates of a location from its postcode (reference table postcode_gebieden). Coordinates given by
 * hand win over the centre of the postcode area. `field` names the form field for the error.
 */
export async function derivePlace(db: Executor, input: LocationInput, field = 'postcode'): Promise<Place> {
	if (!input.postcode) return { pc4: null, gemeenteCode: null, lat: input.lat, lon: input.lon };
	const pc4 = parsePostcode(input.postcode)?.pc4;
	const gebied = pc4 ? (await postcodeGebiedenFor(db, [pc4])).get(pc4) : undefined;
	if (!pc4 || !gebied) throw invalid({ [field]: UNKNOWN_POSTCODE });
	return {
		pc4,
		gemeenteCode: gebied.gemeenteCode,
		lat: input.lat ?? gebied.lat,
		lon: input.lon ?? gebied.lon
	};
}

// --- organisations -----------------------------------------------------------------------------------------------------

/** Prefix of the first-location fields in the "new organisation" form and its errors. */
export const FIRST_LOCATION_PREFIX = 'locatie.';

/**
 * A new organisation with its first location, which must lie in the beheerder's network (so the organisation belongs to
 * it). Errors on location fields are keyed `locatie.<field>`.
 */
export async function createOrganisation(
	db: Database,
	actor: Actor,
	input: OrganisationInput,
	firstLocation: LocationInput
): Promise<OrganisationRow> {
	const regionId = requireBeheerder(actor);
	if (!firstLocation.postcode) {
		throw invalid({
			[`${FIRST_LOCATION_PREFIX}postcode`]:
				'Vul de postcode van de locatie in: daarmee hoort de organisatie bij uw netwerk.'
		});
	}
	return db.transaction(async (tx) => {
		const place = await derivePlace(tx, firstLocation, `${FIRST_LOCATION_PREFIX}postcode`);
		const regionGemeenten = await gemeenteCodesOfRegion(tx, regionId);
		if (!place.gemeenteCode || !regionGemeenten.includes(place.gemeenteCode)) {
			throw invalid({
				[`${FIRST_LOCATION_PREFIX}postcode`]:
					'Deze postcode ligt buiten uw netwerk. Een nieuwe organisatie heeft een locatie in uw netwerk nodig.'
			});
		}
		const taken = await slugsLike(tx, slugify(input.naam));
		const slug = uniqueSlug(input.naam, (s) => taken.has(s));
		const organisation = await insertOrganisation(tx, { ...input, slug });
		const location = await insertLocation(tx, {
			organisationId: organisation.id,
			...firstLocation,
			...place
		});
		await audit(tx, actor, {
			action: 'organisatie_aangemaakt',
			entityType: 'organisation',
			entityId: organisation.id,
			organisationId: organisation.id,
			regionId,
			details: { slug, locatieId: location.id, gemeenteCode: place.gemeenteCode }
		});
		await syncOrganisation(tx, organisation.id);
		return organisation;
	});
}

export async function updateOrganisation(
	db: Database,
	actor: Actor,
	organisationId: string,
	version: number,
	input: OrganisationInput
): Promise<OrganisationRow> {
	return db.transaction(async (tx) => {
		const before = await organisationForActor(tx, actor, organisationId);
		const values = {
			naam: input.naam,
			type: input.type,
			beschrijving: input.beschrijving,
			telefoon: input.telefoon,
			email: input.email,
			website: input.website,
			// Only a beheerder marks demo data; an editor's form has no such box and keeps what is there.
			isVoorbeeld: actor.role === 'beheerder' ? input.isVoorbeeld : before.isVoorbeeld
		};
		const updated = await updateOrganisationVersioned(tx, before.id, version, values);
		if (!updated) throw conflict(await findOrganisation(tx, before.id));
		await audit(tx, actor, {
			action: 'organisatie_gewijzigd',
			entityType: 'organisation',
			entityId: before.id,
			organisationId: before.id,
			regionId: auditRegion(actor),
			details: { velden: changedFields(before, values) }
		});
		await syncOrganisation(tx, before.id);
		return updated;
	});
}

/** Archive (hidden from the public, kept for bed units and referrals) or restore. Beheerders only. */
export async function setOrganisationStatus(
	db: Database,
	actor: Actor,
	organisationId: string,
	version: number,
	status: RecordStatus
): Promise<OrganisationRow> {
	const regionId = requireBeheerder(actor);
	return db.transaction(async (tx) => {
		const before = await organisationForActor(tx, actor, organisationId);
		const updated = await updateOrganisationVersioned(tx, before.id, version, { status });
		if (!updated) throw conflict(await findOrganisation(tx, before.id));
		await audit(tx, actor, {
			action: status === 'gearchiveerd' ? 'organisatie_gearchiveerd' : 'organisatie_hersteld',
			entityType: 'organisation',
			entityId: before.id,
			organisationId: before.id,
			regionId,
			details: { van: before.status, naar: status }
		});
		await syncOrganisation(tx, before.id);
		return updated;
	});
}

// --- locations ---------------------------------------------------------------------------------------------------------

const LOCATION_NAME_TAKEN = 'Deze organisatie heeft al een locatie met deze naam. Kies een andere naam.';

export async function createLocation(
	db: Database,
	actor: Actor,
	organisationId: string,
	input: LocationInput
): Promise<LocationRow> {
	return db.transaction(async (tx) => {
		const organisation = await organisationForActor(tx, actor, organisationId);
		if (await locationNameTaken(tx, organisation.id, input.naam))
			throw invalid({ naam: LOCATION_NAME_TAKEN });
		const place = await derivePlace(tx, input);
		const location = await insertLocation(tx, { organisationId: organisation.id, ...input, ...place });
		await audit(tx, actor, {
			action: 'locatie_aangemaakt',
			entityType: 'location',
			entityId: location.id,
			organisationId: organisation.id,
			regionId: auditRegion(actor),
			details: { gemeenteCode: place.gemeenteCode }
		});
		await syncOrganisation(tx, organisation.id);
		return location;
	});
}

async function currentLocationView(tx: Executor, id: string) {
	const fresh = await findLocation(tx, id);
	return fresh ? (await withCoordinateSource(tx, [fresh]))[0] : null;
}

export async function updateLocation(
	db: Database,
	actor: Actor,
	organisationId: string,
	locationId: string,
	version: number,
	input: LocationInput
): Promise<LocationRow> {
	return db.transaction(async (tx) => {
		const before = await locationForActor(tx, actor, organisationId, locationId);
		if (await locationNameTaken(tx, before.organisationId, input.naam, before.id))
			throw invalid({ naam: LOCATION_NAME_TAKEN });
		const place = await derivePlace(tx, input);
		const values = { ...input, ...place };
		const updated = await updateLocationVersioned(tx, before.id, version, values);
		if (!updated) throw conflict(await currentLocationView(tx, before.id));
		await audit(tx, actor, {
			action: 'locatie_gewijzigd',
			entityType: 'location',
			entityId: before.id,
			organisationId: before.organisationId,
			regionId: auditRegion(actor),
			details: { velden: changedFields(before, values) }
		});
		await syncOrganisation(tx, before.organisationId);
		return updated;
	});
}

export async function setLocationStatus(
	db: Database,
	actor: Actor,
	organisationId: string,
	locationId: string,
	version: number,
	status: RecordStatus
): Promise<LocationRow> {
	return db.transaction(async (tx) => {
		const before = await locationForActor(tx, actor, organisationId, locationId);
		if (status === 'gearchiveerd' && (await activeBedUnitsAt(tx, before.id)) > 0) {
			throw new ServiceError(
				400,
				'Op deze locatie zijn nog bedden in gebruik. Archiveer eerst die bedden; daarna kan de locatie worden gearchiveerd.'
			);
		}
		const updated = await updateLocationVersioned(tx, before.id, version, { status });
		if (!updated) throw conflict(await currentLocationView(tx, before.id));
		await audit(tx, actor, {
			action: status === 'gearchiveerd' ? 'locatie_gearchiveerd' : 'locatie_hersteld',
			entityType: 'location',
			entityId: before.id,
			organisationId: before.organisationId,
			regionId: auditRegion(actor),
			details: { van: before.status, naar: status }
		});
		await syncOrganisation(tx, before.organisationId);
		return updated;
	});
}

// --- services ----------------------------------------------------------------------------------------------------------

const SERVICE_NAME_TAKEN = 'Deze organisatie heeft al een dienst met deze naam. Kies een andere naam.';

/** The chosen locations must be the organisation's own; the regions must exist. */
async function checkLinks(tx: Executor, organisationId: string, input: ServiceInput) {
	const errors: FieldErrors = {};
	if (input.locationIds.length) {
		const own = new Set((await locationsOf(tx, [organisationId])).map((l) => l.id));
		if (input.locationIds.some((id) => !own.has(id)))
			errors.locationIds = 'Kies alleen locaties van deze organisatie.';
	}
	if (input.regionIds.length) {
		const known = new Set((await allRegions(tx)).map((r) => r.id));
		if (input.regionIds.some((id) => !known.has(id))) errors.regionIds = 'Kies regio’s uit de lijst.';
	}
	if (Object.keys(errors).length) throw invalid(errors);
}

function serviceValues(input: ServiceInput) {
	const { locationIds: _l, regionIds: _r, ...values } = input;
	return values;
}

export async function createService(
	db: Database,
	actor: Actor,
	organisationId: string,
	input: ServiceInput
): Promise<ServiceWithLinks> {
	return db.transaction(async (tx) => {
		const organisation = await organisationForActor(tx, actor, organisationId);
		if (await serviceNameTaken(tx, organisation.id, input.naam)) throw invalid({ naam: SERVICE_NAME_TAKEN });
		await checkLinks(tx, organisation.id, input);
		const service = await insertService(tx, { organisationId: organisation.id, ...serviceValues(input) });
		await setServiceLinks(tx, service.id, input.locationIds, input.regionIds);
		await audit(tx, actor, {
			action: 'dienst_aangemaakt',
			entityType: 'service',
			entityId: service.id,
			organisationId: organisation.id,
			regionId: auditRegion(actor),
			details: { categorie: input.categorie }
		});
		await syncOrganisation(tx, organisation.id);
		return { ...service, locationIds: input.locationIds, regionIds: input.regionIds };
	});
}

export async function updateService(
	db: Database,
	actor: Actor,
	organisationId: string,
	serviceId: string,
	version: number,
	input: ServiceInput
): Promise<ServiceWithLinks> {
	return db.transaction(async (tx) => {
		const before = await serviceForActor(tx, actor, organisationId, serviceId);
		if (await serviceNameTaken(tx, before.organisationId, input.naam, before.id))
			throw invalid({ naam: SERVICE_NAME_TAKEN });
		await checkLinks(tx, before.organisationId, input);
		const values = serviceValues(input);
		const updated = await updateServiceVersioned(tx, before.id, version, values);
		if (!updated) throw conflict(await findService(tx, before.id));
		await setServiceLinks(tx, before.id, input.locationIds, input.regionIds);
		await audit(tx, actor, {
			action: 'dienst_gewijzigd',
			entityType: 'service',
			entityId: before.id,
			organisationId: before.organisationId,
			regionId: auditRegion(actor),
			details: {
				velden: changedFields(
					{ ...before, locationIds: [...before.locationIds].sort(), regionIds: [...before.regionIds].sort() },
					{ ...values, locationIds: [...input.locationIds].sort(), regionIds: [...input.regionIds].sort() }
				)
			}
		});
		await syncOrganisation(tx, before.organisationId);
		return { ...updated, locationIds: input.locationIds, regionIds: input.regionIds };
	});
}

export async function setServiceStatus(
	db: Database,
	actor: Actor,
	organisationId: string,
	serviceId: string,
	version: number,
	status: RecordStatus
): Promise<ServiceWithLinks> {
	return db.transaction(async (tx) => {
		const before = await serviceForActor(tx, actor, organisationId, serviceId);
		const updated = await updateServiceVersioned(tx, before.id, version, { status });
		if (!updated) throw conflict(await findService(tx, before.id));
		await audit(tx, actor, {
			action: status === 'gearchiveerd' ? 'dienst_gearchiveerd' : 'dienst_hersteld',
			entityType: 'service',
			entityId: before.id,
			organisationId: before.organisationId,
			regionId: auditRegion(actor),
			details: { van: before.status, naar: status }
		});
		await syncOrganisation(tx, before.organisationId);
		return { ...updated, locationIds: before.locationIds, regionIds: before.regionIds };
	});
}
