/**
 * Maps the portal's directory records to Open Referral HSDS 3.0 objects. Pure: the repository reads, this shapes.
 *
 * Choices worth knowing:
 * - Ids of objects we do not store as rows (phones, schedules, attributes, addresses, service areas, taxonomies) are
 *   name-based UUIDs derived from their owner (uuid.ts), so they are stable.
 * - Times in schedules are Dutch wall-clock times (Europe/Amsterdam). A fixed UTC offset would be wrong for half the year,
 *   so opens_at/closes_at carry no offset and every schedule's description says which time zone they are in.
 * - Example data (isVoorbeeld) is published, but its description starts with a clear "Voorbeeldgegevens" notice.
 * - Values the HSDS schema constrains (email, uri) are only sent when they are valid; an invalid e-mail address in our data
 *   must not make the whole document invalid.
 */
import { geldigePerioden, samenvatting, parseTijd, type OpeningPeriod } from '../organisation/bereikbaarheid';
import { labelOf, type Vocabulary } from '../organisation/taxonomy';
import type {
	HsdsAddress,
	HsdsAttribute,
	HsdsLocation,
	HsdsOrganization,
	HsdsOrganizationBasic,
	HsdsPage,
	HsdsPhone,
	HsdsSchedule,
	HsdsService,
	HsdsServiceArea,
	HsdsServiceAtLocation,
	HsdsServiceAtLocationBasic,
	HsdsServiceBasic,
	HsdsTaxonomy,
	HsdsTaxonomyTerm,
	LocationRecord,
	MappingContext,
	OrganisationRecord,
	ServiceAreaRecord,
	ServiceAtLocationRecord,
	ServiceRecord,
	TermRecord
} from './types';
import { derivedId } from './uuid';

export const HSDS_VERSION = '3.0';
export const TIME_ZONE_NOTE = 'Tijden in Nederlandse tijd (Europe/Amsterdam).';
export const VOORBEELD_NOTE = 'Voorbeeldgegevens: dit is geen echte organisatie.';

/** The vocabularies published as HSDS taxonomies, with what their terms describe (attribute link_type). */
export const publishedVocabularies = {
	organisatietype: {
		linkType: 'organization_type',
		beschrijving: 'Soorten organisaties in de palliatieve zorg.'
	},
	doelgroep: { linkType: 'audience', beschrijving: 'Groepen mensen voor wie een dienst bedoeld is.' },
	expertise: { linkType: 'expertise', beschrijving: 'Kennisgebieden in de palliatieve zorg.' },
	dienstcategorie: { linkType: 'service_type', beschrijving: 'Soorten diensten, in de woorden van inwoners.' }
} as const satisfies Partial<Record<Vocabulary, { linkType: string; beschrijving: string }>>;
export type PublishedVocabulary = keyof typeof publishedVocabularies;

export function isPublishedVocabulary(v: string): v is PublishedVocabulary {
	return Object.hasOwn(publishedVocabularies, v);
}

export function taxonomyId(vocabulary: PublishedVocabulary): string {
	return derivedId('taxonomy', vocabulary);
}

/**
 * The published id of a term: derived from vocabulary and code, which never change (a beheerder may rename a label, never a
 * code). So a term has the same id in every installation and after every re-seed, unlike the row id in taxonomy_terms.
 */
export function termId(vocabulary: Vocabulary, code: string): string {
	return derivedId('taxonomy_term', vocabulary, code);
}

/** A term for a code that is missing from taxonomy_terms (should not happen, but must not break the output). */
export function fallbackTerm(vocabulary: Vocabulary, code: string): TermRecord {
	return {
		id: termId(vocabulary, code),
		vocabulary,
		code,
		label: labelOf(vocabulary, code),
		description: null
	};
}

// ---- value hygiene -----------------------------------------------------------------------------------------------------

// The same shape ajv-formats checks for "email" (full mode), so what we send validates.
const EMAIL =
	/^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

export function cleanEmail(value: string | null): string | undefined {
	const v = value?.trim();
	return v && EMAIL.test(v) ? v : undefined;
}

