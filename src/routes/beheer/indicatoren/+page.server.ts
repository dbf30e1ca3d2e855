import type { PageServerLoad } from './$types';
import { loadIndicatoren } from './load';

export const load: PageServerLoad = async ({ url, locals }) => loadIndicatoren(url, locals.user!);
