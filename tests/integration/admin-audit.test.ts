import { and, eq, ilike, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPeriod, auditToCsv, parseAuditFilter } from '../../src/lib/domain/admin/audit';
import { AdminError } from '../../src/lib/domain/admin/common';
import { editTermSchema } from '../../src/lib/domain/admin/taxonomy';
import type { DatabaseHandle } from '../../src/lib/server/db/client';
import {
	auditLog,
	locations,
	organisations,
	regions,
	searchDocuments,
	services,
	taxonomyTerms,
	users
} from '../../src/lib/server/db/schema';
import { ensureReferenceData } from '../../src/lib/server/reference/load-reference-data';
import {
	auditFilterOptions,
	countAuditEntries,
	listAuditEntries,
	type AuditQuery
} from '../../src/lib/server/repositories/audit';
import { regionWithChildren } from '../../src/lib/server/repositories/regions';
import { seedDemoData } from '../../src/lib/server/seed/demo';
import { syncOrganisations } from '../../src/lib/server/search/sync';
import type { AdminActor } from '../../src/lib/server/services/admin-users';
import { setTermActive, termForAdmin, updateTerm } from '../../src/lib/server/services/taxonomy';
import { createTestDatabase } from './helpers/test-db';

let handle: DatabaseHandle;
let drenthe: AdminActor;
let amsterdam: AdminActor;
let drentheRegions: string[];
let amsterdamRegions: string[];
const ids: Record<string, string> = {};
/** Marks the entries this file writes, so each assertion looks only at them. */
const MARK = 'test-admin-audit';

async function userId(email: string) {
	const [u] = await handle.db.select().from(users).where(eq(users.email, email));
	return u;
}

async function orgInGemeente(code: string) {
	const [row] = await handle.db
		.select({ id: organisations.id })
		.from(organisations)
		.innerJoin(locations, eq(locations.organisationId, organisations.id))
		.where(eq(locations.gemeenteCode, code))
		.limit(1);
	return row.id;
}

async function regionId(slug: string) {
	const [r] = await handle.db.select({ id: regions.id }).from(regions).where(eq(regions.slug, slug));
	return r.id;
}

/** One test entry, with a fixed time and a name in its details to recognise it by. */
async function entry(
	name: string,
	values: Partial<typeof auditLog.$inferInsert> & { action?: string; entityType?: string },
	at = new Date('2026-03-10T12:00:00Z')
) {
	const [row] = await handle.db
		.insert(auditLog)
		.values({
			action: 'test_actie',
			entityType: 'test',
			...values,
			at,
			details: { mark: MARK, name }
		})
		.returning({ id: auditLog.id });
	return row.id;
}

async function names(regionIds: string[], q: AuditQuery = {}) {
	const rows = await listAuditEntries(handle.db, regionIds, q, { limit: 1000, offset: 0 });
	return rows
		.filter((r) => r.details?.mark === MARK)
		.map((r) => r.details!.name as string)
		.sort();
}

async function refused(promise: Promise<unknown>): Promise<AdminError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(AdminError);
	return error as AdminError;
}

