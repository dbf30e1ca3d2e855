import { taxonomyId, termId } from '../../../src/lib/domain/hsds/mapper';
import { stableUuid } from '../../../src/lib/server/seed/prng';
import { demoSlug } from '../../../src/lib/server/seed/demo-dataset';
import { serviceAtLocationId } from '../../unit/hsds/service-at-location-id';
import type { RouteEntry } from '../helpers/routes';

const hsdsSlug = demoSlug('hospiceAssen');
const hsdsDemo = {
	organisation: stableUuid(`organisation:${hsdsSlug}`),
	service: stableUuid(`service:${hsdsSlug}:0`),
	location: stableUuid(`location:${hsdsSlug}:0`)
};

/** Routes of this area in the role × route matrix (see helpers/routes.ts for the fields). */
export const entries: RouteEntry[] = [
	// --- Bed availability API and the OpenAPI document (beds team) ---
	{
		// Token only: a GET without a bearer token is 401 for every role, also for a logged-in editor (cookies count for nothing).
		id: '/api/v1/bed-units/[id]/availability',
		audience: 'publiek',
		url: '/api/v1/bed-units/00000000-0000-0000-0000-000000000000/availability',
		kind: 'endpoint',
		override: { anoniem: 'login', beheerder: 'login', organisatie: 'login', verwijzer: 'login' }
	},
	{ id: '/api/v1/openapi.json', audience: 'publiek', kind: 'endpoint' },
	// --- end bed availability API ---
	// --- HSDS 3.0 open data (directory team) ---
	// Ids of the demo hospice in Assen, as the seed derives them (src/lib/server/seed/demo.ts).
	{ id: '/api/v1/hsds', audience: 'publiek', kind: 'endpoint' },
	{ id: '/api/v1/hsds/organizations', audience: 'publiek', kind: 'endpoint' },
	{
		id: '/api/v1/hsds/organizations/[id]',
		audience: 'publiek',
		kind: 'endpoint',
		url: `/api/v1/hsds/organizations/${hsdsDemo.organisation}`
	},
	{ id: '/api/v1/hsds/services', audience: 'publiek', kind: 'endpoint' },
	{
		id: '/api/v1/hsds/services/[id]',
		audience: 'publiek',
		kind: 'endpoint',
		url: `/api/v1/hsds/services/${hsdsDemo.service}`
	},
	{ id: '/api/v1/hsds/service_at_locations', audience: 'publiek', kind: 'endpoint' },
	{
		id: '/api/v1/hsds/service_at_locations/[id]',
		audience: 'publiek',
		kind: 'endpoint',
		url: `/api/v1/hsds/service_at_locations/${serviceAtLocationId(hsdsDemo.service, hsdsDemo.location)}`
	},
	{ id: '/api/v1/hsds/taxonomies', audience: 'publiek', kind: 'endpoint' },
	{
		id: '/api/v1/hsds/taxonomies/[id]',
		audience: 'publiek',
		kind: 'endpoint',
		url: `/api/v1/hsds/taxonomies/${taxonomyId('expertise')}`
	},
	{ id: '/api/v1/hsds/taxonomy_terms', audience: 'publiek', kind: 'endpoint' },
	{
		id: '/api/v1/hsds/taxonomy_terms/[id]',
		audience: 'publiek',
		kind: 'endpoint',
		url: `/api/v1/hsds/taxonomy_terms/${termId('expertise', 'pijnbeleid')}`
	}
	// --- end HSDS ---
];
