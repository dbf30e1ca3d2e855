import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';
import { listQuery, listTaxonomyTerms, ok } from '../hsds.server';

export const GET: RequestHandler = async ({ url }) => {
	const parsed = listQuery(url);
	if ('response' in parsed) return parsed.response;
	const parentId = url.searchParams.get('parent_id')?.trim() || null;
	return ok(await listTaxonomyTerms(getDb(), parsed.query, { parentId }, url.origin));
};
