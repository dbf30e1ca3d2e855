import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	containsBsn,
	containsDate,
	containsEmail,
	findIdentifyingData,
	findIdentifyingDataKinds,
	looksLikeBsn,
	privacyReasons
} from '$lib/domain/referral/privacy';

/** Independent reference: the elfproef written out the long way. */
function elfproefSum(nineDigits: string): number {
	const d = nineDigits.split('').map(Number);
	return 9 * d[0] + 8 * d[1] + 7 * d[2] + 6 * d[3] + 5 * d[4] + 4 * d[5] + 3 * d[6] + 2 * d[7] - 1 * d[8];
}

describe('looksLikeBsn', () => {
	it('accepts 111222333, which passes the elfproef', () => {
		expect(elfproefSum('111222333')).toBe(66); // 66 = 6 × 11
		expect(looksLikeBsn('111222333')).toBe(true);
	});

	it('rejects 123456789, which fails the elfproef', () => {
		expect(elfproefSum('123456789')).toBe(147); // 147 = 13 × 11 + 4
		expect(looksLikeBsn('123456789')).toBe(false);
	});

	it('allows the usual separators', () => {
		expect(looksLikeBsn('111 222 333')).toBe(true);
		expect(looksLikeBsn('1112.22.333')).toBe(true);
		expect(looksLikeBsn('111-222-333')).toBe(true);
	});

	it('needs exactly nine digits and is not fooled by all zeros', () => {
		expect(looksLikeBsn('11122233')).toBe(false);
		expect(looksLikeBsn('1112223330')).toBe(false);
		expect(looksLikeBsn('000000000')).toBe(false);
		expect(looksLikeBsn('abc')).toBe(false);
	});

	it('agrees with the written-out elfproef for every nine-digit number', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^\d{9}$/), (digits) => {
				const expected = digits !== '000000000' && elfproefSum(digits) % 11 === 0;
				expect(looksLikeBsn(digits)).toBe(expected);
			})
		);
	});
});

describe('containsBsn', () => {
	it('finds a BSN inside text, also written in groups', () => {
		expect(containsBsn('bsn 111222333 graag')).toBe(true);
		expect(containsBsn('BSN: 111 222 333.')).toBe(true);
		expect(containsBsn('nummer 1112.22.333')).toBe(true);
		expect(containsBsn('kamer 1 111222333')).toBe(true);
	});

	it('leaves numbers alone that fail the elfproef or are no nine-digit group', () => {
		expect(containsBsn('nummer 123456789')).toBe(false);
		expect(containsBsn('rookt 20 sigaretten per dag, 2 x 10 mg')).toBe(false);
		// A ten-digit phone number contains nine-digit windows; they must not count (0612345683 → 612345683 passes).
		expect(elfproefSum('612345683') % 11).toBe(0);
		expect(containsBsn('bel 0612345683')).toBe(false);
		expect(containsBsn('bel 06 12345683')).toBe(false);
	});

	it('finds every valid BSN that is embedded in ordinary text', () => {
		const validBsn = fc
			.stringMatching(/^\d{9}$/)
			.filter((d) => d !== '000000000' && elfproefSum(d) % 11 === 0);
		fc.assert(
			fc.property(validBsn, fc.constantFrom('', ' ', '.'), (bsn, sep) => {
				const written = `${bsn.slice(0, 3)}${sep}${bsn.slice(3, 6)}${sep}${bsn.slice(6)}`;
				expect(containsBsn(`patiënt met nummer ${written} wil roken`)).toBe(true);
			})
		);
	});
});

describe('containsDate', () => {
	it.each([
		'geboren 12-03-1950',
		'geb. 1/2/50',
		'12.03.1950',
		'1950-03-12',
		'1950/3/12',
		'12 maart 1950',
		'3 mrt. 1950',
		'1e mei',
		'opname gewenst voor 12 maart',
		'12 December 1950',
		'12-mrt-1950'
	])('finds a date in "%s"', (text) => {
		expect(containsDate(text)).toBe(true);
	});

	it.each([
		'rookt 20 sigaretten per dag',
		'bloeddruk 120/80',
		'score 20/40/60',
		'sinds maart 2024 dakloos',
		'3 meisjes op bezoek',
		'bij sepsis 2 x daags',
		'32-13-1950'
	])('finds no date in "%s"', (text) => {
		expect(containsDate(text)).toBe(false);
	});
});

describe('containsEmail', () => {
	it('finds ordinary and disguised addresses', () => {
		expect(containsEmail('mail naar j.jansen@example.nl')).toBe(true);
		expect(containsEmail('dochter: an.de.vries+zorg@mail.co.uk')).toBe(true);
		expect(containsEmail('j.jansen (at) example.nl')).toBe(true);
	});

	it('does not see an e-mail address in text with an @ sign alone', () => {
		expect(containsEmail('wil graag @ het raam')).toBe(false);
		expect(containsEmail('geen mail')).toBe(false);
	});
});

describe('findIdentifyingData', () => {
	it('accepts harmless needs', () => {
		expect(findIdentifyingData('wil graag bij het raam liggen, rookt 20 sigaretten per dag')).toEqual([]);
	});

	it('returns a Dutch reason per kind of identifying data, in a fixed order', () => {
		const text = 'j@x.nl, geboren 12 maart 1950, bsn 111222333';
		expect(findIdentifyingDataKinds(text)).toEqual(['bsn', 'datum', 'email']);
		expect(findIdentifyingData(text)).toEqual([
			privacyReasons.bsn,
			privacyReasons.datum,
			privacyReasons.email
		]);
		expect(privacyReasons.bsn).toMatch(/burgerservicenummer/);
	});
});
