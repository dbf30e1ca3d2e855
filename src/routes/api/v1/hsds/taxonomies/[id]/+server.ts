import type { RequestHandler } from './$types';
import { getTaxonomy, notFound, ok } from '../../hsds.server';

export const GET: RequestHandler = ({ params, url }) => {
	const taxonomy = getTaxonomy(params.id, url.origin);
	return taxonomy ? ok(taxonomy) : notFound('Taxonomie');
};
