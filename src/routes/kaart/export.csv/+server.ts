import { hitsToCsv } from '$lib/domain/search/csv';
import { parseSearchParams } from '$lib/domain/search/url';
import { getDb } from '$lib/server/db';
import { ensureSearchIndex, getSearchEngine } from '$lib/server/search';
import { EXPORT_MAX_RESULTS, searchDirectory } from '$lib/server/search/service';
import type { RequestHandler } from './$types';

/** The current result list (same URL parameters as /kaart, every page) as CSV. */
export const GET: RequestHandler = async ({ url }) => {
	const { state } = parseSearchParams(url.searchParams);
	const db = getDb();
	await ensureSearchIndex(db);
	const result = await searchDirectory(db, getSearchEngine(), state, {
		allResults: true,
		pageSize: EXPORT_MAX_RESULTS,
		facets: false
	});
	const date = new Date().toISOString().slice(0, 10);
	return new Response(hitsToCsv(result.hits, url.origin), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="regiokaart-zoekresultaten-${date}.csv"`,
			'cache-control': 'no-cache'
		}
	});
};
