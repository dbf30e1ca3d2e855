import { parsePostcode } from '../../domain/geo/postcode';
import type {
	DienstCategorie,
	Doelgroep,
	ExpertiseGebied,
	OpnameVoorwaarde,
	OrganisationType,
	ZorgSetting
} from '../../domain/organisation/taxonomy';
import type { Openingstijd } from '../db/schema/organisations';
import { createRng, type Rng } from './prng';

/*
 * The demo dataset as plain data: fictional organisations in six regions, built deterministically from a fixed seed.
 * Nothing here touches the database; demo.ts resolves postcodes, coordinates and regions and writes the rows.
 *
 * Every organisation is fictional and marked three times: isVoorbeeld = true, a name ending in " (voorbeeld)" and a
 * description starting with "(Voorbeeldgegevens)". Contact details cannot reach anyone:
 * - phone numbers use a real area code followed by a subscriber number starting with "00"; Dutch subscriber numbers are
 *   never issued with a leading 0 (it is the trunk prefix), so these numbers do not exist;
 * - e-mail addresses are on voorbeeld.regiokaart.nl and websites under https://voorbeeld.regiokaart.nl/.
 * Real public numbers (112, 113) are deliberately left out of organisation data; the wegwijzer shows them itself.
 */

export const DEMO_MARKER = '(voorbeeld)';
export const DEMO_DESCRIPTION_PREFIX = '(Voorbeeldgegevens)';
export const DEMO_EMAIL_DOMAIN = 'voorbeeld.regiokaart.nl';
export const DEMO_WEBSITE_BASE = 'https://voorbeeld.regiokaart.nl';

export interface DemoPlace {
	key: string;
	pc4: string;
	plaats: string;
	/** Area code used for the (non-existent) phone numbers. */
	netnummer: string;
}

type Variant =
	| 'middelen'
	| 'regulier'
	| 'verslavingszorg'
	| 'praktijk'
	| 'post'
	| 'patz'
	| 'sociaal_werk'
	| 'mantelzorg'
	| 'dienst';

interface PlanEntry {
	type: OrganisationType;
	at: string;
	variant?: Variant;
	/** A name for tests and scenarios to find this organisation by (see demoScenarioKeys). */
	key?: string;
	/** Fixed name (without the marker) instead of one from the name pool. */
	naam?: string;
	/** A second location. */
	extraAt?: string;
	/** Serves the whole region (all sub-regions), not only where its locations are. */
	regionWide?: boolean;
}

export interface DemoRegion {
	/** Slug of the (top-level) region in the reference data. */
	slug: string;
	/** Short name used in organisation names. */
	kort: string;
	places: DemoPlace[];
	plan: PlanEntry[];
}

export interface DemoLocation {
	naam: string;
	adres: string;
	postcode: string;
	plaats: string;
	pc4: string;
}

export interface DemoService {
	naam: string;
	beschrijving: string;
	categorie: DienstCategorie;
	doelgroepen: Doelgroep[];
	expertise: ExpertiseGebied[];
	telefoon: string;
	email: string;
	website: string;
	dagEnNacht: boolean;
	openingstijden: Openingstijd[];
	bereikbaarheidToelichting: string;
	voorProfessionals: boolean;
	/** Indexes into the organisation's locations. */
	locationIndexes: number[];
}

export interface DemoBedUnit {
	naam: string;
	locationIndex: number;
	setting: ZorgSetting;
	aantalBedden: number;
	doelgroepen: Doelgroep[];
	voorwaarden: OpnameVoorwaarde[];
	toelichting: string | null;
	/** Scenario units always have fresh data and at least one free bed. */
	altijdActueel: boolean;
}

export interface DemoOrganisation {
	key: string | null;
	slug: string;
	naam: string;
	type: OrganisationType;
	beschrijving: string;
	telefoon: string;
	email: string;
	website: string;
	/** The top-level demo region this organisation belongs to. */
	regionSlug: string;
	regionWide: boolean;
	locations: DemoLocation[];
	services: DemoService[];
	bedUnits: DemoBedUnit[];
}

// ---------------------------------------------------------------------------------------------------------------------
// Regions, places and what goes where

const p = (key: string, pc4: string, plaats: string, netnummer: string): DemoPlace => ({
	key,
	pc4,
	plaats,
	netnummer
});

/** The standard mix of a region: every organisation type at least once. */
function standardPlan(at: Record<string, string>): PlanEntry[] {
	return [
		{ type: 'hospice', at: at.hospice1 },
		{ type: 'hospice', at: at.hospice2 },
		{ type: 'bijna_thuis_huis', at: at.bth },
		{ type: 'vvt', at: at.vvt1, extraAt: at.vvt1extra },
		{ type: 'vvt', at: at.vvt2 },
		{ type: 'vvt', at: at.vvt3 },
		{ type: 'elv_palliatief', at: at.elv },
		{ type: 'ggz', at: at.ggz },
		{ type: 'ggz', at: at.verslaving, variant: 'verslavingszorg' },
		{ type: 'maatschappelijke_opvang', at: at.mo },
		{ type: 'vptz', at: at.vptz },
		{ type: 'thuiszorg', at: at.thuiszorg1, regionWide: true },
		{ type: 'thuiszorg', at: at.thuiszorg2 },
		{ type: 'huisartsenzorg', at: at.huisarts1, variant: 'praktijk' },
		{ type: 'huisartsenzorg', at: at.huisarts2, variant: 'praktijk' },
		{ type: 'huisartsenzorg', at: at.hap, variant: 'post', regionWide: true },
		{ type: 'huisartsenzorg', at: at.patz, variant: 'patz' },
		{ type: 'consultatieteam', at: at.consultatie, regionWide: true },
		{ type: 'welzijn', at: at.welzijn1, variant: 'sociaal_werk' },
		{ type: 'welzijn', at: at.welzijn2, variant: 'sociaal_werk' },
		{ type: 'welzijn', at: at.mantelzorg, variant: 'mantelzorg' },
		{ type: 'geestelijke_verzorging', at: at.levensvragen, regionWide: true },
		{ type: 'netwerk', at: at.netwerk, regionWide: true },
		{ type: 'gemeente', at: at.gemeente, naam: `Wmo-loket ${at.gemeenteNaam}` },
		{ type: 'apotheek', at: at.apotheek },
		{ type: 'apotheek', at: at.dienstapotheek, variant: 'dienst', regionWide: true }
	];
}

