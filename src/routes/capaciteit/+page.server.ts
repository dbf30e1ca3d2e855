import { getDb } from '$lib/server/db';
import { findRegion, publicCapacitySummary, regionsForSelect } from '$lib/server/services/capacity';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** The network the summary opens with when no region is chosen. */
const DEFAULT_REGION = 'drenthe-steenwijkerland';

export const load: PageServerLoad = async ({ url }) => {
	const db = getDb();
	const slug = url.searchParams.get('regio')?.trim() || DEFAULT_REGION;
	const region = await findRegion(db, slug);
	if (!region) error(404, 'Deze regio bestaat niet. Kies een regio uit de lijst.');
	const [summary, regios] = await Promise.all([
		publicCapacitySummary(db, region, new Date()),
		regionsForSelect(db)
	]);
	// Aggregated figures only: rows per year and the model's parameters, never names of planned locations.
	return {
		regio: { slug: region.slug, naam: region.naam },
		regios: regios.map((r) => ({ slug: r.slug, naam: r.naam })),
		vanafJaar: summary.vanafJaar,
		settings: summary.settings
	};
};
