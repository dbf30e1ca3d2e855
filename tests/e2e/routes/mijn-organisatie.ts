import { stableUuid } from '../../../src/lib/server/seed/prng';
import type { RouteEntry } from '../helpers/routes';

/**
 * The organisation profile pages of an editor (/mijn-organisatie/[organisatie]/...), in the role × route matrix.
 * The demo organisation is Hospice De Zonnedauw in Assen: the demo editor is a member, the demo beheerder's network
 * (Drenthe & Steenwijkerland) contains it. Demo ids are derived from the slugs, so they are the same in every seed.
 */
export const demoOrg = 'voorbeeld-hospice-de-zonnedauw-assen';
export const demoLocation = stableUuid(`location:${demoOrg}:0`);
export const demoService = stableUuid(`service:${demoOrg}:0`);

export const entries: RouteEntry[] = [
	// --- Organisation profile (organisation profile team) ---
	{
		id: '/mijn-organisatie/[organisatie]',
		audience: 'organisatie',
		page: true,
		url: `/mijn-organisatie/${demoOrg}`
	},
	{
		id: '/mijn-organisatie/[organisatie]/locaties/nieuw',
		audience: 'organisatie',
		page: true,
		url: `/mijn-organisatie/${demoOrg}/locaties/nieuw`
	},
	{
		id: '/mijn-organisatie/[organisatie]/locaties/[locatie]',
		audience: 'organisatie',
		page: true,
		url: `/mijn-organisatie/${demoOrg}/locaties/${demoLocation}`
	},
	{
		id: '/mijn-organisatie/[organisatie]/diensten/nieuw',
		audience: 'organisatie',
		page: true,
		url: `/mijn-organisatie/${demoOrg}/diensten/nieuw`
	},
	{
		id: '/mijn-organisatie/[organisatie]/diensten/[dienst]',
		audience: 'organisatie',
		page: true,
		url: `/mijn-organisatie/${demoOrg}/diensten/${demoService}`
	}
	// --- end organisation profile ---
];
