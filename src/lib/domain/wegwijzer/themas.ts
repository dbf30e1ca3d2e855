/**
 * The themes the wegwijzer groups its questions by: the four dimensions of palliative care (lichamelijk, psychisch, sociaal,
 * spiritueel), the practical themes, and "nacht, weekend of crisis". Codes are stored in the database; titles are what a
 * visitor reads (B1 Dutch).
 */

export const wegwijzerThemas = [
	{
		code: 'nacht_crisis',
		titel: 'Het is nacht of weekend, of er is nu een crisis',
		kort: 'Nacht, weekend of crisis'
	},
	{ code: 'lichamelijk', titel: 'Uw lichaam: pijn, benauwdheid, verzorging', kort: 'Lichaam' },
	{ code: 'psychisch', titel: 'Uw gevoel: angst, verdriet, onrust', kort: 'Gevoel' },
	{ code: 'sociaal', titel: 'De mensen om u heen', kort: 'Mensen om u heen' },
	{ code: 'spiritueel', titel: 'Zingeving, levensvragen en geloof', kort: 'Zingeving' },
	{ code: 'mantelzorg', titel: 'Zorgen voor een naaste (mantelzorg)', kort: 'Mantelzorg' },
	{ code: 'vrijwilligers', titel: 'Vrijwilligers aan huis', kort: 'Vrijwilligers' },
	{ code: 'wonen', titel: 'Wonen en zorg in huis', kort: 'Wonen' },
	{ code: 'geld', titel: 'Geld en regelzaken', kort: 'Geld' },
	{ code: 'afscheid_rouw', titel: 'Afscheid en rouw', kort: 'Afscheid en rouw' }
] as const;

export type WegwijzerThema = (typeof wegwijzerThemas)[number]['code'];

export const themaCodes = wegwijzerThemas.map((t) => t.code) as [WegwijzerThema, ...WegwijzerThema[]];

export function isThema(code: string): code is WegwijzerThema {
	return (themaCodes as readonly string[]).includes(code);
}

export function themaTitel(code: string): string {
	return wegwijzerThemas.find((t) => t.code === code)?.titel ?? code;
}

/** Themes where the suicide-prevention line (113) belongs next to 112. */
const THEMAS_MET_113: ReadonlySet<WegwijzerThema> = new Set(['psychisch', 'nacht_crisis']);

export function toon113(thema: string): boolean {
	return THEMAS_MET_113.has(thema as WegwijzerThema);
}

/** Sort key of a theme (unknown codes last), so every list shows the themes in the same order. */
export function themaVolgorde(code: string): number {
	const i = themaCodes.indexOf(code as WegwijzerThema);
	return i === -1 ? themaCodes.length : i;
}
