import { leesWegwijzerQuery } from '$lib/domain/wegwijzer/schemas';
import { beschrijfMoment, komendeNacht, leesMoment, schrijfMoment } from '$lib/domain/wegwijzer/tijd';
import { getDb } from '$lib/server/db';
import { antwoordVoorPlaats, vragenVoorPlaats, zoekPlaats } from '$lib/server/services/wegwijzer';
import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const db = getDb();
	const query = leesWegwijzerQuery(url.searchParams);
	// `moment` shows the page as it is at another time ("bekijk hoe het 's nachts is"); it only changes the order.
	const gekozenMoment = leesMoment(query.moment);
	const now = gekozenMoment ?? new Date();
	const extra = {
		...(query.vraag ? { vraag: query.vraag } : {}),
		...(gekozenMoment ? { moment: schrijfMoment(gekozenMoment) } : {})
	};

	const gezocht = await zoekPlaats(db, query);
	if (gezocht.soort === 'doorsturen') {
		redirect(303, `/wegwijzer?${new URLSearchParams({ ...gezocht.params, ...extra })}`);
	}
	if (gezocht.soort !== 'gevonden') {
		return {
			stap: 'plaats' as const,
			onbekend: gezocht.soort === 'onbekend' ? gezocht : null
		};
	}

	const plaats = gezocht.plaats;
	const themas = await vragenVoorPlaats(db, plaats);
	const vraagStap = { stap: 'vraag' as const, plaats, themas, onbekendeVraag: false };
	if (!query.vraag) return vraagStap;

	const antwoord = await antwoordVoorPlaats(db, plaats, query.vraag, now);
	if (!antwoord) return { ...vraagStap, onbekendeVraag: true };

	return {
		stap: 'antwoord' as const,
		plaats,
		antwoord,
		moment: gekozenMoment ? { tekst: beschrijfMoment(gekozenMoment) } : null,
		nachtMoment: schrijfMoment(komendeNacht(now))
	};
};
