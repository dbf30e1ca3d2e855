import type { RouteEntry } from '../helpers/routes';

/** Routes of this area in the role × route matrix (see helpers/routes.ts for the fields). */
export const entries: RouteEntry[] = [
	{ id: '/kaart', audience: 'publiek', page: true, url: '/kaart?q=hospice&postcode=9401' },
	{ id: '/kaart/export.csv', audience: 'publiek', kind: 'endpoint', url: '/kaart/export.csv?q=hospice' },
	{
		id: '/kaart/kaart.geojson',
		audience: 'publiek',
		kind: 'endpoint',
		url: '/kaart/kaart.geojson?q=hospice'
	},
	{ id: '/kaart/regios.json', audience: 'publiek', kind: 'endpoint' }
];
