import type { RouteEntry } from '../helpers/routes';

/**
 * The referral portal. For the [id] routes the matrix uses an id that exists nowhere: it proves the URL guard (anonymous →
 * login, other roles → 403) and that a verwijzer gets 404 for a referral that is not theirs, with the same answer as for
 * one that does not exist (so existence is never revealed). That another verwijzer gets that same 404 for a REAL referral
 * is proven in tests/e2e/verwijzen.spec.ts and tests/integration/referrals.test.ts.
 */
const ONBEKEND = '/verwijzen/00000000-0000-4000-8000-000000000000';

export const entries: RouteEntry[] = [
	{ id: '/verwijzen/nieuw', audience: 'verwijzer', page: true },
	{ id: '/verwijzen/[id]', audience: 'verwijzer', url: ONBEKEND, override: { verwijzer: 'notfound' } },
	{
		id: '/verwijzen/[id]/live',
		audience: 'verwijzer',
		url: `${ONBEKEND}/live`,
		kind: 'endpoint',
		override: { verwijzer: 'notfound' }
	}
];