beforeAll(async () => {
	handle = await createTestDatabase();
	await ensureReferenceData(handle.db);
	await seedDemoData(handle.db, { now: new Date('2026-05-01T10:00:00Z') });
	const d = await userId('beheerder@demo.regiokaart.nl');
	const a = await userId('beheerder.amsterdam@demo.regiokaart.nl');
	drenthe = { id: d.id, role: d.role, regionId: d.regionId };
	amsterdam = { id: a.id, role: a.role, regionId: a.regionId };
	drentheRegions = await regionWithChildren(handle.db, drenthe.regionId!);
	amsterdamRegions = await regionWithChildren(handle.db, amsterdam.regionId!);
	ids.editor = (await userId('redacteur.emmen@demo.regiokaart.nl')).id;
	ids.shared = (await userId('organisatie@demo.regiokaart.nl')).id;
	ids.verwijzerD = (await userId('verwijzer@demo.regiokaart.nl')).id;
	ids.verwijzerA = (await userId('verwijzer.amsterdam@demo.regiokaart.nl')).id;
	ids.orgAssen = await orgInGemeente('GM0106');
	ids.orgEmmen = await orgInGemeente('GM0114');
	ids.orgAmsterdam = await orgInGemeente('GM0363');
	ids.emmen = await regionId('drenthe-emmen');

	await entry('org-assen', {
		userId: ids.editor,
		organisationId: ids.orgAssen,
		action: 'organisatie_gewijzigd',
		entityType: 'organisation',
		entityId: ids.orgAssen
	});
	await entry('org-emmen', {
		userId: ids.editor,
		organisationId: ids.orgEmmen,
		action: 'organisatie_gewijzigd',
		entityType: 'organisation',
		entityId: ids.orgEmmen
	});
	await entry('org-amsterdam', {
		userId: ids.shared,
		organisationId: ids.orgAmsterdam,
		action: 'organisatie_gewijzigd',
		entityType: 'organisation',
		entityId: ids.orgAmsterdam
	});
	await entry('login-verwijzer-drenthe', {
		userId: ids.verwijzerD,
		action: 'inloggen',
		entityType: 'user',
		entityId: ids.verwijzerD
	});
	await entry('login-verwijzer-amsterdam', {
		userId: ids.verwijzerA,
		action: 'inloggen',
		entityType: 'user',
		entityId: ids.verwijzerA
	});
	await entry('login-shared-editor', {
		userId: ids.shared,
		action: 'inloggen',
		entityType: 'user',
		entityId: ids.shared
	});
	await entry('subregion-stamp', {
		userId: drenthe.id,
		regionId: ids.emmen,
		action: 'regio_gewijzigd',
		entityType: 'region',
		entityId: ids.emmen
	});
	await entry('amsterdam-stamp', {
		userId: amsterdam.id,
		regionId: amsterdam.regionId,
		action: 'regio_gewijzigd',
		entityType: 'region',
		entityId: amsterdam.regionId
	});
	await entry('network-record', { action: 'test_actie', entityType: 'region', entityId: drenthe.regionId });
	await entry('taxonomy', {
		userId: drenthe.id,
		action: 'taxonomieterm_gewijzigd',
		entityType: 'taxonomy_term',
		entityId: '00000000-0000-4000-8000-000000000001'
	});
	// Period edges: 1 March 23:30 UTC is 2 March 00:30 in Amsterdam.
	await entry(
		'early-march',
		{
			userId: ids.editor,
			organisationId: ids.orgAssen,
			action: 'locatie_gewijzigd',
			entityType: 'location',
			entityId: 'loc-1'
		},
		new Date('2026-03-01T23:30:00Z')
	);
	await entry(
		'late-february',
		{
			userId: ids.editor,
			organisationId: ids.orgAssen,
			action: 'locatie_gewijzigd',
			entityType: 'location',
			entityId: 'loc-1'
		},
		new Date('2026-02-28T22:59:00Z')
	);
}, 180_000);

afterAll(() => handle?.close());

describe('which entries a beheerder sees', () => {
	it('shows entries about the region’s organisations, users and regions, and nothing of other networks', async () => {
		expect(await names(drentheRegions)).toEqual([
			'early-march',
			'late-february',
			'login-shared-editor',
			'login-verwijzer-drenthe',
			'network-record',
			'org-assen',
			'org-emmen',
			'subregion-stamp'
		]);
		expect(await names(amsterdamRegions)).toEqual([
			'amsterdam-stamp',
			'login-shared-editor',
			'login-verwijzer-amsterdam',
			'org-amsterdam'
		]);
	});

	it('offers only the actors, actions and record types that occur in the region’s entries', async () => {
		const options = await auditFilterOptions(handle.db, amsterdamRegions);
		const actorIds = options.actors.map((a) => a.id);
		expect(actorIds).toContain(ids.shared);
		expect(actorIds).not.toContain(ids.editor);
		expect(actorIds).not.toContain(ids.verwijzerD);
		expect(options.entityTypes).not.toContain('taxonomy_term');
	});

	it('sees nothing without regions', async () => {
		expect(await countAuditEntries(handle.db, [], {})).toBe(0);
	});
});

