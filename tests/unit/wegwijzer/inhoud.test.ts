import { describe, expect, it } from 'vitest';
import {
	effectieveVragen,
	groepeerPerThema,
	maakSlug,
	regioVoorrang,
	type AanpassingRij,
	type VraagRij
} from '../../../src/lib/domain/wegwijzer/inhoud';

const NETWERK = 'netwerk';
const SUB = 'sub';
const ANDER = 'ander-netwerk';

function vraag(id: string, extra: Partial<VraagRij> = {}): VraagRij {
	return {
		id,
		slug: id,
		regionId: null,
		thema: 'mantelzorg',
		titel: `Titel ${id}`,
		uitleg: `Uitleg ${id}`,
		categorieen: ['huisarts'],
		volgorde: 0,
		actief: true,
		version: 1,
		...extra
	};
}

function aanpassing(vraagId: string, regionId: string, extra: Partial<AanpassingRij> = {}): AanpassingRij {
	return {
		vraagId,
		regionId,
		titel: `Titel ${vraagId} in ${regionId}`,
		uitleg: 'Eigen uitleg',
		categorieen: ['vptz'],
		verborgen: false,
		version: 1,
		...extra
	};
}

describe('regioVoorrang', () => {
	it('puts sub-regions before networks and a larger share first', () => {
		expect(
			regioVoorrang([
				{ id: NETWERK, parentId: null, aandeel: 1 },
				{ id: 'klein', parentId: NETWERK, aandeel: 0.33 },
				{ id: SUB, parentId: NETWERK, aandeel: 0.67 },
				{ id: ANDER, parentId: null, aandeel: 0.5 }
			])
		).toEqual([SUB, 'klein', NETWERK, ANDER]);
	});
});

describe('effectieveVragen', () => {
	const vragen = [
		vraag('a'),
		vraag('b'),
		vraag('eigen-sub', { regionId: SUB }),
		vraag('eigen-ander', { regionId: ANDER })
	];

	it('shows the standard text where no region changed it', () => {
		const r = effectieveVragen(vragen, [], [SUB, NETWERK]);
		expect(r.map((v) => [v.slug, v.bron])).toEqual([
			['a', 'standaard'],
			['b', 'standaard'],
			['eigen-sub', 'eigen']
		]);
	});

	it("uses the most specific region's adjustment: the sub-region's over the network's", () => {
		const aanpassingen = [
			aanpassing('a', NETWERK, { titel: 'Netwerktekst' }),
			aanpassing('a', SUB, { titel: 'Subregiotekst' })
		];
		expect(effectieveVragen(vragen, aanpassingen, [SUB, NETWERK])[0]).toMatchObject({
			titel: 'Subregiotekst',
			categorieen: ['vptz'],
			bron: 'aangepast',
			aanpassingRegionId: SUB
		});
		// A gemeente of the network outside that sub-region gets the network's text.
		expect(effectieveVragen(vragen, aanpassingen, [NETWERK])[0].titel).toBe('Netwerktekst');
		// Another network's adjustments never apply.
		expect(effectieveVragen(vragen, [aanpassing('a', ANDER)], [SUB, NETWERK])[0].bron).toBe('standaard');
	});

	it('marks hidden questions (adjustment or own question switched off) so the public pages can leave them out', () => {
		const r = effectieveVragen(
			[vraag('a'), vraag('uit', { regionId: SUB, actief: false })],
			[aanpassing('a', NETWERK, { verborgen: true })],
			[SUB, NETWERK]
		);
		expect(r.map((v) => [v.slug, v.verborgen])).toEqual([
			['a', true],
			['uit', true]
		]);
	});

	it('sorts by theme (crisis first), then order, then title, and groups per theme', () => {
		const r = effectieveVragen(
			[
				vraag('z', { thema: 'geld', titel: 'Z' }),
				vraag('m2', { thema: 'mantelzorg', volgorde: 2 }),
				vraag('m1', { thema: 'mantelzorg', volgorde: 1 }),
				vraag('n', { thema: 'nacht_crisis' })
			],
			[],
			[]
		);
		expect(r.map((v) => v.slug)).toEqual(['n', 'm1', 'm2', 'z']);
		expect(groepeerPerThema(r).map((g) => [g.thema, g.vragen.length])).toEqual([
			['nacht_crisis', 1],
			['mantelzorg', 2],
			['geld', 1]
		]);
	});
});

describe('maakSlug', () => {
	it('makes a readable URL part', () => {
		expect(maakSlug('Ik zorg voor mijn partner en kan het niet meer aan')).toBe(
			'ik-zorg-voor-mijn-partner-en-kan-het-niet-meer-aan'
		);
		expect(maakSlug('Wat is een "café"?')).toBe('wat-is-een-cafe');
		expect(maakSlug('???')).toBe('vraag');
		expect(maakSlug('a '.repeat(50)).length).toBeLessThanOrEqual(60);
	});
});
