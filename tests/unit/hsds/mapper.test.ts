import { describe, expect, it } from 'vitest';
import {
	cleanEmail,
	cleanUrl,
	fallbackTerm,
	hsdsPage,
	TIME_ZONE_NOTE,
	toLocation,
	toOrganization,
	toOrganizationBasic,
	toSchedules,
	toService,
	toServiceAtLocation,
	toServiceAtLocationBasic,
	toServiceBasic,
	toTaxonomy,
	toTaxonomyTerm,
	VOORBEELD_NOTE
} from '$lib/domain/hsds/mapper';
import type {
	LocationRecord,
	MappingContext,
	OrganisationRecord,
	ServiceRecord,
	TermRecord
} from '$lib/domain/hsds/types';
import { derivedId, DNS_NAMESPACE, HSDS_NAMESPACE, URL_NAMESPACE, uuidV5 } from '$lib/domain/hsds/uuid';
import type { Vocabulary } from '$lib/domain/organisation/taxonomy';
import { createHsdsValidator } from './hsds-validator';

const hsds = createHsdsValidator();

// A beheerder renamed this label; the mapper must publish the stored label, not the seed label.
const storedTerms: TermRecord[] = [
	{
		id: '7d8a3c2e-1f4b-4e8a-9c1d-2b3e4f5a6b7c',
		vocabulary: 'expertise',
		code: 'middelengebruik',
		label: 'Middelengebruik en verslaving',
		description: 'Kennis van palliatieve zorg bij alcohol- en drugsgebruik.'
	}
];
const ctx: MappingContext = {
	baseUrl: 'https://regiokaart.example',
	term: (vocabulary: Vocabulary, code: string) =>
		storedTerms.find((t) => t.vocabulary === vocabulary && t.code === code) ?? fallbackTerm(vocabulary, code)
};

const org: OrganisationRecord = {
	id: '0f9a1c52-8f0e-4f7b-9a55-6a2b8b1d2e01',
	slug: 'voorbeeld-hospice-de-zonnedauw',
	naam: 'Hospice De Zonnedauw (voorbeeld)',
	type: 'hospice',
	beschrijving: 'Een huis voor de laatste levensfase.',
	telefoon: '0592 00 12 34',
	email: 'info@voorbeeld.regiokaart.nl',
	website: 'voorbeeld.regiokaart.nl/zonnedauw',
	isVoorbeeld: true,
	updatedAt: new Date('2025-11-20T10:00:00Z')
};

const location: LocationRecord = {
	id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
	organisationId: org.id,
	naam: 'Hospice De Zonnedauw',
	adres: 'Brink 1',
	postcode: '9401 AA',
	plaats: 'Assen',
	gemeenteNaam: 'Assen',
	provincieNaam: 'Drenthe',
	lat: 52.993,
	lon: 6.562
};

const service: ServiceRecord = {
	id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
	organisationId: org.id,
	naam: 'Opname in het hospice',
	beschrijving: 'Verblijf en zorg.',
	categorie: 'hospice',
	doelgroepen: ['verslaving', 'dak_thuisloos', 'algemeen'],
	expertise: ['middelengebruik', 'pijnbeleid'],
	telefoon: '0592 00 12 35',
	email: 'geen-geldig-adres',
	website: null,
	dagEnNacht: false,
	openingstijden: [
		{ dag: 1, van: '09:00', tot: '17:00' },
		{ dag: 2, van: '09:00', tot: '17:00' },
		{ dag: 3, van: '09:00', tot: '17:00' },
		{ dag: 6, van: '22:00', tot: '07:00' },
		{ dag: 9, van: '09:00', tot: '17:00' }
	],
	bereikbaarheidToelichting: 'Buiten deze tijden via de huisartsenpost.',
	voorProfessionals: false,
	updatedAt: new Date('2025-11-21T08:30:00Z')
};

