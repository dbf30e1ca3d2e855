/**
 * Matching a referral (needs only, no identifying data) to bed units. Pure: the caller loads the candidate units and
 * resolves the PC4 postcodes to coordinates; this module decides, scores, orders and explains.
 *
 * Hard conditions (a unit failing one is returned in `uitgesloten`, with the reasons):
 *  - setting: the unit's setting is one of the requested settings;
 *  - vrij_bed: the unit has a free bed. A unit whose availability is stale ({@link isStale}: never reported, or older than
 *    STALE_AFTER_HOURS) passes this condition whatever count it last reported, because the real count is unknown; it is
 *    flagged `verouderd` and its reason is marked `onzeker` so the verwijzer calls first. A fresh unit with 0 free beds fails;
 *  - doelgroep: the unit admits every requested doelgroep ('algemeen' needs nothing: every unit admits it);
 *  - zorgbehoefte: the unit offers every requested care need (voorwaarden ⊇ zorgbehoeften). A GGZ consult day and night
 *    also satisfies a request for a GGZ consult in office hours;
 *  - afstand: the (rounded) distance from the patient's PC4 is at most maxAfstandKm. When either side has no coordinates
 *    the condition cannot be checked: the unit stays, with an `onzeker` reason;
 *  - prognose: hospice and bijna-thuis-huis admit with a life expectancy shorter than 3 months. 'onbekend' passes with the
 *    note "prognose navragen" (`onzeker`); 3–6 months or longer fails. Other settings have no prognosis condition.
 *
 * Score 0–100 (rounded), from the weights below. Each part only counts when the request makes it meaningful (no naasten
 * postcode → no naasten part), and the sum is scaled to the parts that count, so a score always uses the whole 0–100 range.
 * A part that cannot be computed for one unit (no coordinates) gives that unit 0 for that part, never an advantage.
 *
 * Order: score desc, then distance asc (unknown last), then id asc, so equal input always gives equal output.
 */
import { formatAgo, hoursSinceUpdate, isStale, STALE_AFTER_HOURS } from '../availability/staleness';
import { distanceKm, formatKm, type LatLon } from '../geo/distance';
import {
	doelgroepen as doelgroepTerms,
	expertiseGebieden,
	opnameVoorwaarden,
	zorgSettings,
	type Doelgroep,
	type ExpertiseGebied,
	type OpnameVoorwaarde,
	type ZorgSetting
} from '../organisation/taxonomy';
import { prognoseLabels, type Prognose } from './options';

/** Score weights (points out of 100 when every part applies). */
export const WEIGHT_AFSTAND = 35;
export const WEIGHT_AFSTAND_NAASTEN = 15;
export const WEIGHT_EXPERTISE = 25;
export const WEIGHT_GGZ_CONSULT = 10;
export const WEIGHT_ACTUALITEIT = 15;
/** Share of the GGZ part for a consult in office hours only (day and night gets the whole part). */
export const GGZ_KANTOORUREN_FACTOR = 0.5;

/** Settings that admit only with a life expectancy shorter than 3 months. */
export const SETTINGS_MET_PROGNOSE_EIS: readonly ZorgSetting[] = ['hospice', 'bijna_thuis_huis'];

/** Which declared expertise of the organisation counts as depth of expertise for a requested doelgroep. */
export const EXPERTISE_VOOR_DOELGROEP: Partial<Record<Doelgroep, ExpertiseGebied>> = {
	verslaving: 'middelengebruik',
	epa_psychiatrie: 'psychiatrie',
	dak_thuisloos: 'dakloosheid',
	dementie: 'dementie',
	verstandelijke_beperking: 'verstandelijke_beperking',
	taal_cultuur: 'cultuursensitieve_zorg'
};

/**
 * Doelgroepen for whom an available GGZ consult adds to the score. Dak- en thuisloosheid is included because it so often
 * comes with psychiatric problems and addiction ("triple problematiek").
 */
export const GGZ_RELEVANTE_DOELGROEPEN: readonly Doelgroep[] = [
	'epa_psychiatrie',
	'verslaving',
	'dak_thuisloos'
];

export type HardCriterium = 'setting' | 'vrij_bed' | 'prognose' | 'doelgroep' | 'zorgbehoefte' | 'afstand';
export type ZachtCriterium = 'afstand_naasten' | 'expertise' | 'ggz_consult' | 'actualiteit';
export type Criterium = HardCriterium | ZachtCriterium;

