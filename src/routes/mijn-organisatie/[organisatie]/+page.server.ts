import { loadProfile, saveOrganisationAction } from '$lib/server/services/organisation-forms';
import type { Actions, PageServerLoad } from './$types';

// Membership is checked in the use cases, for the load and again for every action.
export const load: PageServerLoad = (event) => loadProfile(event);

export const actions: Actions = {
	opslaan: (event) => saveOrganisationAction(event)
};
