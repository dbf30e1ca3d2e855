/** Dutch number formats for the capacity pages; the numbers themselves come from the dashboard rows. */

const whole = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });

export function formatWhole(n: number): string {
	return whole.format(n);
}

export function formatDecimal(n: number): string {
	return oneDecimal.format(n);
}

export function formatPercent(fraction: number | null | undefined): string {
	return fraction === null || fraction === undefined ? '–' : percent.format(fraction);
}

/** "31–35", or "31" when both edges are equal. */
export function formatRange(laag: number, hoog: number): string {
	return laag === hoog ? whole.format(laag) : `${whole.format(laag)}–${whole.format(hoog)}`;
}

/**
 * The gap in words: "11–15 te weinig", "2–6 over", "precies genoeg", or a mix when the band straddles the beds there
 * are. Words, not colour, carry the meaning.
 */
export function formatGap(tekortLaag: number, tekortHoog: number): string {
	if (tekortLaag > 0) return `${formatRange(tekortLaag, tekortHoog)} te weinig`;
	if (tekortHoog < 0) return `${formatRange(-tekortHoog, -tekortLaag)} over`;
	if (tekortLaag === 0 && tekortHoog === 0) return 'precies genoeg';
	if (tekortHoog === 0) return `${whole.format(-tekortLaag)} over tot precies genoeg`;
	if (tekortLaag === 0) return `precies genoeg tot ${whole.format(tekortHoog)} te weinig`;
	return `${whole.format(-tekortLaag)} over tot ${whole.format(tekortHoog)} te weinig`;
}

/** How firm a gap is, for the badge next to the words. */
export function gapTone(tekortLaag: number, tekortHoog: number): 'ok' | 'warning' | 'danger' {
	if (tekortLaag > 0) return 'danger';
	if (tekortHoog > 0) return 'warning';
	return 'ok';
}
