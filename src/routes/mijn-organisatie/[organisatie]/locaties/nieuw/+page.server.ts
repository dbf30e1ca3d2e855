import { createLocationAction, loadProfile } from '$lib/server/services/organisation-forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	organisation: (await loadProfile(event)).organisation
});

export const actions: Actions = {
	default: (event) => createLocationAction(event)
};
