import { sql } from 'drizzle-orm';
import {
	check,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import type { ExclusionCount, Reden } from '../../../domain/referral/matching';
import type {
	Afwijsreden,
	Intrekreden,
	VerwijzingStatus,
	VerzoekStatus
} from '../../../domain/referral/transitions';
import { users } from './auth';
import { gemeenten } from './geo';
import { bedUnits } from './beds';
import { organisations } from './organisations';
import { regions } from './regions';

/**
 * A referral (verwijzing): the NEED of a patient, never the person. No name, date of birth, BSN or address is stored: the
 * form refuses them (privacy guard) and there is no column for them. Closed referrals are anonymised after the retention
 * period (jobs/anonymise-referrals.ts): the free text and the fine-grained need fields are wiped, anonymisedAt is set.
 */
export const verwijzingen = pgTable(
	'verwijzingen',
	{
		id: uuid().primaryKey().defaultRandom(),
		/** Only this verwijzer may open the referral (besides the organisations a request was sent to). */
		verwijzerId: uuid().references(() => users.id, { onDelete: 'set null' }),
		/** The network of the place where the patient stays (else the verwijzer's): the unit of the indicators. */
		regionId: uuid().references(() => regions.id, { onDelete: 'set null' }),
		/** Gemeente of pc4Verblijf: kept after anonymisation so indicators can still be split by (sub)region. */
		gemeenteCode: text().references(() => gemeenten.code),
		/** Age band ('65-74'); coarsened to '18-64' / '65+' on anonymisation. */
		leeftijdscategorie: text().notNull(),
		/** PC4 only, never a full postcode; null after anonymisation. */
		pc4Verblijf: text(),
		pc4Naasten: text(),
		doelgroepen: text().array().notNull().default([]),
		zorgbehoeften: text().array().notNull().default([]),
		settings: text().array().notNull().default([]),
		prognose: text().notNull(),
		urgentie: text().notNull(),
		maxAfstandKm: integer().notNull(),
		/** Short free text for wishes, checked by the privacy guard; wiped on anonymisation. */
		wensen: text(),
		status: text().$type<VerwijzingStatus>().notNull().default('open'),
		/** Outcome of the first match, for the indicators: number of candidates and what excluded the rest. */
		aantalKandidaten: integer(),
		uitsluitingen: jsonb().$type<ExclusionCount[]>(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		/** Set when the referral reaches a final state (geplaatst, afgesloten): starts the retention period. */
		closedAt: timestamp({ withTimezone: true }),
		anonymisedAt: timestamp({ withTimezone: true })
	},
	(t) => [
		index('verwijzingen_verwijzer_idx').on(t.verwijzerId, t.createdAt),
		index('verwijzingen_region_idx').on(t.regionId, t.createdAt),
		index('verwijzingen_gemeente_idx').on(t.gemeenteCode),
		// The retention job's scan: closed, not yet anonymised.
		index('verwijzingen_retention_idx')
			.on(t.closedAt)
			.where(sql`${t.anonymisedAt} is null`),
		check('verwijzingen_status_check', sql`${t.status} in ('open', 'geplaatst', 'afgesloten')`)
	]
);

/** One request per candidate bed unit the verwijzer sent the referral to. */
export const verwijsverzoeken = pgTable(
	'verwijsverzoeken',
	{
		id: uuid().primaryKey().defaultRandom(),
		referralId: uuid()
			.notNull()
			.references(() => verwijzingen.id, { onDelete: 'cascade' }),
		/** Null when the bed unit was deleted later; the request and its outcome stay for the indicators. */
		bedUnitId: uuid().references(() => bedUnits.id, { onDelete: 'set null' }),
		/** The organisation that may open this referral through this request. */
		organisationId: uuid()
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		status: text().$type<VerzoekStatus>().notNull().default('verzonden'),
		afwijsreden: text().$type<Afwijsreden>(),
		/** Explanation with a decline (privacy-guarded); wiped on anonymisation. */
		toelichting: text(),
		intrekreden: text().$type<Intrekreden>(),
		/** Snapshot of the match when the request was sent. */
		score: integer().notNull(),
		afstandKm: doublePrecision(),
		afstandNaastenKm: doublePrecision(),
		/** The match reasons as shown to the verwijzer when sending; null after anonymisation. */
		redenen: jsonb().$type<Reden[]>(),
		/** Gemeente of the bed unit when sent: "placed within the region" keeps working if the unit moves or goes. */
		gemeenteCode: text().references(() => gemeenten.code),
		verzondenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		beantwoordAt: timestamp({ withTimezone: true }),
		ingetrokkenAt: timestamp({ withTimezone: true }),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('verwijsverzoeken_referral_idx').on(t.referralId),
		index('verwijsverzoeken_organisation_idx').on(t.organisationId, t.status),
		index('verwijsverzoeken_bed_unit_idx').on(t.bedUnitId),
		// A referral goes to a bed unit once.
		uniqueIndex('verwijsverzoeken_referral_unit_uq').on(t.referralId, t.bedUnitId),
		// One accepted request per referral, whatever happens in the application: the database refuses a second.
		uniqueIndex('verwijsverzoeken_een_acceptatie_uq')
			.on(t.referralId)
			.where(sql`${t.status} = 'geaccepteerd'`),
		check(
			'verwijsverzoeken_status_check',
			sql`${t.status} in ('verzonden', 'geaccepteerd', 'afgewezen', 'ingetrokken')`
		),
		check(
			'verwijsverzoeken_afwijsreden_check',
			sql`(${t.status} = 'afgewezen') = (${t.afwijsreden} is not null)`
		)
	]
);
