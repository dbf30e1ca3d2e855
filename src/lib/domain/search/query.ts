import { type ParsedPostcode, parsePostcode } from '../geo/postcode';
import { type SynonymRule, rulePhrases, synonymsOf } from './synonyms';
import { normalise, words } from './text';

/**
 * What a query means, before any engine sees it: words (stop words dropped), phrases recognised as synonyms (so
 * "specialist ouderengeneeskunde" is one concept that also finds "SO"), a postcode typed into the search box, and which
 * words may be typos or prefixes. Both engines' behaviour is defined here; the Postgres engine turns it into SQL.
 */

export interface QueryToken {
	/** Normalised word, or phrase when a synonym phrase was recognised. */
	text: string;
	/** The word is still being typed (the last word of the query): also match words that start with it. */
	prefix: boolean;
	/** Long enough for typo tolerance. */
	fuzzy: boolean;
	/** Phrases the word also finds (synonyms, abbreviations). */
	synonyms: string[];
}

export interface ParsedQuery {
	tokens: QueryToken[];
	/** A postcode typed in the search box ("hospice 9401"). */
	postcode: ParsedPostcode | null;
	/** The query normalised, without the postcode: compared with names for "exact name first". */
	normalised: string;
}

/** Typo tolerance starts at this word length (one typo), like Meilisearch's `oneTypo` setting. */
export const ONE_TYPO_MIN_LENGTH = 4;
/** From this length two typos are tolerated (Meilisearch `twoTypos`). */
export const TWO_TYPOS_MIN_LENGTH = 8;
/** Prefix matching starts at this length ("ho" matches too much to be useful). */
export const PREFIX_MIN_LENGTH = 2;
/** Longer queries are cut (every word costs a little). */
export const MAX_TOKENS = 8;

/** Dutch stop words (PostgreSQL's dutch.stop, the Snowball list): they carry no meaning in a search. */
export const dutchStopWords: ReadonlySet<string> = new Set(
	(
		'de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou of wat mijn men ' +
		'dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze u want nog zal me zij nu ' +
		'ge geen omdat iets worden toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie ' +
		'werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere'
	).split(' ')
);

export function maxTypos(word: string): number {
	if (word.length >= TWO_TYPOS_MIN_LENGTH) return 2;
	if (word.length >= ONE_TYPO_MIN_LENGTH) return 1;
	return 0;
}

/** Damerau-Levenshtein distance (optimal string alignment): a swap of two neighbours ("hopsice") is one typo. */
export function editDistance(a: string, b: string): number {
	const rows = a.length + 1;
	const cols = b.length + 1;
	const d: number[][] = Array.from({ length: rows }, (_, i) => {
		const row = new Array<number>(cols).fill(0);
		row[0] = i;
		return row;
	});
	for (let j = 0; j < cols; j++) d[0][j] = j;
	for (let i = 1; i < rows; i++) {
		for (let j = 1; j < cols; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
			}
		}
	}
	return d[a.length][b.length];
}

/** Trigram similarity from which a vocabulary word counts as another form of the query word (verpleeghuis/verpleeghuizen). */
export const INFLECTION_MIN_SIMILARITY = 0.6;
/** Most edits between two forms of one word (huis → huizen is three). */
export const INFLECTION_MAX_EDITS = 3;
/** At most this many close words per query word are searched for. */
export const MAX_FUZZY_CANDIDATES = 5;

export interface WordCandidate {
	word: string;
	/** pg_trgm similarity between the query word and this word (0–1). */
	similarity: number;
}

/**
 * Which vocabulary words a query word should also find:
 * - other forms of the same word (high trigram similarity, few edits): the Dutch stemmer gives "verpleeghuis" and
 *   "verpleeghuizen" different stems, so full-text search alone would miss one of them;
 * - typo corrections (within maxTypos edits), only when the word itself does not occur in the directory, so a correctly
 *   spelt "Assen" does not also find "Essen".
 */
export function acceptCandidates(token: string, candidates: readonly WordCandidate[]): string[] {
	const known = candidates.some((c) => c.word === token);
	const accepted: { word: string; edits: number; similarity: number }[] = [];
	for (const c of candidates) {
		if (c.word === token) continue;
		const edits = editDistance(token, c.word);
		const inflection = c.similarity >= INFLECTION_MIN_SIMILARITY && edits <= INFLECTION_MAX_EDITS;
		const typo = !known && edits <= maxTypos(token);
		if (inflection || typo) accepted.push({ word: c.word, edits, similarity: c.similarity });
	}
	return accepted
		.sort((a, b) => a.edits - b.edits || b.similarity - a.similarity || a.word.localeCompare(b.word))
		.slice(0, MAX_FUZZY_CANDIDATES)
		.map((a) => a.word);
}

/** Split off a postcode ("9401", "9401 AB", "9401AB") typed among the words. */
function extractPostcode(text: string): { rest: string; postcode: ParsedPostcode | null } {
	const match = /(?:^|\s)([1-9][0-9]{3})(?:\s?([a-zA-Z]{2}))?(?=\s|$)/.exec(text);
	if (!match) return { rest: text, postcode: null };
	const postcode = parsePostcode(match[2] ? `${match[1]} ${match[2]}` : match[1]) ?? parsePostcode(match[1]);
	if (!postcode) return { rest: text, postcode: null };
	const rest = (text.slice(0, match.index) + ' ' + text.slice(match.index + match[0].length)).trim();
	return { rest, postcode };
}

/**
 * Parse what the user typed, with the synonym rules; the longest synonym phrase that matches at a
 * position wins, so "verpleegkundig specialist" becomes one concept (also finding "VS"), not two words.
 */
export function parseQuery(text: string, rules: readonly SynonymRule[]): ParsedQuery {
	const { rest, postcode } = extractPostcode(normalise(text));
	const ws = words(rest);
	// Phrases by length, longest first, as word arrays.
	const phrases = rulePhrases(rules)
		.map((p) => ({ phrase: p, parts: words(p) }))
		.filter((p) => p.parts.length > 0)
		.sort((a, b) => b.parts.length - a.parts.length);

	const tokens: QueryToken[] = [];
	let i = 0;
	while (i < ws.length && tokens.length < MAX_TOKENS) {
		const isLastWord = (n: number) => i + n === ws.length;
		const phrase = phrases.find((p) => p.parts.length > 1 && p.parts.every((part, k) => ws[i + k] === part));
		if (phrase) {
			const n = phrase.parts.length;
			tokens.push({
				text: phrase.parts.join(' '),
				prefix: false,
				fuzzy: false,
				synonyms: synonymsOf(phrase.phrase, rules)
			});
			i += n;
			continue;
		}
		const w = ws[i];
		const last = isLastWord(1);
		const synonyms = synonymsOf(w, rules);
		if (w.length < PREFIX_MIN_LENGTH && synonyms.length === 0) {
			i++;
			continue;
		}
		if (dutchStopWords.has(w) && synonyms.length === 0) {
			i++;
			continue;
		}
		tokens.push({
			text: w,
			prefix: last && w.length >= PREFIX_MIN_LENGTH,
			fuzzy: w.length >= ONE_TYPO_MIN_LENGTH && !/^[0-9]+$/.test(w),
			synonyms
		});
		i++;
	}
	return { tokens, postcode, normalised: ws.join(' ') };
}
