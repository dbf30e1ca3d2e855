import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../../src/lib/domain/geo/distance';
import {
	kaderRond,
	kiesDiensten,
	specifiekeRegios,
	type Kandidaat
} from '../../../src/lib/domain/wegwijzer/selectie';

const STEENWIJK = { lat: 52.784, lon: 6.117 };
const EMMEN = { lat: 52.785, lon: 6.897 };
const MEPPEL = { lat: 52.696, lon: 6.194 };
const SUB = 'meppel-steenwijkerland';
const NETWERK = 'drenthe-steenwijkerland';
const plaats = { gemeenteCode: 'GM1708', punt: STEENWIJK, specifiekeRegioIds: [SUB] };

function k(
	naam: string,
	categorie: string,
	at: { lat: number; lon: number },
	extra: Partial<Kandidaat> = {}
) {
	return {
		naam,
		categorie,
		voorProfessionals: false,
		regioIds: [NETWERK, SUB],
		zonderWerkgebied: false,
		locaties: [{ gemeenteCode: 'GM0000', ...at }],
		...extra
	};
}

describe('kiesDiensten', () => {
	it("prefers the sub-region's services and ignores the wider network's for that category", () => {
		const r = kiesDiensten(
			[
				k('Praktijk Emmen', 'huisarts', EMMEN, { regioIds: [NETWERK] }),
				k('Praktijk Steenwijk', 'huisarts', STEENWIJK),
				k('Hospice Emmen', 'hospice', EMMEN, { regioIds: [NETWERK] })
			],
			plaats
		);
		expect(r.map((d) => [d.naam, d.niveau])).toEqual([
			['Praktijk Steenwijk', 1],
			// No hospice in the sub-region: the network's is the answer.
			['Hospice Emmen', 2]
		]);
		expect(r[0].afstandKm).toBe(0);
		expect(r[1].afstandKm).toBeCloseTo(52, 0);
	});

	it('takes local help (sociaal werk, huisarts…) from the wider network only when it is near', () => {
		const r = kiesDiensten(
			[
				k('Sociaal werk Emmen', 'sociaal_werk', EMMEN, { regioIds: [NETWERK] }),
				k('Hospice Emmen', 'hospice', EMMEN, { regioIds: [NETWERK] }),
				k('Sociaal werk Meppel', 'gemeente_wmo', MEPPEL, { regioIds: [NETWERK] })
			],
			plaats
		);
		expect(r.map((d) => d.naam).sort()).toEqual(['Hospice Emmen', 'Sociaal werk Meppel']);
	});

	it('sorts nearest first and keeps at most three per category', () => {
		const r = kiesDiensten(
			[
				k('Ver', 'vptz', EMMEN),
				k('Meppel', 'vptz', MEPPEL),
				k('Dichtbij', 'vptz', STEENWIJK),
				k('Ook ver', 'vptz', { lat: 53.2, lon: 6.5 })
			],
			plaats
		);
		expect(r.map((d) => d.naam)).toEqual(['Dichtbij', 'Meppel', 'Ver']);
	});

	it('counts a service without service area only in the gemeente or nearby, and one serving elsewhere never', () => {
		const r = kiesDiensten(
			[
				k('Zonder gebied, in de gemeente', 'sociaal_werk', EMMEN, {
					regioIds: [],
					zonderWerkgebied: true,
					locaties: [{ gemeenteCode: 'GM1708', ...EMMEN }]
				}),
				k('Zonder gebied, Meppel', 'apotheek', MEPPEL, { regioIds: [], zonderWerkgebied: true }),
				k('Zonder gebied, Emmen', 'wijkverpleging', EMMEN, { regioIds: [], zonderWerkgebied: true }),
				k('Werkt in een andere regio', 'ggz', STEENWIJK, { regioIds: [] })
			],
			plaats
		);
		expect(r.map((d) => [d.naam, d.niveau])).toEqual([
			['Zonder gebied, in de gemeente', 1],
			['Zonder gebied, Meppel', 2]
		]);
		expect(haversineKm(STEENWIJK, MEPPEL)).toBeLessThan(15);
	});

	it('chooses services for professionals separately from the public ones of the same category', () => {
		const r = kiesDiensten(
			[
				k('Publiek netwerk', 'consultatie', EMMEN, { regioIds: [NETWERK] }),
				k('Consult dichtbij', 'consultatie', STEENWIJK, { voorProfessionals: true })
			],
			plaats
		);
		expect(r.map((d) => d.naam).sort()).toEqual(['Consult dichtbij', 'Publiek netwerk']);
	});

	it('works without a point (gemeente without postcode areas): unknown distances, still per level', () => {
		const r = kiesDiensten([k('A', 'huisarts', STEENWIJK)], { ...plaats, punt: null });
		expect(r[0]).toMatchObject({ afstandKm: null, niveau: 1 });
	});
});

describe('specifiekeRegios and kaderRond', () => {
	it('takes the sub-regions when there are any', () => {
		expect(
			specifiekeRegios([
				{ id: NETWERK, parentId: null },
				{ id: SUB, parentId: NETWERK }
			])
		).toEqual([SUB]);
		expect(specifiekeRegios([{ id: 'utrecht', parentId: null }])).toEqual(['utrecht']);
	});

	it('makes a box that holds every point within the distance', () => {
		const kader = kaderRond(STEENWIJK, 15);
		expect(MEPPEL.lat).toBeGreaterThan(kader.minLat);
		expect(EMMEN.lon).toBeGreaterThan(kader.maxLon);
		expect(haversineKm(STEENWIJK, { lat: STEENWIJK.lat, lon: kader.maxLon })).toBeCloseTo(15, 0);
	});
});