export const demoRegions: DemoRegion[] = [
	{
		slug: 'drenthe-steenwijkerland',
		kort: 'Drenthe & Steenwijkerland',
		places: [
			p('assen1', '9401', 'Assen', '0592'),
			p('assen2', '9402', 'Assen', '0592'),
			p('assen3', '9403', 'Assen', '0592'),
			p('assen4', '9405', 'Assen', '0592'),
			p('roden', '9301', 'Roden', '050'),
			p('zuidlaren', '9471', 'Zuidlaren', '050'),
			p('beilen', '9411', 'Beilen', '0593'),
			p('emmen1', '7811', 'Emmen', '0591'),
			p('emmen2', '7822', 'Emmen', '0591'),
			p('emmen3', '7813', 'Emmen', '0591'),
			p('coevorden', '7741', 'Coevorden', '0524'),
			p('borger', '9531', 'Borger', '0599'),
			p('hoogeveen1', '7901', 'Hoogeveen', '0528'),
			p('hoogeveen2', '7904', 'Hoogeveen', '0528'),
			p('zuidwolde', '7921', 'Zuidwolde', '0528'),
			p('meppel1', '7941', 'Meppel', '0522'),
			p('meppel2', '7943', 'Meppel', '0522'),
			p('steenwijk1', '8331', 'Steenwijk', '0521'),
			p('steenwijk2', '8332', 'Steenwijk', '0521'),
			p('giethoorn', '8355', 'Giethoorn', '0521'),
			p('dwingeloo', '7991', 'Dwingeloo', '0521')
		],
		plan: [
			// Near 9401: a hospice and a VPTZ organisation (the verwijzer and wegwijzer scenarios).
			{ type: 'hospice', at: 'assen1', key: 'hospiceAssen', naam: 'Hospice De Zonnedauw' },
			{ type: 'hospice', at: 'emmen1' },
			{ type: 'hospice', at: 'hoogeveen1' },
			{ type: 'hospice', at: 'meppel1', extraAt: 'steenwijk2' },
			{ type: 'bijna_thuis_huis', at: 'steenwijk2', key: 'bthSteenwijk' },
			{ type: 'bijna_thuis_huis', at: 'beilen' },
			{ type: 'bijna_thuis_huis', at: 'coevorden' },
			{ type: 'vvt', at: 'assen3', extraAt: 'roden', key: 'vvtAssen' },
			{ type: 'vvt', at: 'emmen3', key: 'vvtEmmen' },
			{ type: 'vvt', at: 'hoogeveen2' },
			{ type: 'vvt', at: 'meppel2' },
			{ type: 'vvt', at: 'steenwijk1', extraAt: 'giethoorn' },
			{ type: 'elv_palliatief', at: 'assen2' },
			{ type: 'elv_palliatief', at: 'emmen2' },
			{ type: 'ggz', at: 'assen4' },
			{ type: 'ggz', at: 'emmen1', variant: 'verslavingszorg' },
			{ type: 'maatschappelijke_opvang', at: 'assen2' },
			{ type: 'maatschappelijke_opvang', at: 'emmen3' },
			{ type: 'vptz', at: 'assen1', key: 'vptzAssen', naam: 'VPTZ De Lantaarn' },
			{ type: 'vptz', at: 'emmen2', extraAt: 'borger' },
			{ type: 'vptz', at: 'hoogeveen1', extraAt: 'zuidwolde' },
			{ type: 'vptz', at: 'steenwijk1', key: 'vptzSteenwijk', extraAt: 'meppel1' },
			{ type: 'thuiszorg', at: 'assen3', regionWide: true },
			{ type: 'thuiszorg', at: 'emmen1' },
			{ type: 'thuiszorg', at: 'hoogeveen2' },
			{ type: 'thuiszorg', at: 'steenwijk2', extraAt: 'dwingeloo' },
			{ type: 'huisartsenzorg', at: 'steenwijk1', variant: 'praktijk', key: 'huisartsSteenwijk' },
			{ type: 'huisartsenzorg', at: 'assen2', variant: 'praktijk' },
			{ type: 'huisartsenzorg', at: 'emmen2', variant: 'praktijk' },
			{ type: 'huisartsenzorg', at: 'zuidlaren', variant: 'praktijk' },
			{ type: 'huisartsenzorg', at: 'assen1', variant: 'post', key: 'hapAssen' },
			{ type: 'huisartsenzorg', at: 'steenwijk1', variant: 'post', key: 'hapSteenwijk' },
			{ type: 'huisartsenzorg', at: 'emmen1', variant: 'post' },
			{ type: 'huisartsenzorg', at: 'assen3', variant: 'patz' },
			{ type: 'huisartsenzorg', at: 'meppel1', variant: 'patz' },
			{ type: 'consultatieteam', at: 'assen2', regionWide: true, key: 'consultatieDrenthe' },
			{ type: 'welzijn', at: 'assen4', variant: 'sociaal_werk' },
			{ type: 'welzijn', at: 'emmen3', variant: 'sociaal_werk' },
			{ type: 'welzijn', at: 'steenwijk1', variant: 'mantelzorg', key: 'mantelzorgSteenwijk' },
			{ type: 'welzijn', at: 'assen1', variant: 'mantelzorg' },
			{ type: 'welzijn', at: 'hoogeveen1', variant: 'mantelzorg' },
			{ type: 'geestelijke_verzorging', at: 'meppel1', regionWide: true },
			{ type: 'geestelijke_verzorging', at: 'assen3', naam: 'Centrum voor Levensvragen Assen' },
			{ type: 'netwerk', at: 'assen1', regionWide: true, key: 'netwerkDrenthe' },
			{ type: 'gemeente', at: 'assen1', naam: 'Wmo-loket Assen' },
			{ type: 'gemeente', at: 'steenwijk1', naam: 'Wmo-loket Steenwijkerland' },
			{ type: 'gemeente', at: 'emmen1', naam: 'Wmo-loket Emmen' },
			{ type: 'apotheek', at: 'assen2' },
			{ type: 'apotheek', at: 'steenwijk2' },
			{ type: 'apotheek', at: 'assen4', variant: 'dienst', regionWide: true }
		]
	},
	{
		slug: 'utrecht-stad',
		kort: 'Utrecht Stad',
		places: [
			p('binnenstad', '3511', 'Utrecht', '030'),
			p('wittevrouwen', '3581', 'Utrecht', '030'),
			p('lombok', '3531', 'Utrecht', '030'),
			p('kanaleneiland', '3526', 'Utrecht', '030'),
			p('hoograven', '3524', 'Utrecht', '030'),
			p('overvecht', '3562', 'Utrecht', '030'),
			p('tuindorp', '3571', 'Utrecht', '030'),
			p('oost', '3584', 'Utrecht', '030'),
			p('leidscherijn', '3544', 'Utrecht', '030'),
			p('vleuten', '3451', 'Vleuten', '030')
		],
		plan: withKeys(
			standardPlan({
				hospice1: 'wittevrouwen',
				hospice2: 'leidscherijn',
				bth: 'vleuten',
				vvt1: 'tuindorp',
				vvt1extra: 'overvecht',
				vvt2: 'hoograven',
				vvt3: 'leidscherijn',
				elv: 'oost',
				ggz: 'kanaleneiland',
				verslaving: 'lombok',
				mo: 'binnenstad',
				vptz: 'wittevrouwen',
				thuiszorg1: 'overvecht',
				thuiszorg2: 'lombok',
				huisarts1: 'lombok',
				huisarts2: 'overvecht',
				hap: 'oost',
				patz: 'kanaleneiland',
				consultatie: 'oost',
				welzijn1: 'kanaleneiland',
				welzijn2: 'overvecht',
				mantelzorg: 'binnenstad',
				levensvragen: 'binnenstad',
				netwerk: 'binnenstad',
				gemeente: 'binnenstad',
				gemeenteNaam: 'Utrecht',
				apotheek: 'hoograven',
				dienstapotheek: 'binnenstad'
			}),
			{ 0: 'hospiceUtrecht' }
		)
	},
	{
		slug: 'zuidoost-utrecht',
		kort: 'Zuidoost Utrecht',
		places: [
			p('zeist1', '3701', 'Zeist', '030'),
			p('zeist2', '3705', 'Zeist', '030'),
			p('debilt', '3731', 'De Bilt', '030'),
			p('bilthoven', '3721', 'Bilthoven', '030'),
			p('bunnik', '3981', 'Bunnik', '030'),
			p('wijk', '3961', 'Wijk bij Duurstede', '0343'),
			p('driebergen', '3971', 'Driebergen-Rijsenburg', '0343'),
			p('doorn', '3941', 'Doorn', '0343')
		],
		plan: withKeys(
			standardPlan({
				hospice1: 'zeist2',
				hospice2: 'driebergen',
				bth: 'wijk',
				vvt1: 'zeist1',
				vvt1extra: 'doorn',
				vvt2: 'bilthoven',
				vvt3: 'wijk',
				elv: 'debilt',
				ggz: 'zeist2',
				verslaving: 'zeist1',
				mo: 'zeist1',
				vptz: 'bilthoven',
				thuiszorg1: 'bunnik',
				thuiszorg2: 'driebergen',
				huisarts1: 'bunnik',
				huisarts2: 'doorn',
				hap: 'zeist1',
				patz: 'debilt',
				consultatie: 'zeist2',
				welzijn1: 'zeist1',
				welzijn2: 'wijk',
				mantelzorg: 'debilt',
				levensvragen: 'driebergen',
				netwerk: 'zeist1',
				gemeente: 'zeist1',
				gemeenteNaam: 'Zeist',
				apotheek: 'bilthoven',
				dienstapotheek: 'zeist2'
			}),
			{}
		)
	},
	{
		slug: 'amsterdam-diemen',
		kort: 'Amsterdam-Diemen',
		places: [
			p('centrum', '1011', 'Amsterdam', '020'),
			p('plantage', '1018', 'Amsterdam', '020'),
			p('west', '1053', 'Amsterdam', '020'),
			p('nieuwwest', '1062', 'Amsterdam', '020'),
			p('pijp', '1073', 'Amsterdam', '020'),
			p('oost', '1092', 'Amsterdam', '020'),
			p('indischebuurt', '1094', 'Amsterdam', '020'),
			p('zuidoost', '1102', 'Amsterdam', '020'),
			p('noord', '1021', 'Amsterdam', '020'),
			p('buiksloot', '1031', 'Amsterdam', '020'),
			p('diemen', '1111', 'Diemen', '020')
		],
		plan: [
			// One hospice that admits people who actively use alcohol or drugs, and one that does not.
			{
				type: 'hospice',
				at: 'oost',
				variant: 'middelen',
				key: 'hospiceAmsterdamMiddelen',
				naam: 'Hospice Het Veerhuis'
			},
			{
				type: 'hospice',
				at: 'west',
				variant: 'regulier',
				key: 'hospiceAmsterdamRegulier',
				naam: 'Hospice De Amstelroos'
			},
			{ type: 'bijna_thuis_huis', at: 'noord' },
			{ type: 'vvt', at: 'nieuwwest', extraAt: 'zuidoost' },
			{ type: 'vvt', at: 'pijp' },
			{ type: 'vvt', at: 'diemen' },
			{ type: 'elv_palliatief', at: 'zuidoost' },
			{ type: 'ggz', at: 'nieuwwest' },
			{ type: 'ggz', at: 'centrum', variant: 'verslavingszorg', key: 'verslavingszorgAmsterdam' },
			{ type: 'maatschappelijke_opvang', at: 'centrum', key: 'moAmsterdam' },
			{ type: 'maatschappelijke_opvang', at: 'indischebuurt', key: 'moAmsterdamOost' },
			{ type: 'vptz', at: 'plantage' },
			{ type: 'thuiszorg', at: 'zuidoost', regionWide: true },
			{ type: 'thuiszorg', at: 'noord' },
			{ type: 'huisartsenzorg', at: 'pijp', variant: 'praktijk' },
			{ type: 'huisartsenzorg', at: 'buiksloot', variant: 'praktijk' },
			{ type: 'huisartsenzorg', at: 'plantage', variant: 'post', regionWide: true },
			{ type: 'huisartsenzorg', at: 'west', variant: 'patz' },
			{ type: 'consultatieteam', at: 'plantage', regionWide: true },
			{ type: 'welzijn', at: 'nieuwwest', variant: 'sociaal_werk' },
			{ type: 'welzijn', at: 'zuidoost', variant: 'sociaal_werk' },
			{ type: 'welzijn', at: 'oost', variant: 'mantelzorg' },
			{ type: 'geestelijke_verzorging', at: 'centrum', regionWide: true },
			{ type: 'netwerk', at: 'plantage', regionWide: true },
			{ type: 'gemeente', at: 'centrum', naam: 'Wmo-loket Amsterdam' },
			{ type: 'apotheek', at: 'indischebuurt' },
			{ type: 'apotheek', at: 'centrum', variant: 'dienst', regionWide: true }
		]
	},
	{
		slug: 'rotterdam',
		kort: 'Rotterdam',
		places: [
			p('centrum', '3011', 'Rotterdam', '010'),
			p('cool', '3012', 'Rotterdam', '010'),
			p('delfshaven', '3021', 'Rotterdam', '010'),
			p('noord', '3032', 'Rotterdam', '010'),
			p('blijdorp', '3051', 'Rotterdam', '010'),
			p('kralingen', '3061', 'Rotterdam', '010'),
			p('feijenoord', '3072', 'Rotterdam', '010'),
			p('hillesluis', '3074', 'Rotterdam', '010'),
			p('charlois', '3083', 'Rotterdam', '010'),
			p('hoogvliet', '3191', 'Hoogvliet', '010'),
			p('capelle', '2901', 'Capelle aan den IJssel', '010'),
			p('barendrecht', '2991', 'Barendrecht', '0180')
		],
		plan: withKeys(
			standardPlan({
				hospice1: 'kralingen',
				hospice2: 'charlois',
				bth: 'capelle',
				vvt1: 'blijdorp',
				vvt1extra: 'hoogvliet',
				vvt2: 'hillesluis',
				vvt3: 'barendrecht',
				elv: 'noord',
				ggz: 'delfshaven',
				verslaving: 'centrum',
				mo: 'cool',
				vptz: 'kralingen',
				thuiszorg1: 'feijenoord',
				thuiszorg2: 'capelle',
				huisarts1: 'delfshaven',
				huisarts2: 'charlois',
				hap: 'centrum',
				patz: 'noord',
				consultatie: 'blijdorp',
				welzijn1: 'feijenoord',
				welzijn2: 'hoogvliet',
				mantelzorg: 'noord',
				levensvragen: 'cool',
				netwerk: 'centrum',
				gemeente: 'centrum',
				gemeenteNaam: 'Rotterdam',
				apotheek: 'hillesluis',
				dienstapotheek: 'cool'
			}),
			{ 0: 'hospiceRotterdam' }
		)
	},
	{
		slug: 'zuid-gelderland',
		kort: 'Zuid-Gelderland',
		places: [
			p('centrum', '6511', 'Nijmegen', '024'),
			p('oost', '6521', 'Nijmegen', '024'),
			p('hengstdal', '6524', 'Nijmegen', '024'),
			p('zuid', '6532', 'Nijmegen', '024'),
			p('dukenburg', '6535', 'Nijmegen', '024'),
			p('west', '6543', 'Nijmegen', '024'),
			p('wijchen', '6601', 'Wijchen', '024'),
			p('beuningen', '6641', 'Beuningen', '024'),
			p('groesbeek', '6561', 'Groesbeek', '024'),
			p('malden', '6581', 'Malden', '024'),
			p('druten', '6651', 'Druten', '0487')
		],
		plan: withKeys(
			standardPlan({
				hospice1: 'hengstdal',
				hospice2: 'wijchen',
				bth: 'groesbeek',
				vvt1: 'zuid',
				vvt1extra: 'malden',
				vvt2: 'dukenburg',
				vvt3: 'druten',
				elv: 'west',
				ggz: 'oost',
				verslaving: 'centrum',
				mo: 'centrum',
				vptz: 'oost',
				thuiszorg1: 'west',
				thuiszorg2: 'beuningen',
				huisarts1: 'hengstdal',
				huisarts2: 'wijchen',
				hap: 'zuid',
				patz: 'dukenburg',
				consultatie: 'zuid',
				welzijn1: 'west',
				welzijn2: 'beuningen',
				mantelzorg: 'centrum',
				levensvragen: 'oost',
				netwerk: 'centrum',
				gemeente: 'centrum',
				gemeenteNaam: 'Nijmegen',
				apotheek: 'dukenburg',
				dienstapotheek: 'centrum'
			}),
			{ 0: 'hospiceNijmegen', 10: 'vptzNijmegen' }
		)
	}
];

