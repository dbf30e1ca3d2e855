import { leesWegwijzerQuery } from '$lib/domain/wegwijzer/schemas';
import { TIJDZONE } from '$lib/domain/wegwijzer/tijd';
import { getDb } from '$lib/server/db';
import { kaartVoorPlaats, zoekPlaats } from '$lib/server/services/wegwijzer';
import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

const datum = new Intl.DateTimeFormat('nl-NL', {
	timeZone: TIJDZONE,
	day: 'numeric',
	month: 'long',
	year: 'numeric'
});

export const load: PageServerLoad = async ({ url }) => {
	const db = getDb();
	const query = leesWegwijzerQuery(url.searchParams);
	const gezocht = await zoekPlaats(db, query);
	if (gezocht.soort === 'doorsturen') {
		redirect(
			303,
			`/wegwijzer/kaart?${new URLSearchParams({ ...gezocht.params, ...(query.vraag ? { vraag: query.vraag } : {}) })}`
		);
	}
	// Without a known place there is nothing to print: back to the start, where the visitor gets help with the place.
	if (gezocht.soort !== 'gevonden') {
		redirect(
			303,
			`/wegwijzer?${new URLSearchParams(query.postcode ? { postcode: query.postcode } : query.gemeente ? { gemeente: query.gemeente } : {})}`
		);
	}
	const plaats = gezocht.plaats;
	const kaart =
		(query.vraag ? await kaartVoorPlaats(db, plaats, query.vraag) : null) ??
		(await kaartVoorPlaats(db, plaats, null));
	return { plaats, kaart: kaart!, gemaaktOp: datum.format(new Date()), url: url.href };
};