describe('filters', () => {
	it('by actor, organisation, record, action, and their combination', async () => {
		expect(await names(drentheRegions, { userId: ids.editor })).toEqual([
			'early-march',
			'late-february',
			'org-assen',
			'org-emmen'
		]);
		expect(await names(drentheRegions, { organisationId: ids.orgEmmen })).toEqual(['org-emmen']);
		expect(await names(drentheRegions, { entityType: 'user', entityId: ids.verwijzerD })).toEqual([
			'login-verwijzer-drenthe'
		]);
		expect(await names(drentheRegions, { action: 'locatie_gewijzigd', userId: ids.editor })).toEqual([
			'early-march',
			'late-february'
		]);
		// A filter cannot widen the scope: another network's organisation gives nothing.
		expect(await names(drentheRegions, { organisationId: ids.orgAmsterdam })).toEqual([]);
	});

	it('by period in Dutch calendar days, inclusive of the last day', async () => {
		const period = (van?: string, tot?: string) =>
			auditPeriod(
				parseAuditFilter(new URLSearchParams({ ...(van ? { van } : {}), ...(tot ? { tot } : {}) })).filter
			);
		expect(await names(drentheRegions, { action: 'locatie_gewijzigd', ...period('2026-03-02') })).toEqual([
			'early-march'
		]);
		expect(
			await names(drentheRegions, { action: 'locatie_gewijzigd', ...period(undefined, '2026-03-01') })
		).toEqual(['late-february']);
		expect(
			await names(drentheRegions, { action: 'locatie_gewijzigd', ...period('2026-02-28', '2026-03-01') })
		).toEqual(['late-february']);
		expect(
			await names(drentheRegions, { action: 'locatie_gewijzigd', ...period('2026-03-03', '2026-03-31') })
		).toEqual([]);
	});

	it('pages through the list newest first, and the count matches', async () => {
		const q: AuditQuery = { userId: ids.editor };
		const total = await countAuditEntries(handle.db, drentheRegions, q);
		expect(total).toBe(4);
		const first = await listAuditEntries(handle.db, drentheRegions, q, { limit: 3, offset: 0 });
		const second = await listAuditEntries(handle.db, drentheRegions, q, { limit: 3, offset: 3 });
		expect(first).toHaveLength(3);
		expect(second).toHaveLength(1);
		expect(second[0].details?.name).toBe('late-february');
		const times = [...first, ...second].map((r) => r.at.getTime());
		expect(times).toEqual([...times].sort((a, b) => b - a));
	});

	it('exports the filtered rows as CSV with names resolved', async () => {
		const rows = await listAuditEntries(
			handle.db,
			drentheRegions,
			{ organisationId: ids.orgEmmen },
			{ limit: 100, offset: 0 }
		);
		const csv = auditToCsv(rows);
		const lines = csv
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(lines).toHaveLength(2);
		expect(lines[1]).toContain('2026-03-10 13:00:00');
		expect(lines[1]).toContain('Gerrit Bakker');
		expect(lines[1]).toContain('Organisatie gewijzigd');
		expect(lines[1]).toContain(ids.orgEmmen);
	});
});