const link = { id: '3c4d5e6f-7a8b-3c9d-8e0f-1a2b3c4d5e6f', serviceId: service.id, locationId: location.id };
const area = {
	serviceId: service.id,
	regionId: '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a',
	regionSlug: 'drenthe-steenwijkerland',
	regionNaam: 'Drenthe & Steenwijkerland'
};

const fullService = () => toService(service, org, { areas: [area], atLocations: [{ link, location }] }, ctx);

describe('uuidV5 (RFC 9562, SHA-1)', () => {
	it('matches published and independently computed vectors', () => {
		// Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'www.example.com')
		expect(uuidV5('www.example.com', DNS_NAMESPACE)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
		expect(uuidV5('https://openreferral.org/', URL_NAMESPACE)).toBe('b21d248b-bb46-5bae-b358-5ebcd6649da2');
		expect(uuidV5('€ é ünïcode', URL_NAMESPACE)).toBe('8c68e2cb-5f22-5f74-a1ba-332ab919b1d3');
		expect(uuidV5('regiokaart-palliatieve-zorg', URL_NAMESPACE)).toBe(HSDS_NAMESPACE);
	});

	it('is stable per name and different between names', () => {
		expect(derivedId('phone', 'service_id', service.id)).toBe(derivedId('phone', 'service_id', service.id));
		expect(derivedId('phone', 'service_id', service.id)).not.toBe(
			derivedId('phone', 'organization_id', service.id)
		);
	});
});

describe('mapped objects validate against the HSDS schemas', () => {
	it('a fully nested service (service.json and the /services/{id} response)', () => {
		const mapped = fullService();
		expect(hsds.object('service.json', mapped)).toEqual([]);
		expect(hsds.response('/services/{id}', mapped)).toEqual([]);
	});

	it('a fully nested organization with full services', () => {
		const mapped = toOrganization(
			org,
			{ locations: [location], services: [{ record: service, full: fullService() }] },
			ctx
		);
		expect(hsds.object('organization.json', mapped)).toEqual([]);
		expect(hsds.response('/organizations/{id}', mapped)).toEqual([]);
	});

	it('paginated lists of organizations, services and service_at_locations', () => {
		expect(hsds.response('/organizations', hsdsPage([toOrganizationBasic(org, ctx)], 1, 1, 50))).toEqual([]);
		expect(
			hsds.response(
				'/services',
				hsdsPage([toServiceBasic(service, org, ctx, { withOrganization: true })], 1, 1, 50)
			)
		).toEqual([]);
		expect(
			hsds.response(
				'/service_at_locations',
				hsdsPage([toServiceAtLocationBasic(link, service, org, location, ctx)], 1, 1, 50)
			)
		).toEqual([]);
	});

	it('a fully nested service_at_location, a location, taxonomies and terms', () => {
		expect(
			hsds.object('service_at_location.json', toServiceAtLocation(link, service, org, location, ctx))
		).toEqual([]);
		expect(hsds.object('location.json', toLocation(location))).toEqual([]);
		const term = toTaxonomyTerm(storedTerms[0], ctx);
		expect(hsds.response('/taxonomy_terms/{id}', term)).toEqual([]);
		expect(hsds.response('/taxonomy_terms', hsdsPage([term], 1, 1, 50))).toEqual([]);
		expect(hsds.response('/taxonomies', hsdsPage([toTaxonomy('expertise', ctx)], 1, 1, 50))).toEqual([]);
	});

	it('a location without an address or coordinates is still valid', () => {
		const bare = { ...location, adres: null, lat: null, lon: null };
		const mapped = toLocation(bare);
		expect(mapped.addresses).toBeUndefined();
		expect(mapped.latitude).toBeUndefined();
		expect(hsds.object('location.json', mapped)).toEqual([]);
	});
});

describe('what the mapping says', () => {
	it('groups opening hours into weekly schedules, overnight periods included, impossible days left out', () => {
		const schedules = toSchedules(service);
		expect(schedules.map((s) => [s.byday, s.opens_at, s.closes_at])).toEqual([
			['MO,TU,WE', '09:00', '17:00'],
			['SA', '22:00', '07:00']
		]);
		expect(schedules.every((s) => s.freq === 'WEEKLY' && s.description.endsWith(TIME_ZONE_NOTE))).toBe(true);
		expect(schedules[1].description).toContain('tot de volgende dag');
		expect(schedules[0].notes).toBe('Buiten deze tijden via de huisartsenpost.');
	});

	it('publishes a day-and-night line as one schedule for every day', () => {
		const [schedule, ...rest] = toSchedules({ ...service, dagEnNacht: true });
		expect(rest).toEqual([]);
		expect(schedule).toMatchObject({ byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '00:00', closes_at: '23:59' });
	});

	it('labels taxonomy terms with the stored (edited) label, and falls back to the seed label', () => {
		const attrs = fullService().attributes;
		const names = attrs.map((a) => `${a.link_type}:${a.taxonomy_term.name}`);
		expect(names).toContain('expertise:Middelengebruik en verslaving');
		expect(names).toContain('expertise:Pijnbeleid');
		expect(names).toContain('audience:Dak- of thuisloos');
		expect(names).toContain('service_type:Hospice of bijna-thuis-huis');
		expect(attrs.every((a) => a.link_id === service.id && a.link_entity === 'service')).toBe(true);
	});

	it('marks example data, drops an invalid e-mail address and completes a website without scheme', () => {
		const basic = toServiceBasic(service, org, ctx);
		expect(basic.description.startsWith(VOORBEELD_NOTE)).toBe(true);
		expect(basic.email).toBeUndefined();
		expect(basic.eligibility_description).toBe('Voor: Verslaving / middelengebruik, Dak- of thuisloos.');
		expect(toOrganizationBasic(org, ctx).website).toBe('https://voorbeeld.regiokaart.nl/zonnedauw');
		expect(toOrganizationBasic({ ...org, isVoorbeeld: false }, ctx).description).toBe(org.beschrijving);
		// The demo data's own marker is not repeated after the notice.
		expect(
			toOrganizationBasic({ ...org, beschrijving: '(Voorbeeldgegevens) Een huis.' }, ctx).description
		).toBe(`${VOORBEELD_NOTE} Een huis.`);
		expect(cleanUrl('javascript:alert(1)')).toBeUndefined();
		expect(cleanEmail(' info@hospice.nl ')).toBe('info@hospice.nl');
	});

	it('links back to the public organisation page and the region', () => {
		const mapped = fullService();
		expect(mapped.organization?.uri).toBe(
			'https://regiokaart.example/organisaties/voorbeeld-hospice-de-zonnedauw'
		);
		expect(mapped.service_areas[0]).toMatchObject({
			name: 'Drenthe & Steenwijkerland',
			uri: 'https://regiokaart.example/expertise?regio=drenthe-steenwijkerland'
		});
		expect(mapped.service_at_locations[0].location).toMatchObject({ latitude: 52.993, longitude: 6.562 });
		expect(mapped.service_at_locations[0].location?.addresses?.[0]).toMatchObject({
			address_1: 'Brink 1',
			postal_code: '9401 AA',
			city: 'Assen',
			state_province: 'Drenthe',
			country: 'NL'
		});
	});
});

describe('hsdsPage', () => {
	it('fills the envelope for a middle page, the last page and an empty result', () => {
		expect(hsdsPage(['a', 'b'], 5, 2, 2)).toEqual({
			total_items: 5,
			total_pages: 3,
			page_number: 2,
			size: 2,
			first_page: false,
			last_page: false,
			empty: false,
			contents: ['a', 'b']
		});
		expect(hsdsPage(['e'], 5, 3, 2)).toMatchObject({ last_page: true, size: 1 });
		expect(hsdsPage([], 0, 1, 50)).toMatchObject({
			total_pages: 1,
			first_page: true,
			last_page: true,
			empty: true,
			size: 0
		});
	});
});
