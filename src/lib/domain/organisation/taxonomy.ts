/**
 * The portal's vocabularies. The codes are stable identifiers stored in the database; the labels are the
 * seed values of the editable `taxonomy_terms` table (beheerders may rename a label, never a code).
 */

export interface TermSeed {
	code: string;
	label: string;
	/** Plain-language explanation (B1) shown where the term needs one. */
	description?: string;
	/** Abbreviations and everyday words that should find this term. */
	synonyms?: readonly string[];
}

export const organisationTypes = [
	{ code: 'hospice', label: 'Hospice', synonyms: ['hospices', 'high care hospice'] },
	{ code: 'bijna_thuis_huis', label: 'Bijna-thuis-huis', synonyms: ['BTH', 'bijna thuis huis'] },
	{
		code: 'vvt',
		label: 'VVT / verpleeghuis met palliatieve unit',
		synonyms: ['VVT', 'verpleeghuis', 'verpleeghuizen', 'verzorgingshuis']
	},
	{
		code: 'elv_palliatief',
		label: 'ELV palliatief (eerstelijnsverblijf)',
		synonyms: ['ELV', 'eerstelijnsverblijf']
	},
	{
		code: 'ggz',
		label: 'GGZ-instelling',
		synonyms: ['GGZ', 'geestelijke gezondheidszorg', 'psychiatrie', 'EPA']
	},
	{
		code: 'maatschappelijke_opvang',
		label: 'Maatschappelijke opvang',
		synonyms: ['MO', 'daklozenopvang', 'nachtopvang', 'dakloos']
	},
	{
		code: 'vptz',
		label: 'VPTZ (vrijwilligers palliatieve terminale zorg)',
		synonyms: ['VPTZ', 'vrijwilligers', 'vrijwilligerszorg']
	},
	{
		code: 'thuiszorg',
		label: 'Thuiszorg / wijkverpleging',
		synonyms: ['wijkverpleging', 'wijkverpleegkundige', 'thuiszorg']
	},
	{
		code: 'huisartsenzorg',
		label: 'Huisartsenzorg / PaTz-groep',
		synonyms: ['huisarts', 'PaTz', 'POH', 'huisartsenpost', 'HAP']
	},
	{
		code: 'consultatieteam',
		label: 'Consultatieteam palliatieve zorg',
		synonyms: ['CPT', 'consultatie', 'consultatieteam', 'PZNL']
	},
	{
		code: 'welzijn',
		label: 'Welzijn / sociaal werk',
		synonyms: ['sociaal werk', 'maatschappelijk werk', 'wijkteam']
	},
	{
		code: 'geestelijke_verzorging',
		label: 'Geestelijke verzorging',
		synonyms: ['centrum voor levensvragen', 'zingeving', 'pastor']
	},
	{ code: 'netwerk', label: 'Netwerk palliatieve zorg', synonyms: ['NPZ', 'netwerk'] },
	{ code: 'gemeente', label: 'Gemeente', synonyms: ['Wmo', 'loket'] },
	{ code: 'apotheek', label: 'Apotheek', synonyms: ['apotheker'] }
] as const satisfies readonly TermSeed[];

export const doelgroepen = [
	{
		code: 'epa_psychiatrie',
		label: 'EPA / psychiatrie',
		description: 'Mensen met een ernstige psychische aandoening.',
		synonyms: ['EPA', 'GGZ', 'psychiatrie', 'psychiatrisch']
	},
	{
		code: 'verslaving',
		label: 'Verslaving / middelengebruik',
		description: 'Mensen die alcohol of drugs gebruiken of verslaafd zijn.',
		synonyms: ['verslaafd', 'middelengebruik', 'alcohol', 'drugs']
	},
	{
		code: 'dak_thuisloos',
		label: 'Dak- of thuisloos',
		description: 'Mensen zonder vaste woonplek.',
		synonyms: ['MO', 'dakloos', 'thuisloos', 'daklozen', 'maatschappelijke opvang']
	},
	{
		code: 'verstandelijke_beperking',
		label: 'Verstandelijke beperking',
		synonyms: ['VG', 'LVB', 'gehandicaptenzorg']
	},
	{ code: 'dementie', label: 'Dementie', synonyms: ['alzheimer', 'geheugenproblemen'] },
	{
		code: 'taal_cultuur',
		label: 'Taal of cultuur',
		description: 'Mensen die de Nederlandse taal niet goed spreken, of met een andere culturele achtergrond.',
		synonyms: ['migranten', 'anderstalig', 'tolk', 'cultuursensitief']
	},
	{ code: 'jong_volwassen', label: 'Jong volwassen', synonyms: ['jongeren', 'AYA'] },
	{ code: 'algemeen', label: 'Iedereen in de laatste levensfase', synonyms: ['algemeen'] }
] as const satisfies readonly TermSeed[];

