/**
 * The form glue shared by the editor's pages (/mijn-organisatie/[organisatie]/...) and the beheerder's pages
 * (/beheer/organisaties/[organisatie]/...): loads and actions are the same, only the URL prefix differs. Each action parses
 * with the shared zod schema, calls one use case of ./organisations, and answers
 * - 400/409 with { errors, message, values, current } so the form keeps every value the user typed (and, after a
 *   conflict, shows what is stored now);
 * - 403/404 as an error page (the access checks are in the use cases, for every load AND action).
 */
import { error, fail, redirect, type ActionFailure } from '@sveltejs/kit';
import {
	dienstCategorieen,
	doelgroepen,
	expertiseGebieden,
	organisationTypes
} from '../../domain/organisation/taxonomy';
import {
	locationInputSchema,
	openingErrorsToFields,
	organisationInputSchema,
	recordStatusSchema,
	serviceInputSchema,
	versionSchema
} from '../../domain/organisation/schemas';
import { formValues, parseForm, type FieldErrors } from '../../forms/parse-form';
import { getDb } from '../db';
import type { Executor } from '../db/client';
import { termOptions } from '../repositories/organisations';
import {
	createLocation,
	createService,
	FIRST_LOCATION_PREFIX,
	locationForActor,
	locationInputOf,
	organisationForActor,
	organisationProfile,
	serviceForActor,
	ServiceError,
	setLocationStatus,
	setOrganisationStatus,
	setServiceStatus,
	updateLocation,
	updateOrganisation,
	updateService,
	type Actor
} from './organisations';

type Values = Record<string, string | string[]>;

export interface FormFailure {
	errors: FieldErrors;
	message: string | null;
	values: Values;
	/** After a 409: the record as stored now. */
	current?: unknown;
}

/** Checkbox groups (repeated names) in the forms. */
export const SERVICE_ARRAY_FIELDS = ['doelgroepen', 'expertise', 'locationIds', 'regionIds'] as const;

export function actorOf(locals: App.Locals): Actor {
	const user = locals.user;
	if (!user) error(401, 'Log in om dit te gebruiken.');
	return { id: user.id, role: user.role, regionId: user.regionId };
}

/** Where the profile of an organisation lives for this route tree. */
export function profilePath(routeId: string | null, slug: string): string {
	return routeId?.startsWith('/beheer') ? `/beheer/organisaties/${slug}` : `/mijn-organisatie/${slug}`;
}

/** "doelgroepen.0" → "doelgroepen", "openingstijden.2.tot" → the slot field; one message per field. */
export function fieldErrors(errors: FieldErrors, values: Values): FieldErrors {
	const mapped = openingErrorsToFields(errors, values);
	const out: FieldErrors = {};
	for (const [key, message] of Object.entries(mapped)) {
		const field = /^(doelgroepen|expertise|locationIds|regionIds)\.\d+$/.test(key) ? key.split('.')[0] : key;
		out[field] ??= message;
	}
	return out;
}

function failure(status: 400 | 409, data: FormFailure): ActionFailure<FormFailure> {
	return fail(status, data);
}

/** Runs a use case; refusals become a kept form (400/409) or an error page (403/404). */
export async function attempt<T>(
	values: Values,
	run: () => Promise<T>
): Promise<{ ok: true; value: T } | { ok: false; failure: ActionFailure<FormFailure> }> {
	try {
		return { ok: true, value: await run() };
	} catch (e) {
		if (!(e instanceof ServiceError)) throw e;
		if (e.status === 403 || e.status === 404) error(e.status, e.message);
		return {
			ok: false,
			failure: failure(e.status, { errors: e.errors, message: e.message, values, current: e.current })
		};
	}
}

function invalidForm(errors: FieldErrors, values: Values) {
	return failure(400, {
		errors,
		message: 'Niet alles is goed ingevuld. Verbeter de gemarkeerde velden.',
		values
	});
}

// --- options for the forms ---------------------------------------------------------------------------------------------

export async function formOptions(db: Executor) {
	const [types, categorieen, doelgroepOpties, expertiseOpties] = await Promise.all([
		termOptions(db, 'organisatietype', organisationTypes),
		termOptions(db, 'dienstcategorie', dienstCategorieen),
		termOptions(db, 'doelgroep', doelgroepen),
		termOptions(db, 'expertise', expertiseGebieden)
	]);
	return { types, categorieen, doelgroepen: doelgroepOpties, expertise: expertiseOpties };
}

