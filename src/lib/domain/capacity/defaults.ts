/**
 * Default prognosis parameters with the source text shown next to each value. Every value is a starting point a
 * beheerder can overwrite per region and year; the source travels with the value so the dashboard can say where a
 * number comes from and which numbers are assumptions rather than data.
 */
import type { ZorgSetting } from '../organisation/taxonomy';

/** Where a parameter value comes from. `aanname` marks a value that is a working assumption, not a measurement. */
export interface Bron {
	tekst: string;
	aanname: boolean;
}

/** The year the prognosis looks towards; the gap table runs up to and including this year. */
export const PROGNOSIS_HORIZON_YEAR = 2030;

/** Deaths in the Netherlands per year, the national reference used for the sanity check. */
export const NATIONAL_DEATHS = 169_000;
export const NATIONAL_DEATHS_YEAR = 2022;
export const NATIONAL_DEATHS_SOURCE: Bron = {
	tekst: 'CBS StatLine (Overledenen; 37259ENG): ongeveer 169.000 overledenen per jaar in Nederland (2022).',
	aanname: false
};

/** Share of all deaths that is expected (not sudden): the people who may need palliative care. */
export const EXPECTED_DEATH_SHARE = 2 / 3;
export const EXPECTED_DEATH_SHARE_SOURCE: Bron = {
	tekst:
		'IKNL, Palliatieve zorg in cijfers: ongeveer twee derde van de sterfgevallen is niet plotseling (verwacht overlijden).',
	aanname: false
};

/** Share of expected deaths that needs a hospice setting, as a band: the two edges give the low and high prognosis. */
export const HOSPICE_SHARE_LOW = 0.09;
export const HOSPICE_SHARE_HIGH = 0.1;
export const HOSPICE_SHARE_SOURCE: Bron = {
	tekst:
		'IKNL, Palliatieve zorg in cijfers: ongeveer 9–10% van de verwachte sterfgevallen vindt plaats in een hospicevoorziening.',
	aanname: false
};

/** Average length of stay in a hospice setting, in days. */
export const LENGTH_OF_STAY_DAYS = 22;
export const LENGTH_OF_STAY_SOURCE: Bron = {
	tekst:
		'Gemiddelde verblijfsduur in een hospicevoorziening: ongeveer 22 dagen (uitgangspunt van de regionale capaciteitsprognose; vervang door eigen cijfers uit de jaarverslagen van de hospices).',
	aanname: false
};

/** Target occupancy: beds are planned so that on average this share is in use, leaving room for peaks. */
export const OCCUPANCY_NORM = 0.8;
export const OCCUPANCY_NORM_SOURCE: Bron = {
	tekst:
		'Gangbare bezettingsnorm voor hospicevoorzieningen: 80% (uitgangspunt van de regionale capaciteitsprognose).',
	aanname: false
};

/**
 * Yearly growth of deaths until a regional prognosis is entered. Deliberately a round placeholder, not a sourced
 * figure: deaths are expected to rise as the population ages, but the rate differs per region, so it is flagged.
 */
export const DEATHS_GROWTH_RATE = 0.01;
export const DEATHS_GROWTH_RATE_SOURCE: Bron = {
	tekst:
		'AANNAME: het aantal overledenen groeit met 1% per jaar (vergrijzing), gewogen naar het aandeel 75-plussers in de regio. Vervang dit door een regionale prognose zodra die er is.',
	aanname: true
};

/** CBS deaths per gemeente are in the open data for these years; the latest is the default base year. */
export const CBS_DEATHS_YEARS = [2021, 2022, 2023] as const;
export const DEFAULT_BASE_YEAR = 2023;
export const REGIONAL_BASE_DEATHS_SOURCE: Bron = {
	tekst:
		'CBS StatLine (37259ENG): overledenen per gemeente, opgeteld over de gemeenten van de regio (gedeelde gemeenten naar geschat aandeel inwoners).',
	aanname: false
};

/** Default chance of finding no free bed that the Erlang-B measure plans against. */
export const BLOCKING_TARGET = 0.1;

export interface ShareBandDefault {
	laag: number;
	hoog: number;
	bron: Bron;
}

/**
 * Settings with a published share. Only the hospice setting has one; for the other settings a beheerder enters the
 * share, so the prognosis never shows a number that looks sourced but is not.
 */
export const DEFAULT_SETTING_SHARES: Partial<Record<ZorgSetting, ShareBandDefault>> = {
	hospice: { laag: HOSPICE_SHARE_LOW, hoog: HOSPICE_SHARE_HIGH, bron: HOSPICE_SHARE_SOURCE }
};