export const hardCriteria: readonly HardCriterium[] = [
	'setting',
	'vrij_bed',
	'prognose',
	'doelgroep',
	'zorgbehoefte',
	'afstand'
];

export interface Reden {
	criterium: Criterium;
	voldaan: boolean;
	/** Dutch, ready to show: "accepteert actief middelengebruik", "62 km, verder dan 50 km". */
	tekst: string;
	/** Hard conditions decide inclusion; the others only explain the score. */
	hard: boolean;
	/** The doelgroep, zorgbehoefte or expertise code this reason is about (for per-code indicators). */
	code?: string;
	/** The condition could not be checked (stale availability, unknown location, unknown prognosis): verify by phone. */
	onzeker?: true;
}

/** One bed unit as the caller loads it, with its organisation's declared expertise. */
export interface BedUnitCandidate {
	id: string;
	naam: string;
	organisationId: string;
	organisationNaam: string;
	organisationSlug: string;
	locationNaam: string;
	plaats: string;
	gemeenteCode: string | null;
	/** Null when the location has no coordinates: the distance is then unknown (never a reason to exclude). */
	lat: number | null;
	lon: number | null;
	setting: string;
	aantalBedden: number;
	vrijeBedden: number;
	doelgroepen: readonly string[];
	voorwaarden: readonly string[];
	expertise: readonly string[];
	beschikbaarheidBijgewerktOp: Date | null;
}

/** The referral's needs plus the coordinates of the PC4 postcodes (null when unknown). A parsed VerwijzingInput fits. */
export interface MatchRequest {
	doelgroepen: readonly Doelgroep[];
	zorgbehoeften: readonly OpnameVoorwaarde[];
	settings: readonly ZorgSetting[];
	prognose: Prognose;
	maxAfstandKm: number;
	verblijf: LatLon | null;
	naasten: LatLon | null;
	now: Date;
}

/** Points per score part before scaling; `maximaal` is the sum of the weights that applied to this request. */
export interface ScoreOnderdelen {
	afstand: number;
	afstandNaasten: number;
	expertise: number;
	ggzConsult: number;
	actualiteit: number;
	maximaal: number;
}

export interface Match {
	unit: BedUnitCandidate;
	/** 0–100, integer. */
	score: number;
	scoreOnderdelen: ScoreOnderdelen;
	/** Rounded km from the patient's PC4, null when unknown. */
	afstandKm: number | null;
	afstandNaastenKm: number | null;
	/** Availability is stale: the free-bed count is not to be trusted, call first. */
	verouderd: boolean;
	/** Hard conditions first (all met), then the score reasons. */
	redenen: Reden[];
}

export interface Exclusion {
	unit: BedUnitCandidate;
	afstandKm: number | null;
	/** Only the failed hard conditions (at least one). */
	redenen: Reden[];
}

export interface MatchResult {
	kandidaten: Match[];
	uitgesloten: Exclusion[];
}

// ---- Dutch texts -------------------------------------------------------------------------------------------------------

const settingLabels = new Map<string, string>(zorgSettings.map((t) => [t.code, t.label]));
const doelgroepLabels = new Map<string, string>(doelgroepTerms.map((t) => [t.code, t.label]));
const voorwaardeLabels = new Map<string, string>(opnameVoorwaarden.map((t) => [t.code, t.label]));
const expertiseLabels = new Map<string, string>(expertiseGebieden.map((t) => [t.code, t.label]));

/** How a doelgroep reads after "staat (niet) open voor". */
const doelgroepPhrases: Partial<Record<Doelgroep, string>> = {
	epa_psychiatrie: 'mensen met EPA / psychiatrie',
	verslaving: 'mensen met verslaving of middelengebruik',
	dak_thuisloos: 'dak- en thuisloze mensen',
	verstandelijke_beperking: 'mensen met een verstandelijke beperking',
	dementie: 'mensen met dementie',
	taal_cultuur: 'mensen met een andere taal of cultuur',
	jong_volwassen: 'jongvolwassenen'
};

function doelgroepText(code: string, voldaan: boolean): string {
	const phrase =
		doelgroepPhrases[code as Doelgroep] ?? `doelgroep ${doelgroepLabels.get(code) ?? code}`.toLowerCase();
	return voldaan ? `staat open voor ${phrase}` : `staat niet open voor ${phrase}`;
}

