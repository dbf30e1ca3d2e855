import { and, asc, eq, exists, inArray, isNull, notExists, or, sql } from 'drizzle-orm';
import type { AanpassingRij, VraagRij } from '../../domain/wegwijzer/inhoud';
import type { Executor } from '../db/client';
import {
	gemeenten,
	locations,
	organisations,
	postcodeGebieden,
	serviceLocations,
	serviceRegions,
	services,
	taxonomyTerms,
	wegwijzerAanpassingen,
	wegwijzerVragen
} from '../db/schema';

// ---------------------------------------------------------------------------------------------------------------------
// Places

export interface PostcodePunt {
	pc4: string;
	lat: number;
	lon: number;
	gemeenteCode: string;
	gemeenteNaam: string;
}

export async function findPostcodeGebied(db: Executor, pc4: string): Promise<PostcodePunt | null> {
	const [row] = await db
		.select({
			pc4: postcodeGebieden.pc4,
			lat: postcodeGebieden.lat,
			lon: postcodeGebieden.lon,
			gemeenteCode: postcodeGebieden.gemeenteCode,
			gemeenteNaam: gemeenten.naam
		})
		.from(postcodeGebieden)
		.innerJoin(gemeenten, eq(gemeenten.code, postcodeGebieden.gemeenteCode))
		.where(eq(postcodeGebieden.pc4, pc4));
	return row ?? null;
}

/** The known PC4 areas numerically closest to `pc4` (for "bedoelt u…?" after an unknown postcode). */
export async function naastePostcodes(db: Executor, pc4: string, limit: number): Promise<PostcodePunt[]> {
	const n = Number(pc4);
	return db
		.select({
			pc4: postcodeGebieden.pc4,
			lat: postcodeGebieden.lat,
			lon: postcodeGebieden.lon,
			gemeenteCode: postcodeGebieden.gemeenteCode,
			gemeenteNaam: gemeenten.naam
		})
		.from(postcodeGebieden)
		.innerJoin(gemeenten, eq(gemeenten.code, postcodeGebieden.gemeenteCode))
		.orderBy(sql`abs(${postcodeGebieden.pc4}::int - ${n})`, asc(postcodeGebieden.pc4))
		.limit(limit);
}

export async function listGemeenteNamen(db: Executor): Promise<{ code: string; naam: string }[]> {
	return db
		.select({ code: gemeenten.code, naam: gemeenten.naam })
		.from(gemeenten)
		.orderBy(asc(gemeenten.naam));
}

/** A gemeente with a representative point: the resident-weighted centre of its PC4 areas. */
export async function gemeenteMetPunt(
	db: Executor,
	code: string
): Promise<{ code: string; naam: string; lat: number | null; lon: number | null } | null> {
	const gewicht = sql`greatest(coalesce(${postcodeGebieden.inwoners}, 0), 1)`;
	const [row] = await db
		.select({
			code: gemeenten.code,
			naam: gemeenten.naam,
			lat: sql<number | null>`sum(${postcodeGebieden.lat} * ${gewicht}) / nullif(sum(${gewicht}), 0)`,
			lon: sql<number | null>`sum(${postcodeGebieden.lon} * ${gewicht}) / nullif(sum(${gewicht}), 0)`
		})
		.from(gemeenten)
		.leftJoin(postcodeGebieden, eq(postcodeGebieden.gemeenteCode, gemeenten.code))
		.where(eq(gemeenten.code, code))
		.groupBy(gemeenten.code, gemeenten.naam);
	if (!row) return null;
	return {
		...row,
		lat: row.lat === null ? null : Number(row.lat),
		lon: row.lon === null ? null : Number(row.lon)
	};
}

// ---------------------------------------------------------------------------------------------------------------------
// Questions and adjustments

const vraagKolommen = {
	id: wegwijzerVragen.id,
	slug: wegwijzerVragen.slug,
	regionId: wegwijzerVragen.regionId,
	thema: wegwijzerVragen.thema,
	titel: wegwijzerVragen.titel,
	uitleg: wegwijzerVragen.uitleg,
	categorieen: wegwijzerVragen.categorieen,
	volgorde: wegwijzerVragen.volgorde,
	actief: wegwijzerVragen.actief,
	version: wegwijzerVragen.version
};