function withKeys(plan: PlanEntry[], keys: Record<number, string>): PlanEntry[] {
	return plan.map((entry, i) => (keys[i] ? { ...entry, key: keys[i] } : entry));
}

// ---------------------------------------------------------------------------------------------------------------------
// Names

const namePools: Record<string, readonly string[]> = {
	hospice: [
		'De Lijsterbes',
		'Het Wilgenhuis',
		'De Kastanjehof',
		'De Waterlelie',
		'Het Heidehuis',
		'De Korenbloem',
		'De Esdoorn',
		'Het Vlierhuis',
		'De Meidoorn',
		'De Klaproos',
		'Het Zwaluwnest',
		'De Boomgaard',
		'De Duinroos',
		'Het Lindehuis'
	],
	bijna_thuis_huis: [
		'De Herberg',
		'Het Anker',
		'De Vuurtoren',
		'Het Gastenhuis',
		'De Schuilplaats',
		'Het Hofje',
		'De Oase',
		'Het Tuinhuis',
		'De Veranda',
		'Het Zomerhuis'
	],
	vvt: [
		'Het Brinkhuis',
		'De Esch',
		'De Hoge Weide',
		'Het Molenhuis',
		'De Akkers',
		'Het Parkhuis',
		'De Lindenhof',
		'De Oeverwal',
		'Het Kloosterhof',
		'De Schans',
		'De Veldhoeve',
		'De Bongerd',
		'Het Torenhuis',
		'De Marke',
		'Het Rietland',
		'De Stadsweide',
		'De Singelhof',
		'Het Dijkhuis',
		'De Waterkant',
		'De Zonnewijzer',
		'De Wingerd',
		'Het Hooghuis',
		'De Hazelaar'
	],
	elv_palliatief: [
		'De Overkant',
		'Het Tussenhuis',
		'De Brug',
		'Het Steunpunt',
		'De Rustplaats',
		'Het Kompas',
		'De Aanloop',
		'De Tussenstap',
		'Het Rustpunt'
	],
	ggz: [
		'Noorderlicht',
		'Horizon',
		'Ankerpunt',
		'Kompasroos',
		'Middenweg',
		'Lichtbaken',
		'Dwarsligger',
		'Rivierduin'
	],
	verslavingszorg: [
		'Keerpunt',
		'Kantelpunt',
		'Nieuwe Koers',
		'Stuurboord',
		'Wending',
		'Tegenstroom',
		'Ommezwaai',
		'Koerswijzer'
	],
	maatschappelijke_opvang: [
		'Onderdak',
		'De Haven',
		'Het Dak',
		'Schuilhoek',
		'De Poort',
		'Thuisbasis',
		'De Luifel',
		'Het Baken',
		'De Overkapping',
		'Het Portiek'
	],
	vptz: [
		'De Nachtwaak',
		'De Waakvlam',
		'De Wakende Ster',
		'Het Kaarslicht',
		'De Reisgenoot',
		'De Steunpilaar',
		'De Bijstaander',
		'Het Nachtlampje',
		'De Wakers',
		'Het Vuurtje'
	],
	thuiszorg: [
		'Aan Huis',
		'Dichtbij',
		'De Buurtzuster',
		'Samen Thuis',
		'Thuis Verpleegd',
		'Om de Hoek',
		'In de Wijk',
		'Zorg op Maat',
		'Huis aan Huis',
		'Thuisteam Noord',
		'De Wijkpost',
		'Zorgzaam Thuis',
		'Thuis met Zorg',
		'Buurtverpleging',
		'Thuiszorg Plus',
		'Wijkzorg De Kring'
	],
	praktijk: [
		'De Brink',
		'Het Plein',
		'De Linde',
		'Oosterpark',
		'Stadshart',
		'De Vaart',
		'Molenwijk',
		'De Kruidentuin',
		'Het Stationsplein',
		'De Regenboog',
		'Kerkhoflaan',
		'De Esdoornlaan',
		'Het Water',
		'De Wilgen',
		'De Lindeboom',
		'Het Bolwerk'
	],
	patz: ['Noord', 'Zuid', 'Oost', 'West', 'Centrum', 'Midden', 'De Vaart'],
	sociaal_werk: [
		'Welzijn Plus',
		'Sociaal Werk De Schakel',
		'Buurtwerk De Brug',
		'Welzijn Samen',
		'Sociaal Werk Dichtbij',
		'Buurtkracht',
		'Welzijn De Verbinding',
		'Sociaal Team De Kern',
		'Buurtwerk Het Net',
		'Welzijn in de Wijk',
		'Sociaal Werk Op Koers',
		'Welzijn Noorderlicht',
		'Buurtwerk De Steiger',
		'Welzijn Samen Verder'
	],
	apotheek: [
		'De Vijzel',
		'Het Mortier',
		'De Gaper',
		'De Kruidenier',
		'Het Recept',
		'De Zalf',
		'Het Kruidvat van de Brink',
		'De Kamille',
		'De Valeriaan'
	]
};

