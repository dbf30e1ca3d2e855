import { organisationTypes } from '$lib/domain/organisation/taxonomy';

/**
 * Marker colour per organisation type. Chosen to be told apart on the light base map and, with the white marker ring,
 * to keep at least 3:1 contrast against it (WCAG 1.4.11 for graphics); the legend and the list carry the same
 * information in text.
 */
export const typeColours: Record<string, string> = {
	hospice: '#6a1b9a',
	bijna_thuis_huis: '#ad1457',
	vvt: '#1565c0',
	elv_palliatief: '#00838f',
	ggz: '#2e7d32',
	maatschappelijke_opvang: '#c62828',
	vptz: '#d84315',
	thuiszorg: '#4527a0',
	huisartsenzorg: '#00695c',
	consultatieteam: '#283593',
	welzijn: '#8d6e00',
	geestelijke_verzorging: '#6d4c41',
	netwerk: '#37474f',
	gemeente: '#455a64',
	apotheek: '#558b2f'
};

export const fallbackColour = '#424242';

export function colourOf(type: string): string {
	return typeColours[type] ?? fallbackColour;
}

/** A MapLibre `match` expression: the colour of a point by its `type` property. */
export function colourExpression(): unknown[] {
	return [
		'match',
		['get', 'type'],
		...organisationTypes.flatMap((t) => [t.code, colourOf(t.code)]),
		fallbackColour
	];
}
