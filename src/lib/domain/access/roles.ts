export const roles = ['beheerder', 'organisatie', 'verwijzer'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
	beheerder: 'Beheerder (netwerk palliatieve zorg)',
	organisatie: 'Organisatie (redacteur)',
	verwijzer: 'Verwijzer'
};

/** Where each role lands after logging in. */
export const startPageFor: Record<Role, string> = {
	beheerder: '/beheer',
	organisatie: '/mijn-organisatie',
	verwijzer: '/verwijzen'
};

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (roles as readonly string[]).includes(value);
}
