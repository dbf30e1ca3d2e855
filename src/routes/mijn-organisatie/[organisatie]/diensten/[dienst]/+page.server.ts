import { loadService, saveServiceAction, serviceStatusAction } from '$lib/server/services/organisation-forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadService(event);

export const actions: Actions = {
	opslaan: (event) => saveServiceAction(event),
	status: (event) => serviceStatusAction(event)
};
