import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { entries as api } from '../routes/api';
import { entries as beheer } from '../routes/beheer';
import { entries as capaciteit } from '../routes/capaciteit';
import { entries as kaart } from '../routes/kaart';
import { entries as mijnOrganisatie } from '../routes/mijn-organisatie';
import { entries as mijnOrganisatieBedden } from '../routes/mijn-organisatie-bedden';
import { entries as mijnOrganisatieVerzoeken } from '../routes/mijn-organisatie-verzoeken';
import { entries as organisatie } from '../routes/organisatie';
import { entries as verwijzen } from '../routes/verwijzen';
import { entries as wegwijzer } from '../routes/wegwijzer';

/**
 * The role × route matrix. EVERY route of the app must be listed here (the access test fails on a route that is not),
 * with who may open it. This table is written independently of src/lib/domain/access/route-access.ts on purpose:
 * the test compares the two.
 */
export type Audience = 'publiek' | 'ingelogd' | 'beheerder' | 'organisatie' | 'verwijzer';
export type Outcome = 'ok' | 'login' | 'forbidden' | 'redirect' | 'notfound';
export type RoleName = 'anoniem' | 'beheerder' | 'organisatie' | 'verwijzer';
export const roleNames: RoleName[] = ['anoniem', 'beheerder', 'organisatie', 'verwijzer'];

export interface RouteEntry {
	/** Route id as in src/routes, without (groups). */
	id: string;
	audience: Audience;
	/** Concrete URL to request (needed for routes with parameters). */
	url?: string;
	/** Per-role overrides, e.g. a login page that redirects logged-in users. */
	override?: Partial<Record<RoleName, Outcome>>;
	/** A page (HTML) that the axe scan must cover, with the role to view it as. */
	page?: boolean;
	/** Endpoint that only accepts other methods than GET (checked with a GET anyway: must not be 'ok' for the wrong role). */
	kind?: 'page' | 'endpoint';
}

const foundation: RouteEntry[] = [
	{ id: '/', audience: 'publiek', page: true },
	{
		id: '/inloggen',
		audience: 'publiek',
		page: true,
		override: { beheerder: 'redirect', organisatie: 'redirect', verwijzer: 'redirect' }
	},
	{
		id: '/uitloggen',
		audience: 'publiek',
		override: { anoniem: 'redirect', beheerder: 'redirect', organisatie: 'redirect', verwijzer: 'redirect' }
	},
	{ id: '/account/wachtwoord', audience: 'ingelogd', page: true },
	{ id: '/wachtwoord/nieuw', audience: 'publiek', page: true, url: '/wachtwoord/nieuw?token=ongeldig' },
	{ id: '/privacy', audience: 'publiek', page: true },
	{ id: '/toegankelijkheid', audience: 'publiek', page: true },
	{
		id: '/geen-toegang',
		audience: 'publiek',
		override: {
			anoniem: 'forbidden',
			beheerder: 'forbidden',
			organisatie: 'forbidden',
			verwijzer: 'forbidden'
		}
	},
	{ id: '/healthz', audience: 'publiek', kind: 'endpoint' },
	{ id: '/readyz', audience: 'publiek', kind: 'endpoint' },
	{ id: '/beheer', audience: 'beheerder', page: true },
	{ id: '/beheer/gebruikers', audience: 'beheerder', page: true },
	{ id: '/mijn-organisatie', audience: 'organisatie', page: true },
	{ id: '/verwijzen', audience: 'verwijzer', page: true }
];

// One file per area, so that teams working on different areas do not edit the same list.
export const routes: RouteEntry[] = [
	...foundation,
	...kaart,
	...wegwijzer,
	...organisatie,
	...beheer,
	...verwijzen,
	...capaciteit,
	...mijnOrganisatie,
	...mijnOrganisatieBedden,
	...mijnOrganisatieVerzoeken,
	...api
];

export function expectedOutcome(entry: RouteEntry, role: RoleName): Outcome {
	const override = entry.override?.[role];
	if (override) return override;
	switch (entry.audience) {
		case 'publiek':
			return 'ok';
		case 'ingelogd':
			return role === 'anoniem' ? 'login' : 'ok';
		default:
			return role === 'anoniem' ? 'login' : role === entry.audience ? 'ok' : 'forbidden';
	}
}

/** The role an axe scan views a page as: the first role that may open it. */
export function viewerFor(entry: RouteEntry): RoleName {
	return roleNames.find((r) => expectedOutcome(entry, r) === 'ok') ?? 'anoniem';
}

/** All route ids in src/routes that have a page (+page.svelte or +page.server.ts) or an endpoint (+server.ts). */
export function discoverRouteIds(root = path.resolve('src/routes')): string[] {
	const ids: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const full = path.join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (name === '+page.svelte' || name === '+page.server.ts' || name === '+server.ts') {
				const rel = path
					.relative(root, dir)
					.split(path.sep)
					.filter((s) => s && !/^\(.*\)$/.test(s));
				ids.push('/' + rel.join('/'));
			}
		}
	};
	walk(root);
	return [...new Set(ids)].sort();
}
