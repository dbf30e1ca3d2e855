import { and, eq, inArray } from 'drizzle-orm';
import { buildSearchDocument, type LabelLookup, type SearchDocument } from '../../domain/search/document';
import { labelOf, type Vocabulary } from '../../domain/organisation/taxonomy';
import type { Executor } from '../db/client';
import {
	gemeenten,
	locations,
	organisations,
	regionGemeenten,
	serviceLocations,
	serviceRegions,
	services,
	taxonomyTerms
} from '../db/schema';

/**
 * Reads the live tables and builds the search documents of some organisations. Archived organisations, services and
 * locations are left out, so a document exists only for what the public may find.
 */

/** Labels as beheerders named them in taxonomy_terms, falling back to the domain taxonomy for codes not (yet) there. */
export async function loadLabels(db: Executor): Promise<LabelLookup> {
	const rows = await db
		.select({ vocabulary: taxonomyTerms.vocabulary, code: taxonomyTerms.code, label: taxonomyTerms.label })
		.from(taxonomyTerms);
	const map = new Map(rows.map((r) => [`${r.vocabulary}:${r.code}`, r.label]));
	return (vocabulary: Vocabulary, code: string) =>
		map.get(`${vocabulary}:${code}`) ?? labelOf(vocabulary, code);
}

export async function buildDocuments(
	db: Executor,
	organisationIds: readonly string[],
	label?: LabelLookup
): Promise<{ documents: SearchDocument[]; organisationIds: string[] }> {
	if (organisationIds.length === 0) return { documents: [], organisationIds: [] };
	const labels = label ?? (await loadLabels(db));
	const ids = [...organisationIds];

	const orgs = await db
		.select({
			id: organisations.id,
			slug: organisations.slug,
			naam: organisations.naam,
			type: organisations.type,
			beschrijving: organisations.beschrijving
		})
		.from(organisations)
		.where(and(inArray(organisations.id, ids), eq(organisations.status, 'actief')));
	if (orgs.length === 0) return { documents: [], organisationIds: ids };
	const activeOrgIds = orgs.map((o) => o.id);

	const serviceRows = await db
		.select({
			id: services.id,
			organisationId: services.organisationId,
			naam: services.naam,
			beschrijving: services.beschrijving,
			categorie: services.categorie,
			doelgroepen: services.doelgroepen,
			expertise: services.expertise,
			dagEnNacht: services.dagEnNacht,
			voorProfessionals: services.voorProfessionals,
			telefoon: services.telefoon
		})
		.from(services)
		.where(and(inArray(services.organisationId, activeOrgIds), eq(services.status, 'actief')));
	const serviceIds = serviceRows.map((s) => s.id);

	const locationRows = serviceIds.length
		? await db
				.select({
					serviceId: serviceLocations.serviceId,
					id: locations.id,
					naam: locations.naam,
					adres: locations.adres,
					postcode: locations.postcode,
					plaats: locations.plaats,
					gemeenteCode: locations.gemeenteCode,
					gemeenteNaam: gemeenten.naam,
					lat: locations.lat,
					lon: locations.lon
				})
				.from(serviceLocations)
				.innerJoin(locations, eq(locations.id, serviceLocations.locationId))
				.leftJoin(gemeenten, eq(gemeenten.code, locations.gemeenteCode))
				.where(and(inArray(serviceLocations.serviceId, serviceIds), eq(locations.status, 'actief')))
		: [];

	const ownRegions = serviceIds.length
		? await db
				.select({ serviceId: serviceRegions.serviceId, regionId: serviceRegions.regionId })
				.from(serviceRegions)
				.where(inArray(serviceRegions.serviceId, serviceIds))
		: [];

	const gemeenteCodes = [...new Set(locationRows.map((l) => l.gemeenteCode).filter((g): g is string => !!g))];
	const gemeenteRegions = gemeenteCodes.length
		? await db
				.select({ gemeenteCode: regionGemeenten.gemeenteCode, regionId: regionGemeenten.regionId })
				.from(regionGemeenten)
				.where(inArray(regionGemeenten.gemeenteCode, gemeenteCodes))
		: [];

	const orgById = new Map(orgs.map((o) => [o.id, o]));
	const locationsByService = groupBy(locationRows, (l) => l.serviceId);
	const regionsByService = groupBy(ownRegions, (r) => r.serviceId);
	const regionsByGemeente = groupBy(gemeenteRegions, (r) => r.gemeenteCode);

	const documents = serviceRows.map((service) => {
		const locs = (locationsByService.get(service.id) ?? []).map(({ serviceId: _s, ...l }) => l);
		const regionIds = [
			...(regionsByService.get(service.id) ?? []).map((r) => r.regionId),
			...locs
				.flatMap((l) => (l.gemeenteCode ? (regionsByGemeente.get(l.gemeenteCode) ?? []) : []))
				.map((r) => r.regionId)
		];
		return buildSearchDocument(
			{ organisation: orgById.get(service.organisationId)!, service, locations: locs, regionIds },
			labels
		);
	});
	return { documents, organisationIds: ids };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
	const map = new Map<K, T[]>();
	for (const item of items) {
		const k = key(item);
		const list = map.get(k);
		if (list) list.push(item);
		else map.set(k, [item]);
	}
	return map;
}
