/**
 * The wegwijzer: from a postcode or gemeente and a question to whom to call, from the directory of that region; and the
 * beheerder's editor for the questions.
 *
 * Which services answer for a place is decided in src/lib/domain/wegwijzer/selectie.ts (sub-region first, then the
 * network; services without a service area only nearby; nearest first). The order on the page (question order, day-and-night
 * lines first outside office hours, professionals apart) is src/lib/domain/wegwijzer/ordening.ts.
 *
 * Editing: a beheerder changes questions for their network or one of its sub-regions. A change to a standard question is
 * an adjustment (wegwijzer_aanpassingen) for that region; a region's own question is edited in place. Every write is one
 * transaction with one audit entry; updates name the version they read (optimistic locking).
 */
import type { Role } from '../../domain/access/roles';
import { parsePostcode } from '../../domain/geo/postcode';
import { haversineKm, type LatLon } from '../../domain/geo/distance';
import { dienstCategorieen } from '../../domain/organisation/taxonomy';
import {
	effectieveVragen,
	groepeerPerThema,
	maakSlug,
	regioVoorrang,
	type EffectieveVraag,
	type RegioVanPlaats,
	type Themagroep
} from '../../domain/wegwijzer/inhoud';
import type {
	CategorieInfo,
	VraagVoorBezoeker,
	WegwijzerAntwoord,
	WegwijzerDienst
} from '../../domain/wegwijzer/antwoord';
import { ordenAntwoord } from '../../domain/wegwijzer/ordening';
import { zoekGemeente } from '../../domain/wegwijzer/plaats';
import type { NieuweVraagInput, VraagAanpassenInput } from '../../domain/wegwijzer/schemas';
import { kaderRond, kiesDiensten, NABIJ_KM, specifiekeRegios } from '../../domain/wegwijzer/selectie';
import { algemeneKaartCategorieen, standaardVragen } from '../../domain/wegwijzer/standaard-vragen';
import { telHref } from '../../domain/wegwijzer/telefoon';
import { isThema, themaTitel, toon113 } from '../../domain/wegwijzer/themas';
import { beschrijfOpeningstijden, dagdeel } from '../../domain/wegwijzer/tijd';
import { audit } from '../audit';
import type { Database, Executor } from '../db/client';
import { getRegion, listRegions, regionsForGemeente, regionWithChildren } from '../repositories/regions';
import {
	deleteAanpassing,
	dienstCategorieTermen,
	findDienstKandidaten,
	findPostcodeGebied,
	gemeenteMetPunt,
	getVraag,
	insertAanpassing,
	insertRegioVraag,
	listAanpassingen,
	listGemeenteNamen,
	listVragen,
	naastePostcodes,
	slugBestaat,
	updateAanpassing,
	updateRegioVraag,
	type DienstKandidaat
} from '../repositories/wegwijzer';
import { ensureWegwijzerContentOnce } from '../seed/wegwijzer';

// ---------------------------------------------------------------------------------------------------------------------
// Places

export interface WegwijzerPlaats {
	/** How the visitor named the place: their postcode, or a gemeente. */
	soort: 'postcode' | 'gemeente';
	/** "8331" or "8331 AB" (postcode), null for a gemeente. */
	postcode: string | null;
	gemeenteCode: string;
	gemeenteNaam: string;
	punt: LatLon | null;
	regios: (RegioVanPlaats & { slug: string; naam: string })[];
	/** URL parameters that name this place (for links and forms). */
	params: Record<string, string>;
}

export interface Suggestie {
	label: string;
	params: Record<string, string>;
}

export type PlaatsZoekresultaat =
	| { soort: 'leeg' }
	| { soort: 'gevonden'; plaats: WegwijzerPlaats }
	/** The visitor typed a place in the search field: send them to the canonical, shareable URL. */
	| { soort: 'doorsturen'; params: Record<string, string> }
	| { soort: 'onbekend'; invoer: string; melding: string; suggesties: Suggestie[] };

export interface PlaatsVraag {
	plaats?: string;
	postcode?: string;
	gemeente?: string;
}

const MAX_POSTCODE_SUGGESTIES = 4;

async function gemeenteSuggesties(db: Executor, invoer: string): Promise<Suggestie[]> {
	const { suggesties } = zoekGemeente(invoer, await listGemeenteNamen(db));
	return suggesties.map((g) => ({ label: g.naam, params: { gemeente: g.naam } }));
}

