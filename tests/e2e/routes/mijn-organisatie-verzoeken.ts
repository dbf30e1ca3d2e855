import type { RouteEntry } from '../helpers/routes';

/**
 * Incoming referral requests of an organisation. The [id] route uses a request id that exists nowhere: an editor gets 404,
 * the same as for a request addressed to another organisation (proven with real requests in tests/e2e/verwijzen.spec.ts
 * and tests/integration/referrals.test.ts).
 */
export const entries: RouteEntry[] = [
	{ id: '/mijn-organisatie/verzoeken', audience: 'organisatie', page: true },
	{
		id: '/mijn-organisatie/verzoeken/[id]',
		audience: 'organisatie',
		url: '/mijn-organisatie/verzoeken/00000000-0000-4000-8000-000000000000',
		override: { organisatie: 'notfound' }
	}
];
