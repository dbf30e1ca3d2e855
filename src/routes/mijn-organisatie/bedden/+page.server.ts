import { getDb } from '$lib/server/db';
import { editorOverview } from '$lib/server/services/beds';
import { availabilityAction } from './availability-action.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const overview = await editorOverview(getDb(), locals.user!);
	return { ...overview, now: new Date() };
};

export const actions: Actions = {
	beschikbaarheid: availabilityAction
};
