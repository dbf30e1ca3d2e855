import { getDb, getHandle } from '$lib/server/db';
import { liveHubFor, sseResponse, topics } from '$lib/server/live';
import { publicBedCounts } from '$lib/server/live/organisation-beds';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * GET /organisaties/{slug}/live — server-sent events for the public organisation page: `event: bedden` with the free beds
 * per bed unit, first the current state and then after every change of one of its units (a report through the form or
 * the API, or a reservation by an accepted referral), made on any instance. Public, like the page itself.
 */
export const GET: RequestHandler = async ({ params, request }) => {
	const db = getDb();
	const first = await publicBedCounts(db, params.slug);
	if (!first) error(404, 'Deze organisatie bestaat niet, of staat niet meer op de kaart.');
	const hub = liveHubFor(getHandle());
	return sseResponse({
		signal: request.signal,
		open: async (send) => {
			const push = async () => {
				const counts = await publicBedCounts(db, params.slug);
				if (counts) send('bedden', counts);
			};
			const onChange = () => void push().catch(() => {});
			// Subscribe first, then send the state: a change in between is then sent again rather than missed.
			const stops = await Promise.all(
				first.bedden.map((b) => hub.subscribe(topics.bedeenheid(b.id), onChange))
			);
			await push();
			return () => stops.forEach((stop) => stop());
		}
	});
};
