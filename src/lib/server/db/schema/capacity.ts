import { sql } from 'drizzle-orm';
import {
	check,
	date,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import type { PlanStatus } from '../../../domain/capacity/gap';
import type { Bronnen, YearOverride } from '../../../domain/capacity/prognosis';
import type { Scenario } from '../../../domain/capacity/scenario';
import { users } from './auth';
import { locations } from './organisations';
import { regions } from './regions';

const timestamps = {
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
};

/**
 * The editable prognosis parameters of one region and setting (fractions, not percentages: 0.8 = 80%). Until a
 * beheerder saves a row, the dashboard uses the documented defaults with the region's CBS deaths.
 */
export const prognosisParameters = pgTable(
	'prognosis_parameters',
	{
		id: uuid().primaryKey().defaultRandom(),
		regionId: uuid()
			.notNull()
			.references(() => regions.id, { onDelete: 'cascade' }),
		/** The prognosis setting (zorgsetting code); 'hospice' also stands for bijna-thuis-huizen. */
		setting: text().notNull(),
		basisJaar: integer().notNull(),
		/** All deaths in the region in the base year. */
		basisOverledenen: doublePrecision().notNull(),
		groeiPerJaar: doublePrecision().notNull(),
		aandeelVerwacht: doublePrecision().notNull(),
		aandeelLaag: doublePrecision().notNull(),
		aandeelHoog: doublePrecision().notNull(),
		ligduurDagen: doublePrecision().notNull(),
		bezettingsnorm: doublePrecision().notNull(),
		/** Values entered for particular years (a regional deaths prognosis), keyed by year, each with its source. */
		perJaar: jsonb().$type<Record<string, YearOverride>>().notNull().default({}),
		/** The source of each parameter, and whether it is an assumption. */
		bronnen: jsonb().$type<Bronnen>().notNull().default({}),
		/** Optimistic locking: a save must name the version it read. */
		version: integer().notNull().default(1),
		updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		...timestamps
	},
	(t) => [
		unique('prognosis_parameters_region_setting_unique').on(t.regionId, t.setting),
		check('prognosis_parameters_share_order', sql`${t.aandeelLaag} <= ${t.aandeelHoog}`),
		check('prognosis_parameters_norm_range', sql`${t.bezettingsnorm} > 0 and ${t.bezettingsnorm} <= 1`)
	]
);

/** A network's own prognosis as a band of beds needed; it takes precedence over the model for its year. */
export const externalPrognoses = pgTable(
	'external_prognoses',
	{
		id: uuid().primaryKey().defaultRandom(),
		regionId: uuid()
			.notNull()
			.references(() => regions.id, { onDelete: 'cascade' }),
		setting: text().notNull(),
		jaar: integer().notNull(),
		laag: doublePrecision().notNull(),
		hoog: doublePrecision().notNull(),
		bron: text(),
		createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		...timestamps
	},
	(t) => [
		// One band per region, setting and year: entering or importing a year again replaces it.
		unique('external_prognoses_region_setting_year_unique').on(t.regionId, t.setting, t.jaar),
		check('external_prognoses_band', sql`${t.laag} >= 0 and ${t.laag} <= ${t.hoog}`)
	]
);

/** A location being planned, counted from its opening year on. */
export const plannedCapacity = pgTable(
	'planned_capacity',
	{
		id: uuid().primaryKey().defaultRandom(),
		regionId: uuid()
			.notNull()
			.references(() => regions.id, { onDelete: 'cascade' }),
		naam: text().notNull(),
		/** Zorgsetting code of the planned beds (a bijna-thuis-huis counts toward the hospice prognosis). */
		setting: text().notNull(),
		bedden: integer().notNull(),
		verwachteOpening: date({ mode: 'string' }).notNull(),
		status: text().$type<PlanStatus>().notNull(),
		/** Optional link to an existing location (e.g. an extension of a hospice that is already on the map). */
		locationId: uuid().references(() => locations.id, { onDelete: 'set null' }),
		version: integer().notNull().default(1),
		createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		...timestamps
	},
	(t) => [
		index('planned_capacity_region_idx').on(t.regionId),
		check('planned_capacity_bedden', sql`${t.bedden} > 0`),
		check('planned_capacity_status', sql`${t.status} in ('plan', 'vergund', 'in_aanbouw', 'open')`)
	]
);

/** A what-if saved by name, so a network can come back to it; it never changes the stored parameters. */
export const capacityScenarios = pgTable(
	'capacity_scenarios',
	{
		id: uuid().primaryKey().defaultRandom(),
		regionId: uuid()
			.notNull()
			.references(() => regions.id, { onDelete: 'cascade' }),
		setting: text().notNull(),
		naam: text().notNull(),
		parameters: jsonb().$type<Scenario>().notNull(),
		createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('capacity_scenarios_region_setting_naam_unique').on(t.regionId, t.setting, t.naam)]
);