/** "www.hospice.nl" → "https://www.hospice.nl/"; anything that is not an http(s) URL afterwards is dropped. */
export function cleanUrl(value: string | null): string | undefined {
	const v = value?.trim();
	if (!v) return undefined;
	try {
		const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
	} catch {
		return undefined;
	}
}

function withNote(description: string, isVoorbeeld: boolean): string {
	const text = description.trim();
	if (!isVoorbeeld) return text;
	// Demo descriptions may carry their own marker already; one notice, in a fixed wording, is enough.
	const rest = text.replace(/^\(?voorbeeldgegevens\)?[:.]?\s*/i, '');
	return rest ? `${VOORBEELD_NOTE} ${rest}` : VOORBEELD_NOTE;
}

function orgUri(org: OrganisationRecord, ctx: MappingContext): string {
	return `${ctx.baseUrl}/organisaties/${encodeURIComponent(org.slug)}`;
}

// ---- taxonomies --------------------------------------------------------------------------------------------------------

export function toTaxonomy(vocabulary: PublishedVocabulary, ctx: MappingContext): HsdsTaxonomy {
	const id = taxonomyId(vocabulary);
	return {
		id,
		name: `Regiokaart Palliatieve Zorg: ${vocabulary}`,
		description: publishedVocabularies[vocabulary].beschrijving,
		uri: `${ctx.baseUrl}/api/v1/hsds/taxonomies/${id}`,
		version: '1'
	};
}

export function toTaxonomyTerm(term: TermRecord, ctx: MappingContext): HsdsTaxonomyTerm {
	const vocabulary = term.vocabulary as PublishedVocabulary;
	const detail = toTaxonomy(vocabulary, ctx);
	return {
		id: term.id,
		code: term.code,
		name: term.label,
		description: term.description?.trim() || term.label,
		taxonomy: detail.name,
		taxonomy_id: detail.id,
		taxonomy_detail: detail,
		language: 'nl',
		term_uri: `${ctx.baseUrl}/api/v1/hsds/taxonomy_terms/${term.id}`
	};
}

function attribute(
	linkEntity: 'service' | 'organization',
	linkId: string,
	vocabulary: PublishedVocabulary,
	code: string,
	ctx: MappingContext
): HsdsAttribute {
	const term = ctx.term(vocabulary, code);
	return {
		id: derivedId('attribute', linkEntity, linkId, vocabulary, code),
		link_id: linkId,
		link_type: publishedVocabularies[vocabulary].linkType,
		link_entity: linkEntity,
		taxonomy_term_id: term.id,
		taxonomy_term: toTaxonomyTerm(term, ctx)
	};
}

// ---- phones and schedules ----------------------------------------------------------------------------------------------

type PhoneOwner = { organization_id: string } | { service_id: string } | { location_id: string };

export function toPhone(owner: PhoneOwner, number: string | null, description?: string): HsdsPhone[] {
	const n = number?.trim();
	if (!n) return [];
	const [kind, id] = Object.entries(owner)[0];
	return [
		{
			id: derivedId('phone', kind, id),
			...owner,
			number: n,
			type: 'voice',
			...(description ? { description } : {})
		}
	];
}

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/**
 * Opening hours as HSDS weekly schedules: one schedule per distinct opening time, with the days it applies to in `byday`
 * (iCal RRULE style). A period past midnight has closes_at before opens_at. A 24/7 line is one schedule for every day.
 */
