import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user ? { naam: locals.user.naam, role: locals.user.role } : null
});
