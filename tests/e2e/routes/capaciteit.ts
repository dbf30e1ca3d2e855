import type { RouteEntry } from '../helpers/routes';

/** Routes of this area in the role × route matrix (see helpers/routes.ts for the fields). */
export const entries: RouteEntry[] = [
	{ id: '/capaciteit', audience: 'publiek', page: true },
	{ id: '/capaciteit/export.csv', audience: 'publiek', kind: 'endpoint' }
];
