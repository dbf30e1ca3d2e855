import {
	bigserial,
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import type { Role } from '../../../domain/access/roles';
import { organisations } from './organisations';
import { regions } from './regions';

export const users = pgTable('users', {
	id: uuid().primaryKey().defaultRandom(),
	/** Stored lower-case. */
	email: text().notNull().unique(),
	naam: text().notNull(),
	role: text().$type<Role>().notNull(),
	/** Null until the invitation is accepted. */
	passwordHash: text(),
	/** The network a beheerder (and optionally a verwijzer) works in. */
	regionId: uuid().references(() => regions.id, { onDelete: 'set null' }),
	active: boolean().notNull().default(true),
	/** Optimistic locking: two beheerders editing one account must not overwrite each other. */
	version: integer().notNull().default(1),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	passwordChangedAt: timestamp({ withTimezone: true })
});

/** Sessions the Lucia way: the id is the SHA-256 (hex) of the token in the cookie. */
export const sessions = pgTable(
	'sessions',
	{
		id: text().primaryKey(),
		userId: uuid()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/** Which organisations a user with role `organisatie` may edit. */
export const memberships = pgTable(
	'memberships',
	{
		userId: uuid()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		organisationId: uuid()
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.organisationId] }),
		index('memberships_organisation_idx').on(t.organisationId)
	]
);

/** One-time links for an invitation or a password reset; only the hash of the token is stored. */
export const passwordTokens = pgTable('password_tokens', {
	id: text().primaryKey(),
	userId: uuid()
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	purpose: text().$type<'uitnodiging' | 'reset'>().notNull(),
	expiresAt: timestamp({ withTimezone: true }).notNull(),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});

/** Fixed-window counters shared by all instances (login attempts per account and per address, API calls per token). */
export const rateLimits = pgTable('rate_limits', {
	key: text().primaryKey(),
	count: integer().notNull(),
	resetAt: timestamp({ withTimezone: true }).notNull()
});

/** Who did what to which record, when. Never holds patient data. */
export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow(),
		userId: uuid().references(() => users.id, { onDelete: 'set null' }),
		role: text(),
		action: text().notNull(),
		entityType: text().notNull(),
		entityId: text(),
		organisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
		regionId: uuid().references(() => regions.id, { onDelete: 'set null' }),
		details: jsonb().$type<Record<string, unknown>>()
	},
	(t) => [
		index('audit_log_at_idx').on(t.at),
		index('audit_log_user_idx').on(t.userId),
		index('audit_log_entity_idx').on(t.entityType, t.entityId),
		index('audit_log_organisation_idx').on(t.organisationId),
		index('audit_log_region_idx').on(t.regionId)
	]
);