export type FormOptions = Awaited<ReturnType<typeof formOptions>>;

// --- loads -------------------------------------------------------------------------------------------------------------

interface Event {
	params: Record<string, string>;
	locals: App.Locals;
	url: URL;
	route: { id: string | null };
}

export async function loadProfile({ params, locals }: Event) {
	const db = getDb();
	const profile = await attemptLoad(() => organisationProfile(db, actorOf(locals), params.organisatie));
	return { ...profile, options: await formOptions(db) };
}

/** Errors of loads are always pages. */
async function attemptLoad<T>(run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (e) {
		if (e instanceof ServiceError) error(e.status === 409 || e.status === 400 ? 400 : e.status, e.message);
		throw e;
	}
}

export async function loadLocation(event: Event) {
	const db = getDb();
	const actor = actorOf(event.locals);
	const profile = await attemptLoad(() => organisationProfile(db, actor, event.params.organisatie));
	const location = await attemptLoad(() =>
		locationForActor(db, actor, profile.organisation.id, event.params.locatie)
	);
	const gemeenteNaam = profile.locations.find((l) => l.id === location.id)?.gemeenteNaam ?? null;
	return {
		organisation: profile.organisation,
		location: { ...location, gemeenteNaam, input: locationInputOf(location) }
	};
}

export async function loadService(event: Event) {
	const db = getDb();
	const actor = actorOf(event.locals);
	const profile = await attemptLoad(() => organisationProfile(db, actor, event.params.organisatie));
	const service =
		event.params.dienst === undefined
			? null
			: await attemptLoad(() => serviceForActor(db, actor, profile.organisation.id, event.params.dienst));
	return {
		organisation: profile.organisation,
		locations: profile.locations.filter((l) => l.status === 'actief' || service?.locationIds.includes(l.id)),
		regions: profile.regions,
		service,
		options: await formOptions(db)
	};
}

// --- actions -----------------------------------------------------------------------------------------------------------

interface ActionEvent extends Event {
	request: Request;
}

/** The organisation of the URL, checked again for every action (not only when the page was loaded). */
async function organisationIdFor(event: ActionEvent): Promise<string> {
	const organisation = await attemptLoad(() =>
		organisationForActor(getDb(), actorOf(event.locals), event.params.organisatie)
	);
	return organisation.id;
}

function readVersion(values: Values): number | null {
	const parsed = versionSchema.safeParse(values.version);
	return parsed.success ? parsed.data : null;
}

const MISSING_VERSION = 'Het formulier mist zijn versie. Laad de pagina opnieuw.';

export async function saveOrganisationAction(event: ActionEvent) {
	const formData = await event.request.formData();
	const parsed = parseForm(organisationInputSchema, formData);
	if (!parsed.ok) return invalidForm(parsed.errors, parsed.values);
	const version = readVersion(parsed.values);
	if (version === null) return invalidForm({ _form: MISSING_VERSION }, parsed.values);
	const organisationId = await organisationIdFor(event);
	const result = await attempt(parsed.values, () =>
		updateOrganisation(getDb(), actorOf(event.locals), organisationId, version, parsed.data)
	);
	if (!result.ok) return result.failure;
	return { opgeslagen: 'De gegevens van de organisatie zijn opgeslagen.' };
}

/** Archive or restore: field `status` (actief | gearchiveerd) and the version. */
async function statusFrom(event: ActionEvent) {
	const values = formValues(await event.request.formData());
	const status = recordStatusSchema.safeParse(values.status);
	const version = readVersion(values);
	if (!status.success || version === null)
		error(400, 'Het formulier is niet compleet. Laad de pagina opnieuw.');
	return { values, status: status.data, version };
}

const statusMessage = (what: string, status: 'actief' | 'gearchiveerd') =>
	status === 'gearchiveerd' ? `${what} is gearchiveerd.` : `${what} is weer actief.`;

