import { getDb } from '$lib/server/db';
import { getRegion, organisationIdsInRegion } from '$lib/server/repositories/regions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const db = getDb();
	const regionId = locals.user!.regionId;
	const region = regionId ? await getRegion(db, regionId) : null;
	const organisationIds = regionId ? await organisationIdsInRegion(db, regionId) : [];
	return {
		region: region ? { naam: region.naam, slug: region.slug } : null,
		aantalOrganisaties: organisationIds.length
	};
};
