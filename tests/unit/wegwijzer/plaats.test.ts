import { describe, expect, it } from 'vitest';
import { bewerkingsafstand, normaliseerNaam, zoekGemeente } from '../../../src/lib/domain/wegwijzer/plaats';

const gemeenten = [
	{ code: 'GM1708', naam: 'Steenwijkerland' },
	{ code: 'GM0119', naam: 'Meppel' },
	{ code: 'GM1900', naam: 'Súdwest-Fryslân' },
	{ code: 'GM0518', naam: "'s-Gravenhage" },
	{ code: 'GM0796', naam: "'s-Hertogenbosch" },
	{ code: 'GM0363', naam: 'Amsterdam' },
	{ code: 'GM0362', naam: 'Amstelveen' },
	{ code: 'GM1690', naam: 'De Wolden' },
	{ code: 'GM0114', naam: 'Emmen' }
];

describe('normaliseerNaam', () => {
	it('drops case, accents, punctuation and the word gemeente', () => {
		expect(normaliseerNaam('  Súdwest-Fryslân ')).toBe('sudwest fryslan');
		expect(normaliseerNaam('Gemeente Meppel')).toBe('meppel');
		expect(normaliseerNaam("'s-Gravenhage")).toBe('s gravenhage');
		expect(normaliseerNaam('Den Haag')).toBe('s gravenhage');
	});
});

describe('bewerkingsafstand', () => {
	it('counts edits and stops early past the maximum', () => {
		expect(bewerkingsafstand('meppel', 'mepel')).toBe(1);
		expect(bewerkingsafstand('emmen', 'meppel')).toBe(4);
		expect(bewerkingsafstand('amsterdam', 'rotterdam', 2)).toBe(3);
	});
});

describe('zoekGemeente', () => {
	it('finds a gemeente whatever the case and accents', () => {
		expect(zoekGemeente('sudwest fryslan', gemeenten).gevonden?.code).toBe('GM1900');
		expect(zoekGemeente('STEENWIJKERLAND', gemeenten).gevonden?.code).toBe('GM1708');
		expect(zoekGemeente('dewolden', gemeenten).gevonden?.code).toBe('GM1690');
		expect(zoekGemeente('Den Bosch', gemeenten).gevonden?.code).toBe('GM0796');
	});

	it('suggests the gemeente of a town name that starts the same ("Steenwijk")', () => {
		const r = zoekGemeente('Steenwijk', gemeenten);
		expect(r.gevonden).toBeNull();
		expect(r.suggesties.map((g) => g.naam)).toEqual(['Steenwijkerland']);
	});

	it('suggests names with a small typing error, closest first', () => {
		expect(zoekGemeente('Mepel', gemeenten).suggesties[0].naam).toBe('Meppel');
		expect(zoekGemeente('Amsterdm', gemeenten).suggesties[0].naam).toBe('Amsterdam');
		expect(zoekGemeente('Amst', gemeenten).suggesties.map((g) => g.naam)).toEqual([
			'Amstelveen',
			'Amsterdam'
		]);
	});

	it('gives nothing for text that resembles no gemeente', () => {
		expect(zoekGemeente('xyzzy', gemeenten)).toEqual({ gevonden: null, suggesties: [] });
		expect(zoekGemeente('   ', gemeenten)).toEqual({ gevonden: null, suggesties: [] });
	});
});
