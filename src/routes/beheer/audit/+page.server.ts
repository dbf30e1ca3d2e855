import { AUDIT_PAGE_SIZE, parseAuditFilter } from '$lib/domain/admin/audit';
import { getDb } from '$lib/server/db';
import { organisations } from '$lib/server/db/schema';
import { auditFilterOptions, countAuditEntries, listAuditEntries } from '$lib/server/repositories/audit';
import { organisationIdsInRegion } from '$lib/server/repositories/regions';
import { asc, inArray } from 'drizzle-orm';
import { auditRegionIds, toQuery } from './audit-query.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = getDb();
	const regionIds = await auditRegionIds(db, locals.user);
	const { filter, errors } = parseAuditFilter(url.searchParams);
	const query = toQuery(filter);
	const total = await countAuditEntries(db, regionIds, query);
	const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
	const page = Math.min(filter.page, pages);
	const organisationIds = await organisationIdsInRegion(db, locals.user!.regionId!);
	const [entries, options, organisaties] = await Promise.all([
		listAuditEntries(db, regionIds, query, {
			limit: AUDIT_PAGE_SIZE,
			offset: (page - 1) * AUDIT_PAGE_SIZE
		}),
		auditFilterOptions(db, regionIds),
		organisationIds.length
			? db
					.select({ id: organisations.id, naam: organisations.naam })
					.from(organisations)
					.where(inArray(organisations.id, organisationIds))
					.orderBy(asc(organisations.naam))
			: Promise.resolve([])
	]);
	return {
		filter: { ...filter, page },
		errors,
		total,
		pages,
		entries,
		options: { ...options, organisaties }
	};
};