function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/&/g, ' en ')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

// ---------------------------------------------------------------------------------------------------------------------
// Opening hours

const WERKDAGEN = [1, 2, 3, 4, 5];

function werkdagen(van: string, tot: string): Openingstijd[] {
	return WERKDAGEN.map((dag) => ({ dag, van, tot }));
}

function withSaturday(times: Openingstijd[], van: string, tot: string): Openingstijd[] {
	return [...times, { dag: 6, van, tot }];
}

// ---------------------------------------------------------------------------------------------------------------------
// Building organisations

/** Fictional phone number: a real area code, then a subscriber number starting with "00", which is never issued. */
export function fictionalPhoneNumber(netnummer: string, n: number): string {
	const length = 10 - netnummer.length;
	const subscriber = `00${String(n % 10 ** (length - 2)).padStart(length - 2, '0')}`;
	return netnummer.length === 3
		? `${netnummer} ${subscriber.slice(0, 3)} ${subscriber.slice(3)}`
		: `${netnummer} ${subscriber.slice(0, 2)} ${subscriber.slice(2, 4)} ${subscriber.slice(4)}`;
}

const STRATEN = [
	'Kerkstraat',
	'Stationsweg',
	'Molenstraat',
	'Schoolstraat',
	'Julianalaan',
	'Beatrixlaan',
	'Parkweg',
	'Dorpsstraat',
	'Lindelaan',
	'Beukenlaan',
	'Eikenlaan',
	'Wilhelminastraat',
	'Oranjestraat',
	'Nieuwstraat',
	'Zuiderweg',
	'Vaartweg',
	'Hoofdstraat',
	'Esdoornlaan',
	'Acaciastraat',
	'Kastanjelaan',
	'Prinses Irenestraat',
	'Ringweg',
	'Havenstraat',
	'Brugstraat'
];
const LETTERS = 'ABCDEGHJKLMNPRSTVWXZ';

interface BuildContext {
	rng: Rng;
	region: DemoRegion;
	places: Map<string, DemoPlace>;
	counters: Map<string, number>;
	phoneCounters: Map<string, number>;
	slugs: Set<string>;
}

function nextName(ctx: BuildContext, pool: string): string {
	const names = namePools[pool];
	const i = ctx.counters.get(pool) ?? 0;
	ctx.counters.set(pool, i + 1);
	if (i >= names.length) throw new Error(`Namenlijst ${pool} is op; voeg namen toe`);
	return names[i];
}

function nextPhone(ctx: BuildContext, place: DemoPlace): string {
	const n = (ctx.phoneCounters.get(place.netnummer) ?? 0) + 1;
	ctx.phoneCounters.set(place.netnummer, n);
	// Spread the numbers a little so they do not look sequential.
	return fictionalPhoneNumber(place.netnummer, n * 137 + 1000);
}

function makeLocation(ctx: BuildContext, naam: string, place: DemoPlace): DemoLocation {
	let postcode: string | null = null;
	while (!postcode) {
		const letters = ctx.rng.pick([...LETTERS]) + ctx.rng.pick([...LETTERS]);
		postcode = parsePostcode(`${place.pc4}${letters}`)?.volledig ?? null;
	}
	return {
		naam,
		adres: `${ctx.rng.pick(STRATEN)} ${ctx.rng.int(1, 180)}`,
		postcode,
		plaats: place.plaats,
		pc4: place.pc4
	};
}

function place(ctx: BuildContext, key: string): DemoPlace {
	const found = ctx.places.get(key);
	if (!found) throw new Error(`Onbekende plaats ${key} in regio ${ctx.region.slug}`);
	return found;
}

type ServiceDraft = Omit<DemoService, 'telefoon' | 'email' | 'website' | 'locationIndexes'> &
	Partial<Pick<DemoService, 'telefoon' | 'locationIndexes'>>;

interface OrgDraft {
	naam: string;
	beschrijving: string;
	services: ServiceDraft[];
	bedUnits?: Omit<DemoBedUnit, 'locationIndex' | 'altijdActueel'>[];
}

const extra = <T>(rng: Rng, items: readonly T[], min: number, max: number): T[] =>
	rng.sample(items, rng.int(min, max));

