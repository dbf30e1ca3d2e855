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
	// The list of questions only where it is shown: no question chosen yet, or one that does not exist here.
	const vraagStap = async (onbekendeVraag: boolean) => ({
		stap: 'vraag' as const,
		plaats,
		themas: await vragenVoorPlaats(db, plaats),
		onbekendeVraag
	});
	if (!query.vraag) return vraagStap(false);

	const antwoord = await antwoordVoorPlaats(db, plaats, query.vraag, now);
	if (!antwoord) return vraagStap(true);

	return {
		stap: 'antwoord' as const,
		plaats,
		antwoord,
		moment: gekozenMoment ? { tekst: beschrijfMoment(gekozenMoment) } : null,
		nachtMoment: schrijfMoment(komendeNacht(now))
	};
};
