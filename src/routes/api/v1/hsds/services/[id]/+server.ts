import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';
import { getService, notFound, ok } from '../../hsds.server';

export const GET: RequestHandler = async ({ params, url }) => {
	const service = await getService(getDb(), params.id, url.origin);
	return service ? ok(service) : notFound('Dienst');
};
