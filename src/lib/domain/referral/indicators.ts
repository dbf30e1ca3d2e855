/**
 * Aggregated indicators over referrals for a network: never per referral, only counts and distributions. Pure: the caller
 * loads the rows of one region and period (see services/referral-indicators.ts).
 */
import { csvCell } from '../csv';
import { doelgroepen as doelgroepTerms, opnameVoorwaarden, zorgSettings } from '../organisation/taxonomy';
import type { ExclusionCount, HardCriterium } from './matching';
import {
	afwijsredenen,
	afwijsredenLabels,
	type Afwijsreden,
	type VerwijzingStatus,
	type VerzoekStatus
} from './transitions';

export interface IndicatorReferral {
	id: string;
	doelgroepen: readonly string[];
	createdAt: Date;
	status: VerwijzingStatus;
	aantalKandidaten: number | null;
	uitsluitingen: readonly ExclusionCount[] | null;
}

export interface IndicatorRequest {
	referralId: string;
	status: VerzoekStatus;
	afwijsreden: Afwijsreden | null;
	/** Gemeente of the bed unit the request went to. */
	gemeenteCode: string | null;
	afstandNaastenKm: number | null;
	beantwoordAt: Date | null;
}

export interface Spreiding {
	aantal: number;
	mediaan: number;
	p25: number;
	p75: number;
	min: number;
	max: number;
}

export interface Telling {
	code: string;
	label: string;
	aantal: number;
}

export interface KnelpuntTelling {
	criterium: HardCriterium;
	code: string | null;
	label: string;
	/** Referrals without any candidate in which this condition alone excluded at least one unit. */
	verwijzingen: number;
	/** Bed units this condition excluded on its own, summed over those referrals. */
	eenheden: number;
}

export interface ReferralIndicators {
	aantalVerwijzingen: number;
	aantalGeplaatst: number;
	aantalZonderKandidaat: number;
	/** Hours from referral to acceptance, over placed referrals. Null when nothing was placed. */
	tijdTotAcceptatieUren: Spreiding | null;
	plaatsingen: { binnenRegio: number; buitenRegio: number; onbekend: number };
	afstandNaasten: { spreiding: Spreiding | null; banden: Telling[] };
	afwijzingenPerReden: Telling[];
	afwijzingenPerDoelgroep: Telling[];
	zonderKandidaatPerKnelpunt: KnelpuntTelling[];
}

/** Quantile with linear interpolation between order statistics (the "type 7" rule of spreadsheets and R). */
export function quantile(sorted: readonly number[], q: number): number {
	if (sorted.length === 0) throw new Error('quantile of an empty list');
	const pos = (sorted.length - 1) * q;
	const lower = Math.floor(pos);
	const upper = Math.ceil(pos);
	return sorted[lower] + (sorted[upper] - sorted[lower]) * (pos - lower);
}

export function spreiding(values: readonly number[]): Spreiding | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const round = (n: number) => Math.round(n * 10) / 10;
	return {
		aantal: sorted.length,
		mediaan: round(quantile(sorted, 0.5)),
		p25: round(quantile(sorted, 0.25)),
		p75: round(quantile(sorted, 0.75)),
		min: round(sorted[0]),
		max: round(sorted[sorted.length - 1])
	};
}

/** Distance bands for "distance to naasten" (km, upper bound inclusive). */
export const AFSTAND_BANDEN: readonly { code: string; label: string; tot: number }[] = [
	{ code: '0-5', label: 'tot en met 5 km', tot: 5 },
	{ code: '5-15', label: '5 tot en met 15 km', tot: 15 },
	{ code: '15-30', label: '15 tot en met 30 km', tot: 30 },
	{ code: '30+', label: 'meer dan 30 km', tot: Infinity }
];

const GEEN_DOELGROEP = 'algemeen';
const doelgroepLabels = new Map<string, string>(doelgroepTerms.map((t) => [t.code, t.label]));
const voorwaardeLabels = new Map<string, string>(opnameVoorwaarden.map((t) => [t.code, t.label]));
const settingLabels = new Map<string, string>(zorgSettings.map((t) => [t.code, t.label]));

