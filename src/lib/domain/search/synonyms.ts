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
 * taxonomy_terms) plus the field's abbreviations spelled out below. Both engines get the same rules, so "VPTZ" finds
 * "vrijwilligers palliatieve terminale zorg" and the other way round.
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

/**
 * A synonym rule: a query phrase in `from` also finds every phrase in `to`. Abbreviations and their spelled-out forms work
 * both ways (from = to). Everyday words of a taxonomy term work one way, towards the term: "vrijwilligers" finds the VPTZ,
 * but "VPTZ" does not find every text that mentions volunteers.
 */
export interface SynonymRule {
	from: string[];
	to: string[];
}

/** "VPTZ", "GGZ", "PaTz": at least two capitals and nothing but letters. */
export function isAbbreviation(phrase: string): boolean {
	return /^[A-Za-z]+$/.test(phrase) && (phrase.match(/[A-Z]/g)?.length ?? 0) >= 2;
}

/** The synonym rules, normalised; duplicates merged, order stable. */
export function buildSynonymRules(
	terms: readonly SynonymTerm[] = defaultSynonymTerms,
	abbrevs: readonly Abbreviation[] = abbreviations
): SynonymRule[] {
	const rules: SynonymRule[] = [];
	const seen = new Set<string>();
	const clean = (phrases: readonly string[]) => [
		...new Set(phrases.map(normalise).filter((p) => p.length > 0))
	];
	const add = (fromRaw: readonly string[], toRaw: readonly string[]) => {
		const from = clean(fromRaw);
		const to = clean(toRaw);
		if (from.length === 0 || to.length < 2) return;
		const key = `${[...from].sort().join('|')}>${[...to].sort().join('|')}`;
		if (seen.has(key)) return;
		seen.add(key);
		rules.push({ from, to });
	};
	for (const a of abbrevs) add([a.afkorting, ...a.voluit], [a.afkorting, ...a.voluit]);
	for (const t of terms) {
		const core = [...labelVariants(t.label), ...t.synonyms.filter(isAbbreviation)];
		add(core, core);
		const everyday = t.synonyms.filter((s) => !isAbbreviation(s));
		if (everyday.length > 0) add(everyday, core);
	}
	return rules;
}

/** Every phrase a query phrase also finds (without itself). */
export function synonymsOf(phrase: string, rules: readonly SynonymRule[]): string[] {
	const p = normalise(phrase);
	const out = new Set<string>();
	for (const r of rules) if (r.from.includes(p)) for (const s of r.to) if (s !== p) out.add(s);
	return [...out];
}

/** Every phrase that starts a rule (the phrases a query is scanned for). */
export function rulePhrases(rules: readonly SynonymRule[]): string[] {
	return [...new Set(rules.flatMap((r) => r.from))];
}

/** Meilisearch's synonyms setting: per phrase the phrases it also finds (Meilisearch applies an entry one way). */
export function meilisearchSynonyms(rules: readonly SynonymRule[]): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const p of rulePhrases(rules)) out[p] = synonymsOf(p, rules);
	return out;
}
