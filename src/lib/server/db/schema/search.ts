import { sql } from 'drizzle-orm';
import {
	boolean,
	customType,
	doublePrecision,
	index,
	jsonb,
	pgTable,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import type { SearchDocumentLocation } from '../../../domain/search/document';
import { organisations, services } from './organisations';

const tsvector = customType<{ data: string }>({
	dataType() {
		return 'tsvector';
	}
});

/** Postgres' built-in `box` ("(x1,y1),(x2,y2)"): no extension needed, GiST-indexable, the same in PGlite. */
const box = customType<{ data: string }>({
	dataType() {
		return 'box';
	}
});

export type { SearchDocumentLocation };

/**
 * The search index on Postgres: one row per active service of an active organisation, with what the result list shows and
 * what search filters on, so a search reads one table (no joins) and uses its GIN indexes. Kept up to date by
 * src/lib/server/search/sync.ts after every write and rebuilt by `npm run search:reindex`.
 */
export const searchDocuments = pgTable(
	'search_documents',
	{
		serviceId: uuid()
			.primaryKey()
			.references(() => services.id, { onDelete: 'cascade' }),
		organisationId: uuid()
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		organisationSlug: text().notNull(),
		organisationNaam: text().notNull(),
		organisationType: text().notNull(),
		naam: text().notNull(),
		categorie: text().notNull(),
		beschrijving: text().notNull().default(''),
		doelgroepen: text().array().notNull().default([]),
		expertise: text().array().notNull().default([]),
		dagEnNacht: boolean().notNull().default(false),
		voorProfessionals: boolean().notNull().default(false),
		telefoon: text(),
		/** Gemeenten of the service's active locations. */
		gemeenteCodes: text().array().notNull().default([]),
		/** Regions served: the service's own regions plus the regions of its locations' gemeenten. */
		regionIds: uuid().array().notNull().default([]),
		locaties: jsonb().$type<SearchDocumentLocation[]>().notNull().default([]),
		/** Coordinates of the locations (same order), for the distance to the nearest one. */
		lats: doublePrecision().array().notNull().default([]),
		lons: doublePrecision().array().notNull().default([]),
		/** Bounding box of the locations as (lon, lat) corners: lets a radius search skip far-away services via its index. */
		gebied: box(),
		/** Unaccented lower-case names, for the "exact name first" ranking. */
		naamNorm: text().notNull(),
		organisationNaamNorm: text().notNull(),
		/** Weighted search text: A names, B taxonomy labels and places, C descriptions. */
		tekstA: text().notNull().default(''),
		tekstB: text().notNull().default(''),
		tekstC: text().notNull().default(''),
		/** Dutch stems, weighted: A names, B labels and places, C descriptions. */
		zoekvector: tsvector()
			.notNull()
			.generatedAlwaysAs(
				sql`setweight(to_tsvector('dutch_unaccent'::regconfig, coalesce(tekst_a, '')), 'A') || setweight(to_tsvector('dutch_unaccent'::regconfig, coalesce(tekst_b, '')), 'B') || setweight(to_tsvector('dutch_unaccent'::regconfig, coalesce(tekst_c, '')), 'C')`
			),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('search_documents_zoekvector_idx').using('gin', t.zoekvector),
		index('search_documents_organisation_idx').on(t.organisationId),
		index('search_documents_type_idx').on(t.organisationType),
		// The list without search words is alphabetical; this index gives its first page without sorting everything.
		index('search_documents_naam_idx').on(t.organisationNaam, t.naam, t.serviceId),
		index('search_documents_doelgroepen_idx').using('gin', t.doelgroepen),
		index('search_documents_expertise_idx').using('gin', t.expertise),
		index('search_documents_gemeenten_idx').using('gin', t.gemeenteCodes),
		index('search_documents_regions_idx').using('gin', t.regionIds),
		index('search_documents_gebied_idx').using('gist', t.gebied)
	]
);

/**
 * Every word that occurs in the search documents (unaccented, lower case). Typo tolerance looks a misspelt query word up
 * here by trigram similarity and searches for the close words instead: a small table with a trigram index is much faster
 * than comparing the query with every document. Words are only added; a stale word merely expands to nothing.
 */
export const searchWords = pgTable(
	'search_words',
	{
		word: text().primaryKey()
	},
	(t) => [
		index('search_words_trgm_idx').using('gin', t.word.op('gin_trgm_ops')),
		// Completions of the word being typed: LIKE 'hos%' through this index.
		index('search_words_prefix_idx').on(t.word.op('text_pattern_ops'))
	]
);