export const criteriumLabels: Record<HardCriterium, string> = {
	setting: 'Soort plek niet gevraagd',
	vrij_bed: 'Geen vrij bed',
	prognose: 'Prognose past niet bij de soort plek',
	doelgroep: 'Doelgroep niet toegelaten',
	zorgbehoefte: 'Zorgbehoefte niet geboden',
	afstand: 'Verder dan de maximale afstand'
};

export function knelpuntLabel(criterium: HardCriterium, code: string | null): string {
	const base = criteriumLabels[criterium];
	if (!code) return base;
	const naam =
		criterium === 'doelgroep'
			? doelgroepLabels.get(code)
			: criterium === 'zorgbehoefte'
				? voorwaardeLabels.get(code)
				: settingLabels.get(code);
	return `${base}: ${(naam ?? code).toLowerCase()}`;
}

export function doelgroepLabel(code: string): string {
	return code === GEEN_DOELGROEP ? 'Geen bijzondere doelgroep' : (doelgroepLabels.get(code) ?? code);
}

/**
 * @param regionGemeenten the gemeenten of the selected region: a placement in one of them counts as within the region.
 */
export function computeIndicators(
	referrals: readonly IndicatorReferral[],
	requests: readonly IndicatorRequest[],
	regionGemeenten: ReadonlySet<string>
): ReferralIndicators {
	const byId = new Map(referrals.map((r) => [r.id, r]));
	const ownRequests = requests.filter((q) => byId.has(q.referralId));

	// Time to acceptance and placements: the accepted request of each placed referral (at most one per referral).
	const uren: number[] = [];
	const plaatsingen = { binnenRegio: 0, buitenRegio: 0, onbekend: 0 };
	const naasten: number[] = [];
	for (const q of ownRequests) {
		if (q.status !== 'geaccepteerd') continue;
		const referral = byId.get(q.referralId)!;
		if (q.beantwoordAt) uren.push((q.beantwoordAt.getTime() - referral.createdAt.getTime()) / 3_600_000);
		if (!q.gemeenteCode) plaatsingen.onbekend++;
		else if (regionGemeenten.has(q.gemeenteCode)) plaatsingen.binnenRegio++;
		else plaatsingen.buitenRegio++;
		if (q.afstandNaastenKm !== null) naasten.push(q.afstandNaastenKm);
	}
	const banden = AFSTAND_BANDEN.map((b) => ({ code: b.code, label: b.label, aantal: 0 }));
	for (const km of naasten) banden[AFSTAND_BANDEN.findIndex((b) => km <= b.tot)].aantal++;

	// Declines by reason (every reason listed, also with 0) and by doelgroep of the referral.
	const perReden = new Map<string, number>(afwijsredenen.map((r) => [r, 0]));
	const perDoelgroep = new Map<string, number>();
	for (const q of ownRequests) {
		if (q.status !== 'afgewezen' || !q.afwijsreden) continue;
		perReden.set(q.afwijsreden, (perReden.get(q.afwijsreden) ?? 0) + 1);
		const groepen = byId.get(q.referralId)!.doelgroepen.filter((d) => d !== GEEN_DOELGROEP);
		for (const d of groepen.length ? groepen : [GEEN_DOELGROEP])
			perDoelgroep.set(d, (perDoelgroep.get(d) ?? 0) + 1);
	}

	// Referrals without any candidate, by the condition that on its own excluded units (the bottleneck).
	const knelpunten = new Map<string, KnelpuntTelling>();
	let zonderKandidaat = 0;
	for (const r of referrals) {
		if (r.aantalKandidaten !== 0) continue;
		zonderKandidaat++;
		for (const u of r.uitsluitingen ?? []) {
			if (u.aantalAlleenDoorDeze === 0) continue;
			const key = `${u.criterium}\u0000${u.code ?? ''}`;
			let t = knelpunten.get(key);
			if (!t)
				knelpunten.set(
					key,
					(t = {
						criterium: u.criterium,
						code: u.code,
						label: knelpuntLabel(u.criterium, u.code),
						verwijzingen: 0,
						eenheden: 0
					})
				);
			t.verwijzingen++;
			t.eenheden += u.aantalAlleenDoorDeze;
		}
	}

	return {
		aantalVerwijzingen: referrals.length,
		aantalGeplaatst: referrals.filter((r) => r.status === 'geplaatst').length,
		aantalZonderKandidaat: zonderKandidaat,
		tijdTotAcceptatieUren: spreiding(uren),
		plaatsingen,
		afstandNaasten: { spreiding: spreiding(naasten), banden },
		afwijzingenPerReden: afwijsredenen.map((code) => ({
			code,
			label: afwijsredenLabels[code],
			aantal: perReden.get(code) ?? 0
		})),
		afwijzingenPerDoelgroep: [...perDoelgroep.entries()]
			.map(([code, aantal]) => ({ code, label: doelgroepLabel(code), aantal }))
			.sort((a, b) => b.aantal - a.aantal || a.label.localeCompare(b.label, 'nl')),
		zonderKandidaatPerKnelpunt: [...knelpunten.values()].sort(
			(a, b) =>
				b.verwijzingen - a.verwijzingen || b.eenheden - a.eenheden || a.label.localeCompare(b.label, 'nl')
		)
	};
}