const aanpassingKolommen = {
	vraagId: wegwijzerAanpassingen.vraagId,
	regionId: wegwijzerAanpassingen.regionId,
	titel: wegwijzerAanpassingen.titel,
	uitleg: wegwijzerAanpassingen.uitleg,
	categorieen: wegwijzerAanpassingen.categorieen,
	verborgen: wegwijzerAanpassingen.verborgen,
	version: wegwijzerAanpassingen.version
};

/** Standard questions plus the own questions of these regions. */
export async function listVragen(db: Executor, regionIds: readonly string[]): Promise<VraagRij[]> {
	return db
		.select(vraagKolommen)
		.from(wegwijzerVragen)
		.where(
			regionIds.length
				? or(isNull(wegwijzerVragen.regionId), inArray(wegwijzerVragen.regionId, [...regionIds]))
				: isNull(wegwijzerVragen.regionId)
		);
}

export async function listAanpassingen(db: Executor, regionIds: readonly string[]): Promise<AanpassingRij[]> {
	if (regionIds.length === 0) return [];
	return db
		.select(aanpassingKolommen)
		.from(wegwijzerAanpassingen)
		.where(inArray(wegwijzerAanpassingen.regionId, [...regionIds]));
}

/** A question by id or by slug. */
export async function getVraag(db: Executor, idOfSlug: string): Promise<VraagRij | null> {
	const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOfSlug);
	const [row] = await db
		.select(vraagKolommen)
		.from(wegwijzerVragen)
		.where(isUuid ? eq(wegwijzerVragen.id, idOfSlug) : eq(wegwijzerVragen.slug, idOfSlug));
	return row ?? null;
}

export async function slugBestaat(db: Executor, slug: string): Promise<boolean> {
	const [row] = await db
		.select({ id: wegwijzerVragen.id })
		.from(wegwijzerVragen)
		.where(eq(wegwijzerVragen.slug, slug));
	return !!row;
}

export async function getAanpassing(
	db: Executor,
	vraagId: string,
	regionId: string
): Promise<AanpassingRij | null> {
	const [row] = await db
		.select(aanpassingKolommen)
		.from(wegwijzerAanpassingen)
		.where(and(eq(wegwijzerAanpassingen.vraagId, vraagId), eq(wegwijzerAanpassingen.regionId, regionId)));
	return row ?? null;
}

export interface VraagInhoud {
	titel: string;
	uitleg: string;
	categorieen: string[];
	verborgen: boolean;
}

/** A new adjustment; null when another one appeared in the meantime (someone else saved first). */
export async function insertAanpassing(
	db: Executor,
	vraagId: string,
	regionId: string,
	inhoud: VraagInhoud
): Promise<AanpassingRij | null> {
	const [row] = await db
		.insert(wegwijzerAanpassingen)
		.values({ vraagId, regionId, ...inhoud })
		.onConflictDoNothing()
		.returning(aanpassingKolommen);
	return row ?? null;
}

/** Updates an adjustment if it still has `version`; null when it changed (or went) since it was read. */
export async function updateAanpassing(
	db: Executor,
	vraagId: string,
	regionId: string,
	version: number,
	inhoud: VraagInhoud
): Promise<AanpassingRij | null> {
	const [row] = await db
		.update(wegwijzerAanpassingen)
		.set({ ...inhoud, version: sql`${wegwijzerAanpassingen.version} + 1`, updatedAt: new Date() })
		.where(
			and(
				eq(wegwijzerAanpassingen.vraagId, vraagId),
				eq(wegwijzerAanpassingen.regionId, regionId),
				eq(wegwijzerAanpassingen.version, version)
			)
		)
		.returning(aanpassingKolommen);
	return row ?? null;
}

/** Removes an adjustment if it still has `version`; false when it changed or was already gone. */
export async function deleteAanpassing(
	db: Executor,
	vraagId: string,
	regionId: string,
	version: number
): Promise<boolean> {
	const rows = await db
		.delete(wegwijzerAanpassingen)
		.where(
			and(
				eq(wegwijzerAanpassingen.vraagId, vraagId),
				eq(wegwijzerAanpassingen.regionId, regionId),
				eq(wegwijzerAanpassingen.version, version)
			)
		)
		.returning({ vraagId: wegwijzerAanpassingen.vraagId });
	return rows.length > 0;
}

