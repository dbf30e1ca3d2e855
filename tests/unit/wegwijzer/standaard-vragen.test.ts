import { describe, expect, it } from 'vitest';
import { dienstCategorieen } from '../../../src/lib/domain/organisation/taxonomy';
import {
	algemeneKaartCategorieen,
	standaardVragen
} from '../../../src/lib/domain/wegwijzer/standaard-vragen';
import { themaCodes } from '../../../src/lib/domain/wegwijzer/themas';
import { maakSlug } from '../../../src/lib/domain/wegwijzer/inhoud';
import { MAX_CATEGORIEEN, TITEL_MAX, UITLEG_MAX } from '../../../src/lib/domain/wegwijzer/schemas';

const categorieCodes = new Set<string>(dienstCategorieen.map((c) => c.code));

describe('standaardVragen (product content)', () => {
	it('has unique, URL-safe slugs', () => {
		const slugs = standaardVragen.map((v) => v.slug);
		expect(new Set(slugs).size).toBe(slugs.length);
		for (const slug of slugs) expect(maakSlug(slug)).toBe(slug);
	});

	it('covers every theme, including the four dimensions and nacht/crisis', () => {
		const themas = new Set(standaardVragen.map((v) => v.thema));
		expect([...themaCodes].filter((t) => !themas.has(t))).toEqual([]);
	});

	it('only uses known service categories, each at most once, within the editor limits', () => {
		for (const v of standaardVragen) {
			expect(v.categorieen.length, v.slug).toBeGreaterThan(0);
			expect(v.categorieen.length, v.slug).toBeLessThanOrEqual(MAX_CATEGORIEEN);
			expect(new Set(v.categorieen).size, v.slug).toBe(v.categorieen.length);
			for (const c of v.categorieen) expect(categorieCodes.has(c), `${v.slug}: ${c}`).toBe(true);
			expect(v.titel.length).toBeLessThanOrEqual(TITEL_MAX);
			expect(v.uitleg.length).toBeLessThanOrEqual(UITLEG_MAX);
		}
		for (const c of algemeneKaartCategorieen) expect(categorieCodes.has(c)).toBe(true);
	});

	it('answers the overburdened carer with mantelzorgondersteuning, VPTZ and the huisarts route, in that order', () => {
		const v = standaardVragen.find((x) => x.titel === 'Ik zorg voor mijn partner en kan het niet meer aan');
		expect(v?.categorieen.slice(0, 4)).toEqual([
			'mantelzorgondersteuning',
			'vptz',
			'huisarts',
			'huisartsenpost'
		]);
	});

	it('is written in short sentences (B1: on average at most 15 words, none over 25)', () => {
		for (const v of standaardVragen) {
			const zinnen = v.uitleg.split(/(?<=[.?!])\s+/).filter(Boolean);
			const woorden = zinnen.map((z) => z.split(/\s+/).length);
			expect(Math.max(...woorden), v.slug).toBeLessThanOrEqual(25);
			expect(woorden.reduce((a, b) => a + b, 0) / woorden.length, v.slug).toBeLessThanOrEqual(15);
		}
	});
});