function draftFor(ctx: BuildContext, entry: PlanEntry, at: DemoPlace): OrgDraft {
	const { rng, region } = ctx;
	const plaats = at.plaats;
	switch (entry.type) {
		case 'hospice': {
			const naam = entry.naam ?? `Hospice ${nextName(ctx, 'hospice')}`;
			if (entry.variant === 'middelen') {
				return {
					naam,
					beschrijving: `${naam} is een hospice in ${plaats} voor mensen voor wie een gewoon hospice niet past: mensen die dak- of thuisloos zijn, verslaafd zijn of een psychiatrische aandoening hebben. Actief gebruik van alcohol of drugs is bespreekbaar; het team werkt samen met de verslavingszorg en de maatschappelijke opvang.`,
					services: [
						{
							naam: 'Verblijf in het hospice',
							beschrijving:
								'Zorg in de laatste levensfase, ook als iemand alcohol of drugs gebruikt. We maken samen afspraken over gebruik en veiligheid.',
							categorie: 'hospice',
							doelgroepen: ['algemeen', 'dak_thuisloos', 'verslaving', 'epa_psychiatrie'],
							expertise: [
								'middelengebruik',
								'dakloosheid',
								'psychiatrie',
								'ingewikkeld_gedrag',
								'pijnbeleid',
								'palliatieve_sedatie'
							],
							dagEnNacht: true,
							openingstijden: [],
							bereikbaarheidToelichting:
								'Aanmelden kan dag en nacht. Verwijzers uit de opvang of verslavingszorg kunnen direct bellen.',
							voorProfessionals: false
						}
					],
					bedUnits: [
						{
							naam: 'Hospicekamers',
							setting: 'hospice',
							aantalBedden: 6,
							doelgroepen: ['dak_thuisloos', 'verslaving', 'epa_psychiatrie'],
							voorwaarden: [
								'actief_middelengebruik',
								'methadon_onderhoud',
								'roken',
								'ingewikkeld_gedrag',
								'ggz_consult_dag_nacht',
								'toezicht_24u',
								'palliatieve_sedatie',
								'subcutane_pomp'
							],
							toelichting:
								'Actief middelengebruik is toegestaan volgens een persoonlijk gebruiksplan. Roken kan op de binnenplaats.'
						}
					]
				};
			}
			const aantal = entry.variant === 'regulier' ? 8 : rng.int(4, 10);
			const voorwaarden: OpnameVoorwaarde[] =
				entry.variant === 'regulier'
					? ['palliatieve_sedatie', 'subcutane_pomp', 'toezicht_24u', 'huisdier', 'isolatie']
					: [
							'palliatieve_sedatie',
							'subcutane_pomp',
							'toezicht_24u',
							...extra(
								rng,
								['huisdier', 'roken', 'isolatie', 'tracheacanule', 'ggz_consult_kantooruren'] as const,
								0,
								2
							)
						];
			return {
				naam,
				beschrijving: `${naam} is een hospice in ${plaats} met ${aantal} kamers. Gasten krijgen er dag en nacht zorg van verpleegkundigen en vrijwilligers; de eigen huisarts blijft betrokken. Naasten kunnen altijd op bezoek komen en blijven slapen.`,
				services: [
					{
						naam: 'Verblijf in het hospice',
						beschrijving: 'Zorg en aandacht in de laatste weken van het leven, in een huiselijke omgeving.',
						categorie: 'hospice',
						doelgroepen: [
							'algemeen',
							...extra(rng, ['dementie', 'taal_cultuur', 'jong_volwassen'] as const, 0, 1)
						],
						expertise: [
							'pijnbeleid',
							'palliatieve_sedatie',
							...extra(
								rng,
								['acp', 'spirituele_zorg', 'rouw', 'dementie', 'mantelzorgondersteuning'] as const,
								1,
								2
							)
						],
						dagEnNacht: true,
						openingstijden: [],
						bereikbaarheidToelichting:
							entry.variant === 'regulier'
								? 'Aanmelden kan dag en nacht. Actief gebruik van alcohol of drugs is hier niet mogelijk.'
								: 'Aanmelden kan dag en nacht; overdag bij voorkeur via de coördinator.',
						voorProfessionals: false
					},
					...(rng.chance(0.5)
						? [
								{
									naam: 'Nazorg en rouwbegeleiding',
									beschrijving: 'Gesprekken voor naasten, ook na het overlijden.',
									categorie: 'rouwbegeleiding' as const,
									doelgroepen: ['algemeen' as const],
									expertise: ['rouw' as const],
									dagEnNacht: false,
									openingstijden: werkdagen('09:00', '17:00'),
									bereikbaarheidToelichting: 'Op werkdagen van 9.00 tot 17.00 uur.',
									voorProfessionals: false
								}
							]
						: [])
				],
				bedUnits: [
					{
						naam: 'Hospicekamers',
						setting: 'hospice',
						aantalBedden: aantal,
						doelgroepen: extra(rng, ['dementie', 'taal_cultuur', 'jong_volwassen'] as const, 0, 1),
						voorwaarden,
						toelichting:
							entry.variant === 'regulier' ? 'Geen actief middelengebruik; roken is niet mogelijk.' : null
					}
				]
			};
		}
		case 'bijna_thuis_huis': {
			const naam = entry.naam ?? `Bijna-thuis-huis ${nextName(ctx, 'bijna_thuis_huis')}`;
			const aantal = rng.int(2, 4);
			return {
				naam,
				beschrijving: `${naam} in ${plaats} is een huiselijk huis met ${aantal} gastenkamers. Getrainde vrijwilligers zijn er dag en nacht; de eigen huisarts en de wijkverpleging geven de medische zorg.`,
				services: [
					{
						naam: 'Logeren in het bijna-thuis-huis',
						beschrijving: 'Een plek als thuis, voor wie thuis niet meer kan blijven.',
						categorie: 'hospice',
						doelgroepen: ['algemeen'],
						expertise: [
							'mantelzorgondersteuning',
							...extra(rng, ['spirituele_zorg', 'rouw', 'acp'] as const, 1, 1)
						],
						dagEnNacht: true,
						openingstijden: [],
						bereikbaarheidToelichting:
							'De coördinator is op werkdagen bereikbaar; buiten kantoortijd neemt de dienstdoende coördinator op.',
						voorProfessionals: false
					}
				],
				bedUnits: [
					{
						naam: 'Gastenkamers',
						setting: 'bijna_thuis_huis',
						aantalBedden: aantal,
						doelgroepen: [],
						voorwaarden: [
							'toezicht_24u',
							...extra(rng, ['huisdier', 'palliatieve_sedatie', 'subcutane_pomp'] as const, 1, 2)
						],
						toelichting: 'Medische zorg door de eigen huisarts en de wijkverpleging.'
					}
				]
			};
		}
		case 'vvt': {
			const naam = entry.naam ?? `Zorgcentrum ${nextName(ctx, 'vvt')}`;
			const aantal = rng.int(3, 8);
			const dementie = rng.chance(0.6);
			return {
				naam,
				beschrijving: `${naam} is een verpleeghuis in ${plaats} met een palliatieve unit van ${aantal} bedden. Een specialist ouderengeneeskunde is dag en nacht bereikbaar.`,
				services: [
					{
						naam: 'Palliatieve unit',
						beschrijving:
							'Verblijf en zorg in de laatste levensfase, met een eigen team en een specialist ouderengeneeskunde.',
						categorie: 'verpleeghuis',
						doelgroepen: dementie ? ['algemeen', 'dementie'] : ['algemeen'],
						expertise: [
							'pijnbeleid',
							'palliatieve_sedatie',
							...(dementie ? (['dementie'] as const) : []),
							...extra(
								rng,
								['acp', 'ingewikkeld_gedrag', 'verstandelijke_beperking', 'cultuursensitieve_zorg'] as const,
								0,
								2
							)
						],
						dagEnNacht: true,
						openingstijden: [],
						bereikbaarheidToelichting:
							'Aanmelden via de huisarts, specialist of transferverpleegkundige, dag en nacht.',
						voorProfessionals: false
					},
					...(rng.chance(0.4)
						? [
								{
									naam: 'Dagbehandeling en logeeropvang',
									beschrijving: 'Een paar dagen of dagdelen zorg, zodat de mantelzorger even kan rusten.',
									categorie: 'mantelzorgondersteuning' as const,
									doelgroepen: ['algemeen' as const],
									expertise: ['mantelzorgondersteuning' as const],
									dagEnNacht: false,
									openingstijden: werkdagen('08:30', '16:30'),
									bereikbaarheidToelichting: 'Op werkdagen; aanmelden via het zorgloket.',
									voorProfessionals: false
								}
							]
						: [])
				],
				bedUnits: [
					{
						naam: 'Palliatieve unit',
						setting: 'palliatieve_unit_vvt',
						aantalBedden: aantal,
						doelgroepen: dementie ? ['dementie'] : [],
						voorwaarden: [
							'palliatieve_sedatie',
							'subcutane_pomp',
							'toezicht_24u',
							...extra(
								rng,
								[
									'ingewikkeld_gedrag',
									'isolatie',
									'tracheacanule',
									'ggz_consult_kantooruren',
									'roken'
								] as const,
								1,
								3
							)
						],
						toelichting: null
					}
				]
			};
		}
		case 'elv_palliatief': {
			const naam = entry.naam ?? `Eerstelijnsverblijf ${nextName(ctx, 'elv_palliatief')}`;
			const aantal = rng.int(2, 6);
			return {
				naam,
				beschrijving: `${naam} in ${plaats} biedt kortdurend verblijf (ELV) met ${aantal} palliatieve bedden, onder regie van de huisarts of een specialist ouderengeneeskunde.`,
				services: [
					{
						naam: 'Eerstelijnsverblijf palliatief',
						beschrijving: 'Tijdelijk verblijf met zorg als thuis wonen niet meer gaat.',
						categorie: 'verpleeghuis',
						doelgroepen: ['algemeen'],
						expertise: ['pijnbeleid', 'palliatieve_sedatie'],
						dagEnNacht: true,
						openingstijden: [],
						bereikbaarheidToelichting:
							'Opname via de huisarts of transferverpleegkundige; aanmelden kan dag en nacht.',
						voorProfessionals: false
					}
				],
				bedUnits: [
					{
						naam: 'ELV-bedden palliatief',
						setting: 'elv_palliatief',
						aantalBedden: aantal,
						doelgroepen: [],
						voorwaarden: [
							'palliatieve_sedatie',
							'subcutane_pomp',
							...extra(rng, ['toezicht_24u', 'isolatie', 'huisdier'] as const, 0, 2)
						],
						toelichting: null
					}
				]
			};
		}
		case 'ggz': {
			if (entry.variant === 'verslavingszorg') {
				const naam = entry.naam ?? `Verslavingszorg ${nextName(ctx, 'verslavingszorg')}`;
				return {
					naam,
					beschrijving: `${naam} helpt mensen in ${plaats} en omgeving die alcohol of drugs gebruiken, ook in de laatste levensfase. Het team denkt mee met hospices, verpleeghuizen en de opvang.`,
					services: [
						{
							naam: 'Verslavingszorg',
							beschrijving:
								'Behandeling en begeleiding bij alcohol- of drugsgebruik, ook bij mensen thuis of in de opvang.',
							categorie: 'verslavingszorg',
							doelgroepen: ['verslaving', 'dak_thuisloos'],
							expertise: ['middelengebruik', 'psychiatrie'],
							dagEnNacht: false,
							openingstijden: werkdagen('09:00', '17:00'),
							bereikbaarheidToelichting:
								'Op werkdagen van 9.00 tot 17.00 uur. Bij crisis buiten kantoortijd: bel de huisartsenpost.',
							voorProfessionals: false
						},
						{
							naam: 'Consult verslavingsarts voor professionals',
							beschrijving: 'Advies over middelengebruik, onthouding en methadon in de palliatieve fase.',
							categorie: 'consultatie',
							doelgroepen: ['verslaving'],
							expertise: ['middelengebruik'],
							dagEnNacht: rng.chance(0.5),
							openingstijden: werkdagen('08:30', '17:00'),
							bereikbaarheidToelichting: 'Alleen voor zorgverleners.',
							voorProfessionals: true
						}
					]
				};
			}
			const naam = entry.naam ?? `GGZ ${nextName(ctx, 'ggz')}`;
			return {
				naam,
				beschrijving: `${naam} biedt geestelijke gezondheidszorg in ${plaats} en omgeving, ook voor mensen met een ernstige psychische aandoening in de laatste levensfase.`,
				services: [
					{
						naam: 'Behandeling en begeleiding (GGZ)',
						beschrijving: 'Hulp bij psychische problemen, ook thuis.',
						categorie: 'ggz',
						doelgroepen: ['epa_psychiatrie'],
						expertise: ['psychiatrie', 'ingewikkeld_gedrag'],
						dagEnNacht: false,
						openingstijden: werkdagen('09:00', '17:00'),
						bereikbaarheidToelichting: 'Aanmelden via de huisarts. Op werkdagen bereikbaar.',
						voorProfessionals: false
					},
					{
						naam: 'Psychiatrisch consult voor professionals',
						beschrijving:
							'Een psychiater of verpleegkundig specialist denkt mee bij psychiatrische problemen in de palliatieve fase.',
						categorie: 'consultatie',
						doelgroepen: ['epa_psychiatrie'],
						expertise: ['psychiatrie', 'ingewikkeld_gedrag'],
						dagEnNacht: true,
						openingstijden: [],
						bereikbaarheidToelichting: "Overdag de consultatielijn; 's avonds en 's nachts de crisisdienst.",
						voorProfessionals: true
					}
				]
			};
		}
		case 'maatschappelijke_opvang': {
			const naam = entry.naam ?? `Opvang ${nextName(ctx, 'maatschappelijke_opvang')}`;
			const grootstedelijk = ['amsterdam-diemen', 'rotterdam'].includes(region.slug);
			return {
				naam,
				beschrijving: `${naam} biedt opvang, zorg en begeleiding aan mensen zonder vaste woonplek in ${plaats}. Medewerkers zijn getraind in het herkennen van de palliatieve fase en werken samen met huisartsen en hospices.`,
				services: [
					{
						naam: '24-uursopvang en nachtopvang',
						beschrijving: 'Een bed, maaltijden en begeleiding voor mensen zonder woonplek.',
						categorie: 'maatschappelijke_opvang',
						doelgroepen: ['dak_thuisloos', 'verslaving'],
						expertise:
							grootstedelijk || rng.chance(0.5) ? ['dakloosheid', 'middelengebruik'] : ['dakloosheid'],
						dagEnNacht: true,
						openingstijden: [],
						bereikbaarheidToelichting: 'De opvang is dag en nacht bereikbaar.',
						voorProfessionals: false
					},
					{
						naam: 'Inloop en straatteam',
						beschrijving: 'Een kop koffie, een gesprek en hulp bij zorg, geld en papieren.',
						categorie: 'sociaal_werk',
						doelgroepen: ['dak_thuisloos'],
						expertise: ['dakloosheid'],
						dagEnNacht: false,
						openingstijden: withSaturday(werkdagen('10:00', '16:00'), '12:00', '16:00'),
						bereikbaarheidToelichting: 'Inloop op werkdagen van 10.00 tot 16.00 uur en op zaterdagmiddag.',
						voorProfessionals: false
					}
				]
			};
		}
		case 'vptz': {
			const naam = entry.naam ?? `VPTZ ${nextName(ctx, 'vptz')}`;
			return {
				naam,
				beschrijving: `${naam} zet getrainde vrijwilligers in bij mensen thuis in ${plaats} en omgeving. Zij waken, ook 's nachts, of zijn er overdag zodat de mantelzorger even weg kan. De hulp is gratis.`,
				services: [
					{
						naam: 'Vrijwilligers bij u thuis',
						beschrijving: "Waken, 's nachts of overdag, en er zijn voor de zieke en de naasten.",
						categorie: 'vptz',
						doelgroepen: ['algemeen'],
						expertise: [
							'mantelzorgondersteuning',
							...extra(rng, ['dementie', 'rouw', 'spirituele_zorg'] as const, 0, 1)
						],
						dagEnNacht: false,
						openingstijden: werkdagen(rng.pick(['08:30', '09:00']), rng.pick(['16:30', '17:00'])),
						bereikbaarheidToelichting:
							"De coördinator is op werkdagen bereikbaar. Vrijwilligers kunnen ook 's avonds en 's nachts komen.",
						voorProfessionals: false
					},
					...(rng.chance(0.5)
						? [
								{
									naam: 'Rouwgroep voor naasten',
									beschrijving: 'Samen met anderen praten over het verlies van een naaste.',
									categorie: 'rouwbegeleiding' as const,
									doelgroepen: ['algemeen' as const],
									expertise: ['rouw' as const],
									dagEnNacht: false,
									openingstijden: werkdagen('09:00', '12:00'),
									bereikbaarheidToelichting: 'Aanmelden op werkdagen in de ochtend.',
									voorProfessionals: false
								}
							]
						: [])
				]
			};
		}
		case 'thuiszorg': {
			const naam = entry.naam ?? `Thuiszorg ${nextName(ctx, 'thuiszorg')}`;
			return {
				naam,
				beschrijving: `${naam} geeft wijkverpleging en persoonlijke verzorging bij mensen thuis in ${plaats} en omgeving, met verpleegkundigen die gespecialiseerd zijn in palliatieve zorg.`,
				services: [
					{
						naam: 'Wijkverpleging en palliatieve zorg thuis',
						beschrijving: 'Verpleging en verzorging thuis, ook bij een pijnpomp of palliatieve sedatie.',
						categorie: 'wijkverpleging',
						doelgroepen: ['algemeen'],
						expertise: [
							'pijnbeleid',
							'palliatieve_sedatie',
							...extra(rng, ['acp', 'dementie', 'cultuursensitieve_zorg'] as const, 1, 2)
						],
						dagEnNacht: true,
						openingstijden: [],
						bereikbaarheidToelichting: "Dag en nacht bereikbaar; 's nachts via het avond- en nachtteam.",
						voorProfessionals: false
					}
				]
			};
		}
		case 'huisartsenzorg': {
			if (entry.variant === 'post') {
				const naam = entry.naam ?? `Huisartsenpost ${plaats}`;
				return {
					naam,
					beschrijving: `${naam} is er voor dringende medische vragen die niet kunnen wachten tot de volgende werkdag, 's avonds, 's nachts en in het weekend.`,
					services: [
						{
							naam: 'Huisartsenpost',
							beschrijving: 'Dringende zorg buiten kantoortijd. Bel altijd eerst.',
							categorie: 'huisartsenpost',
							doelgroepen: ['algemeen'],
							expertise: ['pijnbeleid', 'palliatieve_sedatie'],
							dagEnNacht: true,
							openingstijden: [],
							bereikbaarheidToelichting:
								'Op werkdagen van 17.00 tot 8.00 uur en het hele weekend en op feestdagen. Overdag belt u uw eigen huisarts.',
							voorProfessionals: false
						}
					]
				};
			}
			if (entry.variant === 'patz') {
				const naam = entry.naam ?? `PaTz-groep ${plaats} ${nextName(ctx, 'patz')}`;
				return {
					naam,
					beschrijving: `In ${naam} bespreken huisartsen en wijkverpleegkundigen elke zes weken hun patiënten in de palliatieve fase, samen met een consulent palliatieve zorg.`,
					services: [
						{
							naam: 'PaTz-overleg',
							beschrijving: 'Overleg voor huisartsen en wijkverpleegkundigen over palliatieve patiënten.',
							categorie: 'consultatie',
							doelgroepen: ['algemeen'],
							expertise: ['acp', 'pijnbeleid'],
							dagEnNacht: false,
							openingstijden: werkdagen('09:00', '17:00'),
							bereikbaarheidToelichting: 'Aanmelden als deelnemer via de secretaris, op werkdagen.',
							voorProfessionals: true
						}
					]
				};
			}
			const naam = entry.naam ?? `Huisartsenpraktijk ${nextName(ctx, 'praktijk')}`;
			return {
				naam,
				beschrijving: `${naam} in ${plaats} is een huisartsenpraktijk met aandacht voor proactieve zorgplanning en zorg thuis in de laatste levensfase.`,
				services: [
					{
						naam: 'Huisartsenzorg',
						beschrijving: 'Uw huisarts: het eerste aanspreekpunt, ook voor palliatieve zorg thuis.',
						categorie: 'huisarts',
						doelgroepen: ['algemeen'],
						expertise: ['acp', 'pijnbeleid'],
						dagEnNacht: false,
						openingstijden: werkdagen('08:00', '17:00'),
						bereikbaarheidToelichting:
							"Bel overdag de praktijk. 's Avonds, 's nachts en in het weekend: de huisartsenpost.",
						voorProfessionals: false
					}
				]
			};
		}
		case 'consultatieteam': {
			const naam = entry.naam ?? `Consultatieteam Palliatieve Zorg ${region.kort}`;
			const dagEnNacht = region.slug !== 'zuidoost-utrecht';
			return {
				naam,
				beschrijving: `${naam} geeft zorgverleners advies bij vragen over palliatieve zorg: pijn en andere klachten, palliatieve sedatie, gesprekken over het levenseinde.`,
				services: [
					{
						naam: 'Consultatie palliatieve zorg',
						beschrijving:
							'Telefonisch advies en zo nodig een bezoek, voor huisartsen, verpleegkundigen en specialisten.',
						categorie: 'consultatie',
						doelgroepen: ['algemeen'],
						expertise: [
							'pijnbeleid',
							'palliatieve_sedatie',
							'acp',
							...extra(rng, ['psychiatrie', 'middelengebruik', 'spirituele_zorg'] as const, 1, 2)
						],
						dagEnNacht,
						openingstijden: dagEnNacht ? [] : werkdagen('08:30', '17:00'),
						bereikbaarheidToelichting: dagEnNacht
							? 'Dag en nacht bereikbaar voor zorgverleners.'
							: 'Op werkdagen van 8.30 tot 17.00 uur; daarbuiten het landelijke consultatienummer.',
						voorProfessionals: true
					}
				]
			};
		}
		case 'welzijn': {
			if (entry.variant === 'mantelzorg') {
				const naam = entry.naam ?? `Steunpunt Mantelzorg ${plaats}`;
				return {
					naam,
					beschrijving: `${naam} helpt mensen die voor een ernstig zieke naaste zorgen: met advies, een luisterend oor, respijtzorg en lotgenotencontact.`,
					services: [
						{
							naam: 'Mantelzorgondersteuning',
							beschrijving:
								'Advies en steun voor wie voor een naaste zorgt, en hulp bij het regelen van vervangende zorg.',
							categorie: 'mantelzorgondersteuning',
							doelgroepen: ['algemeen'],
							expertise: ['mantelzorgondersteuning', 'rouw'],
							dagEnNacht: false,
							openingstijden: werkdagen('09:00', '17:00'),
							bereikbaarheidToelichting: 'Op werkdagen van 9.00 tot 17.00 uur. Een huisbezoek is mogelijk.',
							voorProfessionals: false
						}
					]
				};
			}
			const naam = entry.naam ?? `${nextName(ctx, 'sociaal_werk')} ${plaats}`;
			return {
				naam,
				beschrijving: `${naam} helpt inwoners met vragen over geld, wonen, eenzaamheid en regelzaken, ook als iemand ernstig ziek is.`,
				services: [
					{
						naam: 'Sociaal werk',
						beschrijving: 'Hulp bij geld, wonen, regelzaken en eenzaamheid.',
						categorie: 'sociaal_werk',
						doelgroepen: [
							'algemeen',
							...extra(rng, ['taal_cultuur', 'verstandelijke_beperking'] as const, 0, 1)
						],
						expertise: extra(
							rng,
							['cultuursensitieve_zorg', 'mantelzorgondersteuning', 'rouw'] as const,
							1,
							2
						),
						dagEnNacht: false,
						openingstijden: werkdagen('09:00', '17:00'),
						bereikbaarheidToelichting: 'Op werkdagen; langskomen zonder afspraak kan in de ochtend.',
						voorProfessionals: false
					},
					...(rng.chance(0.5)
						? [
								{
									naam: 'Mantelzorgconsulent',
									beschrijving: 'Een vast aanspreekpunt voor mantelzorgers.',
									categorie: 'mantelzorgondersteuning' as const,
									doelgroepen: ['algemeen' as const],
									expertise: ['mantelzorgondersteuning' as const],
									dagEnNacht: false,
									openingstijden: werkdagen('09:00', '13:00'),
									bereikbaarheidToelichting: 'Op werkdagen in de ochtend.',
									voorProfessionals: false
								}
							]
						: [])
				]
			};
		}
		case 'geestelijke_verzorging': {
			const naam = entry.naam ?? `Centrum voor Levensvragen ${region.kort}`;
			return {
				naam,
				beschrijving: `${naam} brengt mensen thuis in contact met een geestelijk verzorger, voor een gesprek over zingeving, geloof, afscheid of rouw. Iedereen is welkom, gelovig of niet.`,
				services: [
					{
						naam: 'Geestelijke verzorging thuis',
						beschrijving:
							'Een gesprek met een geestelijk verzorger bij u thuis; de eerste gesprekken zijn gratis.',
						categorie: 'geestelijke_verzorging',
						doelgroepen: ['algemeen', 'taal_cultuur'],
						expertise: ['spirituele_zorg', 'rouw', 'cultuursensitieve_zorg'],
						dagEnNacht: false,
						openingstijden: werkdagen('09:00', '17:00'),
						bereikbaarheidToelichting: 'Op werkdagen; u wordt binnen een paar dagen teruggebeld.',
						voorProfessionals: false
					},
					{
						naam: 'Rouwbegeleiding',
						beschrijving: 'Steun na het overlijden van een naaste.',
						categorie: 'rouwbegeleiding',
						doelgroepen: ['algemeen'],
						expertise: ['rouw'],
						dagEnNacht: false,
						openingstijden: werkdagen('09:00', '17:00'),
						bereikbaarheidToelichting: 'Op werkdagen.',
						voorProfessionals: false
					}
				]
			};
		}
		case 'netwerk': {
			const naam = entry.naam ?? `Netwerkbureau Palliatieve Zorg ${region.kort}`;
			return {
				naam,
				beschrijving: `${naam} verbindt de organisaties die in de regio ${region.kort} palliatieve zorg geven, en helpt inwoners en zorgverleners de weg te vinden.`,
				services: [
					{
						naam: 'Informatie over palliatieve zorg in de regio',
						beschrijving: 'Uitleg over palliatieve zorg en wie u in de regio kan helpen.',
						categorie: 'informatie',
						doelgroepen: ['algemeen'],
						expertise: ['acp'],
						dagEnNacht: false,
						openingstijden: werkdagen('09:00', '17:00'),
						bereikbaarheidToelichting: 'Op werkdagen van 9.00 tot 17.00 uur.',
						voorProfessionals: false
					}
				]
			};
		}
		case 'gemeente': {
			const naam = entry.naam ?? `Wmo-loket ${plaats}`;
			return {
				naam,
				beschrijving: `${naam} helpt inwoners met huishoudelijke hulp, hulpmiddelen, vervoer en aanpassingen in huis. In de laatste levensfase kan het loket snel beslissen.`,
				services: [
					{
						naam: 'Wmo-loket',
						beschrijving: 'Hulp van de gemeente, zoals huishoudelijke hulp, een rolstoel of een traplift.',
						categorie: 'gemeente_wmo',
						doelgroepen: ['algemeen'],
						expertise: ['mantelzorgondersteuning'],
						dagEnNacht: false,
						openingstijden: werkdagen('09:00', '17:00'),
						bereikbaarheidToelichting:
							'Op werkdagen van 9.00 tot 17.00 uur. Bij spoed in de laatste levensfase: zeg dat het dringend is.',
						voorProfessionals: false
					}
				]
			};
		}
		case 'apotheek': {
			if (entry.variant === 'dienst') {
				const naam = entry.naam ?? `Dienstapotheek ${plaats}`;
				return {
					naam,
					beschrijving: `${naam} levert 's avonds, 's nachts en in het weekend medicijnen op recept van de huisartsenpost of een specialist, ook voor palliatieve zorg thuis.`,
					services: [
						{
							naam: 'Dienstapotheek',
							beschrijving: 'Medicijnen buiten kantoortijd, op recept.',
							categorie: 'apotheek',
							doelgroepen: ['algemeen'],
							expertise: ['pijnbeleid', 'palliatieve_sedatie'],
							dagEnNacht: true,
							openingstijden: [],
							bereikbaarheidToelichting: 'Dag en nacht open, ook in het weekend en op feestdagen.',
							voorProfessionals: false
						}
					]
				};
			}
			const naam = entry.naam ?? `Apotheek ${nextName(ctx, 'apotheek')}`;
			return {
				naam,
				beschrijving: `${naam} in ${plaats} levert medicijnen en hulpmiddelen en denkt mee over pijnstilling en medicatie in de laatste levensfase.`,
				services: [
					{
						naam: 'Apotheek',
						beschrijving: 'Medicijnen, advies en thuisbezorging.',
						categorie: 'apotheek',
						doelgroepen: ['algemeen'],
						expertise: ['pijnbeleid'],
						dagEnNacht: false,
						openingstijden: withSaturday(werkdagen('08:00', '17:30'), '10:00', '13:00'),
						bereikbaarheidToelichting: 'Buiten openingstijden: de dienstapotheek.',
						voorProfessionals: false
					}
				]
			};
		}
	}
}

