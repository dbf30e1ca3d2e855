import { describe, expect, it } from 'vitest';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE, parseHsdsQuery } from '$lib/domain/hsds/query';

const parse = (qs: string) => parseHsdsQuery(new URLSearchParams(qs));

describe('parseHsdsQuery', () => {
	it('defaults to page 1 with the default page size and ignores unknown parameters', () => {
		expect(parse('onbekend=1')).toEqual({ ok: true, query: { page: 1, per_page: DEFAULT_PER_PAGE } });
	});

	it('reads paging, booleans, ids and dates', () => {
		const r = parse(
			'page=3&per_page=10&full=true&full_service=0&organization_id=0f9a1c52-8f0e-4f7b-9a55-6a2b8b1d2e01&modified_after=2025-01-31&search=+hospice+'
		);
		expect(r).toEqual({
			ok: true,
			query: {
				page: 3,
				per_page: 10,
				full: true,
				full_service: false,
				organization_id: '0f9a1c52-8f0e-4f7b-9a55-6a2b8b1d2e01',
				modified_after: new Date('2025-01-31'),
				search: 'hospice'
			}
		});
	});

	it.each([
		['page=0', 'page: page begint bij 1.'],
		['page=twee', 'page: page moet een getal zijn.'],
		[`per_page=${MAX_PER_PAGE + 1}`, `per_page: per_page is hoogstens ${MAX_PER_PAGE}.`],
		['full=ja', 'full: Gebruik true of false.'],
		['taxonomy_term_id=pijn', 'taxonomy_term_id: Dit is geen geldige id (UUID).'],
		[
			'modified_after=gisteren',
			'modified_after: modified_after moet een datum of tijdstip zijn (ISO 8601), bijvoorbeeld 2025-01-31.'
		],
		['format=ndjson', 'format: Alleen format=json wordt ondersteund.']
	])('%s → 400 with a Dutch message', (qs, message) => {
		expect(parse(qs)).toEqual({ ok: false, message });
	});

	it('treats an empty value as absent', () => {
		expect(parse('page=&search=')).toEqual({ ok: true, query: { page: 1, per_page: DEFAULT_PER_PAGE } });
	});
});
