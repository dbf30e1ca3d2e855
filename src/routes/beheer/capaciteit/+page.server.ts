import { getDb } from '$lib/server/db';
import { capacityOverview } from '$lib/server/services/beds';
import type { PageServerLoad } from './$types';

/** Weeks of occupancy a beheerder can choose from; the default fits a phone screen. */
const WEKEN = [4, 8, 12] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	const gevraagd = Number(url.searchParams.get('weken'));
	const weken = (WEKEN as readonly number[]).includes(gevraagd) ? gevraagd : 4;
	const regionId = locals.user!.regionId;
	const now = new Date();
	return {
		weken,
		wekenOpties: WEKEN,
		now,
		overzicht: regionId ? await capacityOverview(getDb(), regionId, now, weken) : null
	};
};
