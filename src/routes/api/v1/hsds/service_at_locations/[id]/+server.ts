import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';
import { getServiceAtLocationById, notFound, ok } from '../../hsds.server';

export const GET: RequestHandler = async ({ params, url }) => {
	const link = await getServiceAtLocationById(getDb(), params.id, url.origin);
	return link ? ok(link) : notFound('Dienst op locatie');
};
