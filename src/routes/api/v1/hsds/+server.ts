import type { RequestHandler } from './$types';
import { apiInfo, ok } from './hsds.server';

/** HSDS API root: which HSDS version this is and where its description lives. */
export const GET: RequestHandler = ({ url }) => ok(apiInfo(url.origin));