function buildOrganisation(ctx: BuildContext, entry: PlanEntry): DemoOrganisation {
	const at = place(ctx, entry.at);
	const draft = draftFor(ctx, entry, at);
	const naam = `${draft.naam} ${DEMO_MARKER}`;
	const includesPlace = draft.naam.toLowerCase().includes(at.plaats.toLowerCase());
	let slug = `voorbeeld-${slugify(draft.naam)}${includesPlace ? '' : `-${slugify(at.plaats)}`}`;
	for (let n = 2; ctx.slugs.has(slug); n++) slug = `${slug.replace(/-\d+$/, '')}-${n}`;
	ctx.slugs.add(slug);

	const telefoon = nextPhone(ctx, at);
	const email = `${slug.replace(/^voorbeeld-/, '').slice(0, 60)}@${DEMO_EMAIL_DOMAIN}`;
	const website = `${DEMO_WEBSITE_BASE}/${slug}`;

	const locations = [makeLocation(ctx, draft.naam, at)];
	if (entry.extraAt) {
		const second = place(ctx, entry.extraAt);
		locations.push(makeLocation(ctx, `${draft.naam}, locatie ${second.plaats}`, second));
	}
	const allLocations = locations.map((_, i) => i);

	const services: DemoService[] = draft.services.map((s, i) => ({
		...s,
		// 24/7 lines and lines for professionals get their own number; other services share the organisation's.
		telefoon: s.telefoon ?? (i > 0 && (s.dagEnNacht || s.voorProfessionals) ? nextPhone(ctx, at) : telefoon),
		email,
		website,
		locationIndexes: s.locationIndexes ?? allLocations
	}));

	const bedUnits: DemoBedUnit[] = (draft.bedUnits ?? []).map((u) => ({
		...u,
		locationIndex: 0,
		altijdActueel: entry.key !== undefined
	}));

	return {
		key: entry.key ?? null,
		slug,
		naam,
		type: entry.type,
		beschrijving: `${DEMO_DESCRIPTION_PREFIX} ${draft.beschrijving} Dit is een fictieve organisatie; naam, adres en contactgegevens bestaan niet.`,
		telefoon,
		email,
		website,
		regionSlug: ctx.region.slug,
		regionWide: entry.regionWide ?? false,
		locations,
		services,
		bedUnits
	};
}

