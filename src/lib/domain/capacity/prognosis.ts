/**
 * Beds needed per region, year and setting:
 *
 *   beds = expected deaths × share needing the setting × average length of stay ÷ (365 × occupancy norm)
 *
 * where expected deaths = all deaths × share of deaths that is expected (not sudden). The numerator is the number of
 * bed-days needed in a year; dividing by 365 gives the beds in use on an average day, and dividing by the norm adds the
 * slack that keeps occupancy at the norm. Computed as a band: the low and high share give the two edges.
 */
import type { ZorgSetting } from '../organisation/taxonomy';
import {
	type Bron,
	type ShareBandDefault,
	DEATHS_GROWTH_RATE,
	DEATHS_GROWTH_RATE_SOURCE,
	DEFAULT_BASE_YEAR,
	DEFAULT_SETTING_SHARES,
	EXPECTED_DEATH_SHARE,
	EXPECTED_DEATH_SHARE_SOURCE,
	LENGTH_OF_STAY_DAYS,
	LENGTH_OF_STAY_SOURCE,
	OCCUPANCY_NORM,
	OCCUPANCY_NORM_SOURCE,
	REGIONAL_BASE_DEATHS_SOURCE
} from './defaults';

export const DAYS_PER_YEAR = 365;

export interface BedsNeededInput {
	/** Expected (non-sudden) deaths in the year. */
	verwachteOverledenen: number;
	/** Share of expected deaths that needs this setting (0–1). */
	aandeelSetting: number;
	ligduurDagen: number;
	/** Target occupancy (0–1]. */
	bezettingsnorm: number;
}

/** The capacity formula for one share; unrounded, so callers decide how to present part of a bed. */
export function bedsNeeded(input: BedsNeededInput): number {
	const bedDays = input.verwachteOverledenen * input.aandeelSetting * input.ligduurDagen;
	return bedDays / (DAYS_PER_YEAR * input.bezettingsnorm);
}

/** Rounding up must not turn 31.000000000004 into 32: ignore floating-point noise below this. */
const BED_ROUNDING_TOLERANCE = 1e-9;

/** Whole beds needed for a fractional need: a part of a bed is a bed. */
export function wholeBeds(beds: number): number {
	return Math.max(0, Math.ceil(beds - BED_ROUNDING_TOLERANCE));
}

/** The values the formula needs for one year. */
export interface YearValues {
	/** All deaths in the region (not only expected ones). */
	overledenen: number;
	aandeelVerwacht: number;
	aandeelLaag: number;
	aandeelHoog: number;
	ligduurDagen: number;
	bezettingsnorm: number;
}

/** A value entered for one year (e.g. a regional deaths prognosis), with its own source. */
export type YearOverride = Partial<YearValues> & { bron?: Bron };

/** Parameters whose source is recorded; the low and high share share one source. */
export type ParameterKey =
	| 'basisOverledenen'
	| 'groeiPerJaar'
	| 'aandeelVerwacht'
	| 'aandeelSetting'
	| 'ligduurDagen'
	| 'bezettingsnorm';

export type Bronnen = Partial<Record<ParameterKey, Bron>>;

/** The stored, editable parameters of one region and setting. */
export interface PrognosisParameters {
	regio: string;
	setting: ZorgSetting;
	basisJaar: number;
	/** All deaths in the region in the base year. */
	basisOverledenen: number;
	/** Yearly growth of deaths as a fraction (0.01 = 1%), used for years without entered deaths. */
	groeiPerJaar: number;
	aandeelVerwacht: number;
	aandeelLaag: number;
	aandeelHoog: number;
	ligduurDagen: number;
	bezettingsnorm: number;
	/** Values entered for particular years; they win over the base values and the growth path. */
	perJaar?: Readonly<Record<number, YearOverride>>;
	bronnen: Bronnen;
}

/** 'ingevoerd': deaths entered for this year; 'groei': base-year deaths grown by the yearly rate. */
export type DeathsOrigin = 'ingevoerd' | 'groei';

