import type { Vocabulary } from '../organisation/taxonomy';
import { normalise, vocabularyWords } from './text';

/**
 * The search document: one per active service of an active organisation. Results are per service (with its organisation
 * and locations) because what people look for is what is done, by whom, where: a large VVT organisation has a hospice
 * unit, a consultation line and day care with different doelgroepen, expertise and hours, and "dag en nacht bereikbaar"
 * is a property of a service, not of an organisation.
 */

/** One location of a service as the result list and the map show it. */
export interface SearchDocumentLocation {
	id: string;
	naam: string;
	adres: string | null;
	postcode: string | null;
	plaats: string | null;
	gemeenteCode: string | null;
	lat: number | null;
	lon: number | null;
}

export interface SearchDocument {
	serviceId: string;
	organisationId: string;
	organisationSlug: string;
	organisationNaam: string;
	organisationType: string;
	naam: string;
	categorie: string;
	beschrijving: string;
	doelgroepen: string[];
	expertise: string[];
	dagEnNacht: boolean;
	voorProfessionals: boolean;
	telefoon: string | null;
	gemeenteCodes: string[];
	regionIds: string[];
	locaties: SearchDocumentLocation[];
	lats: number[];
	lons: number[];
	/** Bounding box of the located locations, as Postgres box text "(lonMin,latMin),(lonMax,latMax)", or null. */
	gebied: string | null;
	naamNorm: string;
	organisationNaamNorm: string;
	tekstA: string;
	tekstB: string;
	tekstC: string;
}

export interface DocumentSource {
	organisation: { id: string; slug: string; naam: string; type: string; beschrijving: string };
	service: {
		id: string;
		naam: string;
		beschrijving: string;
		categorie: string;
		doelgroepen: readonly string[];
		expertise: readonly string[];
		dagEnNacht: boolean;
		voorProfessionals: boolean;
		telefoon: string | null;
	};
	/** Active locations of the service, with the gemeente's name for the search text. */
	locations: readonly (SearchDocumentLocation & { gemeenteNaam: string | null })[];
	/** Regions of the service plus the regions of its locations' gemeenten. */
	regionIds: readonly string[];
}

export type LabelLookup = (vocabulary: Vocabulary, code: string) => string;

/** Longest description kept in the index (the result list shows less; the organisation page shows everything). */
export const MAX_INDEXED_DESCRIPTION = 2_000;

function uniq<T>(values: readonly T[]): T[] {
	return [...new Set(values)];
}

function join(parts: readonly (string | null | undefined)[]): string {
	return parts
		.filter((p): p is string => !!p && p.trim().length > 0)
		.map((p) => p.trim())
		.join(' \n ');
}

export function buildSearchDocument(source: DocumentSource, label: LabelLookup): SearchDocument {
	const { organisation, service } = source;
	// Sorted by id so the same data always gives the same document (stable diffs, stable "nearest location").
	const locations = [...source.locations].sort((a, b) => a.id.localeCompare(b.id));
	const withPoint = locations.filter((l) => l.lat !== null && l.lon !== null);
	const plaatsen = uniq(locations.map((l) => l.plaats).filter((p): p is string => !!p));
	const gemeenteNamen = uniq(locations.map((l) => l.gemeenteNaam).filter((g): g is string => !!g));

	const tekstA = join([service.naam, organisation.naam !== service.naam ? organisation.naam : null]);
	const tekstB = join([
		label('organisatietype', organisation.type),
		label('dienstcategorie', service.categorie),
		...service.doelgroepen.map((d) => label('doelgroep', d)),
		...service.expertise.map((e) => label('expertise', e)),
		...plaatsen,
		...gemeenteNamen,
		...locations.map((l) => (l.naam !== service.naam && l.naam !== organisation.naam ? l.naam : null))
	]);
	// The organisation's own description is left out: it is the same for all its services and names what it works WITH
	// ("samen met huisartsen en hospices"), which made an opvang show up as the nearest "hospice".
	const tekstC = join([
		service.beschrijving.slice(0, MAX_INDEXED_DESCRIPTION),
		...locations.map((l) => l.adres)
	]);

	return {
		serviceId: service.id,
		organisationId: organisation.id,
		organisationSlug: organisation.slug,
		organisationNaam: organisation.naam,
		organisationType: organisation.type,
		naam: service.naam,
		categorie: service.categorie,
		beschrijving: service.beschrijving,
		doelgroepen: uniq(service.doelgroepen),
		expertise: uniq(service.expertise),
		dagEnNacht: service.dagEnNacht,
		voorProfessionals: service.voorProfessionals,
		telefoon: service.telefoon,
		gemeenteCodes: uniq(locations.map((l) => l.gemeenteCode).filter((g): g is string => !!g)).sort(),
		regionIds: uniq(source.regionIds).sort(),
		locaties: locations.map(({ gemeenteNaam: _g, ...l }) => l),
		lats: withPoint.map((l) => l.lat as number),
		lons: withPoint.map((l) => l.lon as number),
		gebied: boundingBox(withPoint.map((l) => [l.lon as number, l.lat as number])),
		naamNorm: normalise(service.naam),
		organisationNaamNorm: normalise(organisation.naam),
		tekstA,
		tekstB,
		tekstC
	};
}

function boundingBox(points: [number, number][]): string | null {
	if (points.length === 0) return null;
	const xs = points.map((p) => p[0]);
	const ys = points.map((p) => p[1]);
	return `(${Math.min(...xs)},${Math.min(...ys)}),(${Math.max(...xs)},${Math.max(...ys)})`;
}

/** The words of a document for the typo vocabulary. */
export function documentWords(doc: SearchDocument): string[] {
	return vocabularyWords([doc.tekstA, doc.tekstB, doc.tekstC]);
}
