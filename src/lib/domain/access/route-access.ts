import type { Role } from './roles';

/**
 * The one place that decides who may open which part of the app, by URL prefix. hooks.server.ts applies it to every
 * request; object-level checks (which organisation, which referral) live in the services on top of this.
 */
export type AccessDecision = 'allow' | 'login' | 'forbidden';

export interface AccessRule {
	prefix: string;
	/** Roles allowed; 'ingelogd' means any logged-in user. */
	allow: readonly Role[] | 'ingelogd';
}

/** Longest matching prefix wins. Paths not covered here are public. */
export const accessRules: readonly AccessRule[] = [
	{ prefix: '/beheer', allow: ['beheerder'] },
	{ prefix: '/mijn-organisatie', allow: ['organisatie'] },
	{ prefix: '/verwijzen', allow: ['verwijzer'] },
	{ prefix: '/account', allow: 'ingelogd' }
];

function matches(pathname: string, prefix: string): boolean {
	return pathname === prefix || pathname.startsWith(prefix + '/');
}

export function ruleFor(pathname: string): AccessRule | undefined {
	let best: AccessRule | undefined;
	for (const rule of accessRules) {
		if (matches(pathname, rule.prefix) && (!best || rule.prefix.length > best.prefix.length)) best = rule;
	}
	return best;
}

export function decideAccess(pathname: string, role: Role | null): AccessDecision {
	const rule = ruleFor(pathname);
	if (!rule) return 'allow';
	if (!role) return 'login';
	if (rule.allow === 'ingelogd' || rule.allow.includes(role)) return 'allow';
	return 'forbidden';
}