describe('the national taxonomy', () => {
	const input = (v: Record<string, unknown>) => editTermSchema.parse(v);

	it('lets a beheerder change a label, audited with old and new text, and rebuilds the search text with it', async () => {
		const { term } = await termForAdmin(handle.db, drenthe, 'doelgroep', 'dementie');
		const orgIds = (
			await handle.db
				.selectDistinct({ id: services.organisationId })
				.from(services)
				.where(sql`'dementie' = any(${services.doelgroepen})`)
		).map((r) => r.id);
		expect(orgIds.length).toBeGreaterThan(0);
		await syncOrganisations(handle.db, orgIds);

		await updateTerm(
			handle.db,
			drenthe,
			'doelgroep',
			'dementie',
			input({
				label: 'Dementie en geheugenzorgtest',
				description: '',
				synonyms: 'alzheimer\ngeheugenproblemen\nvergeetachtig',
				version: term.version
			})
		);
		const [after] = await handle.db.select().from(taxonomyTerms).where(eq(taxonomyTerms.id, term.id));
		expect(after).toMatchObject({
			code: 'dementie',
			label: 'Dementie en geheugenzorgtest',
			version: term.version + 1
		});
		expect(after.synonyms).toEqual(['alzheimer', 'geheugenproblemen', 'vergeetachtig']);
		const docs = await handle.db
			.select({ organisationId: searchDocuments.organisationId })
			.from(searchDocuments)
			.where(
				and(
					inArray(searchDocuments.organisationId, orgIds),
					ilike(searchDocuments.tekstB, '%geheugenzorgtest%')
				)
			);
		expect(docs.length).toBeGreaterThan(0);

		// National: a beheerder of another network sees who changed it.
		const seen = await termForAdmin(handle.db, amsterdam, 'doelgroep', 'dementie');
		expect(seen.history).toHaveLength(1);
		expect(seen.history[0]).toMatchObject({
			actorNaam: 'Marieke Hoekstra',
			action: 'taxonomieterm_gewijzigd'
		});
		expect(seen.history[0].details).toMatchObject({
			code: 'dementie',
			wijzigingen: {
				label: { van: 'Dementie', naar: 'Dementie en geheugenzorgtest' },
				synonyms: { naar: ['alzheimer', 'geheugenproblemen', 'vergeetachtig'] }
			}
		});
	});

	it('refuses a stale version and a label another term of the list already has', async () => {
		const { term } = await termForAdmin(handle.db, amsterdam, 'doelgroep', 'dementie');
		const stale = await refused(
			updateTerm(
				handle.db,
				amsterdam,
				'doelgroep',
				'dementie',
				input({ label: 'Iets anders', synonyms: '', version: term.version - 1 })
			)
		);
		expect(stale.status).toBe(409);
		const same = await refused(
			updateTerm(
				handle.db,
				amsterdam,
				'doelgroep',
				'dementie',
				input({ label: 'jong VOLWASSEN', synonyms: '', version: term.version })
			)
		);
		expect(same.errors.label).toMatch(/jong_volwassen/);
		const [unchanged] = await handle.db.select().from(taxonomyTerms).where(eq(taxonomyTerms.id, term.id));
		expect(unchanged.label).toBe('Dementie en geheugenzorgtest');
	});

	it('switches a term off and on (audited), but never a term whose code drives behaviour', async () => {
		const { term } = await termForAdmin(handle.db, drenthe, 'expertise', 'rouw');
		await setTermActive(handle.db, drenthe, 'expertise', 'rouw', false, term.version);
		const off = await termForAdmin(handle.db, drenthe, 'expertise', 'rouw');
		expect(off.term.active).toBe(false);
		expect(off.history[0].action).toBe('taxonomieterm_gedeactiveerd');
		await setTermActive(handle.db, drenthe, 'expertise', 'rouw', true, off.term.version);

		const hospice = await termForAdmin(handle.db, drenthe, 'organisatietype', 'hospice');
		expect(hospice.mayDeactivate).toBe(false);
		const error = await refused(
			setTermActive(handle.db, drenthe, 'organisatietype', 'hospice', false, hospice.term.version)
		);
		expect(error.status).toBe(403);
		expect((await termForAdmin(handle.db, drenthe, 'organisatietype', 'hospice')).term.active).toBe(true);
	});

	it('refuses anyone but a beheerder, and unknown lists or codes', async () => {
		const editor: AdminActor = { id: ids.editor, role: 'organisatie', regionId: null };
		expect((await refused(termForAdmin(handle.db, editor, 'doelgroep', 'dementie'))).status).toBe(403);
		expect((await refused(termForAdmin(handle.db, drenthe, 'bestaat_niet', 'dementie'))).status).toBe(404);
		expect((await refused(termForAdmin(handle.db, drenthe, 'doelgroep', 'bestaat_niet'))).status).toBe(404);
	});
});
