import type { RouteEntry } from '../helpers/routes';

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
	{ id: '/beheer/indicatoren/export.csv', audience: 'beheerder', kind: 'endpoint' }
	// --- end referral indicators ---
];