export const DEMO_SEED = 20_261_123;

/** The whole demo dataset; the same on every call. */
export function buildDemoDataset(seed = DEMO_SEED): DemoOrganisation[] {
	const rng = createRng(seed);
	const counters = new Map<string, number>();
	const slugs = new Set<string>();
	return demoRegions.flatMap((region) => {
		const ctx: BuildContext = {
			rng,
			region,
			places: new Map(region.places.map((pl) => [pl.key, pl])),
			counters,
			phoneCounters: new Map(),
			slugs
		};
		return region.plan.map((entry) => buildOrganisation(ctx, entry));
	});
}

/** Keys of organisations that scenarios and tests rely on. */
export type DemoScenarioKey =
	| 'hospiceAssen'
	| 'vptzAssen'
	| 'vvtAssen'
	| 'vvtEmmen'
	| 'bthSteenwijk'
	| 'vptzSteenwijk'
	| 'huisartsSteenwijk'
	| 'hapAssen'
	| 'hapSteenwijk'
	| 'mantelzorgSteenwijk'
	| 'consultatieDrenthe'
	| 'netwerkDrenthe'
	| 'hospiceUtrecht'
	| 'hospiceAmsterdamMiddelen'
	| 'hospiceAmsterdamRegulier'
	| 'verslavingszorgAmsterdam'
	| 'moAmsterdam'
	| 'moAmsterdamOost'
	| 'hospiceRotterdam'
	| 'hospiceNijmegen'
	| 'vptzNijmegen';

/** Slug of a scenario organisation. */
export function demoSlug(key: DemoScenarioKey, dataset = buildDemoDataset()): string {
	const org = dataset.find((o) => o.key === key);
	if (!org) throw new Error(`Geen voorbeeldorganisatie met sleutel ${key}`);
	return org.slug;
}
