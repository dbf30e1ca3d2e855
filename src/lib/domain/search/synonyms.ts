import {
	dienstCategorieen,
	doelgroepen,
	expertiseGebieden,
	organisationTypes,
	type TermSeed
} from '../organisation/taxonomy';
import { normalise } from './text';

/**
 * Synonyms for search, from one source: the taxonomy (a term's label with its synonyms, editable by beheerders in
 * taxonomy_terms) plus the field's abbreviations spelled out below. Both engines get the same groups; a query word in a group
 * also finds every other member of that group, so "VPTZ" finds "vrijwilligers palliatieve terminale zorg" and the other way
 * round.
 */

export interface Abbreviation {
	afkorting: string;
	voluit: readonly string[];
}

/** Abbreviations of the field with what they stand for (and the everyday words people type instead). */
export const abbreviations: readonly Abbreviation[] = [
	{
		afkorting: 'VPTZ',
		voluit: [
			'vrijwilligers palliatieve terminale zorg',
			'vrijwilligers in de palliatieve terminale zorg',
			'vrijwillige terminale zorg'
		]
	},
	{ afkorting: 'MO', voluit: ['maatschappelijke opvang'] },
	{ afkorting: 'GGZ', voluit: ['geestelijke gezondheidszorg'] },
	{ afkorting: 'EPA', voluit: ['ernstige psychische aandoening', 'ernstige psychische aandoeningen'] },
	{ afkorting: 'PaTz', voluit: ['palliatieve thuiszorg', 'patz-groep'] },
	{ afkorting: 'VVT', voluit: ['verpleging verzorging thuiszorg', 'verpleeghuis', 'verpleeghuizen'] },
	{ afkorting: 'ELV', voluit: ['eerstelijnsverblijf'] },
	{ afkorting: 'SO', voluit: ['specialist ouderengeneeskunde', 'specialisten ouderengeneeskunde'] },
	{ afkorting: 'VS', voluit: ['verpleegkundig specialist', 'verpleegkundig specialisten'] },
	{ afkorting: 'POH', voluit: ['praktijkondersteuner', 'praktijkondersteuner huisarts'] },
	{ afkorting: 'ACP', voluit: ['advance care planning', 'proactieve zorgplanning', 'PZP'] },
	{ afkorting: 'PZP', voluit: ['proactieve zorgplanning', 'advance care planning', 'ACP'] },
	{ afkorting: 'CPT', voluit: ['consultatieteam palliatieve zorg', 'consultatieteam'] },
	{ afkorting: 'PZNL', voluit: ['palliatieve zorg nederland'] },
	{ afkorting: 'NPZ', voluit: ['netwerk palliatieve zorg', 'netwerken palliatieve zorg'] },
	{ afkorting: 'HAP', voluit: ['huisartsenpost'] },
	{ afkorting: 'BTH', voluit: ['bijna-thuis-huis', 'bijna thuis huis'] },
	{ afkorting: 'AVG', voluit: ['arts verstandelijk gehandicapten'] },
	{ afkorting: 'Wmo', voluit: ['wet maatschappelijke ondersteuning'] }
];

/** A taxonomy term as synonym source: from taxonomy_terms (DB) or the domain taxonomy. */
export interface SynonymTerm {
	label: string;
	synonyms: readonly string[];
}

/** The vocabularies whose labels are in the search documents (and so can be found through their synonyms). */
export const defaultSynonymTerms: readonly SynonymTerm[] = [
	...organisationTypes,
	...doelgroepen,
	...expertiseGebieden,
	...dienstCategorieen
].map((t: TermSeed) => ({ label: t.label, synonyms: t.synonyms ?? [] }));

/** Label parts split on " / " and brackets: "ACP / proactieve zorgplanning" gives "acp" and "proactieve zorgplanning". */
function labelVariants(label: string): string[] {
	const parts = label
		.split(/\s+\/\s+|[()]/)
		.map((p) => p.trim())
		.filter(Boolean);
	return [label, ...parts];
}

/** Groups of normalised phrases that mean the same. Duplicate groups are merged; order is stable. */
export function buildSynonymGroups(
	terms: readonly SynonymTerm[] = defaultSynonymTerms,
	abbrevs: readonly Abbreviation[] = abbreviations
): string[][] {
	const groups: string[][] = [];
	const seen = new Set<string>();
	const add = (phrases: readonly string[]) => {
		const group = [...new Set(phrases.map(normalise).filter((p) => p.length > 0))];
		if (group.length < 2) return;
		const key = [...group].sort().join('|');
		if (seen.has(key)) return;
		seen.add(key);
		groups.push(group);
	};
	for (const a of abbrevs) add([a.afkorting, ...a.voluit]);
	for (const t of terms) add([...labelVariants(t.label), ...t.synonyms]);
	return groups;
}

/** Every phrase that means the same as `phrase` (without itself), over all groups that contain it. */
export function synonymsOf(phrase: string, groups: readonly (readonly string[])[]): string[] {
	const p = normalise(phrase);
	const out = new Set<string>();
	for (const g of groups) if (g.includes(p)) for (const s of g) if (s !== p) out.add(s);
	return [...out];
}

/**
 * Meilisearch's synonyms setting: a map from each phrase to its synonyms (Meilisearch applies them one way per entry, so
 * every member gets an entry).
 */
export function meilisearchSynonyms(groups: readonly (readonly string[])[]): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const g of groups) for (const p of g) out[p] = synonymsOf(p, groups);
	return out;
}
