import { createServiceAction, loadService } from '$lib/server/services/organisation-forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadService(event);

export const actions: Actions = {
	default: (event) => createServiceAction(event)
};
