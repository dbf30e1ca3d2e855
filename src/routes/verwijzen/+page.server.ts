import { getDb } from '$lib/server/db';
import { referralsOfVerwijzer } from '$lib/server/services/referrals';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	verwijzingen: await referralsOfVerwijzer(getDb(), locals.user!)
});
