import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';

/**
 * The URLs of one organisation's profile pages, for the editor's tree (/mijn-organisatie/...) or the beheerder's
 * (/beheer/organisaties/...). The components are shared; only these links differ.
 */
export interface ProfileLinks {
	profile: ResolvedPathname;
	newLocation: ResolvedPathname;
	location(id: string): ResolvedPathname;
	newService: ResolvedPathname;
	service(id: string): ResolvedPathname;
}

export function profileLinks(area: 'beheer' | 'redacteur', slug: string): ProfileLinks {
	const organisatie = slug;
	if (area === 'beheer')
		return {
			profile: resolve('/beheer/organisaties/[organisatie]', { organisatie }),
			newLocation: resolve('/beheer/organisaties/[organisatie]/locaties/nieuw', { organisatie }),
			location: (locatie) =>
				resolve('/beheer/organisaties/[organisatie]/locaties/[locatie]', { organisatie, locatie }),
			newService: resolve('/beheer/organisaties/[organisatie]/diensten/nieuw', { organisatie }),
			service: (dienst) =>
				resolve('/beheer/organisaties/[organisatie]/diensten/[dienst]', { organisatie, dienst })
		};
	return {
		profile: resolve('/mijn-organisatie/[organisatie]', { organisatie }),
		newLocation: resolve('/mijn-organisatie/[organisatie]/locaties/nieuw', { organisatie }),
		location: (locatie) =>
			resolve('/mijn-organisatie/[organisatie]/locaties/[locatie]', { organisatie, locatie }),
		newService: resolve('/mijn-organisatie/[organisatie]/diensten/nieuw', { organisatie }),
		service: (dienst) => resolve('/mijn-organisatie/[organisatie]/diensten/[dienst]', { organisatie, dienst })
	};
}

/** The breadcrumb above the profile pages. */
export function areaCrumbs(area: 'beheer' | 'redacteur'): { href: ResolvedPathname; label: string }[] {
	return area === 'beheer'
		? [
				{ href: resolve('/beheer'), label: 'Beheer' },
				{ href: resolve('/beheer/organisaties'), label: 'Organisaties' }
			]
		: [{ href: resolve('/mijn-organisatie'), label: 'Mijn organisatie' }];
}

/** A resolved path with a fragment or query string still is a resolved path. */
export function withSuffix(path: ResolvedPathname, suffix: string): ResolvedPathname {
	return `${path}${suffix}` as ResolvedPathname;
}
