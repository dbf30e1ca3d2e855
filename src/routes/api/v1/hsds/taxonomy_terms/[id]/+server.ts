import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';
import { getTaxonomyTerm, notFound, ok } from '../../hsds.server';

export const GET: RequestHandler = async ({ params, url }) => {
	const term = await getTaxonomyTerm(getDb(), params.id, url.origin);
	return term ? ok(term) : notFound('Taxonomieterm');
};