export interface ResolvedYear extends YearValues {
	jaar: number;
	overledenenHerkomst: DeathsOrigin;
	/** Parameters that rest on an assumption in this year, so the dashboard can mark the result as such. */
	aannames: ParameterKey[];
}

const YEAR_VALUE_SOURCE_KEY: Record<keyof YearValues, ParameterKey> = {
	overledenen: 'basisOverledenen',
	aandeelVerwacht: 'aandeelVerwacht',
	aandeelLaag: 'aandeelSetting',
	aandeelHoog: 'aandeelSetting',
	ligduurDagen: 'ligduurDagen',
	bezettingsnorm: 'bezettingsnorm'
};

/** Deaths grown from the base year: base × (1 + rate)^(years since base). Also runs backwards for earlier years. */
export function deathsFromGrowth(
	basisOverledenen: number,
	basisJaar: number,
	groeiPerJaar: number,
	jaar: number
) {
	return basisOverledenen * Math.pow(1 + groeiPerJaar, jaar - basisJaar);
}

/** The values that apply in one year, with where the deaths come from and which values are assumptions. */
export function resolveYear(params: PrognosisParameters, jaar: number): ResolvedYear {
	const override = params.perJaar?.[jaar] ?? {};
	const aannames = new Set<ParameterKey>();
	const pick = (key: keyof Omit<YearValues, 'overledenen'>): number => {
		const entered = override[key];
		if (entered !== undefined) {
			if (override.bron?.aanname) aannames.add(YEAR_VALUE_SOURCE_KEY[key]);
			return entered;
		}
		if (params.bronnen[YEAR_VALUE_SOURCE_KEY[key]]?.aanname) aannames.add(YEAR_VALUE_SOURCE_KEY[key]);
		return params[key];
	};

	let overledenen: number;
	let overledenenHerkomst: DeathsOrigin;
	if (override.overledenen !== undefined) {
		overledenen = override.overledenen;
		overledenenHerkomst = 'ingevoerd';
		if (override.bron?.aanname) aannames.add('basisOverledenen');
	} else {
		overledenen = deathsFromGrowth(params.basisOverledenen, params.basisJaar, params.groeiPerJaar, jaar);
		overledenenHerkomst = 'groei';
		if (params.bronnen.basisOverledenen?.aanname) aannames.add('basisOverledenen');
		// The growth rate only shapes the number when the year differs from the base year.
		if (jaar !== params.basisJaar && params.bronnen.groeiPerJaar?.aanname) aannames.add('groeiPerJaar');
	}

	const values = {
		aandeelVerwacht: pick('aandeelVerwacht'),
		aandeelLaag: pick('aandeelLaag'),
		aandeelHoog: pick('aandeelHoog'),
		ligduurDagen: pick('ligduurDagen'),
		bezettingsnorm: pick('bezettingsnorm')
	};
	return { jaar, overledenen, overledenenHerkomst, ...values, aannames: [...aannames] };
}

export interface NeededBand {
	laag: number;
	hoog: number;
}

export interface ComputedPrognosis extends NeededBand {
	jaar: number;
	/** Expected (non-sudden) deaths: all deaths × expected share. */
	verwachteOverledenen: number;
	/** Patients per year needing the setting, low and high: the arrivals the Erlang-B measure starts from. */
	opnamesLaag: number;
	opnamesHoog: number;
	parameters: ResolvedYear;
}

/** The model's band of beds needed in one year, unrounded. */
export function computeNeeded(params: PrognosisParameters, jaar: number): ComputedPrognosis {
	const year = resolveYear(params, jaar);
	const verwachteOverledenen = year.overledenen * year.aandeelVerwacht;
	// A scenario may move one edge of the share past the other; the band is still the span between them.
	const aandeelLaag = Math.min(year.aandeelLaag, year.aandeelHoog);
	const aandeelHoog = Math.max(year.aandeelLaag, year.aandeelHoog);
	const beds = (aandeelSetting: number) =>
		bedsNeeded({
			verwachteOverledenen,
			aandeelSetting,
			ligduurDagen: year.ligduurDagen,
			bezettingsnorm: year.bezettingsnorm
		});
	return {
		jaar,
		verwachteOverledenen,
		opnamesLaag: verwachteOverledenen * aandeelLaag,
		opnamesHoog: verwachteOverledenen * aandeelHoog,
		laag: beds(aandeelLaag),
		hoog: beds(aandeelHoog),
		parameters: year
	};
}