export async function organisationStatusAction(event: ActionEvent) {
	const { values, status, version } = await statusFrom(event);
	const organisationId = await organisationIdFor(event);
	const result = await attempt(values, () =>
		setOrganisationStatus(getDb(), actorOf(event.locals), organisationId, version, status)
	);
	if (!result.ok) return result.failure;
	return { opgeslagen: statusMessage('De organisatie', status) };
}

export async function createLocationAction(event: ActionEvent) {
	const parsed = parseForm(locationInputSchema, await event.request.formData());
	if (!parsed.ok) return invalidForm(parsed.errors, parsed.values);
	const organisationId = await organisationIdFor(event);
	const result = await attempt(parsed.values, () =>
		createLocation(getDb(), actorOf(event.locals), organisationId, parsed.data)
	);
	if (!result.ok) return result.failure;
	redirect(303, `${profilePath(event.route.id, event.params.organisatie)}?opgeslagen=locatie#locaties`);
}

export async function saveLocationAction(event: ActionEvent) {
	const parsed = parseForm(locationInputSchema, await event.request.formData());
	if (!parsed.ok) return invalidForm(parsed.errors, parsed.values);
	const version = readVersion(parsed.values);
	if (version === null) return invalidForm({ _form: MISSING_VERSION }, parsed.values);
	const organisationId = await organisationIdFor(event);
	const result = await attempt(parsed.values, () =>
		updateLocation(getDb(), actorOf(event.locals), organisationId, event.params.locatie, version, parsed.data)
	);
	if (!result.ok) return result.failure;
	return { opgeslagen: 'De locatie is opgeslagen.' };
}

export async function locationStatusAction(event: ActionEvent) {
	const { values, status, version } = await statusFrom(event);
	const organisationId = await organisationIdFor(event);
	const result = await attempt(values, () =>
		setLocationStatus(getDb(), actorOf(event.locals), organisationId, event.params.locatie, version, status)
	);
	if (!result.ok) return result.failure;
	return { opgeslagen: statusMessage('De locatie', status) };
}

function parseService(formData: FormData) {
	const parsed = parseForm(serviceInputSchema, formData, SERVICE_ARRAY_FIELDS);
	if (parsed.ok) return parsed;
	return { ...parsed, errors: fieldErrors(parsed.errors, parsed.values) };
}

export async function createServiceAction(event: ActionEvent) {
	const parsed = parseService(await event.request.formData());
	if (!parsed.ok) return invalidForm(parsed.errors, parsed.values);
	const organisationId = await organisationIdFor(event);
	const result = await attempt(parsed.values, () =>
		createService(getDb(), actorOf(event.locals), organisationId, parsed.data)
	);
	if (!result.ok) return result.failure;
	redirect(303, `${profilePath(event.route.id, event.params.organisatie)}?opgeslagen=dienst#diensten`);
}

export async function saveServiceAction(event: ActionEvent) {
	const parsed = parseService(await event.request.formData());
	if (!parsed.ok) return invalidForm(parsed.errors, parsed.values);
	const version = readVersion(parsed.values);
	if (version === null) return invalidForm({ _form: MISSING_VERSION }, parsed.values);
	const organisationId = await organisationIdFor(event);
	const result = await attempt(parsed.values, () =>
		updateService(getDb(), actorOf(event.locals), organisationId, event.params.dienst, version, parsed.data)
	);
	if (!result.ok) return result.failure;
	return { opgeslagen: 'De dienst is opgeslagen.' };
}

export async function serviceStatusAction(event: ActionEvent) {
	const { values, status, version } = await statusFrom(event);
	const organisationId = await organisationIdFor(event);
	const result = await attempt(values, () =>
		setServiceStatus(getDb(), actorOf(event.locals), organisationId, event.params.dienst, version, status)
	);
	if (!result.ok) return result.failure;
	return { opgeslagen: statusMessage('De dienst', status) };
}

/** Splits a "new organisation" form into the organisation fields and the first location's `locatie.` fields. */
export function splitFirstLocation(formData: FormData): { organisation: FormData; location: FormData } {
	const organisation = new FormData();
	const location = new FormData();
	for (const [name, value] of formData.entries()) {
		if (name.startsWith(FIRST_LOCATION_PREFIX))
			location.append(name.slice(FIRST_LOCATION_PREFIX.length), value);
		else organisation.append(name, value);
	}
	return { organisation, location };
}
