import { getDb } from '$lib/server/db';
import { organisationsOfUser } from '$lib/server/repositories/users';
import { staleUnitsOfUser } from '$lib/server/services/beds';
import { countNewRequests } from '$lib/server/services/referrals';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	organisaties: await organisationsOfUser(getDb(), locals.user!.id),
	// Bed units whose availability is older than 24 hours (or never reported): the start page says so first.
	verouderd: await staleUnitsOfUser(getDb(), locals.user!.id, new Date()),
	// Open referral requests to any of the user's organisations.
	nieuweVerzoeken: await countNewRequests(getDb(), locals.user!)
});
