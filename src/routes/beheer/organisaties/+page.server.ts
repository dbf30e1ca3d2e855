import { recordStatusSchema } from '$lib/domain/organisation/schemas';
import { getDb } from '$lib/server/db';
import { listOrganisations } from '$lib/server/repositories/organisations';
import { getRegion, organisationIdsInRegion } from '$lib/server/repositories/regions';
import { formOptions } from '$lib/server/services/organisation-forms';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

/** The organisations of the beheerder's network, filtered by the query string (so a filtered list can be linked). */
export const load: PageServerLoad = async ({ locals, url }) => {
	const db = getDb();
	const regionId = locals.user!.regionId;
	const zoek = (url.searchParams.get('zoek') ?? '').trim().slice(0, 100);
	const type = url.searchParams.get('type') ?? '';
	const statusParam = url.searchParams.get('status') ?? 'actief';
	const status =
		statusParam === 'alle' ? 'alle' : (recordStatusSchema.safeParse(statusParam).data ?? 'actief');
	const pagina = Math.max(1, Math.min(1000, Number.parseInt(url.searchParams.get('pagina') ?? '1', 10) || 1));
	const [region, ids, options] = await Promise.all([
		regionId ? getRegion(db, regionId) : null,
		regionId ? organisationIdsInRegion(db, regionId) : [],
		formOptions(db)
	]);
	const { items, total } = await listOrganisations(db, {
		ids,
		zoek,
		type: options.types.some((t) => t.code === type) ? type : undefined,
		status,
		limit: PAGE_SIZE,
		offset: (pagina - 1) * PAGE_SIZE
	});
	return {
		region: region ? { naam: region.naam } : null,
		filter: { zoek, type, status, pagina },
		organisaties: items,
		total,
		pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		types: options.types
	};
};
