/**
 * Privacy guard for referral text. A verwijzing describes needs, never the person: free text that looks like a BSN, a date
 * (typically a date of birth) or an e-mail address is refused before it is stored or shown to any care provider.
 * The detectors lean towards refusing: a verwijzer can always rephrase, a leaked BSN cannot be taken back.
 */

/** Dutch explanations shown to the verwijzer, one per kind of identifying data. */
export const privacyReasons = {
	bsn: 'De tekst lijkt een burgerservicenummer (BSN) te bevatten. Laat het BSN weg: een verwijzing gaat zonder persoonsgegevens naar zorgaanbieders.',
	datum:
		'De tekst bevat een datum, bijvoorbeeld een geboortedatum. Laat datums weg: een geboortedatum maakt iemand herkenbaar en de leeftijdscategorie is genoeg.',
	email:
		'De tekst bevat een e-mailadres. Laat contactgegevens weg: de zorgaanbieder reageert via het portaal.'
} as const;

export type PrivacyFinding = keyof typeof privacyReasons;

/** Weights of the elfproef: the last digit counts negatively (BSN variant of the 11-test). */
const ELFPROEF_WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const;

function passesElfproef(digits: string): boolean {
	let sum = 0;
	for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * ELFPROEF_WEIGHTS[i];
	return sum % 11 === 0;
}

/** Spaces (also non-breaking), dots and hyphens people put between the digit groups of a BSN ("111 222 333", "1112.22.333"). */
const BSN_SEPARATORS = /[\s.-]/g;

/**
 * True when `value` as a whole is a plausible BSN: nine digits (separators allowed) that pass the elfproef. "000000000" passes
 * the arithmetic but is no BSN, so it is not counted.
 */
export function looksLikeBsn(value: string): boolean {
	const digits = value.replace(BSN_SEPARATORS, '');
	return /^\d{9}$/.test(digits) && digits !== '000000000' && passesElfproef(digits);
}

/** Runs of digit groups joined by single separators, e.g. "111 222 333" or "12-03-1950 111222333". */
const DIGIT_RUN = /\d+(?:[ \u00a0.-]\d+)*/g;
const GROUP_SEPARATOR = /[ \u00a0.-]/;

/**
 * True when the text contains nine digits that pass the elfproef, written together or in groups. Only whole groups are
 * combined: "111 222 333" counts, but no nine-digit window is cut out of a longer number such as a ten-digit phone number
 * (which would pass the elfproef by chance about one time in eleven).
 */
export function containsBsn(text: string): boolean {
	for (const run of text.matchAll(DIGIT_RUN)) {
		const groups = run[0].split(GROUP_SEPARATOR);
		for (let start = 0; start < groups.length; start++) {
			let digits = '';
			for (let end = start; end < groups.length && digits.length < 9; end++) digits += groups[end];
			if (digits.length === 9 && digits !== '000000000' && passesElfproef(digits)) return true;
		}
	}
	return false;
}

const MONTHS =
	'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|' +
	'jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec';

/** d-m-yy(yy), d/m/yy(yy), d.m.yy(yy): the same separator twice. */
const NUMERIC_DMY = /(?<!\d)(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/g;
/** yyyy-mm-dd (also with / or .). */
const NUMERIC_YMD = /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/g;
/** "12 maart 1950", "1e mei", "3 mrt. '50", "12-mrt-1950": a day followed by a Dutch month name, with or without a year. */
const DAY_MONTHNAME = new RegExp(`(?<!\\d)(\\d{1,2})(?:e|ste|de)?[\\s-]*(?:${MONTHS})(?![a-z])`, 'gi');

const validDay = (d: string) => Number(d) >= 1 && Number(d) <= 31;
const validMonth = (m: string) => Number(m) >= 1 && Number(m) <= 12;

/**
 * True when the text contains a calendar date: numeric day-month-year or year-month-day (day and month must be valid, so
 * "20/40/60" or a blood pressure of "120/80" is no date), or a day with a Dutch month name ("12 maart", "12 maart 1950").
 * Month and year alone ("sinds maart 2024") is allowed: that says when something started, not who someone is.
 */
export function containsDate(text: string): boolean {
	for (const m of text.matchAll(NUMERIC_DMY)) if (validDay(m[1]) && validMonth(m[3])) return true;
	for (const m of text.matchAll(NUMERIC_YMD)) if (validMonth(m[3]) && validDay(m[4])) return true;
	for (const m of text.matchAll(DAY_MONTHNAME)) if (validDay(m[1])) return true;
	return false;
}

/** Ordinary addresses plus the common "naam (at) domein.nl" spelling used to dodge filters. */
const EMAIL = /[\p{L}\p{N}._%+-]+(?:@|\s*[([]at[)\]]\s*)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/iu;

/** True when the text contains an e-mail address. */
export function containsEmail(text: string): boolean {
	return EMAIL.test(text);
}

/** Which kinds of identifying data the text contains (empty when none), in a fixed order. */
export function findIdentifyingDataKinds(text: string): PrivacyFinding[] {
	const found: PrivacyFinding[] = [];
	if (containsBsn(text)) found.push('bsn');
	if (containsDate(text)) found.push('datum');
	if (containsEmail(text)) found.push('email');
	return found;
}

/** Dutch reasons to refuse the text; an empty array means the text may be used. */
export function findIdentifyingData(text: string): string[] {
	return findIdentifyingDataKinds(text).map((kind) => privacyReasons[kind]);
}
