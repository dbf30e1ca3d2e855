import { describe, expect, it } from 'vitest';
import { acceptCandidates, editDistance, maxTypos, parseQuery } from '../../../src/lib/domain/search/query';
import { buildSynonymRules, meilisearchSynonyms, synonymsOf } from '../../../src/lib/domain/search/synonyms';
import { normalise, vocabularyWords } from '../../../src/lib/domain/search/text';

const groups = buildSynonymRules();

describe('normalising text', () => {
	it('lower-cases and drops accents', () => {
		expect(normalise('  Rouwcafé   Élise ')).toBe('rouwcafe elise');
		expect(vocabularyWords(['Bijna-thuis-huis Assen 9401', 'ab'])).toEqual([
			'assen',
			'bijna',
			'huis',
			'thuis'
		]);
	});
});

describe('synonyms from one source', () => {
	it('knows the field abbreviations both ways', () => {
		for (const [abbr, full] of [
			['vptz', 'vrijwilligers palliatieve terminale zorg'],
			['mo', 'maatschappelijke opvang'],
			['ggz', 'geestelijke gezondheidszorg'],
			['epa', 'ernstige psychische aandoening'],
			['patz', 'palliatieve thuiszorg'],
			['elv', 'eerstelijnsverblijf'],
			['so', 'specialist ouderengeneeskunde'],
			['vs', 'verpleegkundig specialist'],
			['poh', 'praktijkondersteuner'],
			['acp', 'proactieve zorgplanning'],
			['pzp', 'advance care planning'],
			['cpt', 'consultatieteam palliatieve zorg'],
			['pznl', 'palliatieve zorg nederland'],
			['npz', 'netwerk palliatieve zorg'],
			['vvt', 'verpleeghuis']
		]) {
			expect(synonymsOf(abbr, groups)).toContain(full);
			expect(synonymsOf(full, groups)).toContain(abbr);
		}
	});

	it('takes the taxonomy terms: everyday words find the term, not the other way round', () => {
		expect(synonymsOf('verslaafd', groups)).toEqual(
			expect.arrayContaining(['verslaving', 'middelengebruik'])
		);
		expect(synonymsOf('proactieve zorgplanning', groups)).toContain('acp');
		// "vrijwilligers" finds the VPTZ; "VPTZ" does not find every text about volunteers.
		expect(synonymsOf('vrijwilligers', groups)).toContain('vptz');
		expect(synonymsOf('vptz', groups)).not.toContain('vrijwilligers');
		const custom = buildSynonymRules([{ label: 'Hospice', synonyms: ['sterfhuis', 'BTH'] }], []);
		expect(custom).toEqual([
			{ from: ['hospice', 'bth'], to: ['hospice', 'bth'] },
			{ from: ['sterfhuis'], to: ['hospice', 'bth'] }
		]);
	});

	it('gives Meilisearch an entry per phrase, one way where the rule is one way', () => {
		const meili = meilisearchSynonyms([
			{ from: ['so', 'specialist ouderengeneeskunde'], to: ['so', 'specialist ouderengeneeskunde'] },
			{ from: ['vrijwilligers'], to: ['vptz', 'vrijwillige terminale zorg'] }
		]);
		expect(meili).toEqual({
			so: ['specialist ouderengeneeskunde'],
			'specialist ouderengeneeskunde': ['so'],
			vrijwilligers: ['vptz', 'vrijwillige terminale zorg']
		});
	});
});

describe('parsing a query', () => {
	it('marks the last word as prefix and long words as typo-tolerant, and drops stop words', () => {
		const { tokens } = parseQuery('hospice in de buurt van ass', groups);
		expect(tokens.map((t) => [t.text, t.prefix, t.fuzzy])).toEqual([
			['hospice', false, true],
			['buurt', false, true],
			['ass', true, false]
		]);
	});

	it('recognises a synonym phrase as one concept', () => {
		const { tokens } = parseQuery('Specialist Ouderengeneeskunde Utrecht', groups);
		expect(tokens[0]).toMatchObject({ text: 'specialist ouderengeneeskunde', prefix: false });
		expect(tokens[0].synonyms).toContain('so');
		expect(tokens[1].text).toBe('utrecht');
	});

	it('keeps short abbreviations that are synonyms', () => {
		const { tokens } = parseQuery('SO', groups);
		expect(tokens).toHaveLength(1);
		expect(tokens[0].synonyms).toContain('specialist ouderengeneeskunde');
	});

	it('takes a postcode out of the words', () => {
		expect(parseQuery('hospice 9401', groups)).toMatchObject({
			postcode: { pc4: '9401', volledig: null },
			normalised: 'hospice'
		});
		expect(parseQuery('9401ab vptz', groups).postcode).toEqual({ pc4: '9401', volledig: '9401 AB' });
		expect(parseQuery('0123 hospice', groups).postcode).toBeNull();
	});
});

describe('typo and word-form candidates', () => {
	it('counts a swap of neighbours as one edit', () => {
		expect(editDistance('hopsice', 'hospice')).toBe(1);
		expect(editDistance('verslavng', 'verslaving')).toBe(1);
		expect(editDistance('huis', 'huizen')).toBe(3);
		expect(maxTypos('abc')).toBe(0);
		expect(maxTypos('abcd')).toBe(1);
		expect(maxTypos('abcdefgh')).toBe(2);
	});

	it('accepts typos only for unknown words, word forms always', () => {
		expect(acceptCandidates('hopsice', [{ word: 'hospice', similarity: 0.33 }])).toEqual(['hospice']);
		// "assen" is a known word: "essen" is not offered as a correction.
		expect(
			acceptCandidates('assen', [
				{ word: 'assen', similarity: 1 },
				{ word: 'essen', similarity: 0.4 }
			])
		).toEqual([]);
		// The Dutch stemmer keeps these apart; the vocabulary brings them together.
		expect(
			acceptCandidates('verpleeghuis', [
				{ word: 'verpleeghuis', similarity: 1 },
				{ word: 'verpleeghuizen', similarity: 0.65 }
			])
		).toEqual(['verpleeghuizen']);
		// Far away words are no typo.
		expect(acceptCandidates('hospice', [{ word: 'hospitaal', similarity: 0.35 }])).toEqual([]);
	});
});