export const expertiseGebieden = [
	{ code: 'pijnbeleid', label: 'Pijnbeleid', synonyms: ['pijn', 'pijnbestrijding'] },
	{ code: 'palliatieve_sedatie', label: 'Palliatieve sedatie', synonyms: ['sedatie'] },
	{
		code: 'middelengebruik',
		label: 'Middelengebruik',
		synonyms: ['verslaving', 'alcohol', 'drugs', 'verslavingszorg']
	},
	{ code: 'psychiatrie', label: 'Psychiatrie', synonyms: ['GGZ', 'EPA', 'psychiatrisch'] },
	{
		code: 'ingewikkeld_gedrag',
		label: 'Ingewikkeld gedrag',
		synonyms: ['onbegrepen gedrag', 'agressie', 'probleemgedrag']
	},
	{ code: 'dementie', label: 'Dementie', synonyms: ['alzheimer'] },
	{
		code: 'acp',
		label: 'ACP / proactieve zorgplanning',
		synonyms: ['ACP', 'PZP', 'proactieve zorgplanning', 'advance care planning']
	},
	{
		code: 'mantelzorgondersteuning',
		label: 'Mantelzorgondersteuning',
		synonyms: ['mantelzorg', 'mantelzorger', 'respijtzorg']
	},
	{ code: 'rouw', label: 'Rouw en verlies', synonyms: ['rouwbegeleiding', 'verlies', 'nazorg'] },
	{
		code: 'spirituele_zorg',
		label: 'Spirituele zorg en zingeving',
		synonyms: ['zingeving', 'levensvragen', 'geestelijke verzorging']
	},
	{ code: 'verstandelijke_beperking', label: 'Verstandelijke beperking', synonyms: ['VG', 'AVG-arts'] },
	{
		code: 'cultuursensitieve_zorg',
		label: 'Cultuursensitieve zorg',
		synonyms: ['interculturele zorg', 'tolk']
	},
	{ code: 'dakloosheid', label: 'Dakloosheid', synonyms: ['MO', 'maatschappelijke opvang', 'daklozen'] }
] as const satisfies readonly TermSeed[];

/** What a service is, in the terms a visitor of the wegwijzer asks for ("wie bel ik?"). */
export const dienstCategorieen = [
	{ code: 'huisarts', label: 'Huisarts', description: 'Uw eigen huisarts. Bel overdag als eerste.' },
	{
		code: 'huisartsenpost',
		label: 'Huisartsenpost',
		description: "Voor dringende vragen in de avond, 's nachts en in het weekend."
	},
	{ code: 'wijkverpleging', label: 'Wijkverpleging', description: 'Verpleging en verzorging bij u thuis.' },
	{
		code: 'vptz',
		label: 'Vrijwilligers thuis (VPTZ)',
		description: 'Getrainde vrijwilligers die bij u thuis waken of er zijn, zodat de mantelzorger kan rusten.'
	},
	{
		code: 'geestelijke_verzorging',
		label: 'Geestelijke verzorging',
		description: 'Een gesprek over zingeving, levensvragen, geloof of afscheid.'
	},
	{
		code: 'mantelzorgondersteuning',
		label: 'Mantelzorgondersteuning',
		description: 'Hulp en advies voor wie voor een naaste zorgt.'
	},
	{
		code: 'sociaal_werk',
		label: 'Sociaal werk',
		description: 'Hulp bij geld, wonen, regelzaken en eenzaamheid.'
	},
	{
		code: 'hospice',
		label: 'Hospice of bijna-thuis-huis',
		description: 'Een huis waar iemand de laatste weken van het leven kan wonen en zorg krijgt.'
	},
	{
		code: 'verpleeghuis',
		label: 'Verpleeghuis met palliatieve zorg',
		description: 'Zorg en verblijf in de laatste levensfase in een verpleeghuis.'
	},
	{ code: 'ggz', label: 'Geestelijke gezondheidszorg (GGZ)', description: 'Hulp bij psychische problemen.' },
	{ code: 'verslavingszorg', label: 'Verslavingszorg', description: 'Hulp bij alcohol- of drugsgebruik.' },
	{
		code: 'maatschappelijke_opvang',
		label: 'Maatschappelijke opvang',
		description: 'Opvang en zorg voor mensen zonder vaste woonplek.'
	},
	{
		code: 'rouwbegeleiding',
		label: 'Rouwbegeleiding',
		description: 'Steun na het overlijden van een naaste.'
	},
	{
		code: 'consultatie',
		label: 'Consultatie voor professionals',
		description: 'Advies voor zorgverleners over palliatieve zorg.'
	},
	{
		code: 'informatie',
		label: 'Informatie en advies',
		description: 'Uitleg over palliatieve zorg en de mogelijkheden in de regio.'
	},
	{
		code: 'apotheek',
		label: 'Apotheek',
		description: 'Medicijnen, ook buiten kantooruren via de dienstapotheek.'
	},
	{
		code: 'gemeente_wmo',
		label: 'Gemeente (Wmo-loket)',
		description: 'Hulp van de gemeente, zoals huishoudelijke hulp of aanpassingen in huis.'
	}
] as const satisfies readonly TermSeed[];