async function plaatsMetRegios(
	db: Executor,
	basis: Omit<WegwijzerPlaats, 'regios'>
): Promise<WegwijzerPlaats> {
	const regios = await regionsForGemeente(db, basis.gemeenteCode);
	return {
		...basis,
		regios: regios.map((r) => ({
			id: r.id,
			slug: r.slug,
			naam: r.naam,
			parentId: r.parentId,
			aandeel: r.aandeel
		}))
	};
}

/** Resolves what the visitor gave: a postcode (PC4 or full) or a gemeente name, with suggestions for near misses. */
export async function zoekPlaats(db: Executor, vraag: PlaatsVraag): Promise<PlaatsZoekresultaat> {
	if (vraag.plaats) {
		const postcode = parsePostcode(vraag.plaats);
		if (postcode) return { soort: 'doorsturen', params: { postcode: postcode.volledig ?? postcode.pc4 } };
		const { gevonden } = zoekGemeente(vraag.plaats, await listGemeenteNamen(db));
		if (gevonden) return { soort: 'doorsturen', params: { gemeente: gevonden.naam } };
		return onbekendeTekst(db, vraag.plaats);
	}
	if (vraag.postcode) {
		const postcode = parsePostcode(vraag.postcode);
		if (!postcode) return onbekendeTekst(db, vraag.postcode);
		const gebied = await findPostcodeGebied(db, postcode.pc4);
		if (!gebied) {
			const naast = await naastePostcodes(db, postcode.pc4, MAX_POSTCODE_SUGGESTIES);
			return {
				soort: 'onbekend',
				invoer: vraag.postcode,
				melding: `Postcode ${postcode.pc4} kennen we niet. Kijk of de cijfers goed zijn. U kunt ook de naam van uw gemeente typen.`,
				suggesties: naast.map((p) => ({ label: `${p.pc4} (${p.gemeenteNaam})`, params: { postcode: p.pc4 } }))
			};
		}
		return {
			soort: 'gevonden',
			plaats: await plaatsMetRegios(db, {
				soort: 'postcode',
				postcode: postcode.volledig ?? postcode.pc4,
				gemeenteCode: gebied.gemeenteCode,
				gemeenteNaam: gebied.gemeenteNaam,
				punt: { lat: gebied.lat, lon: gebied.lon },
				params: { postcode: postcode.volledig ?? postcode.pc4 }
			})
		};
	}
	if (vraag.gemeente) {
		const { gevonden } = zoekGemeente(vraag.gemeente, await listGemeenteNamen(db));
		if (!gevonden) return onbekendeTekst(db, vraag.gemeente);
		const gemeente = await gemeenteMetPunt(db, gevonden.code);
		if (!gemeente) return onbekendeTekst(db, vraag.gemeente);
		return {
			soort: 'gevonden',
			plaats: await plaatsMetRegios(db, {
				soort: 'gemeente',
				postcode: null,
				gemeenteCode: gemeente.code,
				gemeenteNaam: gemeente.naam,
				punt:
					gemeente.lat !== null && gemeente.lon !== null ? { lat: gemeente.lat, lon: gemeente.lon } : null,
				params: { gemeente: gemeente.naam }
			})
		};
	}
	return { soort: 'leeg' };
}

async function onbekendeTekst(db: Executor, invoer: string): Promise<PlaatsZoekresultaat> {
	const suggesties = await gemeenteSuggesties(db, invoer);
	const lijktOpPostcode = /^\s*\d/.test(invoer);
	const melding = lijktOpPostcode
		? 'Dit is geen goede postcode. Een postcode heeft 4 cijfers, soms met 2 letters erachter. Bijvoorbeeld 8331 of 8331 AB.'
		: suggesties.length
			? `We kennen geen gemeente die "${invoer}" heet. Bedoelt u een van deze gemeenten?`
			: `We kennen geen gemeente die "${invoer}" heet. Typ uw postcode, of de naam van uw gemeente.`;
	return { soort: 'onbekend', invoer, melding, suggesties };
}

// ---------------------------------------------------------------------------------------------------------------------
// Questions for a place

async function vragenVoorRegios(db: Executor, regioIds: string[]): Promise<EffectieveVraag[]> {
	const [vragen, aanpassingen] = await Promise.all([
		listVragen(db, regioIds),
		listAanpassingen(db, regioIds)
	]);
	return effectieveVragen(vragen, aanpassingen, regioIds);
}