/** [met, not met] per care need. */
const voorwaardeTexts: Record<OpnameVoorwaarde, readonly [string, string]> = {
	actief_middelengebruik: ['accepteert actief middelengebruik', 'accepteert geen actief middelengebruik'],
	methadon_onderhoud: ['methadon/opiaten in onderhoud mogelijk', 'geen methadon/opiaten in onderhoud'],
	roken: ['roken mogelijk', 'roken niet mogelijk'],
	huisdier: ['huisdier welkom', 'geen huisdier welkom'],
	ingewikkeld_gedrag: [
		'ingewikkeld gedrag / agressie hanteerbaar',
		'ingewikkeld gedrag / agressie niet hanteerbaar'
	],
	ggz_consult_kantooruren: ['GGZ-consult in kantooruren', 'geen GGZ-consult in kantooruren'],
	ggz_consult_dag_nacht: ['GGZ-consult dag en nacht', 'geen GGZ-consult dag en nacht'],
	toezicht_24u: ['24-uurs toezicht', 'geen 24-uurs toezicht'],
	palliatieve_sedatie: ['palliatieve sedatie mogelijk', 'geen palliatieve sedatie'],
	subcutane_pomp: ['subcutane pomp mogelijk', 'geen subcutane pomp'],
	tracheacanule: ['tracheacanule mogelijk', 'geen tracheacanule'],
	isolatie: ['isolatie mogelijk', 'geen isolatie mogelijk']
};

function voorwaardeText(code: string, voldaan: boolean): string {
	const texts = voorwaardeTexts[code as OpnameVoorwaarde];
	if (texts) return voldaan ? texts[0] : texts[1];
	const label = (voorwaardeLabels.get(code) ?? code).toLowerCase();
	return voldaan ? label : `niet: ${label}`;
}

const settingArticle: Partial<Record<ZorgSetting, string>> = {
	hospice: 'een hospice',
	bijna_thuis_huis: 'een bijna-thuis-huis'
};

function bedsText(vrij: number, totaal: number): string {
	return vrij === 1 ? `1 van de ${totaal} bedden vrij` : `${vrij} van de ${totaal} bedden vrij`;
}

// ---- Matching ----------------------------------------------------------------------------------------------------------

const KANTOORUREN: OpnameVoorwaarde = 'ggz_consult_kantooruren';
const DAG_NACHT: OpnameVoorwaarde = 'ggz_consult_dag_nacht';

/** Does the unit offer this care need? A GGZ consult day and night includes office hours. */
function offers(voorwaarden: readonly string[], code: string): boolean {
	return voorwaarden.includes(code) || (code === KANTOORUREN && voorwaarden.includes(DAG_NACHT));
}

function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Nulls (unknown distance) sort after every known distance. */
function compareDistance(a: number | null, b: number | null): number {
	if (a === b) return 0;
	if (a === null) return 1;
	if (b === null) return -1;
	return a - b;
}

function coordinatesOf(unit: BedUnitCandidate): LatLon | null {
	return unit.lat === null || unit.lon === null ? null : { lat: unit.lat, lon: unit.lon };
}

/** Everything that depends on the request only, computed once per call instead of once per unit. */
interface Prepared {
	request: MatchRequest;
	settings: ReadonlySet<string>;
	requiredDoelgroepen: readonly Doelgroep[];
	requiredVoorwaarden: readonly OpnameVoorwaarde[];
	expertiseNeeded: readonly ExpertiseGebied[];
	ggzRelevant: boolean;
	maximaal: number;
	/** Per prognosis-bound setting: the reason, the same object for every unit of that setting. */
	prognoseRedenen: ReadonlyMap<string, Reden>;
}

