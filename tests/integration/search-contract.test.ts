import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distanceKm } from '../../src/lib/domain/geo/distance';
import { emptyFilters, type SearchEngine, type SearchQuery } from '../../src/lib/domain/search/engine';
import type { DatabaseHandle } from '../../src/lib/server/db/client';
import { resetEnvCache } from '../../src/lib/server/env';
import { createMeilisearchEngine } from '../../src/lib/server/search/meilisearch';
import { meiliClient, resetMeiliClient } from '../../src/lib/server/search/meilisearch-index';
import { createPostgresEngine } from '../../src/lib/server/search/postgres';
import { reindexAll } from '../../src/lib/server/search/sync';
import { clearSynonymCache } from '../../src/lib/server/search/synonyms';
import { createTestDatabase } from './helpers/test-db';
import { type Fixture, insertFixture, places } from './search-fixture';

/*
 * One contract, every engine: the same cases on the same fixture. The Postgres engine runs on whatever database the test
 * helper gives (PGlite in memory, or a fresh database on DATABASE_URL); Meilisearch only when MEILISEARCH_URL is set.
 */

function query(text: string, extra: Partial<SearchQuery> = {}): SearchQuery {
	return {
		text,
		filters: { ...emptyFilters, ...(extra.filters ?? {}) },
		origin: null,
		radiusKm: null,
		sort: 'relevantie',
		page: 1,
		pageSize: 50,
		facets: false,
		...extra
	};
}

function contract(name: string, setup: () => Promise<{ engine: SearchEngine; fixture: Fixture }>) {
	describe(`zoekcontract: ${name}`, () => {
		let engine: SearchEngine;
		let fx: Fixture;
		const names = async (text: string, extra: Partial<SearchQuery> = {}) =>
			(await engine.search(query(text, extra))).hits.map((h) => h.naam);

		beforeAll(async () => {
			({ engine, fixture: fx } = await setup());
		});

		it('puts the exact name first', async () => {
			const result = await names('Hospice De Zonnedauw');
			expect(result[0]).toBe('Hospice De Zonnedauw');
			expect(result).toContain('Vrienden van Hospice De Zonnedauw');
			// Lower case, without "De": still first.
			expect((await names('hospice zonnedauw'))[0]).toBe('Hospice De Zonnedauw');
		});

		it('tolerates typos', async () => {
			expect(await names('hopsice')).toEqual(
				expect.arrayContaining(['Hospice De Zonnedauw', 'Hospice Het Veerhuis'])
			);
			expect(await names('verslavng')).toEqual(
				expect.arrayContaining(['Hospice Het Veerhuis', 'Consultatie verslaving in de laatste levensfase'])
			);
			expect(await names('middelengebriuk amsterdam')).toEqual(
				expect.arrayContaining(['Hospice Het Veerhuis', 'Consultatie verslaving in de laatste levensfase'])
			);
			// A typo does not turn a nonsense word into results.
			expect(await names('xqzwv')).toEqual([]);
		});

		it('handles Dutch word forms, prefixes and accents', async () => {
			expect(await names('hospices')).toEqual(
				expect.arrayContaining(['Hospice De Zonnedauw', 'Hospice Het Veerhuis'])
			);
			const verpleeghuizen = await names('verpleeghuizen');
			expect(verpleeghuizen).toEqual(
				expect.arrayContaining([
					'Palliatieve unit Verpleeghuis De Linde',
					'Palliatieve bedden in onze verpleeghuizen'
				])
			);
			expect(await names('verpleeghuis')).toEqual(expect.arrayContaining(verpleeghuizen));
			expect(await names('hos')).toEqual(
				expect.arrayContaining(['Hospice De Zonnedauw', 'Hospice Het Veerhuis'])
			);
			expect(await names('verslavi')).toContain('Consultatie verslaving in de laatste levensfase');
			expect(await names('rouwcafe')).toEqual(['Rouwcafé Maastricht']);
		});

		it('understands abbreviations both ways', async () => {
			expect(await names('SO')).toContain('Specialist ouderengeneeskunde in de wijk');
			expect(await names('verpleegkundig specialist')).toContain('Spreekuur VS palliatieve zorg');
			expect(await names('vptz')).toContain('VPTZ De Lantaarn');
			expect(await names('vrijwilligers palliatieve terminale zorg')).toContain('VPTZ De Lantaarn');
			expect(await names('ernstige psychische aandoening')).toContain(
				'Palliatieve zorg bij ernstige psychische aandoeningen'
			);
		});

		it('never finds archived organisations or services', async () => {
			expect(await names('opgeheven')).toEqual([]);
			expect(await names('gestopt')).toEqual([]);
			const all = await engine.search(query(''));
			expect(all.total).toBe(12);
		});

		it('counts facets, each without its own filter', async () => {
			const result = await engine.search(query('hospice', { facets: true }));
			expect(result.total).toBe(3);
			expect(result.facets?.type).toEqual([
				{ value: 'hospice', count: 2 },
				{ value: 'welzijn', count: 1 }
			]);
			expect(result.facets?.dagEnNacht).toBe(2);
			expect(result.facets?.regio).toEqual([
				{ value: fx.regions.noord, count: 2 },
				{ value: fx.regions.west, count: 1 }
			]);
			expect(result.facets?.gemeente).toEqual([
				{ value: 'GM0106', count: 2 },
				{ value: 'GM0363', count: 1 }
			]);

			const filtered = await engine.search(
				query('hospice', { facets: true, filters: { ...emptyFilters, type: ['hospice'], dagEnNacht: true } })
			);
			expect(filtered.hits.map((h) => h.naam).sort()).toEqual([
				'Hospice De Zonnedauw',
				'Hospice Het Veerhuis'
			]);
			// The type facet ignores the type filter (so "welzijn" can be added) but applies dag-en-nacht.
			expect(filtered.facets?.type).toEqual([{ value: 'hospice', count: 2 }]);
			expect(filtered.facets?.expertise).toEqual(
				expect.arrayContaining([
					{ value: 'middelengebruik', count: 1 },
					{ value: 'pijnbeleid', count: 1 }
				])
			);

			const byRegion = await engine.search(
				query('', { facets: true, filters: { ...emptyFilters, regionIds: [fx.regions.west] } })
			);
			expect(byRegion.hits.every((h) => h.locaties.some((l) => l.gemeenteCode === 'GM0363'))).toBe(true);
			expect(byRegion.total).toBe(3);
		});

		it('counts facets without words the same way (the counting shortcut of an engine must not change them)', async () => {
			const all = await engine.search(query('', { facets: true }));
			const hospices = await engine.search(
				query('', { facets: true, filters: { ...emptyFilters, type: ['hospice'] } })
			);
			expect(hospices.total).toBe(2);
			expect(hospices.facets?.type).toEqual(all.facets?.type);
			expect(hospices.facets?.dagEnNacht).toBe(2);
			expect(hospices.facets?.gemeente).toEqual([
				{ value: 'GM0106', count: 1 },
				{ value: 'GM0363', count: 1 }
			]);
			const again = await engine.search(
				query('', { facets: true, filters: { ...emptyFilters, type: ['hospice'] } })
			);
			expect(again.total).toBe(2);
			expect(again.facets).toEqual(hospices.facets);
		});

		it('sorts by distance from a point and filters by radius', async () => {
			const assen = { lat: places.assen.lat, lon: places.assen.lon };
			const result = await engine.search(query('hospice', { origin: assen, sort: 'afstand' }));
			expect(result.hits.map((h) => h.naam)).toEqual([
				'Hospice De Zonnedauw',
				'Vrienden van Hospice De Zonnedauw',
				'Hospice Het Veerhuis'
			]);
			expect(result.hits[0].afstandKm).toBeLessThan(1);
			expect(result.hits[2].afstandKm).toBe(distanceKm(assen, places.amsterdam));

			const near = await engine.search(query('', { origin: assen, sort: 'afstand', radiusKm: 30 }));
			// Assen (3 services) and Groningen (~25 km: GGZ Noord and the wijkverpleging).
			expect(near.hits.map((h) => h.naam)).toEqual([
				...['Hospice De Zonnedauw', 'VPTZ De Lantaarn', 'Vrienden van Hospice De Zonnedauw'],
				...['Palliatieve zorg bij ernstige psychische aandoeningen', 'Wijkverpleging Groningen']
			]);
			const distances = near.hits.map((h) => h.afstandKm as number);
			expect([...distances].sort((a, b) => a - b)).toEqual(distances);
			expect(Math.max(...distances)).toBeLessThanOrEqual(30);
		});

		it('pages through results', async () => {
			const first = await engine.search(query('', { pageSize: 5, page: 1 }));
			const third = await engine.search(query('', { pageSize: 5, page: 3 }));
			expect(first.total).toBe(12);
			expect(first.hits).toHaveLength(5);
			expect(third.hits).toHaveLength(2);
			expect(new Set([...first.hits, ...third.hits].map((h) => h.serviceId)).size).toBe(7);
		});

		it('returns the organisation and locations with each hit', async () => {
			const [hit] = (await engine.search(query('Rouwcafé Maastricht'))).hits;
			expect(hit.organisation).toEqual({
				id: fx.org.rouw,
				slug: 'test-rouw',
				naam: 'Centrum voor Levensvragen Maastricht',
				type: 'geestelijke_verzorging'
			});
			expect(hit.locaties).toHaveLength(1);
			expect(hit.locaties[0]).toMatchObject({ plaats: 'Maastricht', gemeenteCode: 'GM0935' });
		});
	});
}

