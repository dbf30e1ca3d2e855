import type {
	Feature,
	FeatureCollection,
	MultiLineString,
	MultiPolygon,
	Point,
	Polygon,
	Position
} from 'geojson';

/**
 * GeoJSON for the map, built from search results (pure, so the map and the list are provably fed the same results).
 */

/** What the map needs of a result. */
export interface MapHit {
	serviceId: string;
	naam: string;
	organisation: { slug: string; naam: string; type: string };
	locaties: {
		id: string;
		naam: string;
		adres: string | null;
		plaats: string | null;
		lat: number | null;
		lon: number | null;
	}[];
}

export interface MapPointProperties {
	/** Location id (also the feature id's source). */
	locatieId: string;
	locatieNaam: string;
	adres: string;
	plaats: string;
	organisationSlug: string;
	organisationNaam: string;
	type: string;
	/** Services of the results at this location, comma separated ids (MapLibre flattens arrays in properties). */
	serviceIds: string;
	/** Their names, for the popup, separated by a newline. */
	diensten: string;
	aantal: number;
}

export type MapPoints = FeatureCollection<Point, MapPointProperties>;

/**
 * One point per location: results at the same location (several services of one organisation) share a point, so a popup
 * lists them together instead of stacking invisible markers. Locations without coordinates are left out and counted.
 */
export function hitsToGeoJson(hits: readonly MapHit[]): {
	points: MapPoints;
	services: number;
	zonderLocatie: number;
} {
	const byLocation = new Map<string, Feature<Point, MapPointProperties>>();
	let zonderLocatie = 0;
	const onMap = new Set<string>();
	for (const hit of hits) {
		const located = hit.locaties.filter((l) => l.lat !== null && l.lon !== null);
		if (located.length === 0) zonderLocatie++;
		for (const l of located) {
			onMap.add(hit.serviceId);
			const existing = byLocation.get(l.id);
			if (existing) {
				const p = existing.properties;
				if (p.serviceIds.split(',').includes(hit.serviceId)) continue;
				p.serviceIds += `,${hit.serviceId}`;
				p.diensten += `\n${hit.naam}`;
				p.aantal++;
				continue;
			}
			byLocation.set(l.id, {
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [l.lon as number, l.lat as number] },
				properties: {
					locatieId: l.id,
					locatieNaam: l.naam,
					adres: l.adres ?? '',
					plaats: l.plaats ?? '',
					organisationSlug: hit.organisation.slug,
					organisationNaam: hit.organisation.naam,
					type: hit.organisation.type,
					serviceIds: hit.serviceId,
					diensten: hit.naam,
					aantal: 1
				}
			});
		}
	}
	return {
		points: { type: 'FeatureCollection', features: [...byLocation.values()] },
		services: onMap.size,
		zonderLocatie
	};
}

/** The distinct services on a map (a service at two locations counts once). */
export function servicesOnMap(points: MapPoints): Set<string> {
	return new Set(points.features.flatMap((f) => f.properties.serviceIds.split(',')));
}

/** [west, south, east, north] around the points, or null without points. */
export function boundsOf(points: MapPoints): [number, number, number, number] | null {
	if (points.features.length === 0) return null;
	let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const f of points.features) {
		const [lon, lat] = f.geometry.coordinates;
		w = Math.min(w, lon);
		e = Math.max(e, lon);
		s = Math.min(s, lat);
		n = Math.max(n, lat);
	}
	return [w, s, e, n];
}

export interface RegionMembership {
	slug: string;
	naam: string;
	gemeenten: readonly string[];
}

type GemeenteFeature = Feature<Polygon | MultiPolygon, { gemeente_code: string }>;

/**
 * Region outlines from the gemeente polygons: an edge shared by two gemeenten of the same region is inside the region and is
 * dropped; the edges left over are its boundary. Works because neighbouring gemeenten in the CBS layer share their vertices
 * exactly. Returns one MultiLineString per region.
 */
export function regionOutlines(
	gemeenten: FeatureCollection<Polygon | MultiPolygon, { gemeente_code: string }>,
	regions: readonly RegionMembership[]
): FeatureCollection<MultiLineString, { slug: string; naam: string }> {
	const byCode = new Map<string, GemeenteFeature[]>();
	for (const f of gemeenten.features) {
		const list = byCode.get(f.properties.gemeente_code) ?? [];
		list.push(f);
		byCode.set(f.properties.gemeente_code, list);
	}
	const key = (a: Position, b: Position) => {
		const [p, q] = [`${a[0]},${a[1]}`, `${b[0]},${b[1]}`];
		return p < q ? `${p}|${q}` : `${q}|${p}`;
	};
	const features: Feature<MultiLineString, { slug: string; naam: string }>[] = [];
	for (const region of regions) {
		const edges = new Map<string, { line: [Position, Position]; count: number }>();
		for (const code of new Set(region.gemeenten)) {
			for (const f of byCode.get(code) ?? []) {
				const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
				for (const ring of polygons.flat()) {
					for (let i = 0; i + 1 < ring.length; i++) {
						const k = key(ring[i], ring[i + 1]);
						const e = edges.get(k);
						if (e) e.count++;
						else edges.set(k, { line: [ring[i], ring[i + 1]], count: 1 });
					}
				}
			}
		}
		const boundary = [...edges.values()].filter((e) => e.count === 1).map((e) => e.line);
		if (boundary.length === 0) continue;
		features.push({
			type: 'Feature',
			geometry: { type: 'MultiLineString', coordinates: joinSegments(boundary) },
			properties: { slug: region.slug, naam: region.naam }
		});
	}
	return { type: 'FeatureCollection', features };
}

/** Chain segments that meet end to start into longer lines (fewer, smoother lines to draw). */
function joinSegments(segments: [Position, Position][]): Position[][] {
	const id = (p: Position) => `${p[0]},${p[1]}`;
	const from = new Map<string, number[]>();
	segments.forEach((s, i) => {
		for (const p of s) {
			const list = from.get(id(p)) ?? [];
			list.push(i);
			from.set(id(p), list);
		}
	});
	const used = new Set<number>();
	const lines: Position[][] = [];
	for (let i = 0; i < segments.length; i++) {
		if (used.has(i)) continue;
		used.add(i);
		const line: Position[] = [...segments[i]];
		// Extend at the end while an unused segment continues it.
		for (;;) {
			const end = line[line.length - 1];
			const next = (from.get(id(end)) ?? []).find((j) => !used.has(j));
			if (next === undefined) break;
			used.add(next);
			const [a, b] = segments[next];
			line.push(id(a) === id(end) ? b : a);
		}
		lines.push(line);
	}
	return lines;
}

/** The points of one organisation's locations (e.g. the small map on its page), in the same shape as the search map. */
export function organisationPoints(
	organisation: { slug: string; naam: string; type: string },
	locaties: MapHit['locaties'],
	dienstNamen: readonly string[] = []
): MapPoints {
	return hitsToGeoJson([
		{
			serviceId: organisation.slug,
			naam: dienstNamen.join('\n') || organisation.naam,
			organisation,
			locaties
		}
	]).points;
}
