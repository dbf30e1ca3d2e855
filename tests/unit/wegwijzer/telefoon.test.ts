import { describe, expect, it } from 'vitest';
import { telHref } from '../../../src/lib/domain/wegwijzer/telefoon';

describe('telHref', () => {
	it.each([
		['0521-512345', 'tel:+31521512345'],
		['0521 - 51 23 45', 'tel:+31521512345'],
		['088 123 45 67', 'tel:+31881234567'],
		['06-12345678', 'tel:+31612345678'],
		['+31 (0)6 1234 5678', 'tel:+31612345678'],
		['0031 521 512345', 'tel:+31521512345'],
		['+32 2 123 45 67', 'tel:+3221234567'],
		['0800-0113', 'tel:08000113'],
		['0900-1234567', 'tel:09001234567'],
		['113', 'tel:113'],
		['112', 'tel:112'],
		['14 0521', 'tel:140521']
	])('%s → %s', (input, expected) => {
		expect(telHref(input)).toBe(expected);
	});

	it.each([null, undefined, '', 'bel ons', '0521-51234', '12', '+31 6 12+34', 'javascript:alert(1)'])(
		'refuses %j',
		(input) => {
			expect(telHref(input)).toBeNull();
		}
	);
});
