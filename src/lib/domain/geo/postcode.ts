/**
 * Dutch postcodes. A visitor types a postcode in many shapes ("9401", "9401 AB", "9401ab", " 9401-AB "); everything downstream
 * works with the four digits (PC4, which resolves to a point and a gemeente) and, when given, the normalised full postcode.
 */

export interface ParsedPostcode {
	/** The four digits, e.g. "9401". */
	pc4: string;
	/** The full postcode in PostNL notation ("9401 AB"), or null when only the digits were given. */
	volledig: string | null;
}

/** PostNL never issues these letter pairs (because of their association with the occupation). */
const UNUSED_LETTER_PAIRS: ReadonlySet<string> = new Set(['SA', 'SD', 'SS']);

// Four digits, not starting with 0; optionally followed (after spaces or a single hyphen) by two letters.
const POSTCODE_PATTERN = /^([1-9][0-9]{3})(?:\s*-?\s*([A-Z]{2}))?$/;

/** Parse a Dutch postcode; returns null for anything that is not a valid postcode. */
export function parsePostcode(input: string | null | undefined): ParsedPostcode | null {
	if (typeof input !== 'string') return null;
	const match = POSTCODE_PATTERN.exec(input.trim().toUpperCase());
	if (!match) return null;
	const [, pc4, letters] = match;
	if (letters === undefined) return { pc4, volledig: null };
	if (UNUSED_LETTER_PAIRS.has(letters)) return null;
	return { pc4, volledig: `${pc4} ${letters}` };
}

/** True when the input is a valid PC4 or full postcode. */
export function isPostcode(input: string | null | undefined): boolean {
	return parsePostcode(input) !== null;
}
