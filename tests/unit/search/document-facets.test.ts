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
