import { describe, expect, it } from 'vitest';
import { isPostcode, parsePostcode } from '../../../src/lib/domain/geo/postcode';

describe('parsePostcode', () => {
	it.each([
		['9401', { pc4: '9401', volledig: null }],
		['9401 AB', { pc4: '9401', volledig: '9401 AB' }],
		['9401ab', { pc4: '9401', volledig: '9401 AB' }],
		[' 9401-AB ', { pc4: '9401', volledig: '9401 AB' }],
		['9401 - ab', { pc4: '9401', volledig: '9401 AB' }],
		['9401  Ab', { pc4: '9401', volledig: '9401 AB' }],
		['  1012\t', { pc4: '1012', volledig: null }],
		['1000 AA', { pc4: '1000', volledig: '1000 AA' }],
		['9999 ZZ', { pc4: '9999', volledig: '9999 ZZ' }],
		// Only SA, SD and SS are excluded; other pairs with an S are fine.
		['8331 SB', { pc4: '8331', volledig: '8331 SB' }],
		['8331 AS', { pc4: '8331', volledig: '8331 AS' }]
	])('accepts %j', (input, expected) => {
		expect(parsePostcode(input)).toEqual(expected);
	});

	it.each([
		'0123',
		'0123 AB',
		'12345',
		'123',
		'9401 A',
		'9401 ABC',
		'9401 SA',
		'9401sd',
		'9401-ss',
		'9401 1B',
		'9401--AB',
		'9401-',
		'AB 9401',
		'94 01',
		'',
		'   ',
		'9401 ÄB'
	])('rejects %j', (input) => {
		expect(parsePostcode(input)).toBeNull();
	});

	it('rejects values that are not strings', () => {
		expect(parsePostcode(null)).toBeNull();
		expect(parsePostcode(undefined)).toBeNull();
		expect(parsePostcode(9401 as unknown as string)).toBeNull();
	});

	it('isPostcode agrees with parsePostcode', () => {
		expect(isPostcode('9401 AB')).toBe(true);
		expect(isPostcode('9401 SS')).toBe(false);
	});
});