/** A prognosis a network made itself, entered (or imported from CSV) as a band of beds. */
export interface ExternalPrognosis {
	regio: string;
	jaar: number;
	setting: ZorgSetting;
	laag: number;
	hoog: number;
	bron?: string;
}

export type NeededSource = 'extern' | 'berekend';

export interface ResolvedNeeded extends NeededBand {
	jaar: number;
	bron: NeededSource;
	/** Always present, so the dashboard can show the model next to an external prognosis. */
	berekend: ComputedPrognosis;
	extern: ExternalPrognosis | null;
}

export interface ResolveNeededOptions {
	/** Use the model even where an external prognosis exists (a scenario changes the model's assumptions only). */
	negeerExtern?: boolean;
}

/**
 * The band that applies in a year. A network's own prognosis takes precedence over the model: it knows the region
 * better than national averages do. When several rows match, the last one wins (the most recent import).
 */
export function resolveNeeded(
	params: PrognosisParameters,
	jaar: number,
	extern: readonly ExternalPrognosis[] = [],
	options: ResolveNeededOptions = {}
): ResolvedNeeded {
	const berekend = computeNeeded(params, jaar);
	const match = options.negeerExtern
		? undefined
		: extern.findLast((e) => e.regio === params.regio && e.setting === params.setting && e.jaar === jaar);
	if (match) return { jaar, laag: match.laag, hoog: match.hoog, bron: 'extern', berekend, extern: match };
	return { jaar, laag: berekend.laag, hoog: berekend.hoog, bron: 'berekend', berekend, extern: null };
}

export interface DefaultParametersInput {
	regio: string;
	setting: ZorgSetting;
	/** All deaths in the region in the base year, e.g. from `regionalDeaths`. */
	basisOverledenen: number;
	basisJaar?: number;
	/** Defaults to the national assumption; pass `ageWeightedGrowthRate(...)` to weight it for the region. */
	groeiPerJaar?: number;
	/** Required for settings without a published default share. */
	aandeel?: ShareBandDefault;
}

/** Parameters filled with the documented defaults, each with its source, ready for a beheerder to edit. */
export function defaultPrognosisParameters(input: DefaultParametersInput): PrognosisParameters {
	const aandeel = input.aandeel ?? DEFAULT_SETTING_SHARES[input.setting];
	if (!aandeel) throw new Error(`No default share for setting '${input.setting}': pass one explicitly.`);
	return {
		regio: input.regio,
		setting: input.setting,
		basisJaar: input.basisJaar ?? DEFAULT_BASE_YEAR,
		basisOverledenen: input.basisOverledenen,
		groeiPerJaar: input.groeiPerJaar ?? DEATHS_GROWTH_RATE,
		aandeelVerwacht: EXPECTED_DEATH_SHARE,
		aandeelLaag: aandeel.laag,
		aandeelHoog: aandeel.hoog,
		ligduurDagen: LENGTH_OF_STAY_DAYS,
		bezettingsnorm: OCCUPANCY_NORM,
		bronnen: {
			basisOverledenen: REGIONAL_BASE_DEATHS_SOURCE,
			groeiPerJaar: DEATHS_GROWTH_RATE_SOURCE,
			aandeelVerwacht: EXPECTED_DEATH_SHARE_SOURCE,
			aandeelSetting: aandeel.bron,
			ligduurDagen: LENGTH_OF_STAY_SOURCE,
			bezettingsnorm: OCCUPANCY_NORM_SOURCE
		}
	};
}
