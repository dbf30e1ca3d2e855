/**
 * Input and output shapes of the HSDS mapping.
 *
 * Input: the directory records as the repository reads them (only active records reach the mapper).
 * Output: the subset of Open Referral HSDS 3.0 objects the portal publishes. Optional HSDS fields we have no data for are
 * left out rather than sent as null, because the HSDS schema types them as strings/numbers without null.
 */
import type { OpeningPeriod } from '../organisation/bereikbaarheid';
import type { Vocabulary } from '../organisation/taxonomy';

// ---- input -------------------------------------------------------------------------------------------------------------

export interface OrganisationRecord {
	id: string;
	slug: string;
	naam: string;
	type: string;
	beschrijving: string;
	telefoon: string | null;
	email: string | null;
	website: string | null;
	isVoorbeeld: boolean;
	updatedAt: Date;
}

export interface LocationRecord {
	id: string;
	organisationId: string;
	naam: string;
	adres: string | null;
	postcode: string | null;
	plaats: string | null;
	gemeenteNaam: string | null;
	provincieNaam: string | null;
	lat: number | null;
	lon: number | null;
}

export interface ServiceRecord {
	id: string;
	organisationId: string;
	naam: string;
	beschrijving: string;
	categorie: string;
	doelgroepen: string[];
	expertise: string[];
	telefoon: string | null;
	email: string | null;
	website: string | null;
	dagEnNacht: boolean;
	openingstijden: OpeningPeriod[];
	bereikbaarheidToelichting: string | null;
	voorProfessionals: boolean;
	updatedAt: Date;
}

export interface ServiceAreaRecord {
	serviceId: string;
	regionId: string;
	regionSlug: string;
	regionNaam: string;
}

/** A service offered at a location. `id` is derived in SQL (see repositories/directory.ts) so it can be looked up. */
export interface ServiceAtLocationRecord {
	id: string;
	serviceId: string;
	locationId: string;
}

/** A taxonomy term as stored in taxonomy_terms (labels may have been edited by a beheerder). */
export interface TermRecord {
	id: string;
	vocabulary: Vocabulary;
	code: string;
	label: string;
	description: string | null;
}

/** Everything the mapper needs besides the record itself. */
export interface MappingContext {
	/** Origin of the portal, e.g. "https://regiokaart.nl", for links back to public pages. */
	baseUrl: string;
	/** Looks up a term by vocabulary and code. */
	term(vocabulary: Vocabulary, code: string): TermRecord;
}

// ---- output (HSDS 3.0) -------------------------------------------------------------------------------------------------

export interface HsdsTaxonomy {
	id: string;
	name: string;
	description: string;
	uri?: string;
	version?: string;
}

export interface HsdsTaxonomyTerm {
	id: string;
	code: string;
	name: string;
	description: string;
	taxonomy: string;
	taxonomy_id: string;
	taxonomy_detail: HsdsTaxonomy;
	language: string;
	term_uri?: string;
}

export interface HsdsAttribute {
	id: string;
	link_id: string;
	link_type: string;
	link_entity: string;
	taxonomy_term_id: string;
	taxonomy_term: HsdsTaxonomyTerm;
}

export interface HsdsPhone {
	id: string;
	organization_id?: string;
	service_id?: string;
	location_id?: string;
	number: string;
	type: string;
	description?: string;
}

export interface HsdsSchedule {
	id: string;
	service_id: string;
	freq: 'WEEKLY';
	wkst: 'MO';
	byday: string;
	opens_at: string;
	closes_at: string;
	description: string;
	notes?: string;
}

export interface HsdsAddress {
	id: string;
	location_id: string;
	address_1: string;
	city: string;
	region?: string;
	state_province: string;
	postal_code: string;
	country: string;
	address_type: 'physical';
}

export interface HsdsLocation {
	id: string;
	location_type: 'physical';
	organization_id: string;
	name: string;
	latitude?: number;
	longitude?: number;
	addresses?: HsdsAddress[];
}

export interface HsdsServiceArea {
	id: string;
	service_id: string;
	name: string;
	description: string;
	uri: string;
}

export interface HsdsOrganizationBasic {
	id: string;
	name: string;
	description: string;
	email?: string;
	website?: string;
	uri: string;
}

export interface HsdsServiceBasic {
	id: string;
	organization_id: string;
	name: string;
	description: string;
	url?: string;
	email?: string;
	status: 'active';
	eligibility_description?: string;
	last_modified: string;
	organization?: HsdsOrganizationBasic;
}

export interface HsdsServiceAtLocationBasic {
	id: string;
	service_id: string;
	location_id: string;
	location?: HsdsLocation;
	service?: HsdsServiceBasic;
}

export interface HsdsService extends HsdsServiceBasic {
	phones: HsdsPhone[];
	schedules: HsdsSchedule[];
	service_areas: HsdsServiceArea[];
	service_at_locations: HsdsServiceAtLocationBasic[];
	attributes: HsdsAttribute[];
}

export interface HsdsServiceAtLocation extends HsdsServiceAtLocationBasic {
	phones: HsdsPhone[];
	schedules: HsdsSchedule[];
}

export interface HsdsOrganization extends HsdsOrganizationBasic {
	phones: HsdsPhone[];
	locations: HsdsLocation[];
	services: (HsdsService | { id: string; name: string })[];
	attributes: HsdsAttribute[];
}

export interface HsdsPage<T> {
	total_items: number;
	total_pages: number;
	page_number: number;
	size: number;
	first_page: boolean;
	last_page: boolean;
	empty: boolean;
	contents: T[];
}
