import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';
import { listQuery, listServiceAtLocations, ok } from '../hsds.server';

export const GET: RequestHandler = async ({ url }) => {
	const parsed = listQuery(url);
	if ('response' in parsed) return parsed.response;
	return ok(await listServiceAtLocations(getDb(), parsed.query, url.origin));
};
