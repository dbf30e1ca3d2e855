/** How the UI names where an availability report came from (bed_availability_events.bron). */
export const bronLabels: Record<string, string> = {
	formulier: 'via het formulier',
	api: 'door uw eigen systeem (API)',
	verwijzing: 'door een reservering via een verwijzing',
	import: 'door een import',
	demo: 'voorbeeldgegevens'
};

export function bronLabel(bron: string | null | undefined): string {
	return bron ? (bronLabels[bron] ?? bron) : 'onbekend';
}

/** "1 bed" / "3 bedden". */
export function bedden(n: number): string {
	return n === 1 ? '1 bed' : `${n} bedden`;
}
