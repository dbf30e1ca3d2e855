import type { RouteEntry } from '../helpers/routes';
import { demoOrg, demoLocation, demoService } from './mijn-organisatie';
import { stableUuid } from '../../../src/lib/server/seed/prng';

/** Routes of this area in the role × route matrix (see helpers/routes.ts for the fields). */
export const entries: RouteEntry[] = [
	// --- Capacity overview (beds team) ---
	{ id: '/beheer/capaciteit', audience: 'beheerder', page: true },
	// --- end capacity overview ---
	// --- Prognosis 2030 (capacity prognosis team) ---
	{ id: '/beheer/prognose', audience: 'beheerder', page: true },
	{ id: '/beheer/prognose/export.csv', audience: 'beheerder', kind: 'endpoint' },
	// --- end prognosis 2030 ---
	// --- Referral indicators (referral team): aggregated only, for the beheerder's own network ---
	{ id: '/beheer/indicatoren', audience: 'beheerder', page: true },
	{ id: '/beheer/indicatoren/export.csv', audience: 'beheerder', kind: 'endpoint' },
	// --- end referral indicators ---
	// --- Organisations and import (organisation profile team) ---
	{ id: '/beheer/organisaties', audience: 'beheerder', page: true },
	{ id: '/beheer/organisaties/nieuw', audience: 'beheerder', page: true },
	{ id: '/beheer/organisaties/export.csv', audience: 'beheerder', kind: 'endpoint' },
	{ id: '/beheer/organisaties/export.xlsx', audience: 'beheerder', kind: 'endpoint' },
	{
		id: '/beheer/organisaties/[organisatie]',
		audience: 'beheerder',
		page: true,
		url: `/beheer/organisaties/${demoOrg}`
	},
	{
		id: '/beheer/organisaties/[organisatie]/locaties/nieuw',
		audience: 'beheerder',
		page: true,
		url: `/beheer/organisaties/${demoOrg}/locaties/nieuw`
	},
	{
		id: '/beheer/organisaties/[organisatie]/locaties/[locatie]',
		audience: 'beheerder',
		page: true,
		url: `/beheer/organisaties/${demoOrg}/locaties/${demoLocation}`
	},
	{
		id: '/beheer/organisaties/[organisatie]/diensten/nieuw',
		audience: 'beheerder',
		page: true,
		url: `/beheer/organisaties/${demoOrg}/diensten/nieuw`
	},
	{
		id: '/beheer/organisaties/[organisatie]/diensten/[dienst]',
		audience: 'beheerder',
		page: true,
		url: `/beheer/organisaties/${demoOrg}/diensten/${demoService}`
	},
	{ id: '/beheer/import', audience: 'beheerder', page: true },
	{ id: '/beheer/import/verwerken', audience: 'beheerder', kind: 'endpoint' },
	// --- end organisations and import ---
	// --- Admin screens (users, regions, taxonomy, audit log) ---
	{
		id: '/beheer/gebruikers/[id]',
		audience: 'beheerder',
		page: true,
		// A demo verwijzer of the first demo beheerder's network (demo users have stable ids).
		url: `/beheer/gebruikers/${stableUuid('user:verwijzer@demo.regiokaart.nl')}`
	},
	{ id: '/beheer/regios', audience: 'beheerder', page: true },
	{
		id: '/beheer/regios/[id]',
		audience: 'beheerder',
		page: true,
		url: '/beheer/regios/drenthe-steenwijkerland'
	},
	{ id: '/beheer/taxonomie', audience: 'beheerder', page: true },
	{
		id: '/beheer/taxonomie/[vocabulary]/[code]',
		audience: 'beheerder',
		page: true,
		url: '/beheer/taxonomie/doelgroep/dementie'
	},
	{ id: '/beheer/audit', audience: 'beheerder', page: true },
	{ id: '/beheer/audit/export.csv', audience: 'beheerder', kind: 'endpoint' }
	// --- end admin screens ---
];
