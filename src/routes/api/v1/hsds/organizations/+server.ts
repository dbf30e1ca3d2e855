import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';
import { listOrganizations, listQuery, ok } from '../hsds.server';

export const GET: RequestHandler = async ({ url }) => {
	const parsed = listQuery(url);
	if ('response' in parsed) return parsed.response;
	return ok(await listOrganizations(getDb(), parsed.query, url.origin));
};
