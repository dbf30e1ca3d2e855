import { listTerms } from '$lib/server/services/taxonomy';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	return { lijsten: await listTerms(getDb()) };
};