/** The visible questions of a place, grouped per theme (themes in their fixed order). */
export async function vragenVoorPlaats(
	db: Database,
	plaats: WegwijzerPlaats
): Promise<(Themagroep<VraagVoorBezoeker> & { titel: string })[]> {
	await ensureWegwijzerContentOnce(db);
	const vragen = await vragenVoorRegios(db, regioVoorrang(plaats.regios));
	return groepeerPerThema(
		vragen
			.filter((v) => !v.verborgen)
			.map((v) => ({
				slug: v.slug,
				thema: v.thema,
				titel: v.titel,
				uitleg: v.uitleg,
				categorieen: v.categorieen
			}))
	).map((g) => ({ ...g, titel: themaTitel(g.thema) }));
}

// ---------------------------------------------------------------------------------------------------------------------
// Answers

export type { WegwijzerAntwoord, WegwijzerDienst } from '../../domain/wegwijzer/antwoord';

async function categorieInfo(db: Executor): Promise<Map<string, CategorieInfo>> {
	const termen = await dienstCategorieTermen(db);
	const info = new Map<string, CategorieInfo>();
	for (const c of dienstCategorieen) {
		const term = termen.find((t) => t.code === c.code);
		info.set(c.code, {
			categorie: c.code,
			label: term?.label ?? c.label,
			beschrijving: term?.description ?? c.description ?? ''
		});
	}
	return info;
}

function naarDienst(k: DienstKandidaat & { afstandKm: number | null }, punt: LatLon | null): WegwijzerDienst {
	const telefoon = k.telefoon ?? k.organisatieTelefoon;
	// The place of the nearest location (or the first one, without a point to measure from).
	const km = (l: { lat: number | null; lon: number | null }) =>
		punt && l.lat !== null && l.lon !== null ? haversineKm(punt, { lat: l.lat, lon: l.lon }) : Infinity;
	const metAfstand = [...k.locaties].sort((a, b) => km(a) - km(b));
	return {
		id: k.id,
		naam: k.naam,
		organisatieNaam: k.organisatieNaam,
		organisatieSlug: k.organisatieSlug,
		beschrijving: k.beschrijving,
		categorie: k.categorie,
		telefoon,
		telHref: telHref(telefoon),
		website: k.website ?? k.organisatieWebsite,
		plaats: metAfstand[0]?.plaats ?? null,
		afstandKm: k.afstandKm,
		dagEnNacht: k.dagEnNacht,
		openingstijden: k.openingstijden,
		openingstijdenTekst: beschrijfOpeningstijden(k),
		bereikbaarheidToelichting: k.bereikbaarheidToelichting,
		voorProfessionals: k.voorProfessionals
	};
}

/** Consultation lines for professionals are shown (apart) with every answer. */
const PROFESSIONAL_CATEGORIEEN = ['consultatie'];

async function antwoordVoorCategorieen(
	db: Database,
	plaats: WegwijzerPlaats,
	vraag: WegwijzerAntwoord['vraag'],
	now: Date | null
): Promise<WegwijzerAntwoord> {
	const gevraagd = vraag.categorieen;
	const ophalen = [...new Set([...gevraagd, ...PROFESSIONAL_CATEGORIEEN, 'huisartsenpost'])];
	const [kandidaten, info] = await Promise.all([
		findDienstKandidaten(db, {
			categorieen: ophalen,
			regionIds: plaats.regios.map((r) => r.id),
			gemeenteCode: plaats.gemeenteCode,
			kader: plaats.punt ? kaderRond(plaats.punt, NABIJ_KM) : null
		}),
		categorieInfo(db)
	]);
	const gekozen = kiesDiensten(kandidaten, {
		gemeenteCode: plaats.gemeenteCode,
		punt: plaats.punt,
		specifiekeRegioIds: specifiekeRegios(plaats.regios)
	}).map((k) => naarDienst(k, plaats.punt));

	const inAntwoord = gekozen.filter(
		(d) =>
			gevraagd.includes(d.categorie) ||
			(d.voorProfessionals && PROFESSIONAL_CATEGORIEEN.includes(d.categorie))
	);
	const geordend = ordenAntwoord(inAntwoord, gevraagd, now);
	const spoedlijnen = gevraagd.includes('huisartsenpost')
		? []
		: gekozen.filter((d) => d.categorie === 'huisartsenpost' && !d.voorProfessionals);

	return {
		vraag,
		groepen: geordend.groepen.map((g) => ({
			...(info.get(g.categorie) ?? { categorie: g.categorie, label: g.categorie, beschrijving: '' }),
			diensten: g.diensten
		})),
		voorProfessionals: geordend.voorProfessionals,
		spoedlijnen,
		toon113: toon113(vraag.thema),
		dagdeel: now ? dagdeel(now) : null,
		buitenKantoortijd: geordend.buitenKantoortijd
	};
}

