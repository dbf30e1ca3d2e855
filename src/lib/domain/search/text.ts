/**
 * Text normalisation shared by the search index and the query: one function, so "Café" in a document and "cafe" in a
 * query become the same word for every engine.
 */

/** Lower case without accents ("Zorgcentrum Élise" → "zorgcentrum elise"); whitespace collapsed. */
export function normalise(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}

/** The words of a text: normalised, split on anything that is not a letter or digit. */
export function words(text: string): string[] {
	return normalise(text)
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w.length > 0);
}

/** Shortest word kept in the typo vocabulary (shorter words are abbreviations or stop words, never typo targets). */
export const MIN_VOCABULARY_WORD_LENGTH = 3;
/** Longest word kept; longer tokens are noise (URLs, codes). */
export const MAX_VOCABULARY_WORD_LENGTH = 40;

/** The distinct words of some texts worth keeping in the typo vocabulary (letters only, no digits-only tokens). */
export function vocabularyWords(texts: readonly string[]): string[] {
	const out = new Set<string>();
	for (const text of texts) {
		for (const w of words(text)) {
			if (w.length < MIN_VOCABULARY_WORD_LENGTH || w.length > MAX_VOCABULARY_WORD_LENGTH) continue;
			if (!/^[a-z][a-z0-9]*$/.test(w)) continue;
			out.add(w);
		}
	}
	return [...out].sort();
}
