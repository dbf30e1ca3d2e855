import { AUDIT_EXPORT_MAX, auditToCsv, parseAuditFilter } from '$lib/domain/admin/audit';
import { audit } from '$lib/server/audit';
import { getDb } from '$lib/server/db';
import { listAuditEntries } from '$lib/server/repositories/audit';
import { auditRegionIds, toQuery } from '../audit-query.server';
import type { RequestHandler } from './$types';

/** The filtered audit list (every page, newest first, at most AUDIT_EXPORT_MAX rows) as CSV. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const db = getDb();
	const regionIds = await auditRegionIds(db, locals.user);
	const { filter } = parseAuditFilter(url.searchParams);
	const rows = await listAuditEntries(db, regionIds, toQuery(filter), { limit: AUDIT_EXPORT_MAX, offset: 0 });
	// The export holds e-mail addresses of colleagues: who took one, and of what, is itself on record.
	await audit(db, locals.user!, {
		action: 'auditlog_geexporteerd',
		entityType: 'audit_log',
		regionId: locals.user!.regionId,
		details: { rijen: rows.length, filter: { ...filter, page: undefined } }
	});
	const date = new Date().toISOString().slice(0, 10);
	return new Response(auditToCsv(rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="auditlog-${date}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
