import { doublePrecision, index, integer, pgTable, text } from 'drizzle-orm/pg-core';

/** CBS gemeenten (indeling 2023–2025), loaded from static/open-data as reference data. */
export const gemeenten = pgTable('gemeenten', {
	code: text().primaryKey(), // GM0363
	naam: text().notNull(),
	provincieCode: text().notNull(),
	provincieNaam: text().notNull(),
	bevolking2024: integer(),
	/** CBS deaths per year, used by the capacity prognosis. */
	overledenen2021: integer(),
	overledenen2022: integer(),
	overledenen2023: integer(),
	aandeel75plus: doublePrecision()
});

/** A four-digit postcode area with its point and gemeente, so a postcode resolves without any network. */
export const postcodeGebieden = pgTable(
	'postcode_gebieden',
	{
		pc4: text().primaryKey(),
		lat: doublePrecision().notNull(),
		lon: doublePrecision().notNull(),
		gemeenteCode: text()
			.notNull()
			.references(() => gemeenten.code),
		inwoners: integer()
	},
	(t) => [index('postcode_gebieden_gemeente_idx').on(t.gemeenteCode)]
);
