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
	{ id: '/expertise', audience: 'publiek', page: true }
];
