import { getDb } from '$lib/server/db';
import { listOrganisationsAZ, loadLabels } from '$lib/server/repositories/directory';
import type { PageServerLoad } from './$types';

/** The A–Z index of all active organisations: a complete, plain list next to the search on /kaart. */
export const load: PageServerLoad = async () => {
	const db = getDb();
	const [rows, labels] = await Promise.all([listOrganisationsAZ(db), loadLabels(db)]);
	const groups = new Map<
		string,
		{ slug: string; naam: string; type: string; plaatsen: string[]; isVoorbeeld: boolean }[]
	>();
	for (const r of rows) {
		const first = r.naam
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.charAt(0)
			.toUpperCase();
		const letter = /[A-Z]/.test(first) ? first : '#';
		const list = groups.get(letter) ?? [];
		list.push({ ...r, type: labels.of('organisatietype', r.type) });
		groups.set(letter, list);
	}
	return {
		aantal: rows.length,
		groepen: [...groups.entries()]
			.sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)))
			.map(([letter, organisaties]) => ({
				letter,
				organisaties: organisaties.toSorted((a, b) => a.naam.localeCompare(b.naam, 'nl'))
			}))
	};
};
