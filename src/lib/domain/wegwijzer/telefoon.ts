/**
 * Phone numbers as the directory holds them ("0521 - 51 23 45", "+31 (0)6 1234 5678", "0800-0113") turned into `tel:` links
 * that work on every phone.
 */

/**
 * The `tel:` URI of a Dutch phone number, or null when the text is not a usable number. Ten-digit national numbers become
 * international (+31…) so the link also works from a foreign SIM; short numbers (112, 113) stay as they are.
 */
export function telHref(telefoon: string | null | undefined): string | null {
	if (typeof telefoon !== 'string') return null;
	const tekst = telefoon.trim().replace(/\(0\)/g, '');
	if (!/^\+?[\d\s\-./()]+$/.test(tekst)) return null;
	let nummer = tekst.replace(/[^\d+]/g, '');
	if (nummer.lastIndexOf('+') > 0) return null;
	if (nummer.startsWith('00')) nummer = '+' + nummer.slice(2);
	if (nummer.startsWith('+')) {
		return /^\+\d{8,15}$/.test(nummer) ? `tel:${nummer}` : null;
	}
	if (/^0\d{9}$/.test(nummer)) return `tel:+31${nummer.slice(1)}`;
	// Service numbers (0800/0900 with 4–7 digits after the prefix) and short numbers (112, 113, 14 0521) stay national.
	if (/^0[89]00\d{4,7}$/.test(nummer) || /^\d{3,6}$/.test(nummer)) return `tel:${nummer}`;
	return null;
}