async function zoekVraag(db: Database, plaats: WegwijzerPlaats, slug: string) {
	await ensureWegwijzerContentOnce(db);
	const vragen = await vragenVoorRegios(db, regioVoorrang(plaats.regios));
	const vraag = vragen.find((v) => v.slug === slug && !v.verborgen);
	if (!vraag) return null;
	return {
		slug: vraag.slug,
		thema: vraag.thema,
		titel: vraag.titel,
		uitleg: vraag.uitleg,
		categorieen: vraag.categorieen,
		themaTitel: themaTitel(vraag.thema)
	};
}

/** The answer to a question for a place at moment `now`; null when the question does not exist (here). */
export async function antwoordVoorPlaats(
	db: Database,
	plaats: WegwijzerPlaats,
	vraagSlug: string,
	now: Date
): Promise<WegwijzerAntwoord | null> {
	const vraag = await zoekVraag(db, plaats, vraagSlug);
	return vraag ? antwoordVoorCategorieen(db, plaats, vraag, now) : null;
}

/** The printed card: the same contacts as the answer, in the question's order, without "now". */
export async function kaartVoorPlaats(
	db: Database,
	plaats: WegwijzerPlaats,
	vraagSlug: string | null
): Promise<WegwijzerAntwoord | null> {
	if (vraagSlug) {
		const vraag = await zoekVraag(db, plaats, vraagSlug);
		return vraag ? antwoordVoorCategorieen(db, plaats, vraag, null) : null;
	}
	return antwoordVoorCategorieen(
		db,
		plaats,
		{
			slug: '',
			thema: 'nacht_crisis',
			titel: 'Wie kunt u bellen?',
			uitleg: 'Op deze kaart staan de belangrijkste telefoonnummers voor zorg en hulp bij u in de buurt.',
			categorieen: [...algemeneKaartCategorieen],
			themaTitel: ''
		},
		null
	);
}

// ---------------------------------------------------------------------------------------------------------------------
// Editing (beheerder)

export interface Actor {
	id: string;
	role: Role;
	regionId: string | null;
}

/** A refused edit. 403: not allowed, 404: no such question (for this region), 409: edited meanwhile. */
export class WegwijzerFout extends Error {
	constructor(
		readonly status: 403 | 404 | 409,
		message: string
	) {
		super(message);
		this.name = 'WegwijzerFout';
	}
}

export const CONFLICT_MELDING =
	'Iemand anders heeft deze vraag net ook aangepast. Uw wijziging is niet opgeslagen. Hieronder ziet u wat er nu staat. Voer uw wijziging opnieuw in als die nog nodig is.';

export interface BeheerRegio {
	id: string;
	slug: string;
	naam: string;
	parentId: string | null;
}

/** All service categories with their current labels, in vocabulary order (for the editor). */
export async function beheerCategorieen(db: Executor): Promise<CategorieInfo[]> {
	return [...(await categorieInfo(db)).values()];
}

/** The regions a beheerder edits the wegwijzer for: their network and its sub-regions. */
export async function beheerRegios(db: Executor, actor: Actor): Promise<BeheerRegio[]> {
	if (actor.role !== 'beheerder' || !actor.regionId) return [];
	const ids = new Set(await regionWithChildren(db, actor.regionId));
	const alle = await listRegions(db);
	// The network first, then its sub-regions by name.
	return alle
		.filter((r) => ids.has(r.id))
		.sort(
			(a, b) =>
				Number(a.id !== actor.regionId) - Number(b.id !== actor.regionId) ||
				a.naam.localeCompare(b.naam, 'nl')
		);
}