let handle: DatabaseHandle | undefined;
async function fixtureDatabase() {
	handle ??= await createTestDatabase();
	return handle;
}
afterAll(async () => {
	await handle?.close();
});

let pgFixture: Promise<Fixture> | undefined;
async function loadFixture() {
	const h = await fixtureDatabase();
	pgFixture ??= (async () => {
		const fixture = await insertFixture(h.db);
		clearSynonymCache();
		await reindexAll(h.db);
		return fixture;
	})();
	return pgFixture;
}

contract(`postgres (${process.env.DATABASE_URL ? 'PostgreSQL via DATABASE_URL' : 'PGlite'})`, async () => {
	const fixture = await loadFixture();
	const h = await fixtureDatabase();
	return { engine: createPostgresEngine(() => h.db), fixture };
});

if (!process.env.MEILISEARCH_URL) {
	console.info(
		'Meilisearch-contracttest overgeslagen: MEILISEARCH_URL is niet gezet (zet MEILISEARCH_URL, en zo nodig MEILISEARCH_API_KEY, om hem te draaien).'
	);
}
describe.skipIf(!process.env.MEILISEARCH_URL)('meilisearch', () => {
	const indexUid = `t_search_${randomBytes(4).toString('hex')}`;
	afterAll(async () => {
		await meiliClient()
			.deleteIndexIfExists(indexUid)
			.catch(() => undefined);
	});
	contract('meilisearch', async () => {
		process.env.MEILISEARCH_INDEX = indexUid;
		resetEnvCache();
		resetMeiliClient();
		// reindexAll writes Postgres and Meilisearch; the fixture is only loaded once.
		const h = await fixtureDatabase();
		if (!pgFixture) {
			await loadFixture();
		} else {
			await reindexAll(h.db);
		}
		return { engine: createMeilisearchEngine(() => h.db), fixture: await pgFixture! };
	});
});