export function toSchedules(
	service: Pick<ServiceRecord, 'id' | 'dagEnNacht' | 'openingstijden' | 'bereikbaarheidToelichting'>
): HsdsSchedule[] {
	const notes = service.bereikbaarheidToelichting?.trim() || undefined;
	const base = { service_id: service.id, freq: 'WEEKLY' as const, wkst: 'MO' as const };
	if (service.dagEnNacht) {
		return [
			{
				id: derivedId('schedule', service.id, 'dag-en-nacht'),
				...base,
				byday: BYDAY.join(','),
				opens_at: '00:00',
				closes_at: '23:59',
				description: `Dag en nacht bereikbaar, elke dag. ${TIME_ZONE_NOTE}`,
				...(notes ? { notes } : {})
			}
		];
	}
	const groups = new Map<string, OpeningPeriod[]>();
	for (const p of geldigePerioden(service.openingstijden)) {
		const key = `${p.van.trim()}-${p.tot.trim()}`;
		groups.set(key, [...(groups.get(key) ?? []), p]);
	}
	return [...groups.entries()]
		.toSorted(([, a], [, b]) => a[0].dag - b[0].dag || parseTijd(a[0].van)! - parseTijd(b[0].van)!)
		.map(([key, periods]) => {
			const { van, tot } = periods[0];
			const overnight = parseTijd(tot)! <= parseTijd(van)!;
			return {
				id: derivedId('schedule', service.id, key),
				...base,
				byday: [...new Set(periods.map((p) => BYDAY[p.dag - 1]))].join(','),
				opens_at: van.trim(),
				closes_at: tot.trim() === '24:00' ? '23:59' : tot.trim(),
				description: `${samenvatting({ dagEnNacht: false, openingstijden: periods })}${
					overnight ? ' (tot de volgende dag)' : ''
				}. ${TIME_ZONE_NOTE}`,
				...(notes ? { notes } : {})
			};
		});
}

// ---- locations ---------------------------------------------------------------------------------------------------------

export function toLocation(location: LocationRecord): HsdsLocation {
	const out: HsdsLocation = {
		id: location.id,
		location_type: 'physical',
		organization_id: location.organisationId,
		name: location.naam
	};
	if (location.lat !== null && location.lon !== null) {
		out.latitude = location.lat;
		out.longitude = location.lon;
	}
	const city = location.plaats?.trim() || location.gemeenteNaam?.trim();
	if (location.adres?.trim() && location.postcode?.trim() && city) {
		const address: HsdsAddress = {
			id: derivedId('address', location.id),
			location_id: location.id,
			address_1: location.adres.trim(),
			city,
			state_province: location.provincieNaam ?? '',
			postal_code: location.postcode.trim(),
			country: 'NL',
			address_type: 'physical'
		};
		if (location.gemeenteNaam) address.region = location.gemeenteNaam;
		out.addresses = [address];
	}
	return out;
}

// ---- organisations -----------------------------------------------------------------------------------------------------

export function toOrganizationBasic(org: OrganisationRecord, ctx: MappingContext): HsdsOrganizationBasic {
	const out: HsdsOrganizationBasic = {
		id: org.id,
		name: org.naam,
		description: withNote(org.beschrijving, org.isVoorbeeld),
		uri: orgUri(org, ctx)
	};
	const email = cleanEmail(org.email);
	const website = cleanUrl(org.website);
	if (email) out.email = email;
	if (website) out.website = website;
	return out;
}

export interface OrganisationRelations {
	locations: LocationRecord[];
	/** Full services when the caller asked for them (full_service), otherwise only id and name are published. */
	services: { record: ServiceRecord; full?: HsdsService }[];
}

export function toOrganization(
	org: OrganisationRecord,
	rel: OrganisationRelations,
	ctx: MappingContext
): HsdsOrganization {
	return {
		...toOrganizationBasic(org, ctx),
		phones: toPhone({ organization_id: org.id }, org.telefoon),
		locations: rel.locations.map(toLocation),
		services: rel.services.map((s) => s.full ?? { id: s.record.id, name: s.record.naam }),
		attributes: [attribute('organization', org.id, 'organisatietype', org.type, ctx)]
	};
}

// ---- services ----------------------------------------------------------------------------------------------------------

function eligibility(service: ServiceRecord, ctx: MappingContext): string | undefined {
	const parts: string[] = [];
	const groups = service.doelgroepen.filter((d) => d !== 'algemeen');
	if (groups.length) parts.push(`Voor: ${groups.map((d) => ctx.term('doelgroep', d).label).join(', ')}.`);
	if (service.voorProfessionals) parts.push('Alleen voor professionals.');
	return parts.length ? parts.join(' ') : undefined;
}