export async function insertRegioVraag(
	db: Executor,
	vraag: {
		slug: string;
		regionId: string;
		thema: string;
		titel: string;
		uitleg: string;
		categorieen: string[];
	}
): Promise<VraagRij | null> {
	const [max] = await db
		.select({ n: sql<number>`coalesce(max(${wegwijzerVragen.volgorde}), 0)::int` })
		.from(wegwijzerVragen)
		.where(eq(wegwijzerVragen.thema, vraag.thema));
	const [row] = await db
		.insert(wegwijzerVragen)
		.values({ ...vraag, volgorde: Number(max?.n ?? 0) + 10 })
		.onConflictDoNothing()
		.returning(vraagKolommen);
	return row ?? null;
}

/** Updates a region's own question if it still has `version`; null when it changed since it was read. */
export async function updateRegioVraag(
	db: Executor,
	id: string,
	version: number,
	inhoud: { titel: string; uitleg: string; categorieen: string[]; actief: boolean }
): Promise<VraagRij | null> {
	const [row] = await db
		.update(wegwijzerVragen)
		.set({ ...inhoud, version: sql`${wegwijzerVragen.version} + 1`, updatedAt: new Date() })
		.where(and(eq(wegwijzerVragen.id, id), eq(wegwijzerVragen.version, version)))
		.returning(vraagKolommen);
	return row ?? null;
}

// ---------------------------------------------------------------------------------------------------------------------
// Service categories (labels beheerders may have renamed)

export async function dienstCategorieTermen(
	db: Executor
): Promise<{ code: string; label: string; description: string | null }[]> {
	return db
		.select({ code: taxonomyTerms.code, label: taxonomyTerms.label, description: taxonomyTerms.description })
		.from(taxonomyTerms)
		.where(and(eq(taxonomyTerms.vocabulary, 'dienstcategorie'), eq(taxonomyTerms.active, true)))
		.orderBy(asc(taxonomyTerms.sortOrder));
}

// ---------------------------------------------------------------------------------------------------------------------
// Services for a place

export interface DienstKandidaat {
	id: string;
	naam: string;
	beschrijving: string;
	categorie: string;
	telefoon: string | null;
	website: string | null;
	dagEnNacht: boolean;
	openingstijden: { dag: number; van: string; tot: string }[];
	bereikbaarheidToelichting: string | null;
	voorProfessionals: boolean;
	organisatieNaam: string;
	organisatieSlug: string;
	organisatieTelefoon: string | null;
	organisatieWebsite: string | null;
	/** The place's regions this service is linked to (service_regions ∩ the place's regions). */
	regioIds: string[];
	/** True when the service has no service area at all (then only its locations say where it works). */
	zonderWerkgebied: boolean;
	locaties: { plaats: string | null; gemeenteCode: string | null; lat: number | null; lon: number | null }[];
}

export interface DienstZoekvraag {
	categorieen: readonly string[];
	regionIds: readonly string[];
	gemeenteCode: string;
	/** Box around the visitor's point in which services without a service area are looked at. */
	kader: { minLat: number; maxLat: number; minLon: number; maxLon: number } | null;
}

/**
 * Active services of active organisations in these categories that serve one of the place's regions, plus services without
 * any service area that have a location in the gemeente or in the box. The caller decides what is near enough.
 */
