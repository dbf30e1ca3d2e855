import {
	loadProfile,
	organisationStatusAction,
	saveOrganisationAction
} from '$lib/server/services/organisation-forms';
import type { Actions, PageServerLoad } from './$types';

// The region check (isOrganisationInRegion) is in the use cases, for the load and again for every action.
export const load: PageServerLoad = (event) => loadProfile(event);

export const actions: Actions = {
	opslaan: (event) => saveOrganisationAction(event),
	status: (event) => organisationStatusAction(event)
};