export function toServiceBasic(
	service: ServiceRecord,
	org: OrganisationRecord,
	ctx: MappingContext,
	opts: { withOrganization?: boolean } = {}
): HsdsServiceBasic {
	const out: HsdsServiceBasic = {
		id: service.id,
		organization_id: service.organisationId,
		name: service.naam,
		description: withNote(service.beschrijving, org.isVoorbeeld),
		status: 'active',
		last_modified: service.updatedAt.toISOString()
	};
	const url = cleanUrl(service.website);
	const email = cleanEmail(service.email);
	const eligibilityText = eligibility(service, ctx);
	if (url) out.url = url;
	if (email) out.email = email;
	if (eligibilityText) out.eligibility_description = eligibilityText;
	if (opts.withOrganization) out.organization = toOrganizationBasic(org, ctx);
	return out;
}

export function toServiceArea(area: ServiceAreaRecord, ctx: MappingContext): HsdsServiceArea {
	return {
		id: derivedId('service_area', area.serviceId, area.regionId),
		service_id: area.serviceId,
		name: area.regionNaam,
		description: `Werkgebied van het Netwerk Palliatieve Zorg ${area.regionNaam}.`,
		uri: `${ctx.baseUrl}/expertise?regio=${encodeURIComponent(area.regionSlug)}`
	};
}

export interface ServiceRelations {
	areas: ServiceAreaRecord[];
	/** Service-at-location links with their location. */
	atLocations: { link: ServiceAtLocationRecord; location: LocationRecord }[];
}

export function serviceAttributes(service: ServiceRecord, ctx: MappingContext): HsdsAttribute[] {
	return [
		attribute('service', service.id, 'dienstcategorie', service.categorie, ctx),
		...service.doelgroepen.map((c) => attribute('service', service.id, 'doelgroep', c, ctx)),
		...service.expertise.map((c) => attribute('service', service.id, 'expertise', c, ctx))
	];
}

export function toService(
	service: ServiceRecord,
	org: OrganisationRecord,
	rel: ServiceRelations,
	ctx: MappingContext
): HsdsService {
	return {
		...toServiceBasic(service, org, ctx, { withOrganization: true }),
		phones: toPhone({ service_id: service.id }, service.telefoon),
		schedules: toSchedules(service),
		service_areas: rel.areas.map((a) => toServiceArea(a, ctx)),
		service_at_locations: rel.atLocations.map(({ link, location }) => ({
			id: link.id,
			service_id: link.serviceId,
			location_id: link.locationId,
			location: toLocation(location)
		})),
		attributes: serviceAttributes(service, ctx)
	};
}

// ---- service at location -----------------------------------------------------------------------------------------------

export function toServiceAtLocationBasic(
	link: ServiceAtLocationRecord,
	service: ServiceRecord,
	org: OrganisationRecord,
	location: LocationRecord,
	ctx: MappingContext
): HsdsServiceAtLocationBasic {
	return {
		id: link.id,
		service_id: link.serviceId,
		location_id: link.locationId,
		location: toLocation(location),
		service: toServiceBasic(service, org, ctx, { withOrganization: true })
	};
}

/** The fully nested variant adds the service's phones and hours, which apply at every location of the service. */
export function toServiceAtLocation(
	link: ServiceAtLocationRecord,
	service: ServiceRecord,
	org: OrganisationRecord,
	location: LocationRecord,
	ctx: MappingContext
): HsdsServiceAtLocation {
	return {
		...toServiceAtLocationBasic(link, service, org, location, ctx),
		phones: toPhone({ service_id: service.id }, service.telefoon),
		schedules: toSchedules(service)
	};
}

// ---- pagination --------------------------------------------------------------------------------------------------------

/** The HSDS page envelope. An empty result is page 1 of 1 with `empty: true`. */
export function hsdsPage<T>(
	contents: T[],
	totalItems: number,
	pageNumber: number,
	perPage: number
): HsdsPage<T> {
	const totalPages = Math.max(1, Math.ceil(totalItems / perPage));
	return {
		total_items: totalItems,
		total_pages: totalPages,
		page_number: pageNumber,
		size: contents.length,
		first_page: pageNumber === 1,
		last_page: pageNumber >= totalPages,
		empty: contents.length === 0,
		contents
	};
}
