import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';
import { listQuery, listServices, ok } from '../hsds.server';

export const GET: RequestHandler = async ({ url }) => {
	const parsed = listQuery(url);
	if ('response' in parsed) return parsed.response;
	return ok(await listServices(getDb(), parsed.query, url.origin));
};