export async function findDienstKandidaten(db: Executor, q: DienstZoekvraag): Promise<DienstKandidaat[]> {
	if (q.categorieen.length === 0) return [];
	const regionIds = q.regionIds.length ? [...q.regionIds] : ['00000000-0000-0000-0000-000000000000'];
	const bedientRegio = exists(
		db
			.select({ one: sql`1` })
			.from(serviceRegions)
			.where(and(eq(serviceRegions.serviceId, services.id), inArray(serviceRegions.regionId, regionIds)))
	);
	const zonderWerkgebied = notExists(
		db
			.select({ one: sql`1` })
			.from(serviceRegions)
			.where(eq(serviceRegions.serviceId, services.id))
	);
	const locatieInBuurt = exists(
		db
			.select({ one: sql`1` })
			.from(locations)
			.where(
				and(
					eq(locations.organisationId, services.organisationId),
					eq(locations.status, 'actief'),
					q.kader
						? or(
								eq(locations.gemeenteCode, q.gemeenteCode),
								and(
									sql`${locations.lat} between ${q.kader.minLat} and ${q.kader.maxLat}`,
									sql`${locations.lon} between ${q.kader.minLon} and ${q.kader.maxLon}`
								)
							)
						: eq(locations.gemeenteCode, q.gemeenteCode)
				)
			)
	);

	const rows = await db
		.select({
			id: services.id,
			naam: services.naam,
			beschrijving: services.beschrijving,
			categorie: services.categorie,
			telefoon: services.telefoon,
			website: services.website,
			dagEnNacht: services.dagEnNacht,
			openingstijden: services.openingstijden,
			bereikbaarheidToelichting: services.bereikbaarheidToelichting,
			voorProfessionals: services.voorProfessionals,
			organisationId: services.organisationId,
			organisatieNaam: organisations.naam,
			organisatieSlug: organisations.slug,
			organisatieTelefoon: organisations.telefoon,
			organisatieWebsite: organisations.website
		})
		.from(services)
		.innerJoin(organisations, eq(organisations.id, services.organisationId))
		.where(
			and(
				eq(services.status, 'actief'),
				eq(organisations.status, 'actief'),
				inArray(services.categorie, [...q.categorieen]),
				or(bedientRegio, and(zonderWerkgebied, locatieInBuurt))
			)
		);
	if (rows.length === 0) return [];

	const serviceIds = rows.map((r) => r.id);
	const [links, eigenLocaties] = await Promise.all([
		db
			.select({ serviceId: serviceRegions.serviceId, regionId: serviceRegions.regionId })
			.from(serviceRegions)
			.where(inArray(serviceRegions.serviceId, serviceIds)),
		db
			.select({
				serviceId: serviceLocations.serviceId,
				plaats: locations.plaats,
				gemeenteCode: locations.gemeenteCode,
				lat: locations.lat,
				lon: locations.lon
			})
			.from(serviceLocations)
			.innerJoin(locations, eq(locations.id, serviceLocations.locationId))
			.where(and(inArray(serviceLocations.serviceId, serviceIds), eq(locations.status, 'actief')))
	]);
	// A service without its own locations is offered from the organisation's locations.
	const zonderLocatie = [
		...new Set(
			rows.filter((r) => !eigenLocaties.some((l) => l.serviceId === r.id)).map((r) => r.organisationId)
		)
	];
	const orgLocaties = zonderLocatie.length
		? await db
				.select({
					organisationId: locations.organisationId,
					plaats: locations.plaats,
					gemeenteCode: locations.gemeenteCode,
					lat: locations.lat,
					lon: locations.lon
				})
				.from(locations)
				.where(and(inArray(locations.organisationId, zonderLocatie), eq(locations.status, 'actief')))
		: [];

	const plaatsRegios = new Set(q.regionIds);
	return rows.map((r) => {
		const eigen = eigenLocaties.filter((l) => l.serviceId === r.id);
		const locaties = (
			eigen.length ? eigen : orgLocaties.filter((l) => l.organisationId === r.organisationId)
		).map((l) => ({ plaats: l.plaats, gemeenteCode: l.gemeenteCode, lat: l.lat, lon: l.lon }));
		const gekoppeld = links.filter((l) => l.serviceId === r.id);
		return {
			id: r.id,
			naam: r.naam,
			beschrijving: r.beschrijving,
			categorie: r.categorie,
			telefoon: r.telefoon,
			website: r.website,
			dagEnNacht: r.dagEnNacht,
			openingstijden: r.openingstijden,
			bereikbaarheidToelichting: r.bereikbaarheidToelichting,
			voorProfessionals: r.voorProfessionals,
			organisatieNaam: r.organisatieNaam,
			organisatieSlug: r.organisatieSlug,
			organisatieTelefoon: r.organisatieTelefoon,
			organisatieWebsite: r.organisatieWebsite,
			regioIds: gekoppeld.filter((l) => plaatsRegios.has(l.regionId)).map((l) => l.regionId),
			zonderWerkgebied: gekoppeld.length === 0,
			locaties
		};
	});
}