async function kiesRegio(
	db: Executor,
	actor: Actor,
	regioSlug: string | null | undefined
): Promise<BeheerRegio> {
	const regios = await beheerRegios(db, actor);
	if (regios.length === 0) throw new WegwijzerFout(403, 'Uw account is nog niet aan een netwerk gekoppeld.');
	if (!regioSlug) return regios[0];
	const regio = regios.find((r) => r.slug === regioSlug);
	if (!regio) throw new WegwijzerFout(403, 'Deze regio valt buiten uw netwerk.');
	return regio;
}

/** The region and the regions whose adjustments it inherits (its network), most specific first. */
async function regioKeten(db: Executor, regio: BeheerRegio): Promise<string[]> {
	if (!regio.parentId) return [regio.id];
	const parent = await getRegion(db, regio.parentId);
	return parent ? [regio.id, parent.id] : [regio.id];
}

export interface BeheerVraag extends EffectieveVraag {
	themaTitel: string;
	/** The region's own adjustment (its version, for optimistic locking), if any. */
	eigenAanpassingVersie: number | null;
	/** A question this region added itself (edited in place). */
	isEigenVraag: boolean;
	/** Version of the question row (for own questions). */
	vraagVersie: number;
}

export async function beheerOverzicht(db: Database, actor: Actor, regioSlug?: string | null) {
	await ensureWegwijzerContentOnce(db);
	const regio = await kiesRegio(db, actor, regioSlug);
	const keten = await regioKeten(db, regio);
	const [vragen, aanpassingen] = await Promise.all([listVragen(db, keten), listAanpassingen(db, keten)]);
	const effectief = effectieveVragen(vragen, aanpassingen, keten);
	const lijst: BeheerVraag[] = effectief.map((v) => {
		const rij = vragen.find((x) => x.id === v.id)!;
		const eigen = aanpassingen.find((a) => a.vraagId === v.id && a.regionId === regio.id);
		return {
			...v,
			themaTitel: themaTitel(v.thema),
			eigenAanpassingVersie: eigen?.version ?? null,
			isEigenVraag: rij.regionId === regio.id,
			vraagVersie: rij.version
		};
	});
	return {
		regio,
		regios: await beheerRegios(db, actor),
		themas: groepeerPerThema(lijst).map((g) => ({ ...g, titel: themaTitel(g.thema) })),
		regioNamen: new Map((await listRegions(db)).map((r) => [r.id, r.naam]))
	};
}

export interface BeheerVraagDetail {
	regio: BeheerRegio;
	vraag: BeheerVraag;
	/** What the question says without this region's own adjustment (the standard, or the network's adjustment). */
	zonderEigenAanpassing: { titel: string; uitleg: string; categorieen: string[]; bron: string } | null;
	/** The version a save must name: the adjustment's (0 = none yet) or, for an own question, the question's. */
	versie: number;
}

export async function beheerVraag(
	db: Database,
	actor: Actor,
	/** The question's id or slug. */
	vraagId: string,
	regioSlug?: string | null
): Promise<BeheerVraagDetail> {
	await ensureWegwijzerContentOnce(db);
	const regio = await kiesRegio(db, actor, regioSlug);
	const keten = await regioKeten(db, regio);
	const rij = await getVraag(db, vraagId);
	if (!rij || (rij.regionId !== null && !keten.includes(rij.regionId)))
		throw new WegwijzerFout(404, 'Deze vraag bestaat niet (meer) in deze regio.');
	const aanpassingen = (await listAanpassingen(db, keten)).filter((a) => a.vraagId === rij.id);
	const [effectief] = effectieveVragen([rij], aanpassingen, keten);
	const eigen = aanpassingen.find((a) => a.regionId === regio.id);
	const isEigenVraag = rij.regionId === regio.id;
	let zonderEigenAanpassing: BeheerVraagDetail['zonderEigenAanpassing'] = null;
	if (!isEigenVraag) {
		const [basis] = effectieveVragen(
			[rij],
			aanpassingen.filter((a) => a.regionId !== regio.id),
			keten.filter((id) => id !== regio.id)
		);
		zonderEigenAanpassing = {
			titel: basis.titel,
			uitleg: basis.uitleg,
			categorieen: basis.categorieen,
			bron: basis.bron === 'aangepast' ? 'de tekst van het netwerk' : 'de standaardtekst'
		};
	}
	return {
		regio,
		vraag: {
			...effectief,
			themaTitel: themaTitel(effectief.thema),
			eigenAanpassingVersie: eigen?.version ?? null,
			isEigenVraag,
			vraagVersie: rij.version
		},
		zonderEigenAanpassing,
		versie: isEigenVraag ? rij.version : (eigen?.version ?? 0)
	};
}

