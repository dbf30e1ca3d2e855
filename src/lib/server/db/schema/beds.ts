import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { locations, organisations, type RecordStatus } from './organisations';

/**
 * A group of beds at a location with one setting and one admission profile (opnameprofiel).
 * `vrijeBedden` is the current free count; every change is also kept in bed_availability_events.
 */
export const bedUnits = pgTable(
	'bed_units',
	{
		id: uuid().primaryKey().defaultRandom(),
		organisationId: uuid()
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		locationId: uuid()
			.notNull()
			.references(() => locations.id, { onDelete: 'cascade' }),
		naam: text().notNull(),
		setting: text().notNull(), // taxonomy code, vocabulary 'zorgsetting'
		aantalBedden: integer().notNull(),
		vrijeBedden: integer().notNull().default(0),
		/** Doelgroepen this unit admits (beyond 'algemeen'). */
		doelgroepen: text().array().notNull().default([]),
		/** Admission-profile codes (vocabulary 'opnamevoorwaarde') this unit accepts or offers. */
		voorwaarden: text().array().notNull().default([]),
		toelichting: text(),
		beschikbaarheidBijgewerktOp: timestamp({ withTimezone: true }),
		status: text().$type<RecordStatus>().notNull().default('actief'),
		version: integer().notNull().default(1),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('bed_units_organisation_idx').on(t.organisationId),
		index('bed_units_location_idx').on(t.locationId),
		// The invariant 0 ≤ vrij ≤ aantal, enforced where every writer (form, API, referral, import) must pass.
		check('bed_units_bedden_check', sql`${t.vrijeBedden} >= 0 and ${t.vrijeBedden} <= ${t.aantalBedden}`)
	]
);

export type AvailabilitySource = 'formulier' | 'api' | 'verwijzing' | 'import' | 'demo';

/** Append-only history of a bed unit's availability: the audit trail and the occupancy time series in one table. */
export const bedAvailabilityEvents = pgTable(
	'bed_availability_events',
	{
		id: uuid().primaryKey().defaultRandom(),
		bedUnitId: uuid()
			.notNull()
			.references(() => bedUnits.id, { onDelete: 'cascade' }),
		aantalBedden: integer().notNull(),
		vrijeBedden: integer().notNull(),
		verwachteOntslagen: integer(),
		verwachteOpnames: integer(),
		bron: text().$type<AvailabilitySource>().notNull(),
		userId: uuid().references(() => users.id, { onDelete: 'set null' }),
		apiTokenId: uuid(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('bed_availability_events_unit_time_idx').on(t.bedUnitId, t.createdAt)]
);

/** Per-organisation API tokens for systems that know their beds; only the SHA-256 hash is stored. */
export const apiTokens = pgTable(
	'api_tokens',
	{
		id: uuid().primaryKey().defaultRandom(),
		organisationId: uuid()
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		naam: text().notNull(),
		tokenHash: text().notNull().unique(),
		createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		lastUsedAt: timestamp({ withTimezone: true }),
		revokedAt: timestamp({ withTimezone: true })
	},
	(t) => [index('api_tokens_organisation_idx').on(t.organisationId)]
);
