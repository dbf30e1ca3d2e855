import { capacityRowsCsv } from '$lib/domain/capacity/csv';
import { getDb } from '$lib/server/db';
import { findRegion, publicCapacitySummary } from '$lib/server/services/capacity';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The public summary as CSV: the same rows as the table and chart on /capaciteit. */
export const GET: RequestHandler = async ({ url }) => {
	const db = getDb();
	const slug = url.searchParams.get('regio')?.trim() || 'drenthe-steenwijkerland';
	const region = await findRegion(db, slug);
	if (!region) error(404, 'Deze regio bestaat niet.');
	const summary = await publicCapacitySummary(db, region, new Date());
	const csv = capacityRowsCsv(
		summary.settings.map((s) => ({ regio: region.slug, setting: s.setting, rows: s.rows }))
	);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="capaciteit-${region.slug}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