function prepare(request: MatchRequest): Prepared {
	const requiredDoelgroepen = [...new Set(request.doelgroepen)].filter((d) => d !== 'algemeen');
	const expertiseNeeded = [
		...new Set(
			requiredDoelgroepen.flatMap((d) => {
				const expertise = EXPERTISE_VOOR_DOELGROEP[d];
				return expertise ? [expertise] : [];
			})
		)
	];
	const ggzRelevant = request.doelgroepen.some((d) => GGZ_RELEVANTE_DOELGROEPEN.includes(d));
	const maximaal =
		WEIGHT_ACTUALITEIT +
		(request.verblijf ? WEIGHT_AFSTAND : 0) +
		(request.naasten ? WEIGHT_AFSTAND_NAASTEN : 0) +
		(expertiseNeeded.length > 0 ? WEIGHT_EXPERTISE : 0) +
		(ggzRelevant ? WEIGHT_GGZ_CONSULT : 0);

	const prognoseRedenen = new Map<string, Reden>();
	for (const setting of SETTINGS_MET_PROGNOSE_EIS) {
		const eis = `${settingArticle[setting] ?? settingLabels.get(setting)} neemt op bij een levensverwachting korter dan 3 maanden`;
		let reden: Reden;
		if (request.prognose === 'korter_dan_3_maanden') {
			reden = { criterium: 'prognose', voldaan: true, hard: true, tekst: 'prognose korter dan 3 maanden' };
		} else if (request.prognose === 'onbekend') {
			reden = {
				criterium: 'prognose',
				voldaan: true,
				hard: true,
				onzeker: true,
				tekst: `prognose navragen: ${eis}`
			};
		} else {
			reden = {
				criterium: 'prognose',
				voldaan: false,
				hard: true,
				tekst: `${eis} (prognose: ${prognoseLabels[request.prognose].toLowerCase()})`
			};
		}
		// Shared by every unit of this setting, so frozen.
		prognoseRedenen.set(setting, Object.freeze(reden));
	}

	return {
		request,
		settings: new Set(request.settings),
		requiredDoelgroepen,
		requiredVoorwaarden: [...new Set(request.zorgbehoeften)],
		expertiseNeeded,
		ggzRelevant,
		maximaal,
		prognoseRedenen
	};
}

