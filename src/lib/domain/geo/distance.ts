/**
 * Straight-line ("hemelsbreed") distance between two points on the earth. Pure maths, so it runs the same on the server, in the
 * browser and in tests. Good to well under 0.5 % at Dutch distances, which is far finer than a PC4 centroid (a postcode area is
 * often several km across), so the rounding below throws away only false precision.
 */

export interface LatLon {
	/** Degrees north (WGS84). */
	lat: number;
	/** Degrees east (WGS84). */
	lon: number;
}

/** Mean earth radius (IUGG), in km. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Unrounded great-circle distance in km (haversine formula). */
export function haversineKm(a: LatLon, b: LatLon): number {
	const dLat = (b.lat - a.lat) * RAD;
	const dLon = (b.lon - a.lon) * RAD;
	const sinLat = Math.sin(dLat / 2);
	const sinLon = Math.sin(dLon / 2);
	const h = sinLat * sinLat + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * sinLon * sinLon;
	// min() guards against h creeping past 1 through rounding for (nearly) antipodal points.
	return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Rounds a distance to what is worth showing: one decimal below 10 km, whole km from 10 km. Matching compares this rounded
 * value with the maximum distance, so the number a verwijzer reads and the decision always agree ("50 km" is within 50 km).
 */
export function roundKm(km: number): number {
	return km < 10 ? Math.round(km * 10) / 10 : Math.round(km);
}

/** Distance in km, rounded with {@link roundKm}. */
export function distanceKm(a: LatLon, b: LatLon): number {
	return roundKm(haversineKm(a, b));
}

/** Dutch display of a (rounded) distance: "3,4 km", "14 km". */
export function formatKm(km: number): string {
	const rounded = roundKm(km);
	return `${String(rounded).replace('.', ',')} km`;
}
