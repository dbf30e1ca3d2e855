import { boolean, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';

/** Editable vocabularies (organisation types, doelgroepen, expertise, ...), seeded from the domain taxonomy. */
export const taxonomyTerms = pgTable(
	'taxonomy_terms',
	{
		id: uuid().primaryKey().defaultRandom(),
		vocabulary: text().notNull(),
		code: text().notNull(),
		label: text().notNull(),
		description: text(),
		synonyms: text().array().notNull().default([]),
		sortOrder: integer().notNull().default(0),
		active: boolean().notNull().default(true),
		/** Optimistic locking: the vocabularies are national, so beheerders of different networks may edit one term. */
		version: integer().notNull().default(1)
	},
	(t) => [unique('taxonomy_terms_vocabulary_code_uq').on(t.vocabulary, t.code)]
);
