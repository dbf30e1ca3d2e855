import { describe, expect, it } from 'vitest';
import {
	isValidSlug,
	RESERVED_SLUGS,
	SLUG_MAX_LENGTH,
	slugify,
	uniqueSlug
} from '$lib/domain/organisation/slug';

describe('slugify', () => {
	it.each([
		['Hospice De Zonnedauw', 'hospice-de-zonnedauw'],
		["Hospice 't Huis aan de Vecht", 'hospice-t-huis-aan-de-vecht'],
		['Zorg & Welzijn Assen', 'zorg-en-welzijn-assen'],
		['Café Ĳsselmonde – Crèche', 'cafe-ijsselmonde-creche'],
		["Cura's Thuiszorg", 'curas-thuiszorg'],
		['  --GGZ  Drenthe!!  ', 'ggz-drenthe'],
		['Straße Øresund Œuvre', 'strasse-oresund-oeuvre'],
		['Hospice 2000 (Emmen)', 'hospice-2000-emmen']
	])('%s → %s', (input, expected) => {
		expect(slugify(input)).toBe(expected);
	});

	it('is never empty', () => {
		expect(slugify('!!!')).toBe('organisatie');
		expect(slugify('')).toBe('organisatie');
		expect(slugify('***', 'locatie')).toBe('locatie');
	});

	it('is idempotent: a slug stays the same slug', () => {
		for (const name of ['Hospice De Zonnedauw', 'A & B', 'x'.repeat(200)]) {
			const once = slugify(name);
			expect(slugify(once)).toBe(once);
		}
	});

	it('cuts long names at a word boundary within the maximum length', () => {
		const long =
			'Stichting voor palliatieve terminale zorg en vrijwilligers in de regio Zuidoost Drenthe en omstreken';
		const slug = slugify(long);
		expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
		expect(long.toLowerCase().replace(/ /g, '-').startsWith(slug)).toBe(true);
		expect(slug.endsWith('-')).toBe(false);
	});
});

describe('isValidSlug', () => {
	it('accepts lowercase words joined by single hyphens', () => {
		expect(isValidSlug('hospice-de-zonnedauw')).toBe(true);
		expect(isValidSlug('vvt-2')).toBe(true);
	});
	it('refuses capitals, double or edge hyphens, spaces, reserved words and overlong slugs', () => {
		for (const bad of ['Hospice', 'a--b', '-a', 'a-', 'a b', 'nieuw', 'a'.repeat(SLUG_MAX_LENGTH + 1)])
			expect(isValidSlug(bad), bad).toBe(false);
	});
});

describe('uniqueSlug', () => {
	it('returns the plain slug when it is free', () => {
		expect(uniqueSlug('Hospice Assen', () => false)).toBe('hospice-assen');
	});
	it('appends -2, -3, ... when taken', () => {
		const taken = new Set(['hospice-assen', 'hospice-assen-2']);
		expect(uniqueSlug('Hospice Assen', (s) => taken.has(s))).toBe('hospice-assen-3');
	});
	it('never hands out a reserved word', () => {
		for (const word of RESERVED_SLUGS) expect(uniqueSlug(word, () => false)).toBe(`${word}-2`);
	});
	it('keeps the suffix within the maximum length', () => {
		const base = 'a'.repeat(SLUG_MAX_LENGTH);
		const slug = uniqueSlug(base, (s) => s === base);
		expect(slug).toBe(`${'a'.repeat(SLUG_MAX_LENGTH - 2)}-2`);
		expect(slug.length).toBe(SLUG_MAX_LENGTH);
	});
});
