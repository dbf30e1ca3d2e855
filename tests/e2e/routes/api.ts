import type { RouteEntry } from '../helpers/routes';

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
	{ id: '/api/v1/openapi.json', audience: 'publiek', kind: 'endpoint' }
	// --- end bed availability API ---
];
