import { getDb } from '$lib/server/db';
import { regionMemberships } from '$lib/server/search/reference';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The networks with their gemeenten, for the region outlines on the map. */
export const GET: RequestHandler = async () =>
	json(
		{ regions: await regionMemberships(getDb()) },
		{ headers: { 'cache-control': 'public, max-age=300' } }
	);
