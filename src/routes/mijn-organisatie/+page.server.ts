import { getDb } from '$lib/server/db';
import { organisationsOfUser } from '$lib/server/repositories/users';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	organisaties: await organisationsOfUser(getDb(), locals.user!.id)
});
