/**
 * Contact links on public pages. Phone numbers are stored as people type them ("0592 - 00 12 34"); a tel: link needs the
 * digits, in international form so it also works from a foreign phone.
 */

/** "0592 00 12 34" → "tel:+31592001234"; "+31 6 ..." kept; short numbers ("112", "0800-...") dialled as given. */
export function telHref(number: string | null | undefined): string | null {
	if (!number) return null;
	const trimmed = number.trim();
	const digits = trimmed.replace(/\D/g, '');
	if (!digits) return null;
	if (trimmed.startsWith('+')) return `tel:+${digits}`;
	if (digits.startsWith('00')) return `tel:+${digits.slice(2)}`;
	// A Dutch number with its trunk prefix 0 has 10 digits (0592 001234, 06 12345678, 0800 1234567 has 11 and stays local).
	if (digits.length === 10 && digits.startsWith('0')) return `tel:+31${digits.slice(1)}`;
	return `tel:${digits}`;
}

export function mailtoHref(email: string | null | undefined): string | null {
	const e = email?.trim();
	return e && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e) ? `mailto:${e}` : null;
}

/** A website as a link: "www.x.nl" gets https://; anything that is not http(s) is not linked. */
export function websiteHref(url: string | null | undefined): string | null {
	const v = url?.trim();
	if (!v) return null;
	try {
		const parsed = new URL(/^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`);
		return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
	} catch {
		return null;
	}
}
