import type { RouteEntry } from '../helpers/routes';

/** An id no bed unit has: the guard still decides per role, the editor gets 404 (a real unit is scanned in bedden.spec.ts). */
const NIL = '00000000-0000-0000-0000-000000000000';

/** Bed units, availability and API tokens of organisation editors (role × route matrix; fields in helpers/routes.ts). */
export const entries: RouteEntry[] = [
	{ id: '/mijn-organisatie/bedden', audience: 'organisatie', page: true },
	{ id: '/mijn-organisatie/bedden/nieuw', audience: 'organisatie', page: true },
	{
		id: '/mijn-organisatie/bedden/[id]',
		audience: 'organisatie',
		url: `/mijn-organisatie/bedden/${NIL}`,
		override: { organisatie: 'notfound' }
	},
	{
		id: '/mijn-organisatie/bedden/[id]/bewerken',
		audience: 'organisatie',
		url: `/mijn-organisatie/bedden/${NIL}/bewerken`,
		override: { organisatie: 'notfound' }
	},
	{ id: '/mijn-organisatie/api-tokens', audience: 'organisatie', page: true }
];