/** Saves a question's text and categories for a region (adjustment, or the own question itself). */
export async function pasVraagAan(
	db: Database,
	actor: Actor,
	vraagId: string,
	regioSlug: string | null | undefined,
	input: VraagAanpassenInput
): Promise<void> {
	const detail = await beheerVraag(db, actor, vraagId, regioSlug);
	const { regio, vraag } = detail;
	const inhoud = { titel: input.titel, uitleg: input.uitleg, categorieen: input.categorieen };
	await db.transaction(async (tx) => {
		let nieuweVersie: number;
		if (vraag.isEigenVraag) {
			const rij = await updateRegioVraag(tx, vraag.id, input.version, {
				...inhoud,
				actief: !input.verborgen
			});
			if (!rij) throw new WegwijzerFout(409, CONFLICT_MELDING);
			nieuweVersie = rij.version;
		} else {
			const rij =
				input.version === 0
					? await insertAanpassing(tx, vraag.id, regio.id, { ...inhoud, verborgen: input.verborgen })
					: await updateAanpassing(tx, vraag.id, regio.id, input.version, {
							...inhoud,
							verborgen: input.verborgen
						});
			if (!rij) throw new WegwijzerFout(409, CONFLICT_MELDING);
			nieuweVersie = rij.version;
		}
		await audit(tx, actor, {
			action: vraag.isEigenVraag ? 'wegwijzer_vraag_gewijzigd' : 'wegwijzer_vraag_aangepast',
			entityType: 'wegwijzer_vraag',
			entityId: vraag.id,
			regionId: regio.id,
			details: {
				slug: vraag.slug,
				versie: nieuweVersie,
				gewijzigd: (['titel', 'uitleg', 'categorieen', 'verborgen'] as const).filter((veld) =>
					veld === 'categorieen'
						? input.categorieen.join(',') !== vraag.categorieen.join(',')
						: input[veld] !== vraag[veld]
				),
				verborgen: input.verborgen
			}
		});
	});
}

/** Removes the region's adjustment, so the standard (or network) text applies again. */
export async function terugNaarStandaard(
	db: Database,
	actor: Actor,
	vraagId: string,
	regioSlug: string | null | undefined,
	version: number
): Promise<void> {
	const { regio, vraag } = await beheerVraag(db, actor, vraagId, regioSlug);
	if (vraag.isEigenVraag) throw new WegwijzerFout(404, 'Een eigen vraag heeft geen standaardtekst.');
	await db.transaction(async (tx) => {
		if (!(await deleteAanpassing(tx, vraag.id, regio.id, version)))
			throw new WegwijzerFout(409, CONFLICT_MELDING);
		await audit(tx, actor, {
			action: 'wegwijzer_aanpassing_verwijderd',
			entityType: 'wegwijzer_vraag',
			entityId: vraag.id,
			regionId: regio.id,
			details: { slug: vraag.slug, versie: version }
		});
	});
}

const GERESERVEERDE_SLUGS = new Set(standaardVragen.map((v) => v.slug));

/** Adds a question of the region's own. Returns its slug. */
export async function nieuweVraag(
	db: Database,
	actor: Actor,
	regioSlug: string | null | undefined,
	input: NieuweVraagInput
): Promise<string> {
	if (!isThema(input.thema)) throw new WegwijzerFout(404, 'Dit onderwerp bestaat niet.');
	await ensureWegwijzerContentOnce(db);
	const regio = await kiesRegio(db, actor, regioSlug);
	return db.transaction(async (tx) => {
		const basis = maakSlug(input.titel);
		let slug = basis;
		for (let n = 2; GERESERVEERDE_SLUGS.has(slug) || (await slugBestaat(tx, slug)); n++)
			slug = `${basis}-${n}`;
		const rij = await insertRegioVraag(tx, { slug, regionId: regio.id, ...input });
		if (!rij)
			throw new WegwijzerFout(409, 'Er is net een vraag met dezelfde naam toegevoegd. Probeer het opnieuw.');
		await audit(tx, actor, {
			action: 'wegwijzer_vraag_toegevoegd',
			entityType: 'wegwijzer_vraag',
			entityId: rij.id,
			regionId: regio.id,
			details: { slug, thema: input.thema, categorieen: input.categorieen }
		});
		return rij.slug;
	});
}
