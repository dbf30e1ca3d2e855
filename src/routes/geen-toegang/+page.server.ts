import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** Rendered by the access guard in hooks.server.ts, so a refused page gets the site layout and a Dutch 403 page. */
export const load: PageServerLoad = () => error(403, 'U heeft geen toegang tot deze pagina.');
