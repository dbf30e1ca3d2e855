import { describe, expect, it } from 'vitest';
import { createHsdsValidator, readExample } from './hsds-validator';

// The validator is only trustworthy if it accepts what the specification itself publishes and rejects broken copies of it.
const hsds = createHsdsValidator();

const clone = <T>(v: T): T => structuredClone(v);

describe('HSDS validator on the specification’s own examples', () => {
	it.each([
		['location.json', 'location.json'],
		['organization_full.json', 'organization.json'],
		['service_full.json', 'service.json'],
		['service_full.json', 'compiled/service_with_definitions.json'],
		['service_at_location_full.json', 'service_at_location.json']
	])('example %s is valid against %s', (example, schema) => {
		expect(hsds.object(schema, readExample(example))).toEqual([]);
	});

	it.each([
		['organization_list.json', '/organizations'],
		['service_at_location_list.json', '/service_at_locations'],
		['service_full.json', '/services/{id}'],
		['organization_full.json', '/organizations/{id}']
	])('example %s is a valid response for %s', (example, apiPath) => {
		expect(hsds.response(apiPath, readExample(example))).toEqual([]);
	});

	it('knows the paths of the HSDS OpenAPI description', () => {
		expect(hsds.paths).toEqual(
			expect.arrayContaining([
				'/',
				'/organizations',
				'/organizations/{id}',
				'/services',
				'/services/{id}',
				'/service_at_locations',
				'/service_at_locations/{id}',
				'/taxonomies',
				'/taxonomies/{id}',
				'/taxonomy_terms',
				'/taxonomy_terms/{id}'
			])
		);
	});
});

describe('HSDS validator rejects broken examples', () => {
	it('rejects a service without its required name and with an unknown status', () => {
		const service = clone(readExample('service_full.json')) as Record<string, unknown>;
		delete service.name;
		service.status = 'open';
		const errors = hsds.object('service.json', service);
		expect(errors.join('\n')).toMatch(/must have required property 'name'/);
		expect(errors.join('\n')).toMatch(/must be equal to one of the allowed values/);
	});

	it('rejects an id that is not a UUID and an e-mail address that is not one', () => {
		const org = clone(readExample('organization_full.json')) as Record<string, unknown>;
		org.id = 'hospice-de-zonnedauw';
		org.email = 'geen e-mail';
		const errors = hsds.object('organization.json', org).join('\n');
		expect(errors).toMatch(/\/id must match format "uuid"/);
		expect(errors).toMatch(/\/email must match format "email"/);
	});

	it('checks nested objects through the references between schema files', () => {
		const service = clone(readExample('service_full.json')) as { phones: Record<string, unknown>[] };
		delete service.phones[0].number;
		expect(hsds.object('service.json', service).join('\n')).toMatch(
			/\/phones\/0 must have required property 'number'/
		);
	});

	it('rejects a location with a wrong location_type and text coordinates', () => {
		const location = clone(readExample('location.json')) as Record<string, unknown>;
		location.location_type = 'gebouw';
		location.latitude = '52.1';
		const errors = hsds.object('location.json', location).join('\n');
		expect(errors).toMatch(/location_type must be equal to one of the allowed values/);
		expect(errors).toMatch(/latitude must be number/);
	});

	it('rejects a list response without the page envelope or with invalid contents', () => {
		const list = clone(readExample('organization_list.json')) as Record<string, unknown>;
		delete list.total_pages;
		(list.contents as Record<string, unknown>[])[0].name = 42;
		const errors = hsds.response('/organizations', list).join('\n');
		expect(errors).toMatch(/must have required property 'total_pages'/);
		expect(errors).toMatch(/\/contents\/0\/name must be string/);
	});
});
