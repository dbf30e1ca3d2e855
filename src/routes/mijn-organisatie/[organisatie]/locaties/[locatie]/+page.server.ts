import {
	loadLocation,
	locationStatusAction,
	saveLocationAction
} from '$lib/server/services/organisation-forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadLocation(event);

export const actions: Actions = {
	opslaan: (event) => saveLocationAction(event),
	status: (event) => locationStatusAction(event)
};
