import { themaVolgorde } from './themas';

/**
 * Which text and which categories a question has in a place. A question is either standard (regionId null: every region)
 * or a region's own question. A region may change a question with an adjustment (aanpassing) that replaces the title, the
 * explanation, the categories and may hide it. The most specific region wins: a sub-region's adjustment before its
 * network's, and with a gemeente split between regions the one with the larger share.
 */

export interface VraagRij {
	id: string;
	slug: string;
	/** null: a standard question for every region; otherwise the region that added it. */
	regionId: string | null;
	thema: string;
	titel: string;
	uitleg: string;
	categorieen: string[];
	volgorde: number;
	actief: boolean;
	version: number;
}

export interface AanpassingRij {
	vraagId: string;
	regionId: string;
	titel: string;
	uitleg: string;
	categorieen: string[];
	verborgen: boolean;
	version: number;
}

export interface RegioVanPlaats {
	id: string;
	parentId: string | null;
	/** Share of the gemeente in this region (0–1). */
	aandeel: number;
}

export type VraagBron = 'standaard' | 'aangepast' | 'eigen';

export interface EffectieveVraag {
	id: string;
	slug: string;
	thema: string;
	titel: string;
	uitleg: string;
	categorieen: string[];
	volgorde: number;
	/** Hidden in this place (by an adjustment, or an own question switched off). */
	verborgen: boolean;
	bron: VraagBron;
	/** The region whose adjustment applies, when `bron` is 'aangepast'. */
	aanpassingRegionId: string | null;
	/** The region that added the question; null for a standard question. */
	eigenaarRegionId: string | null;
}

/** Regions of a place, most specific first: sub-regions before networks, larger share first. */
export function regioVoorrang(regios: readonly RegioVanPlaats[]): string[] {
	return [...regios]
		.sort((a, b) => Number(a.parentId === null) - Number(b.parentId === null) || b.aandeel - a.aandeel)
		.map((r) => r.id);
}

/**
 * The questions as they apply to a place whose regions are `regioIds` (most specific first, see {@link regioVoorrang}).
 * Hidden questions are kept with `verborgen: true` (the beheer editor shows them); the public pages filter them out.
 * Sorted by theme, then by `volgorde`, then by title.
 */
export function effectieveVragen(
	vragen: readonly VraagRij[],
	aanpassingen: readonly AanpassingRij[],
	regioIds: readonly string[]
): EffectieveVraag[] {
	const rang = new Map(regioIds.map((id, i) => [id, i]));
	const beste = new Map<string, AanpassingRij>();
	for (const a of aanpassingen) {
		const r = rang.get(a.regionId);
		if (r === undefined) continue;
		const huidige = beste.get(a.vraagId);
		if (!huidige || r < (rang.get(huidige.regionId) ?? Infinity)) beste.set(a.vraagId, a);
	}
	return vragen
		.filter((v) => v.regionId === null || rang.has(v.regionId))
		.map((v): EffectieveVraag => {
			const a = beste.get(v.id);
			return {
				id: v.id,
				slug: v.slug,
				thema: v.thema,
				titel: a?.titel ?? v.titel,
				uitleg: a?.uitleg ?? v.uitleg,
				categorieen: [...(a?.categorieen ?? v.categorieen)],
				volgorde: v.volgorde,
				verborgen: !v.actief || (a?.verborgen ?? false),
				bron: a ? 'aangepast' : v.regionId === null ? 'standaard' : 'eigen',
				aanpassingRegionId: a?.regionId ?? null,
				eigenaarRegionId: v.regionId
			};
		})
		.sort(
			(a, b) =>
				themaVolgorde(a.thema) - themaVolgorde(b.thema) ||
				a.volgorde - b.volgorde ||
				a.titel.localeCompare(b.titel, 'nl')
		);
}

export interface Themagroep<V> {
	thema: string;
	vragen: V[];
}

/** Questions grouped per theme, themes in their fixed order (the input is already sorted by {@link effectieveVragen}). */
export function groepeerPerThema<V extends { thema: string }>(vragen: readonly V[]): Themagroep<V>[] {
	const groepen: Themagroep<V>[] = [];
	for (const v of vragen) {
		const laatste = groepen.at(-1);
		if (laatste && laatste.thema === v.thema) laatste.vragen.push(v);
		else groepen.push({ thema: v.thema, vragen: [v] });
	}
	return groepen;
}

/** A URL-safe slug from a title: "Ik zorg voor mijn partner" → "ik-zorg-voor-mijn-partner". */
export function maakSlug(titel: string): string {
	const slug = titel
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/g, '');
	return slug || 'vraag';
}
