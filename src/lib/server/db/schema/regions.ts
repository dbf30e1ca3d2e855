import {
	type AnyPgColumn,
	doublePrecision,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { gemeenten } from './geo';

/** A Netwerk Palliatieve Zorg, or a sub-region of one (parentId). */
export const regions = pgTable(
	'regions',
	{
		id: uuid().primaryKey().defaultRandom(),
		slug: text().notNull().unique(),
		naam: text().notNull(),
		coordinator: text(),
		parentId: uuid().references((): AnyPgColumn => regions.id, { onDelete: 'set null' }),
		/** Optimistic locking for the beheer screens: name and gemeente edits name the version they read. */
		version: integer().notNull().default(1),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('regions_parent_idx').on(t.parentId)]
);

/** Which gemeenten a region covers. A gemeente split between networks is in each, with its estimated share. */
export const regionGemeenten = pgTable(
	'region_gemeenten',
	{
		regionId: uuid()
			.notNull()
			.references(() => regions.id, { onDelete: 'cascade' }),
		gemeenteCode: text()
			.notNull()
			.references(() => gemeenten.code),
		/** Estimated share of the gemeente's inhabitants in this region (0–1). */
		aandeel: doublePrecision().notNull().default(1)
	},
	(t) => [
		primaryKey({ columns: [t.regionId, t.gemeenteCode] }),
		index('region_gemeenten_gemeente_idx').on(t.gemeenteCode)
	]
);
