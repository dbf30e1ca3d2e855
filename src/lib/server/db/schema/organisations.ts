import {
	boolean,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { gemeenten } from './geo';
import { regions } from './regions';

export type RecordStatus = 'actief' | 'gearchiveerd';

/** One opening period: weekday 1 (maandag) – 7 (zondag), times as HH:MM in Europe/Amsterdam. */
export interface Openingstijd {
	dag: number;
	van: string;
	tot: string;
}

const timestamps = {
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
};

export const organisations = pgTable(
	'organisations',
	{
		id: uuid().primaryKey().defaultRandom(),
		slug: text().notNull().unique(),
		naam: text().notNull(),
		type: text().notNull(), // taxonomy code, vocabulary 'organisatietype'
		beschrijving: text().notNull().default(''),
		telefoon: text(),
		email: text(),
		website: text(),
		/** Demo/example data is marked so nobody mistakes it for a real organisation. */
		isVoorbeeld: boolean().notNull().default(false),
		status: text().$type<RecordStatus>().notNull().default('actief'),
		/** Optimistic locking: every update must name the version it read. */
		version: integer().notNull().default(1),
		...timestamps
	},
	(t) => [index('organisations_type_idx').on(t.type)]
);

export const locations = pgTable(
	'locations',
	{
		id: uuid().primaryKey().defaultRandom(),
		organisationId: uuid()
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		naam: text().notNull(),
		adres: text(),
		postcode: text(),
		plaats: text(),
		pc4: text(),
		gemeenteCode: text().references(() => gemeenten.code),
		lat: doublePrecision(),
		lon: doublePrecision(),
		status: text().$type<RecordStatus>().notNull().default('actief'),
		version: integer().notNull().default(1),
		...timestamps
	},
	(t) => [
		index('locations_organisation_idx').on(t.organisationId),
		index('locations_gemeente_idx').on(t.gemeenteCode)
	]
);

/** A service offered by an organisation (HSDS "service"), at one or more locations. */
export const services = pgTable(
	'services',
	{
		id: uuid().primaryKey().defaultRandom(),
		organisationId: uuid()
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		naam: text().notNull(),
		beschrijving: text().notNull().default(''),
		/** Taxonomy code, vocabulary 'dienstcategorie': what a wegwijzer visitor asks for. */
		categorie: text().notNull(),
		doelgroepen: text().array().notNull().default([]),
		expertise: text().array().notNull().default([]),
		telefoon: text(),
		email: text(),
		website: text(),
		/** Reachable day and night, every day (24/7 line). */
		dagEnNacht: boolean().notNull().default(false),
		openingstijden: jsonb().$type<Openingstijd[]>().notNull().default([]),
		bereikbaarheidToelichting: text(),
		/** Meant for professionals only (consultation lines); kept apart from what inhabitants see. */
		voorProfessionals: boolean().notNull().default(false),
		status: text().$type<RecordStatus>().notNull().default('actief'),
		version: integer().notNull().default(1),
		...timestamps
	},
	(t) => [
		index('services_organisation_idx').on(t.organisationId),
		index('services_categorie_idx').on(t.categorie),
		index('services_doelgroepen_idx').using('gin', t.doelgroepen),
		index('services_expertise_idx').using('gin', t.expertise)
	]
);

export const serviceLocations = pgTable(
	'service_locations',
	{
		serviceId: uuid()
			.notNull()
			.references(() => services.id, { onDelete: 'cascade' }),
		locationId: uuid()
			.notNull()
			.references(() => locations.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.serviceId, t.locationId] }),
		index('service_locations_location_idx').on(t.locationId)
	]
);

/** The regions a service serves (which may be wider than where its locations are). */
export const serviceRegions = pgTable(
	'service_regions',
	{
		serviceId: uuid()
			.notNull()
			.references(() => services.id, { onDelete: 'cascade' }),
		regionId: uuid()
			.notNull()
			.references(() => regions.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.serviceId, t.regionId] }),
		index('service_regions_region_idx').on(t.regionId)
	]
);
