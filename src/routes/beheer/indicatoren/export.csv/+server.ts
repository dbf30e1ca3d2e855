import { indicatorRows, toCsv } from '$lib/domain/referral/indicators';
import { error } from '@sveltejs/kit';
import { loadIndicatoren } from '../load';
import type { RequestHandler } from './$types';

/** GET /beheer/indicatoren/export.csv?regio=&van=&tot= — the page's figures as CSV (semicolons, UTF-8 with BOM for Excel). */
export const GET: RequestHandler = async ({ url, locals }) => {
	const result = await loadIndicatoren(url, locals.user!);
	if (!result.ok) error(409, 'Uw account is nog niet aan een netwerk gekoppeld.');
	if (result.errors) error(400, Object.values(result.errors).join(' '));
	const csv = toCsv(
		indicatorRows(result.indicatoren, { regio: result.regio.naam, van: result.van, tot: result.tot })
	);
	return new Response('\ufeff' + csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="indicatoren-${result.regio.slug}-${result.van}-${result.tot}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
