import { demoSlug } from '../../../src/lib/server/seed/demo-dataset';
import type { RouteEntry } from '../helpers/routes';

/** Routes of this area in the role × route matrix (see helpers/routes.ts for the fields). */
export const entries: RouteEntry[] = [
	// Public directory: the A–Z index, one organisation page (a demo hospice with beds) and the expertise map.
	{ id: '/organisaties', audience: 'publiek', page: true },
	{
		id: '/organisaties/[slug]',
		audience: 'publiek',
		page: true,
		url: `/organisaties/${demoSlug('hospiceAssen')}`
	},
	{ id: '/expertise', audience: 'publiek', page: true },
	// The live bed counts of that page (server-sent events). An unknown slug answers 404 at once; a real one is a stream
	// that stays open, which this matrix cannot wait for (tests/production/two-instances.test.ts reads one).
	{
		id: '/organisaties/[slug]/live',
		audience: 'publiek',
		url: '/organisaties/bestaat-niet/live',
		kind: 'endpoint',
		override: { anoniem: 'notfound', beheerder: 'notfound', organisatie: 'notfound', verwijzer: 'notfound' }
	}
];
