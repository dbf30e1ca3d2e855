import { boolean, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { regions } from './regions';

/**
 * Wegwijzer questions ("Ik zorg voor mijn partner en kan het niet meer aan"), each answered by service categories
 * (vocabulary 'dienstcategorie') in the order a visitor should call them. Standard questions have no region and are loaded
 * from src/lib/domain/wegwijzer/standaard-vragen.ts; a region may add its own.
 */
export const wegwijzerVragen = pgTable(
	'wegwijzer_vragen',
	{
		id: uuid().primaryKey().defaultRandom(),
		/** Stable, in URLs (/wegwijzer?vraag=<slug>). */
		slug: text().notNull().unique(),
		/** null: a standard question for every region; otherwise the region that added it. */
		regionId: uuid().references(() => regions.id, { onDelete: 'cascade' }),
		/** Theme code, see src/lib/domain/wegwijzer/themas.ts. */
		thema: text().notNull(),
		titel: text().notNull(),
		uitleg: text().notNull(),
		categorieen: text().array().notNull(),
		volgorde: integer().notNull().default(0),
		actief: boolean().notNull().default(true),
		/** Optimistic locking: every update names the version it read. */
		version: integer().notNull().default(1),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('wegwijzer_vragen_region_idx').on(t.regionId)]
);

/** A region's own text and categories for a question (replaces the standard as a whole), or the question hidden there. */
export const wegwijzerAanpassingen = pgTable(
	'wegwijzer_aanpassingen',
	{
		id: uuid().primaryKey().defaultRandom(),
		vraagId: uuid()
			.notNull()
			.references(() => wegwijzerVragen.id, { onDelete: 'cascade' }),
		regionId: uuid()
			.notNull()
			.references(() => regions.id, { onDelete: 'cascade' }),
		titel: text().notNull(),
		uitleg: text().notNull(),
		categorieen: text().array().notNull(),
		verborgen: boolean().notNull().default(false),
		version: integer().notNull().default(1),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('wegwijzer_aanpassingen_vraag_region_uq').on(t.vraagId, t.regionId),
		index('wegwijzer_aanpassingen_region_idx').on(t.regionId)
	]
);