/** Bed settings (zorgsettings) for bed units and the capacity prognosis. */
export const zorgSettings = [
	{ code: 'hospice', label: 'Hospice' },
	{ code: 'bijna_thuis_huis', label: 'Bijna-thuis-huis' },
	{ code: 'palliatieve_unit_vvt', label: 'Palliatieve unit VVT' },
	{ code: 'elv_palliatief', label: 'ELV palliatief' }
] as const satisfies readonly TermSeed[];

/**
 * The admission-profile vocabulary: what a bed unit accepts or offers. The referral form asks for the same codes as care needs,
 * so matching is a set comparison.
 */
export const opnameVoorwaarden = [
	{
		code: 'actief_middelengebruik',
		label: 'Actief middelengebruik toegestaan',
		synonyms: ['alcohol', 'drugs']
	},
	{ code: 'methadon_onderhoud', label: 'Methadon/opiaten in onderhoud' },
	{ code: 'roken', label: 'Roken mogelijk' },
	{ code: 'huisdier', label: 'Huisdier welkom' },
	{ code: 'ingewikkeld_gedrag', label: 'Ingewikkeld gedrag / agressie hanteerbaar' },
	{ code: 'ggz_consult_kantooruren', label: 'GGZ-consult beschikbaar (kantooruren)' },
	{ code: 'ggz_consult_dag_nacht', label: 'GGZ-consult beschikbaar (dag en nacht)' },
	{ code: 'toezicht_24u', label: '24-uurs toezicht' },
	{ code: 'palliatieve_sedatie', label: 'Palliatieve sedatie' },
	{ code: 'subcutane_pomp', label: 'Subcutane pomp' },
	{ code: 'tracheacanule', label: 'Tracheacanule' },
	{ code: 'isolatie', label: 'Isolatie mogelijk' }
] as const satisfies readonly TermSeed[];

export type OrganisationType = (typeof organisationTypes)[number]['code'];
export type Doelgroep = (typeof doelgroepen)[number]['code'];
export type ExpertiseGebied = (typeof expertiseGebieden)[number]['code'];
export type DienstCategorie = (typeof dienstCategorieen)[number]['code'];
export type ZorgSetting = (typeof zorgSettings)[number]['code'];
export type OpnameVoorwaarde = (typeof opnameVoorwaarden)[number]['code'];

export const vocabularies = {
	organisatietype: organisationTypes,
	doelgroep: doelgroepen,
	expertise: expertiseGebieden,
	dienstcategorie: dienstCategorieen,
	zorgsetting: zorgSettings,
	opnamevoorwaarde: opnameVoorwaarden
} as const;

export type Vocabulary = keyof typeof vocabularies;
export const vocabularyNames = Object.keys(vocabularies) as Vocabulary[];

export function codesOf<V extends Vocabulary>(vocabulary: V): [string, ...string[]] {
	return vocabularies[vocabulary].map((t) => t.code) as unknown as [string, ...string[]];
}

export function labelOf(vocabulary: Vocabulary, code: string): string {
	return (vocabularies[vocabulary] as readonly TermSeed[]).find((t) => t.code === code)?.label ?? code;
}

/** Organisation types that hold beds (and so may have bed units). */
export const typesWithBeds: readonly OrganisationType[] = [
	'hospice',
	'bijna_thuis_huis',
	'vvt',
	'elv_palliatief'
];
