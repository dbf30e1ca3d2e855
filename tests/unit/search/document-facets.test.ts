import { describe, expect, it } from 'vitest';
import { labelOf } from '../../../src/lib/domain/organisation/taxonomy';
import { buildSearchDocument, documentWords } from '../../../src/lib/domain/search/document';
import { labelFacetGroup, labelFacets } from '../../../src/lib/domain/search/facets';
import { emptySearchState } from '../../../src/lib/domain/search/url';

describe('search document', () => {
	const doc = buildSearchDocument(
		{
			organisation: {
				id: 'o1',
				slug: 'hospice-x',
				naam: 'Hospice Het Veerhuis',
				type: 'hospice',
				beschrijving: 'Huis.'
			},
			service: {
				id: 's1',
				naam: 'Hospice Het Veerhuis',
				beschrijving: 'Actief middelengebruik is toegestaan.',
				categorie: 'hospice',
				doelgroepen: ['verslaving', 'verslaving'],
				expertise: ['middelengebruik'],
				dagEnNacht: true,
				voorProfessionals: false,
				telefoon: null
			},
			locations: [
				{
					id: 'l2',
					naam: 'Bijgebouw',
					adres: 'Kade 2',
					postcode: '1012 AB',
					plaats: 'Amsterdam',
					gemeenteCode: 'GM0363',
					gemeenteNaam: 'Amsterdam',
					lat: null,
					lon: null
				},
				{
					id: 'l1',
					naam: 'Hoofdhuis',
					adres: 'Kade 1',
					postcode: '1012 AB',
					plaats: 'Amsterdam',
					gemeenteCode: 'GM0363',
					gemeenteNaam: 'Amsterdam',
					lat: 52.37,
					lon: 4.89
				}
			],
			regionIds: ['r2', 'r1', 'r2']
		},
		labelOf
	);

	it('puts names in A, labels and places in B, descriptions in C', () => {
		// The organisation name equals the service name: not twice.
		expect(doc.tekstA).toBe('Hospice Het Veerhuis');
		expect(doc.tekstB).toContain('Verslaving / middelengebruik');
		expect(doc.tekstB).toContain('Amsterdam');
		expect(doc.tekstC).toContain('Actief middelengebruik');
		expect(doc.tekstC).not.toContain('Huis.');
	});

	it('is deterministic and deduplicated', () => {
		expect(doc.locaties.map((l) => l.id)).toEqual(['l1', 'l2']);
		expect(doc.lats).toEqual([52.37]);
		expect(doc.doelgroepen).toEqual(['verslaving']);
		expect(doc.regionIds).toEqual(['r1', 'r2']);
		expect(doc.gemeenteCodes).toEqual(['GM0363']);
		expect(doc.naamNorm).toBe('hospice het veerhuis');
		expect(documentWords(doc)).toContain('middelengebruik');
	});
});

describe('facet labels', () => {
	it('orders by count, keeps ticked values at zero and drops unknown ones', () => {
		const group = labelFacetGroup(
			'type',
			[
				{ value: 'vptz', count: 2 },
				{ value: 'hospice', count: 5 },
				{ value: 'onbekend', count: 9 }
			],
			['apotheek'],
			(v) => (v === 'onbekend' ? null : labelOf('organisatietype', v))
		);
		expect(group.options).toEqual([
			{ value: 'hospice', label: 'Hospice', count: 5, selected: false },
			{ value: 'vptz', label: 'VPTZ (vrijwilligers palliatieve terminale zorg)', count: 2, selected: false },
			{ value: 'apotheek', label: 'Apotheek', count: 0, selected: true }
		]);
		expect(group.hidden).toBe(0);
	});

	it('cuts long facets to the most frequent values and keeps ticked ones', async () => {
		const { limitFacetOptions } = await import('../../../src/lib/domain/search/facets');
		const counts = Array.from({ length: 30 }, (_, i) => ({
			value: `GM${String(i).padStart(4, '0')}`,
			count: 100 - i
		}));
		const group = labelFacetGroup('gemeente', counts, ['GM0029'], (v) => v);
		const cut = limitFacetOptions(group, 5);
		expect(cut.options.map((o) => o.value)).toEqual([
			'GM0000',
			'GM0001',
			'GM0002',
			'GM0003',
			'GM0004',
			'GM0029'
		]);
		expect(cut.hidden).toBe(24);
		expect(limitFacetOptions(group, 50)).toBe(group);
	});

	it('translates engine values (region ids) to URL values (slugs)', () => {
		const labelled = labelFacets(
			{
				type: [],
				doelgroep: [],
				expertise: [],
				regio: [{ value: 'id-1', count: 3 }],
				gemeente: [],
				dagEnNacht: 4
			},
			{ ...emptySearchState, dagEnNacht: true },
			{
				type: () => 'x',
				doelgroep: () => 'x',
				expertise: () => 'x',
				regio: (slug) => `Netwerk ${slug}`,
				gemeente: () => 'x'
			},
			{ regio: (id) => (id === 'id-1' ? 'noord' : null) }
		);
		expect(labelled.groups.find((g) => g.key === 'regio')?.options).toEqual([
			{ value: 'noord', label: 'Netwerk noord', count: 3, selected: false }
		]);
		expect(labelled.dagEnNacht).toEqual({ count: 4, selected: true });
	});
});