/** Evaluates one unit and adds it to the candidates or to the excluded. */
function evaluate(p: Prepared, unit: BedUnitCandidate, kandidaten: Match[], uitgesloten: Exclusion[]): void {
	const { request } = p;
	const redenen: Reden[] = [];
	let failed = 0;
	const hard = (reden: Reden) => {
		redenen.push(reden);
		if (!reden.voldaan) failed++;
	};

	// setting
	const settingLabel = settingLabels.get(unit.setting) ?? unit.setting;
	const settingOk = p.settings.has(unit.setting);
	hard({
		criterium: 'setting',
		voldaan: settingOk,
		hard: true,
		tekst: settingOk ? `${settingLabel} (gevraagde soort plek)` : `${settingLabel}: niet gevraagde soort plek`
	});

	// vrij_bed: stale availability passes (count unknown) but is flagged.
	const verouderd = isStale(unit.beschikbaarheidBijgewerktOp, request.now);
	const vrij = Math.max(0, unit.vrijeBedden);
	if (!verouderd) {
		hard({
			criterium: 'vrij_bed',
			voldaan: vrij > 0,
			hard: true,
			tekst: vrij > 0 ? bedsText(vrij, unit.aantalBedden) : 'geen vrij bed'
		});
	} else {
		const laatst =
			unit.beschikbaarheidBijgewerktOp === null
				? 'beschikbaarheid nooit doorgegeven'
				: `laatst ${vrij === 0 ? 'geen vrij bed' : vrij === 1 ? '1 vrij bed' : `${vrij} vrije bedden`} gemeld, ${formatAgo(unit.beschikbaarheidBijgewerktOp, request.now)}`;
		hard({
			criterium: 'vrij_bed',
			voldaan: true,
			hard: true,
			onzeker: true,
			tekst: `vrije bedden onbekend (${laatst}): bel om te vragen`
		});
	}

	// prognose
	const prognoseReden = p.prognoseRedenen.get(unit.setting);
	if (prognoseReden) hard(prognoseReden);

	// doelgroep
	for (const doelgroep of p.requiredDoelgroepen) {
		const ok = unit.doelgroepen.includes(doelgroep);
		hard({
			criterium: 'doelgroep',
			voldaan: ok,
			hard: true,
			code: doelgroep,
			tekst: doelgroepText(doelgroep, ok)
		});
	}

	// zorgbehoefte
	for (const code of p.requiredVoorwaarden) {
		const ok = offers(unit.voorwaarden, code);
		// Met through the day-and-night consult: say what is actually offered.
		const shown = ok && code === KANTOORUREN && !unit.voorwaarden.includes(code) ? DAG_NACHT : code;
		hard({ criterium: 'zorgbehoefte', voldaan: ok, hard: true, code, tekst: voorwaardeText(shown, ok) });
	}

	// afstand
	const unitPoint = coordinatesOf(unit);
	const afstandKm = request.verblijf && unitPoint ? distanceKm(request.verblijf, unitPoint) : null;
	if (afstandKm !== null) {
		const ok = afstandKm <= request.maxAfstandKm;
		hard({
			criterium: 'afstand',
			voldaan: ok,
			hard: true,
			tekst: ok
				? `${formatKm(afstandKm)} van de verblijfplaats`
				: `${formatKm(afstandKm)}, verder dan ${request.maxAfstandKm} km`
		});
	} else {
		hard({
			criterium: 'afstand',
			voldaan: true,
			hard: true,
			onzeker: true,
			tekst: request.verblijf
				? 'afstand onbekend: locatie zonder coördinaten'
				: 'afstand onbekend: postcode van de verblijfplaats niet gevonden'
		});
	}

	if (failed > 0) {
		uitgesloten.push({ unit, afstandKm, redenen: redenen.filter((r) => !r.voldaan) });
		return;
	}

	// ---- score (candidates only) ----
	const onderdelen: ScoreOnderdelen = {
		afstand: 0,
		afstandNaasten: 0,
		expertise: 0,
		ggzConsult: 0,
		actualiteit: 0,
		maximaal: p.maximaal
	};

	if (afstandKm !== null) {
		onderdelen.afstand = WEIGHT_AFSTAND * Math.max(0, 1 - afstandKm / request.maxAfstandKm);
	}

	let afstandNaastenKm: number | null = null;
	if (request.naasten && unitPoint) {
		afstandNaastenKm = distanceKm(request.naasten, unitPoint);
		onderdelen.afstandNaasten =
			WEIGHT_AFSTAND_NAASTEN * Math.max(0, 1 - afstandNaastenKm / request.maxAfstandKm);
		redenen.push({
			criterium: 'afstand_naasten',
			voldaan: afstandNaastenKm <= request.maxAfstandKm,
			hard: false,
			tekst: `${formatKm(afstandNaastenKm)} van naasten`
		});
	}

	if (p.expertiseNeeded.length > 0) {
		let matched = 0;
		for (const expertise of p.expertiseNeeded) {
			const ok = unit.expertise.includes(expertise);
			if (ok) matched++;
			const label = (expertiseLabels.get(expertise) ?? expertise).toLowerCase();
			redenen.push({
				criterium: 'expertise',
				voldaan: ok,
				hard: false,
				code: expertise,
				tekst: ok ? `expertise in ${label}` : `geen expertise in ${label} opgegeven`
			});
		}
		onderdelen.expertise = (WEIGHT_EXPERTISE * matched) / p.expertiseNeeded.length;
	}

	if (p.ggzRelevant) {
		if (unit.voorwaarden.includes(DAG_NACHT)) {
			onderdelen.ggzConsult = WEIGHT_GGZ_CONSULT;
			redenen.push({
				criterium: 'ggz_consult',
				voldaan: true,
				hard: false,
				tekst: 'GGZ-consult dag en nacht'
			});
		} else if (unit.voorwaarden.includes(KANTOORUREN)) {
			onderdelen.ggzConsult = WEIGHT_GGZ_CONSULT * GGZ_KANTOORUREN_FACTOR;
			redenen.push({
				criterium: 'ggz_consult',
				voldaan: true,
				hard: false,
				tekst: 'GGZ-consult alleen in kantooruren'
			});
		} else {
			redenen.push({ criterium: 'ggz_consult', voldaan: false, hard: false, tekst: 'geen GGZ-consult' });
		}
	}

	if (unit.beschikbaarheidBijgewerktOp === null) {
		redenen.push({
			criterium: 'actualiteit',
			voldaan: false,
			hard: false,
			tekst: 'beschikbaarheid nooit bijgewerkt'
		});
	} else {
		const ago = formatAgo(unit.beschikbaarheidBijgewerktOp, request.now);
		const hours = hoursSinceUpdate(unit.beschikbaarheidBijgewerktOp, request.now) ?? 0;
		// Linear from full points just after an update to none at the staleness limit.
		if (!verouderd) onderdelen.actualiteit = WEIGHT_ACTUALITEIT * (1 - hours / STALE_AFTER_HOURS);
		redenen.push({
			criterium: 'actualiteit',
			voldaan: !verouderd,
			hard: false,
			tekst: verouderd ? `beschikbaarheid ${ago} bijgewerkt: verouderd` : `beschikbaarheid ${ago} bijgewerkt`
		});
	}

	const punten =
		onderdelen.afstand +
		onderdelen.afstandNaasten +
		onderdelen.expertise +
		onderdelen.ggzConsult +
		onderdelen.actualiteit;
	const score = Math.round((100 * punten) / p.maximaal);

	kandidaten.push({
		unit,
		score,
		scoreOnderdelen: onderdelen,
		afstandKm,
		afstandNaastenKm,
		verouderd,
		redenen
	});
}

