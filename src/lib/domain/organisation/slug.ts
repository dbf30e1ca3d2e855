/**
 * Slugs: the readable, stable part of an organisation's URL (/organisaties/hospice-de-sluis). Made once from the name when
 * the organisation is created and kept when it is renamed, so links people saved keep working.
 */

export const SLUG_MAX_LENGTH = 80;

/**
 * Words that are (or may become) fixed URL segments next to a slug, e.g. /beheer/organisaties/nieuw or
 * /mijn-organisatie/bedden. An organisation with such a slug would be unreachable, so slugs avoid them.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
	'nieuw',
	'import',
	'export',
	'bedden',
	'beschikbaarheid',
	'tokens',
	'api',
	'api-tokens',
	'verzoeken',
	'verwijzingen',
	'profiel',
	'instellingen'
]);

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Letters that Unicode decomposition does not reduce to plain a–z. */
const SPECIAL_LETTERS: Record<string, string> = {
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	ø: 'o',
	ł: 'l',
	đ: 'd',
	ð: 'd',
	þ: 'th'
};

/**
 * "Hospice 't Huis aan de Vecht & Co" → "hospice-t-huis-aan-de-vecht-en-co". Accents are dropped (é → e, ĳ → ij),
 * '&' becomes 'en', apostrophes disappear inside words, everything else that is not a letter or digit becomes one hyphen.
 * Never empty: a name without any usable character gives "organisatie".
 */
export function slugify(input: string, fallback = 'organisatie'): string {
	const base = input
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[ßæœøłđðþ]/g, (c) => SPECIAL_LETTERS[c] ?? c)
		// "Cura's" → "curas", but "'t Huis" → "t-huis" (the apostrophe at a word start just disappears).
		.replace(/['’‘`´]/g, '')
		.replace(/&/g, ' en ')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return truncate(base, SLUG_MAX_LENGTH) || fallback;
}

/** Cut at a hyphen when possible so no word is chopped in half. */
function truncate(slug: string, max: number): string {
	if (slug.length <= max) return slug;
	const cut = slug.slice(0, max);
	const lastHyphen = cut.lastIndexOf('-');
	return (lastHyphen > max / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

export function isValidSlug(value: string): boolean {
	return value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value) && !RESERVED_SLUGS.has(value);
}

/**
 * The first free slug among base, base-2, base-3, ... `isTaken` answers for the caller's store (a set, or a lookup).
 * Reserved words count as taken.
 */
export function uniqueSlug(base: string, isTaken: (slug: string) => boolean): string {
	const start = slugify(base);
	const taken = (s: string) => RESERVED_SLUGS.has(s) || isTaken(s);
	if (!taken(start)) return start;
	for (let n = 2; ; n++) {
		const suffix = `-${n}`;
		const candidate = truncate(start, SLUG_MAX_LENGTH - suffix.length) + suffix;
		if (!taken(candidate)) return candidate;
	}
}
