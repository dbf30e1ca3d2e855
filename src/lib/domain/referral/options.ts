/**
 * The fixed choices of the referral form (not editable taxonomies): codes are stored, labels are shown. Shared by the zod
 * schema, the matching and the UI.
 */

export const leeftijdscategorieen = ['18-29', '30-49', '50-64', '65-74', '75-84', '85+'] as const;
export type Leeftijdscategorie = (typeof leeftijdscategorieen)[number];

export const leeftijdscategorieLabels: Record<Leeftijdscategorie, string> = {
	'18-29': '18 tot 30 jaar',
	'30-49': '30 tot 50 jaar',
	'50-64': '50 tot 65 jaar',
	'65-74': '65 tot 75 jaar',
	'75-84': '75 tot 85 jaar',
	'85+': '85 jaar of ouder'
};

export const prognoses = [
	'korter_dan_3_maanden',
	'3_tot_6_maanden',
	'langer_dan_6_maanden',
	'onbekend'
] as const;
export type Prognose = (typeof prognoses)[number];

export const prognoseLabels: Record<Prognose, string> = {
	korter_dan_3_maanden: 'Korter dan 3 maanden',
	'3_tot_6_maanden': '3 tot 6 maanden',
	langer_dan_6_maanden: 'Langer dan 6 maanden',
	onbekend: 'Onbekend'
};

export const urgenties = ['vandaag', 'binnen_3_dagen', 'binnen_een_week', 'geen_haast'] as const;
export type Urgentie = (typeof urgenties)[number];

export const urgentieLabels: Record<Urgentie, string> = {
	vandaag: 'Vandaag',
	binnen_3_dagen: 'Binnen 3 dagen',
	binnen_een_week: 'Binnen een week',
	geen_haast: 'Geen haast'
};

export interface Option<T extends string> {
	value: T;
	label: string;
}

function toOptions<T extends string>(codes: readonly T[], labels: Record<T, string>): Option<T>[] {
	return codes.map((value) => ({ value, label: labels[value] }));
}

/** Ready-made option lists for selects and radio groups, in form order. */
export const leeftijdscategorieOpties = toOptions(leeftijdscategorieen, leeftijdscategorieLabels);
export const prognoseOpties = toOptions(prognoses, prognoseLabels);
export const urgentieOpties = toOptions(urgenties, urgentieLabels);

/** Maximum distance bounds (km) of the form; the default when the verwijzer leaves it empty. */
export const MAX_AFSTAND_MIN_KM = 5;
export const MAX_AFSTAND_MAX_KM = 300;
export const MAX_AFSTAND_DEFAULT_KM = 50;
export const WENSEN_MAX_LENGTH = 500;
