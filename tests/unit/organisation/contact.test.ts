import { describe, expect, it } from 'vitest';
import { mailtoHref, telHref, websiteHref } from '$lib/domain/organisation/contact';

describe('telHref', () => {
	it.each([
		['0592 00 12 34', 'tel:+31592001234'],
		['(0592) 00-12-34', 'tel:+31592001234'],
		['06 12345678', 'tel:+31612345678'],
		['+31 20 001 2345', 'tel:+31200012345'],
		['0031 20 001 2345', 'tel:+31200012345'],
		['112', 'tel:112'],
		['0800-0222', 'tel:08000222']
	])('%s → %s', (input, href) => {
		expect(telHref(input)).toBe(href);
	});

	it('gives no link without digits', () => {
		expect(telHref('onbekend')).toBeNull();
		expect(telHref(null)).toBeNull();
	});
});

describe('mailtoHref and websiteHref', () => {
	it('links a valid address and refuses anything else', () => {
		expect(mailtoHref(' info@hospice.nl ')).toBe('mailto:info@hospice.nl');
		expect(mailtoHref('info at hospice')).toBeNull();
	});

	it('adds https:// to a bare domain and does not link other schemes', () => {
		expect(websiteHref('www.hospice.nl')).toBe('https://www.hospice.nl/');
		expect(websiteHref('http://hospice.nl/over')).toBe('http://hospice.nl/over');
		expect(websiteHref('javascript:alert(1)')).toBeNull();
	});
});
