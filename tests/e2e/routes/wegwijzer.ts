import type { RouteEntry } from '../helpers/routes';

/** Routes of this area in the role × route matrix (see helpers/routes.ts for the fields). */
export const entries: RouteEntry[] = [
	{ id: '/wegwijzer', audience: 'publiek', page: true },
	{ id: '/wegwijzer/kaart', audience: 'publiek', page: true, url: '/wegwijzer/kaart?postcode=8331' },
	{ id: '/beheer/wegwijzer', audience: 'beheerder', page: true },
	{
		id: '/beheer/wegwijzer/[vraag]',
		audience: 'beheerder',
		page: true,
		url: '/beheer/wegwijzer/zorg-voor-partner-kan-het-niet-meer-aan'
	}
];