/** The candidate order: score desc, then distance asc (unknown last), then id asc. */
export function compareMatches(a: Match, b: Match): number {
	return b.score - a.score || compareDistance(a.afstandKm, b.afstandKm) || compareIds(a.unit.id, b.unit.id);
}

/** Closest misses first: fewest failed conditions, then nearest, then id. */
export function compareExclusions(a: Exclusion, b: Exclusion): number {
	return (
		a.redenen.length - b.redenen.length ||
		compareDistance(a.afstandKm, b.afstandKm) ||
		compareIds(a.unit.id, b.unit.id)
	);
}

/** Matches a referral against bed units: candidates ordered best first, every other unit with why it was excluded. */
export function matchBedUnits(request: MatchRequest, units: readonly BedUnitCandidate[]): MatchResult {
	const p = prepare(request);
	const kandidaten: Match[] = [];
	const uitgesloten: Exclusion[] = [];
	for (const unit of units) evaluate(p, unit, kandidaten, uitgesloten);
	kandidaten.sort(compareMatches);
	uitgesloten.sort(compareExclusions);
	return { kandidaten, uitgesloten };
}

// ---- Indicators --------------------------------------------------------------------------------------------------------

/** Number of excluded units per hard criterium; a unit counts once per criterium, but under every criterium it failed. */
export function countExclusionsByCriterium(uitgesloten: readonly Exclusion[]): Record<HardCriterium, number> {
	const counts: Record<HardCriterium, number> = {
		setting: 0,
		vrij_bed: 0,
		prognose: 0,
		doelgroep: 0,
		zorgbehoefte: 0,
		afstand: 0
	};
	for (const exclusion of uitgesloten) {
		const seen = new Set<HardCriterium>();
		for (const reden of exclusion.redenen) {
			const criterium = reden.criterium as HardCriterium;
			if (!seen.has(criterium)) {
				seen.add(criterium);
				counts[criterium]++;
			}
		}
	}
	return counts;
}

export interface ExclusionCount {
	criterium: HardCriterium;
	/** The doelgroep or zorgbehoefte code for those criteria, otherwise null. */
	code: string | null;
	/** Units this condition excluded (possibly together with other conditions). */
	aantal: number;
	/** Units excluded by this condition alone: the bottleneck, where relaxing it would have given a candidate. */
	aantalAlleenDoorDeze: number;
}

/**
 * Exclusions per condition and code, most excluding first (then criterium, code), e.g. "zorgbehoefte
 * actief_middelengebruik: 12 units, 7 only by this". Sum these over referrals to see which conditions exclude which groups.
 */
export function countExclusions(uitgesloten: readonly Exclusion[]): ExclusionCount[] {
	const byKey = new Map<string, ExclusionCount>();
	for (const exclusion of uitgesloten) {
		const alone = exclusion.redenen.length === 1;
		for (const reden of exclusion.redenen) {
			const criterium = reden.criterium as HardCriterium;
			const code = reden.code ?? null;
			const key = `${criterium}\u0000${code ?? ''}`;
			let count = byKey.get(key);
			if (!count) {
				count = { criterium, code, aantal: 0, aantalAlleenDoorDeze: 0 };
				byKey.set(key, count);
			}
			count.aantal++;
			if (alone) count.aantalAlleenDoorDeze++;
		}
	}
	return [...byKey.values()].sort(
		(a, b) =>
			b.aantal - a.aantal ||
			hardCriteria.indexOf(a.criterium) - hardCriteria.indexOf(b.criterium) ||
			compareIds(a.code ?? '', b.code ?? '')
	);
}
