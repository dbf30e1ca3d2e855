import { haversineKm, roundKm, type LatLon } from '../geo/distance';

/**
 * Which services of the directory answer for a place. The rule (also in the README of the wegwijzer):
 *
 * 1. A service counts when it serves one of the regions that cover the gemeente (service_regions), or, when it has no
 *    service area at all, when one of its locations is in the gemeente or within {@link NABIJ_KM} km of the postcode.
 *    A service whose service area lies elsewhere is never shown, however close: it told us it does not work here.
 * 2. Close by beats far away: per category, services of the most specific region (the sub-region, e.g. Meppel-
 *    Steenwijkerland) or located in the gemeente itself come first; only when a category has none there, the services of
 *    the wider network are used (a huisarts practice in Emmen is no answer for someone in Steenwijk if there is one in
 *    Steenwijk).
 *    Help that is local by nature (huisarts, apotheek, sociaal werk, Wmo-loket, mantelzorgondersteuning, wijkverpleging)
 *    is taken from the wider network only within {@link LOKAAL_MAX_KM} km: a sociaal werker 35 km away is no answer.
 * 3. Nearest first by straight-line distance from the postcode point, at most {@link MAX_PER_CATEGORIE} per category, so
 *    the page stays short and readable.
 */

export const NABIJ_KM = 15;
export const LOKAAL_MAX_KM = 20;
export const MAX_PER_CATEGORIE = 3;

/** Categories whose help is bound to where someone lives. */
export const LOKALE_CATEGORIEEN: ReadonlySet<string> = new Set([
	'huisarts',
	'apotheek',
	'sociaal_werk',
	'gemeente_wmo',
	'mantelzorgondersteuning',
	'wijkverpleging'
]);

export interface Kandidaat {
	categorie: string;
	voorProfessionals: boolean;
	/** The place's regions the service is linked to. */
	regioIds: readonly string[];
	zonderWerkgebied: boolean;
	locaties: readonly { gemeenteCode: string | null; lat: number | null; lon: number | null }[];
}

export interface PlaatsVoorSelectie {
	gemeenteCode: string;
	punt: LatLon | null;
	/** The most specific regions of the place (sub-regions when there are any, otherwise the networks). */
	specifiekeRegioIds: readonly string[];
}

export type Gekozen<K> = K & {
	afstandKm: number | null;
	/** 1: in the gemeente or its sub-region; 2: elsewhere in the wider network or nearby without a service area. */
	niveau: 1 | 2;
};

function afstand(k: Kandidaat, punt: LatLon | null): number | null {
	if (!punt) return null;
	let beste: number | null = null;
	for (const l of k.locaties) {
		if (l.lat === null || l.lon === null) continue;
		const km = haversineKm(punt, { lat: l.lat, lon: l.lon });
		if (beste === null || km < beste) beste = km;
	}
	return beste === null ? null : roundKm(beste);
}

export function kiesDiensten<K extends Kandidaat>(
	kandidaten: readonly K[],
	plaats: PlaatsVoorSelectie,
	opties: { maxPerCategorie?: number; nabijKm?: number } = {}
): Gekozen<K>[] {
	const max = opties.maxPerCategorie ?? MAX_PER_CATEGORIE;
	const nabij = opties.nabijKm ?? NABIJ_KM;
	const specifiek = new Set(plaats.specifiekeRegioIds);

	const beoordeeld: Gekozen<K>[] = [];
	for (const k of kandidaten) {
		const afstandKm = afstand(k, plaats.punt);
		const inGemeente = k.locaties.some((l) => l.gemeenteCode === plaats.gemeenteCode);
		if (k.zonderWerkgebied) {
			if (!inGemeente && (afstandKm === null || afstandKm > nabij)) continue;
			beoordeeld.push({ ...k, afstandKm, niveau: inGemeente ? 1 : 2 });
		} else {
			if (k.regioIds.length === 0) continue;
			const dichtbij = inGemeente || k.regioIds.some((id) => specifiek.has(id));
			if (
				!dichtbij &&
				LOKALE_CATEGORIEEN.has(k.categorie) &&
				(afstandKm === null || afstandKm > LOKAAL_MAX_KM)
			)
				continue;
			beoordeeld.push({ ...k, afstandKm, niveau: dichtbij ? 1 : 2 });
		}
	}

	const perSoort = new Map<string, Gekozen<K>[]>();
	for (const k of beoordeeld) {
		const sleutel = `${k.voorProfessionals ? 'prof' : 'publiek'}:${k.categorie}`;
		perSoort.set(sleutel, [...(perSoort.get(sleutel) ?? []), k]);
	}
	const gekozen: Gekozen<K>[] = [];
	for (const groep of perSoort.values()) {
		const besteNiveau = Math.min(...groep.map((k) => k.niveau));
		gekozen.push(
			...groep
				.filter((k) => k.niveau === besteNiveau)
				.sort((a, b) => (a.afstandKm ?? Infinity) - (b.afstandKm ?? Infinity))
				.slice(0, max)
		);
	}
	return gekozen;
}

/** The most specific regions of a place: its sub-regions when it has any, otherwise its networks. */
export function specifiekeRegios(regios: readonly { id: string; parentId: string | null }[]): string[] {
	const sub = regios.filter((r) => r.parentId !== null);
	return (sub.length ? sub : regios).map((r) => r.id);
}

/** A box of about `km` around a point, for a cheap database pre-filter before the exact distance. */
export function kaderRond(punt: LatLon, km: number) {
	const dLat = km / 111;
	const dLon = km / (111 * Math.cos((punt.lat * Math.PI) / 180));
	return {
		minLat: punt.lat - dLat,
		maxLat: punt.lat + dLat,
		minLon: punt.lon - dLon,
		maxLon: punt.lon + dLon
	};
}
