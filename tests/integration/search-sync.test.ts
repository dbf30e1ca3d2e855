import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { emptyFilters, type SearchQuery } from '../../src/lib/domain/search/engine';
import type { DatabaseHandle } from '../../src/lib/server/db/client';
import { organisations, searchDocuments, services } from '../../src/lib/server/db/schema';
import { resetEnvCache } from '../../src/lib/server/env';
import { ensureSearchIndex, resetSearchEngine, withFallback } from '../../src/lib/server/search/index';
import { createMeilisearchEngine } from '../../src/lib/server/search/meilisearch';
import { resetMeiliClient } from '../../src/lib/server/search/meilisearch-index';
import { createPostgresEngine } from '../../src/lib/server/search/postgres';
import {
	countDocuments,
	reindexAll,
	removeOrganisation,
	syncOrganisation
} from '../../src/lib/server/search/sync';
import { createTestDatabase } from './helpers/test-db';
import { type Fixture, insertFixture, places } from './search-fixture';

const query = (text: string): SearchQuery => ({
	text,
	filters: emptyFilters,
	origin: null,
	radiusKm: null,
	sort: 'relevantie',
	page: 1,
	pageSize: 20,
	facets: false
});

let handle: DatabaseHandle;
let fx: Fixture;

beforeAll(async () => {
	handle = await createTestDatabase();
	fx = await insertFixture(handle.db);
});
afterAll(async () => {
	await handle.close();
});

describe('keeping the search index in sync', () => {
	it('builds the index once when it is missing (data loaded without sync)', async () => {
		expect(await handle.db.$count(searchDocuments)).toBe(0);
		resetSearchEngine();
		await ensureSearchIndex(handle.db);
		expect(await handle.db.$count(searchDocuments)).toBe(12);
	});

	it('follows a renamed service after syncOrganisation', async () => {
		const engine = createPostgresEngine(() => handle.db);
		const id = fx.service['Rouwcafé Maastricht'];
		await handle.db.transaction(async (tx) => {
			await tx.update(services).set({ naam: 'Lotgenotencafé Maastricht' }).where(eq(services.id, id));
			await syncOrganisation(tx, fx.org.rouw);
		});
		expect((await engine.search(query('lotgenotencafe'))).hits.map((h) => h.serviceId)).toEqual([id]);
		expect((await engine.search(query('rouwcafe'))).hits).toEqual([]);
		// A new word is in the typo vocabulary at once.
		expect((await engine.search(query('lotgenotencfe'))).hits.map((h) => h.serviceId)).toEqual([id]);
	});

	it('drops archived services and organisations, and brings them back when restored', async () => {
		const engine = createPostgresEngine(() => handle.db);
		await handle.db
			.update(organisations)
			.set({ status: 'gearchiveerd' })
			.where(eq(organisations.id, fx.org.veerhuis));
		await syncOrganisation(handle.db, fx.org.veerhuis);
		expect(await countDocuments(handle.db, fx.org.veerhuis)).toBe(0);
		expect((await engine.search(query('veerhuis'))).total).toBe(0);

		await handle.db
			.update(organisations)
			.set({ status: 'actief' })
			.where(eq(organisations.id, fx.org.veerhuis));
		await syncOrganisation(handle.db, fx.org.veerhuis);
		expect((await engine.search(query('veerhuis'))).total).toBe(1);
	});

	it('removes an organisation with removeOrganisation', async () => {
		await removeOrganisation(handle.db, fx.org.linde);
		expect(await countDocuments(handle.db, fx.org.linde)).toBe(0);
		const result = await reindexAll(handle.db);
		expect(result.documents).toBe(12);
	});
});

describe('distance on Postgres', () => {
	it('measures to the nearest location of a service at several places, also within a radius', async () => {
		const engine = createPostgresEngine(() => handle.db);
		const utrecht = { lat: places.utrecht.lat, lon: places.utrecht.lon };
		const near = await engine.search({ ...query(''), origin: utrecht, radiusKm: 10, sort: 'afstand' });
		const names = near.hits.map((h) => h.naam);
		// Zorggroep Amstelrust is in Amsterdam and Utrecht: its Utrecht location counts.
		expect(names).toContain('Palliatieve bedden in onze verpleeghuizen');
		expect(near.hits.every((h) => (h.afstandKm as number) <= 10)).toBe(true);
		expect(names).not.toContain('Hospice Het Veerhuis');
	});
});

describe('Meilisearch configured but unreachable', () => {
	it('falls back to Postgres and logs a warning', async () => {
		const previous = process.env.MEILISEARCH_URL;
		// Port 9 (discard) on localhost: nothing listens, the connection is refused at once.
		process.env.MEILISEARCH_URL = 'http://127.0.0.1:9';
		resetEnvCache();
		resetMeiliClient();
		const warn = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			const postgres = createPostgresEngine(() => handle.db);
			const engine = withFallback(
				createMeilisearchEngine(() => handle.db),
				postgres
			);
			const result = await engine.search(query('hospice zonnedauw'));
			expect(result.hits[0].naam).toBe('Hospice De Zonnedauw');
			const logged = warn.mock.calls.map((c) => JSON.parse(String(c[0])));
			expect(logged).toContainEqual(
				expect.objectContaining({
					level: 'warn',
					msg: 'meilisearch niet bereikbaar; zoeken gaat via Postgres'
				})
			);
			// Writes keep working too: the Meilisearch part of sync is logged, not thrown.
			await syncOrganisation(handle.db, fx.org.zonnedauw);
			expect(await countDocuments(handle.db, fx.org.zonnedauw)).toBe(1);
		} finally {
			warn.mockRestore();
			if (previous === undefined) delete process.env.MEILISEARCH_URL;
			else process.env.MEILISEARCH_URL = previous;
			resetEnvCache();
			resetMeiliClient();
		}
	});
});
