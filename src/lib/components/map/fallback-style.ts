import type { StyleSpecification } from 'maplibre-gl';

/**
 * The bundled base map: gemeente areas and province lines from static/geo (CBS, CC BY 4.0). It needs no network beyond this
 * site, so the map works offline, on closed networks and in the tests. No labels (those would need a glyph server); place
 * names are in the list and the popups.
 *
 * Production choice: the PDOK BRT Achtergrondkaart as vector tiles (Kadaster, free, no key), set through
 * PUBLIC_MAP_STYLE_URL, e.g. https://api.pdok.nl/kadaster/brt-achtergrondkaart/ogc/v1/styles/standaard__webmercatorquad?f=mapbox
 * (check PDOK for the current style URL). With a style URL, the CSP's connect-src and img-src must allow that host.
 */
export function fallbackStyle(origin: string): StyleSpecification {
	return {
		version: 8,
		name: 'Regiokaart basiskaart (zonder internet)',
		sources: {
			gemeenten: {
				type: 'geojson',
				data: `${origin}/geo/gemeenten.geojson`,
				attribution: 'Grenzen: CBS, CC BY 4.0'
			},
			provincies: { type: 'geojson', data: `${origin}/geo/provincies.geojson` }
		},
		layers: [
			// Water and abroad: the generalised CBS layer leaves large water bodies out of every gemeente.
			{ id: 'achtergrond', type: 'background', paint: { 'background-color': '#dce6ee' } },
			{ id: 'gemeenten-vlak', type: 'fill', source: 'gemeenten', paint: { 'fill-color': '#f6f5f1' } },
			{
				id: 'gemeenten-lijn',
				type: 'line',
				source: 'gemeenten',
				paint: {
					'line-color': '#c2c2ca',
					'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.3, 11, 1.2]
				}
			},
			{
				id: 'provincies-lijn',
				type: 'line',
				source: 'provincies',
				paint: { 'line-color': '#6e6e7a', 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.8, 11, 2] }
			}
		]
	};
}
