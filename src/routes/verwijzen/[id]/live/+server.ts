import { getDb, getHandle } from '$lib/server/db';
import { liveHubFor, sseResponse, topics } from '$lib/server/live';
import { liveStatusForVerwijzer } from '$lib/server/services/referrals';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * GET /verwijzen/{id}/live — server-sent events for the verwijzer's referral page: `event: status` with the referral's
 * and its requests' statuses, first the current state and then after every change (from any instance, through the
 * database's notifications). Same access rule as the page: only the referring verwijzer, otherwise 404.
 */
export const GET: RequestHandler = async ({ params, locals, request }) => {
	const db = getDb();
	const user = locals.user!;
	if (!(await liveStatusForVerwijzer(db, user, params.id)))
		error(404, 'Deze verwijzing bestaat niet of is niet van u.');
	const hub = liveHubFor(getHandle());
	return sseResponse({
		signal: request.signal,
		open: async (send) => {
			const push = async () => {
				const status = await liveStatusForVerwijzer(db, user, params.id);
				if (status) send('status', status);
			};
			// Subscribe first, then send the state: a change in between is then sent again rather than missed.
			const stop = await hub.subscribe(topics.verwijzing(params.id), () => void push().catch(() => {}));
			await push();
			return stop;
		}
	});
};
