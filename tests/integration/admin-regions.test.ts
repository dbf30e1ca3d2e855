import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminError } from '../../src/lib/domain/admin/common';
import {
	addGemeenteSchema,
	renameRegionSchema,
	updateGemeenteSchema
} from '../../src/lib/domain/admin/regions';
import type { DatabaseHandle } from '../../src/lib/server/db/client';
import {
	auditLog,
	locations,
	regionGemeenten,
	regions,
	searchDocuments,
	users,
	wegwijzerVragen
} from '../../src/lib/server/db/schema';
import { ensureReferenceData } from '../../src/lib/server/reference/load-reference-data';
import { isOrganisationInRegion } from '../../src/lib/server/repositories/regions';
import { seedDemoData } from '../../src/lib/server/seed/demo';
import type { AdminActor } from '../../src/lib/server/services/admin-users';
import {
	addGemeente,
	createSubRegion,
	mergeSubRegions,
	regionDetail,
	regionOverview,
	removeGemeente,
	renameRegion,
	updateGemeente
} from '../../src/lib/server/services/regions';
import { syncOrganisations } from '../../src/lib/server/search/sync';
import { createTestDatabase } from './helpers/test-db';

let handle: DatabaseHandle;
let drenthe: AdminActor;
let amsterdam: AdminActor;

async function actorFor(email: string): Promise<AdminActor> {
	const [u] = await handle.db.select().from(users).where(eq(users.email, email));
	return { id: u.id, role: u.role, regionId: u.regionId };
}

async function region(slug: string) {
	const [r] = await handle.db.select().from(regions).where(eq(regions.slug, slug));
	return r;
}

async function shares(slug: string) {
	const r = await region(slug);
	const rows = await handle.db
		.select({ code: regionGemeenten.gemeenteCode, aandeel: regionGemeenten.aandeel })
		.from(regionGemeenten)
		.where(eq(regionGemeenten.regionId, r.id));
	return new Map(rows.map((row) => [row.code, row.aandeel]));
}

async function refused(promise: Promise<unknown>): Promise<AdminError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(AdminError);
	return error as AdminError;
}

async function regionAudit(regionId: string, action: string) {
	return handle.db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.regionId, regionId), eq(auditLog.action, action)));
}

const add = (v: Record<string, unknown>) => addGemeenteSchema.parse(v);
const upd = (v: Record<string, unknown>) => updateGemeenteSchema.parse(v);

beforeAll(async () => {
	handle = await createTestDatabase();
	await ensureReferenceData(handle.db);
	await seedDemoData(handle.db, { now: new Date('2026-05-01T10:00:00Z') });
	drenthe = await actorFor('beheerder@demo.regiokaart.nl');
	amsterdam = await actorFor('beheerder.amsterdam@demo.regiokaart.nl');
	// The demo seed does not build the search index; the tests below check that region edits keep it right.
	const orgIds = (await handle.db.selectDistinct({ id: locations.organisationId }).from(locations)).map(
		(r) => r.id
	);
	await syncOrganisations(handle.db, orgIds);
}, 180_000);

afterAll(() => handle?.close());