describe('result sentence', () => {
	it('says how many, for what, where and in which order', async () => {
		const { describeResults } = await import('../../../src/lib/domain/search/summary');
		expect(
			describeResults({
				total: 1234,
				q: 'hospice',
				origin: { postcode: '9401', gemeente: 'Assen' },
				straal: 25,
				sort: 'afstand',
				filters: 2
			})
		).toBe(
			'1.234 resultaten voor “hospice” binnen 25 km van postcode 9401 (Assen) met 2 filters, dichtstbij eerst.'
		);
		expect(
			describeResults({ total: 0, q: 'xyz', origin: null, straal: null, sort: 'relevantie', filters: 0 })
		).toBe('Geen resultaten voor “xyz”.');
		expect(
			describeResults({ total: 3, q: '', origin: null, straal: null, sort: 'relevantie', filters: 0 })
		).toBe('3 resultaten, op naam.');
	});
});

describe('map GeoJSON', () => {
	it('puts services at the same location on one point and counts those without coordinates', async () => {
		const { hitsToGeoJson, servicesOnMap, boundsOf, regionOutlines } =
			await import('../../../src/lib/domain/search/geojson');
		const org = { slug: 'org', naam: 'Org', type: 'hospice' };
		const loc = (id: string, lat: number | null, lon: number | null) => ({
			id,
			naam: id,
			adres: null,
			plaats: 'Assen',
			lat,
			lon
		});
		const { points, services, zonderLocatie } = hitsToGeoJson([
			{ serviceId: 's1', naam: 'Een', organisation: org, locaties: [loc('l1', 53, 6.5)] },
			{ serviceId: 's2', naam: 'Twee', organisation: org, locaties: [loc('l1', 53, 6.5), loc('l2', 52, 5)] },
			{ serviceId: 's3', naam: 'Drie', organisation: org, locaties: [loc('l3', null, null)] }
		]);
		expect(points.features).toHaveLength(2);
		expect(points.features[0].properties).toMatchObject({
			serviceIds: 's1,s2',
			diensten: 'Een\nTwee',
			aantal: 2
		});
		expect(points.features[0].geometry.coordinates).toEqual([6.5, 53]);
		expect(services).toBe(2);
		expect(zonderLocatie).toBe(1);
		expect(servicesOnMap(points)).toEqual(new Set(['s1', 's2']));
		expect(boundsOf(points)).toEqual([5, 52, 6.5, 53]);

		// Two squares side by side in one region: the shared edge is not part of the outline.
		const square = (code: string, x: number) => ({
			type: 'Feature' as const,
			properties: { gemeente_code: code },
			geometry: {
				type: 'Polygon' as const,
				coordinates: [
					[
						[x, 0],
						[x + 1, 0],
						[x + 1, 1],
						[x, 1],
						[x, 0]
					]
				]
			}
		});
		const outlines = regionOutlines(
			{ type: 'FeatureCollection', features: [square('GM1', 0), square('GM2', 1)] },
			[{ slug: 'r', naam: 'R', gemeenten: ['GM1', 'GM2'] }]
		);
		const segments = outlines.features[0].geometry.coordinates.reduce((n, line) => n + line.length - 1, 0);
		expect(segments).toBe(6);
		// The shared edge from (1,0) to (1,1) is gone: no line runs along x = 1 between y = 0 and 1.
		const hasInnerEdge = outlines.features[0].geometry.coordinates.some((line) =>
			line.some((p, i) => i > 0 && p[0] === 1 && line[i - 1][0] === 1)
		);
		expect(hasInnerEdge).toBe(false);
	});
});
