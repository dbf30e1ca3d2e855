import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';
import { getOrganization, listQuery, notFound, ok } from '../../hsds.server';

export const GET: RequestHandler = async ({ params, url }) => {
	const parsed = listQuery(url);
	if ('response' in parsed) return parsed.response;
	const organization = await getOrganization(
		getDb(),
		params.id,
		parsed.query.full_service ?? false,
		url.origin
	);
	return organization ? ok(organization) : notFound('Organisatie');
};