describe('a beheerder edits only their own network and its sub-regions', () => {
	it('shows their network with its sub-regions', async () => {
		const overview = await regionOverview(handle.db, drenthe);
		expect(overview.netwerk.slug).toBe('drenthe-steenwijkerland');
		expect(overview.isNetwerk).toBe(true);
		expect(overview.subregios.map((r) => r.slug).sort()).toEqual([
			'drenthe-assen',
			'drenthe-emmen',
			'drenthe-hoogeveen',
			'drenthe-meppel-steenwijkerland'
		]);
		expect(overview.netwerk.inwoners).toBeGreaterThan(400_000);
	});

	it('refuses every edit of another network (403) and leaves it as it was', async () => {
		const before = await region('amsterdam-diemen');
		const sharesBefore = await shares('amsterdam-diemen');
		expect((await refused(regionDetail(handle.db, drenthe, 'amsterdam-diemen'))).status).toBe(403);
		expect(
			(
				await refused(
					renameRegion(
						handle.db,
						drenthe,
						before.id,
						renameRegionSchema.parse({ naam: 'Gekaapt', version: before.version })
					)
				)
			).status
		).toBe(403);
		expect(
			(
				await refused(
					addGemeente(
						handle.db,
						drenthe,
						'amsterdam-diemen',
						add({ gemeente: 'Assen', aandeel: '1', version: before.version })
					)
				)
			).status
		).toBe(403);
		expect(
			(
				await refused(
					removeGemeente(handle.db, drenthe, 'amsterdam-diemen', {
						gemeenteCode: 'GM0384',
						version: before.version
					})
				)
			).status
		).toBe(403);
		// ... and a sub-region of another network just the same.
		const assen = await region('drenthe-assen');
		expect(
			(
				await refused(
					updateGemeente(
						handle.db,
						amsterdam,
						assen.id,
						upd({ gemeenteCode: 'GM0106', aandeel: '0,5', version: assen.version })
					)
				)
			).status
		).toBe(403);
		expect(
			(
				await refused(
					mergeSubRegions(handle.db, amsterdam, {
						keepId: assen.id,
						mergeId: (await region('drenthe-emmen')).id,
						versions: {}
					})
				)
			).status
		).toBe(403);

		expect(await region('amsterdam-diemen')).toMatchObject({ naam: before.naam, version: before.version });
		expect(await shares('amsterdam-diemen')).toEqual(sharesBefore);
		expect((await shares('drenthe-assen')).get('GM0106')).toBe(1);
	});

	it('answers 404 for a region that does not exist', async () => {
		expect((await refused(regionDetail(handle.db, drenthe, 'bestaat-niet'))).status).toBe(404);
	});
});

