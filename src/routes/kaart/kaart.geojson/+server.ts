import { hitsToGeoJson } from '$lib/domain/search/geojson';
import { parseSearchParams } from '$lib/domain/search/url';
import { getDb } from '$lib/server/db';
import { ensureSearchIndex, getSearchEngine } from '$lib/server/search';
import { MAP_MAX_RESULTS, searchDirectory } from '$lib/server/search/service';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The points of every result of a search (same URL parameters as /kaart), for the map. */
export const GET: RequestHandler = async ({ url }) => {
	const { state } = parseSearchParams(url.searchParams);
	const db = getDb();
	await ensureSearchIndex(db);
	const result = await searchDirectory(db, getSearchEngine(), state, {
		allResults: true,
		pageSize: MAP_MAX_RESULTS,
		facets: false
	});
	const { points, services, zonderLocatie } = hitsToGeoJson(result.hits);
	return json(
		{ ...points, total: result.total, services, zonderLocatie, afgekapt: result.total > result.hits.length },
		{ headers: { 'cache-control': 'no-cache' } }
	);
};
