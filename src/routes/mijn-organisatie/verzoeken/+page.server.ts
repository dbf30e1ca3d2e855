import { getDb } from '$lib/server/db';
import { incomingRequests } from '$lib/server/services/referrals';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const verzoeken = await incomingRequests(getDb(), locals.user!);
	const isNieuw = (v: (typeof verzoeken)[number]) =>
		v.status === 'verzonden' && v.verwijzingStatus === 'open';
	return {
		nieuw: verzoeken.filter(isNieuw),
		eerder: verzoeken.filter((v) => !isNieuw(v))
	};
};