describe('gemeenten of a region', () => {
	it('removes and re-adds a gemeente in one audited write each', async () => {
		const network = await region('amsterdam-diemen');
		const [loc] = await handle.db
			.select({ organisationId: locations.organisationId })
			.from(locations)
			.where(eq(locations.gemeenteCode, 'GM0363'))
			.limit(1);
		await removeGemeente(handle.db, amsterdam, 'amsterdam-diemen', {
			gemeenteCode: 'GM0363',
			version: network.version
		});
		expect((await shares('amsterdam-diemen')).has('GM0363')).toBe(false);
		expect(await isOrganisationInRegion(handle.db, loc.organisationId, network.id)).toBe(false);
		const [removed] = await regionAudit(network.id, 'regio_gemeente_verwijderd');
		expect(removed).toMatchObject({ userId: amsterdam.id, entityType: 'region', entityId: network.id });
		expect(removed.details).toMatchObject({ gemeente: 'GM0363', aandeel: 0.977 });

		const afterRemove = await region('amsterdam-diemen');
		expect(afterRemove.version).toBe(network.version + 1);
		await addGemeente(
			handle.db,
			amsterdam,
			network.id,
			add({ gemeente: 'Amsterdam (GM0363)', aandeel: '97,7%', version: afterRemove.version })
		);
		expect((await shares('amsterdam-diemen')).get('GM0363')).toBe(0.977);
		expect(await isOrganisationInRegion(handle.db, loc.organisationId, network.id)).toBe(true);
		expect(await regionAudit(network.id, 'regio_gemeente_toegevoegd')).toHaveLength(1);
	});

	it('re-indexes the organisations in an added or removed gemeente, and notes an overlap of networks', async () => {
		const network = await region('drenthe-steenwijkerland');
		const [loc] = await handle.db
			.select({ organisationId: locations.organisationId })
			.from(locations)
			.where(eq(locations.gemeenteCode, 'GM0384'))
			.limit(1);
		const regionIdsOfDocs = async () =>
			(
				await handle.db
					.select({ regionIds: searchDocuments.regionIds })
					.from(searchDocuments)
					.where(eq(searchDocuments.organisationId, loc.organisationId))
			).flatMap((d) => d.regionIds);
		expect(await regionIdsOfDocs()).not.toContain(network.id);

		const added = await addGemeente(
			handle.db,
			drenthe,
			network.id,
			add({ gemeente: 'diemen', aandeel: '0,1', version: network.version })
		);
		// Diemen is already wholly in Amsterdam-Diemen: together more than the whole gemeente.
		expect(added.opmerking).toMatch(/Amsterdam-Diemen/);
		expect(await regionIdsOfDocs()).toContain(network.id);

		await removeGemeente(handle.db, drenthe, network.id, {
			gemeenteCode: 'GM0384',
			version: network.version + 1
		});
		expect(await regionIdsOfDocs()).not.toContain(network.id);
	});

	it('changes a share with the old and new value in the audit entry, and refuses a stale version', async () => {
		const network = await region('amsterdam-diemen');
		await updateGemeente(
			handle.db,
			amsterdam,
			network.id,
			upd({ gemeenteCode: 'GM0384', aandeel: '0,9', version: network.version })
		);
		const [entry] = await regionAudit(network.id, 'regio_gemeente_gewijzigd');
		expect(entry.details).toMatchObject({ gemeente: 'GM0384', aandeel: { van: 1, naar: 0.9 } });

		const conflict = await refused(
			updateGemeente(
				handle.db,
				amsterdam,
				network.id,
				upd({ gemeenteCode: 'GM0384', aandeel: '0,5', version: network.version })
			)
		);
		expect(conflict.status).toBe(409);
		expect((await shares('amsterdam-diemen')).get('GM0384')).toBe(0.9);
		expect(await regionAudit(network.id, 'regio_gemeente_gewijzigd')).toHaveLength(1);
	});

	it('lets exactly one of two simultaneous edits of the same version through', async () => {
		const network = await region('amsterdam-diemen');
		const results = await Promise.allSettled(
			['0,8', '0,7'].map((aandeel) =>
				updateGemeente(
					handle.db,
					amsterdam,
					network.id,
					upd({ gemeenteCode: 'GM0384', aandeel, version: network.version })
				)
			)
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const rejected = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
		expect(rejected).toHaveLength(1);
		expect((rejected[0].reason as AdminError).status).toBe(409);
		expect((await region('amsterdam-diemen')).version).toBe(network.version + 1);
	});

	it('keeps sub-regions inside their network', async () => {
		const hoogeveen = await region('drenthe-hoogeveen');
		const network = await region('drenthe-steenwijkerland');
		// Not a gemeente of the network.
		const outside = await refused(
			addGemeente(
				handle.db,
				drenthe,
				hoogeveen.id,
				add({ gemeente: 'Diemen', aandeel: '1', version: hoogeveen.version })
			)
		);
		expect(outside.errors.gemeente).toMatch(/hoort niet bij het netwerk/);
		// De Wolden: 2/3 here and 1/3 in Meppel-Steenwijkerland; together they may not exceed the network's share.
		const tooMuch = await refused(
			updateGemeente(
				handle.db,
				drenthe,
				hoogeveen.id,
				upd({ gemeenteCode: 'GM1690', aandeel: '0,8', version: hoogeveen.version })
			)
		);
		expect(tooMuch.errors.aandeel).toMatch(/andere subregio/);
		// The network cannot drop below what its sub-regions hold, nor lose a gemeente they still cover.
		const below = await refused(
			updateGemeente(
				handle.db,
				drenthe,
				network.id,
				upd({ gemeenteCode: 'GM1690', aandeel: '0,5', version: network.version })
			)
		);
		expect(below.errors.aandeel).toMatch(/subregio/);
		const stillUsed = await refused(
			removeGemeente(handle.db, drenthe, network.id, { gemeenteCode: 'GM0106', version: network.version })
		);
		expect(stillUsed.message).toMatch(/Assen/);
		expect((await region('drenthe-steenwijkerland')).version).toBe(network.version);
		expect((await shares('drenthe-hoogeveen')).get('GM1690')).toBe(0.667);
	});

	it('refuses a share outside (0, 1] and an unknown gemeente at the schema', () => {
		expect(addGemeenteSchema.safeParse({ gemeente: 'Assen', aandeel: '1,5', version: '1' }).success).toBe(
			false
		);
		expect(addGemeenteSchema.safeParse({ gemeente: 'Assen', aandeel: '0', version: '1' }).success).toBe(
			false
		);
		expect(
			updateGemeenteSchema.safeParse({ gemeenteCode: 'Assen', aandeel: '1', version: '1' }).success
		).toBe(false);
	});
});

describe('sub-regions', () => {
	it('creates a sub-region under the network, audited, with a unique slug', async () => {
		const created = await createSubRegion(handle.db, drenthe, { naam: 'Zuidwest-Drenthe' });
		expect(created.slug).toBe('drenthe-steenwijkerland-zuidwest-drenthe');
		expect(created.parentId).toBe(drenthe.regionId);
		expect(await regionAudit(created.id, 'subregio_aangemaakt')).toHaveLength(1);
		const duplicate = await refused(createSubRegion(handle.db, drenthe, { naam: 'zuidwest-drenthe' }));
		expect(duplicate.errors.naam).toBeDefined();
	});

	it('merges two sub-regions: gemeenten with summed shares, users, audit history; the absorbed one is gone', async () => {
		const keep = await region('drenthe-meppel-steenwijkerland');
		const absorbed = await region('drenthe-hoogeveen');
		const [movedUser] = await handle.db
			.insert(users)
			.values({
				email: 'hoogeveen@example.nl',
				naam: 'Hoogeveen Verwijzer',
				role: 'verwijzer',
				regionId: absorbed.id
			})
			.returning();
		// An earlier entry of the absorbed region must stay visible in the region's log after the merge.
		await updateGemeente(
			handle.db,
			drenthe,
			absorbed.id,
			upd({ gemeenteCode: 'GM0118', aandeel: '1', version: absorbed.version })
		);
		const absorbedNow = await region('drenthe-hoogeveen');

		const stale = await refused(
			mergeSubRegions(handle.db, drenthe, {
				keepId: keep.id,
				mergeId: absorbed.id,
				versions: { [keep.id]: keep.version, [absorbed.id]: absorbed.version }
			})
		);
		expect(stale.status).toBe(409);

		await mergeSubRegions(handle.db, drenthe, {
			keepId: keep.id,
			mergeId: absorbed.id,
			versions: { [keep.id]: keep.version, [absorbed.id]: absorbedNow.version }
		});
		expect(await region('drenthe-hoogeveen')).toBeUndefined();
		const merged = await shares('drenthe-meppel-steenwijkerland');
		expect(merged.get('GM1690')).toBe(1); // De Wolden: 0,333 + 0,667
		expect(merged.get('GM0118')).toBe(1);
		expect(merged.get('GM1731')).toBe(1);
		expect(merged.get('GM0119')).toBe(1);
		const [user] = await handle.db.select().from(users).where(eq(users.id, movedUser.id));
		expect(user.regionId).toBe(keep.id);
		expect(user.version).toBe(movedUser.version + 1);
		expect(await regionAudit(keep.id, 'regio_gemeente_gewijzigd')).toHaveLength(1);
		const [entry] = await regionAudit(keep.id, 'subregio_samengevoegd');
		expect(entry.details).toMatchObject({
			opgenomen: { slug: 'drenthe-hoogeveen' },
			gebruikersVerplaatst: 1
		});
	});

	it('refuses to merge a sub-region that has wegwijzer content of its own, and changes nothing', async () => {
		const keep = await region('drenthe-assen');
		const absorbed = await region('drenthe-emmen');
		await handle.db.insert(wegwijzerVragen).values({
			slug: 'test-emmen-eigen-vraag',
			regionId: absorbed.id,
			thema: 'thuis',
			titel: 'Eigen vraag',
			uitleg: 'Alleen in Emmen',
			categorieen: []
		});
		const error = await refused(
			mergeSubRegions(handle.db, drenthe, {
				keepId: keep.id,
				mergeId: absorbed.id,
				versions: { [keep.id]: keep.version, [absorbed.id]: absorbed.version }
			})
		);
		expect(error.status).toBe(400);
		expect(error.message).toMatch(/wegwijzer/);
		expect(await region('drenthe-emmen')).toBeDefined();
		expect((await region('drenthe-assen')).version).toBe(keep.version);
		const [n] = await handle.db
			.select({ n: count() })
			.from(regionGemeenten)
			.where(inArray(regionGemeenten.regionId, [keep.id]));
		expect(Number(n.n)).toBe(4);
	});
});
