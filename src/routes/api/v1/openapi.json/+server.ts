import { json } from '@sveltejs/kit';
import { openApiDocument } from './document';
import type { RequestHandler } from './$types';

/** The OpenAPI 3.1 description of /api/v1 (public: it holds no data, only how to talk to the API). */
export const GET: RequestHandler = () =>
	json(openApiDocument(), {
		headers: { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' }
	});