// ---- CSV ---------------------------------------------------------------------------------------------------------------

const nl = (n: number) => String(n).replace('.', ',');

/** One row per figure: indicator, part, value (Dutch decimal comma), unit. The same numbers as the page's tables. */
export function indicatorRows(
	i: ReferralIndicators,
	context: { regio: string; van: string; tot: string }
): string[][] {
	const rows: string[][] = [['indicator', 'onderdeel', 'waarde', 'eenheid', 'regio', 'van', 'tot en met']];
	const add = (indicator: string, onderdeel: string, waarde: number | string, eenheid: string) =>
		rows.push([
			indicator,
			onderdeel,
			typeof waarde === 'number' ? nl(waarde) : waarde,
			eenheid,
			context.regio,
			context.van,
			context.tot
		]);
	add('Verwijzingen', 'totaal', i.aantalVerwijzingen, 'aantal');
	add('Verwijzingen', 'geplaatst', i.aantalGeplaatst, 'aantal');
	add('Verwijzingen', 'zonder kandidaat', i.aantalZonderKandidaat, 'aantal');
	const t = i.tijdTotAcceptatieUren;
	add('Tijd tot acceptatie', 'aantal geplaatst', t?.aantal ?? 0, 'aantal');
	if (t) {
		add('Tijd tot acceptatie', 'mediaan', t.mediaan, 'uur');
		add('Tijd tot acceptatie', '25e percentiel', t.p25, 'uur');
		add('Tijd tot acceptatie', '75e percentiel', t.p75, 'uur');
		add('Tijd tot acceptatie', 'kortste', t.min, 'uur');
		add('Tijd tot acceptatie', 'langste', t.max, 'uur');
	}
	add('Plaatsingen', 'binnen de regio', i.plaatsingen.binnenRegio, 'aantal');
	add('Plaatsingen', 'buiten de regio', i.plaatsingen.buitenRegio, 'aantal');
	add('Plaatsingen', 'onbekend', i.plaatsingen.onbekend, 'aantal');
	const a = i.afstandNaasten.spreiding;
	if (a) add('Afstand tot naasten', 'mediaan', a.mediaan, 'km');
	for (const b of i.afstandNaasten.banden) add('Afstand tot naasten', b.label, b.aantal, 'aantal');
	for (const r of i.afwijzingenPerReden) add('Afwijzingen per reden', r.label, r.aantal, 'aantal');
	for (const d of i.afwijzingenPerDoelgroep) add('Afwijzingen per doelgroep', d.label, d.aantal, 'aantal');
	for (const k of i.zonderKandidaatPerKnelpunt) {
		add('Zonder kandidaat per knelpunt', k.label, k.verwijzingen, 'verwijzingen');
		add('Zonder kandidaat per knelpunt', `${k.label} (uitgesloten eenheden)`, k.eenheden, 'eenheden');
	}
	return rows;
}

/**
 * CSV as Dutch spreadsheets open it: semicolon-separated, CRLF, fields quoted when needed. Cells that start with = + - @
 * get a leading apostrophe so a spreadsheet never runs them as a formula.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
	return rows.map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
