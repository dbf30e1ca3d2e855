/**
 * Regions (Netwerken Palliatieve Zorg and their sub-regions) and the gemeenten they cover, as a beheerder corrects them.
 * Every write is ONE transaction with ONE audit entry (stamped with the region, so it shows in that region's audit log).
 *
 * Who may do what: a beheerder edits their own region and its sub-regions (regionWithChildren of their region); another
 * region is answered with 403 (regions are public, so saying it exists reveals nothing), an unknown one with 404.
 * Sub-regions can be created and merged only under a network (a top-level region), by its beheerder.
 *
 * Concurrency: regions.version. Every edit of a region - its name, or any of its gemeenten - names the version the page
 * read; a mismatch is a 409, so two beheerders never overwrite each other's correction of the map.
 *
 * Search: which regions an organisation belongs to is stored in its search documents, so the organisations with a location
 * in a changed gemeente are re-indexed inside the transaction; the per-process region cache is cleared after the commit.
 */
import { and, asc, count, eq, ilike, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import {
	AdminError,
	CONFLICT_MESSAGE,
	INVALID_MESSAGE,
	isUuid,
	type FieldErrors
} from '../../domain/admin/common';
import {
	formatAandeel,
	mergeShares,
	networkShareProblem,
	resolveGemeente,
	subRegionShareProblem,
	type AddGemeenteInput,
	type MergeRegionsInput,
	type NewSubRegionInput,
	type RemoveGemeenteInput,
	type RenameRegionInput,
	type UpdateGemeenteInput
} from '../../domain/admin/regions';
import { slugify, uniqueSlug } from '../../domain/organisation/slug';
import { audit } from '../audit';
import type { Database, Executor } from '../db/client';
import {
	auditLog,
	capacityScenarios,
	externalPrognoses,
	gemeenten,
	locations,
	plannedCapacity,
	prognosisParameters,
	regionGemeenten,
	regions,
	serviceRegions,
	services,
	users,
	verwijzingen,
	wegwijzerAanpassingen,
	wegwijzerVragen
} from '../db/schema';
import { clearSearchReferenceCache } from '../search/reference';
import { syncOrganisations } from '../search/sync';
import type { AdminActor } from './admin-users';

type RegionRow = typeof regions.$inferSelect;

const invalid = (errors: FieldErrors, message = INVALID_MESSAGE) => new AdminError(400, message, errors);

function requireBeheerder(actor: AdminActor): string {
	if (actor.role !== 'beheerder') throw new AdminError(403, 'Alleen een beheerder mag dit doen.');
	if (!actor.regionId) throw new AdminError(403, 'Uw account is nog niet aan een netwerk gekoppeld.');
	return actor.regionId;
}

async function managedRegionIds(db: Executor, ownRegionId: string): Promise<string[]> {
	const rows = await db
		.select({ id: regions.id })
		.from(regions)
		.where(or(eq(regions.id, ownRegionId), eq(regions.parentId, ownRegionId)));
	return rows.map((r) => r.id);
}

/** The region (by id or slug) if the beheerder manages it; 404 when unknown, 403 when another network's. */
async function managedRegion(db: Executor, actor: AdminActor, idOrSlug: string): Promise<RegionRow> {
	const own = requireBeheerder(actor);
	const [region] = await db
		.select()
		.from(regions)
		.where(isUuid(idOrSlug) ? eq(regions.id, idOrSlug) : eq(regions.slug, idOrSlug));
	if (!region) throw new AdminError(404, 'Deze regio bestaat niet (meer).');
	if (region.id !== own && region.parentId !== own)
		throw new AdminError(
			403,
			'Deze regio valt buiten uw netwerk. U beheert alleen uw eigen netwerk en de subregio’s ervan.'
		);
	return region;
}

/** Bumps the version; 409 when the page read an older one (someone else saved first). */
async function lockRegion(tx: Executor, id: string, version: number, values: Partial<RegionRow> = {}) {
	const [row] = await tx
		.update(regions)
		.set({ ...values, version: version + 1, updatedAt: new Date() })
		.where(and(eq(regions.id, id), eq(regions.version, version)))
		.returning();
	if (!row) throw new AdminError(409, CONFLICT_MESSAGE);
	return row;
}

async function sharesOf(db: Executor, regionId: string) {
	return db
		.select({ gemeenteCode: regionGemeenten.gemeenteCode, aandeel: regionGemeenten.aandeel })
		.from(regionGemeenten)
		.where(eq(regionGemeenten.regionId, regionId));
}

/** Re-index the organisations with a location in these gemeenten (their regions changed). */
async function resyncGemeenten(tx: Executor, codes: string[], extraOrganisationIds: string[] = []) {
	const ids = codes.length
		? (
				await tx
					.selectDistinct({ id: locations.organisationId })
					.from(locations)
					.where(inArray(locations.gemeenteCode, codes))
			).map((r) => r.id)
		: [];
	const all = [...new Set([...ids, ...extraOrganisationIds])];
	for (let i = 0; i < all.length; i += 250) await syncOrganisations(tx, all.slice(i, i + 250));
	return all.length;
}

async function afterCommit<T>(work: Promise<T>): Promise<T> {
	const result = await work;
	clearSearchReferenceCache();
	return result;
}

// --- reading -----------------------------------------------------------------------------------------------------------

export interface RegionSummary {
	id: string;
	slug: string;
	naam: string;
	coordinator: string | null;
	parentId: string | null;
	version: number;
	gemeenten: number;
	/** Inhabitants weighted by share (CBS 1 January 2024), rounded. */
	inwoners: number;
	gebruikers: number;
}

async function summaries(db: Executor, ids: string[]): Promise<RegionSummary[]> {
	if (ids.length === 0) return [];
	const [rows, gemeenteRows, userRows] = await Promise.all([
		db.select().from(regions).where(inArray(regions.id, ids)),
		db
			.select({
				regionId: regionGemeenten.regionId,
				n: count(),
				inwoners: sql<number>`coalesce(sum(${gemeenten.bevolking2024} * ${regionGemeenten.aandeel}), 0)::float8`
			})
			.from(regionGemeenten)
			.innerJoin(gemeenten, eq(gemeenten.code, regionGemeenten.gemeenteCode))
			.where(inArray(regionGemeenten.regionId, ids))
			.groupBy(regionGemeenten.regionId),
		db
			.select({ regionId: users.regionId, n: count() })
			.from(users)
			.where(inArray(users.regionId, ids))
			.groupBy(users.regionId)
	]);
	const g = new Map(gemeenteRows.map((r) => [r.regionId, r]));
	const u = new Map(userRows.map((r) => [r.regionId, Number(r.n)]));
	return rows.map((r) => ({
		id: r.id,
		slug: r.slug,
		naam: r.naam,
		coordinator: r.coordinator,
		parentId: r.parentId,
		version: r.version,
		gemeenten: Number(g.get(r.id)?.n ?? 0),
		inwoners: Math.round(Number(g.get(r.id)?.inwoners ?? 0)),
		gebruikers: u.get(r.id) ?? 0
	}));
}

/** The beheerder's own region and its sub-regions. */
export async function regionOverview(db: Executor, actor: AdminActor) {
	const own = requireBeheerder(actor);
	const ids = await managedRegionIds(db, own);
	const all = await summaries(db, ids);
	const netwerk = all.find((r) => r.id === own);
	if (!netwerk)
		throw new AdminError(404, 'Uw netwerk bestaat niet meer. Neem contact op met een andere beheerder.');
	const subregios = all.filter((r) => r.id !== own).sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
	return { netwerk, subregios, isNetwerk: netwerk.parentId === null };
}

/** One region with its gemeenten, for its edit page. */
export async function regionDetail(db: Executor, actor: AdminActor, idOrSlug: string) {
	const region = await managedRegion(db, actor, idOrSlug);
	const [parent] = region.parentId
		? await db.select().from(regions).where(eq(regions.id, region.parentId))
		: [null];
	const children = region.parentId
		? []
		: await db
				.select({ id: regions.id, naam: regions.naam, slug: regions.slug })
				.from(regions)
				.where(eq(regions.parentId, region.id))
				.orderBy(asc(regions.naam));
	const rows = await db
		.select({
			code: gemeenten.code,
			naam: gemeenten.naam,
			provincie: gemeenten.provincieNaam,
			bevolking: gemeenten.bevolking2024,
			aandeel: regionGemeenten.aandeel
		})
		.from(regionGemeenten)
		.innerJoin(gemeenten, eq(gemeenten.code, regionGemeenten.gemeenteCode))
		.where(eq(regionGemeenten.regionId, region.id))
		.orderBy(asc(gemeenten.naam));
	const codes = rows.map((r) => r.code);
	const [childShares, parentShares, locationCounts, otherNetworks] = await Promise.all([
		children.length && codes.length
			? db
					.select({
						regionId: regionGemeenten.regionId,
						gemeenteCode: regionGemeenten.gemeenteCode,
						aandeel: regionGemeenten.aandeel
					})
					.from(regionGemeenten)
					.where(
						and(
							inArray(
								regionGemeenten.regionId,
								children.map((c) => c.id)
							),
							inArray(regionGemeenten.gemeenteCode, codes)
						)
					)
			: Promise.resolve([]),
		parent ? sharesOf(db, parent.id) : Promise.resolve([]),
		codes.length
			? db
					.select({ gemeenteCode: locations.gemeenteCode, n: count() })
					.from(locations)
					.where(inArray(locations.gemeenteCode, codes))
					.groupBy(locations.gemeenteCode)
			: Promise.resolve([]),
		// Other top-level networks that also cover these gemeenten (split gemeenten).
		codes.length && !region.parentId
			? db
					.select({
						gemeenteCode: regionGemeenten.gemeenteCode,
						naam: regions.naam,
						aandeel: regionGemeenten.aandeel
					})
					.from(regionGemeenten)
					.innerJoin(regions, eq(regions.id, regionGemeenten.regionId))
					.where(
						and(
							inArray(regionGemeenten.gemeenteCode, codes),
							isNull(regions.parentId),
							ne(regions.id, region.id)
						)
					)
			: Promise.resolve([])
	]);
	const childName = new Map(children.map((c) => [c.id, c.naam]));
	const parentShare = new Map(parentShares.map((p) => [p.gemeenteCode, p.aandeel]));
	const locaties = new Map(locationCounts.map((l) => [l.gemeenteCode, Number(l.n)]));
	const gemeenteList = rows.map((r) => ({
		...r,
		locaties: locaties.get(r.code) ?? 0,
		aandeelNetwerk: parent ? (parentShare.get(r.code) ?? null) : null,
		subregios: childShares
			.filter((c) => c.gemeenteCode === r.code)
			.map((c) => ({ naam: childName.get(c.regionId) ?? '', aandeel: c.aandeel }))
			.sort((a, b) => a.naam.localeCompare(b.naam, 'nl')),
		andereNetwerken: otherNetworks
			.filter((o) => o.gemeenteCode === r.code)
			.map((o) => ({ naam: o.naam, aandeel: o.aandeel }))
	}));
	// What can be added: for a sub-region the network's gemeenten, for a network any gemeente; minus those already in.
	const present = new Set(codes);
	const keuze = (
		parent
			? await db
					.select({ code: gemeenten.code, naam: gemeenten.naam })
					.from(regionGemeenten)
					.innerJoin(gemeenten, eq(gemeenten.code, regionGemeenten.gemeenteCode))
					.where(eq(regionGemeenten.regionId, parent.id))
			: await db.select({ code: gemeenten.code, naam: gemeenten.naam }).from(gemeenten)
	)
		.filter((g) => !present.has(g.code))
		.sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
	return {
		region: {
			id: region.id,
			slug: region.slug,
			naam: region.naam,
			coordinator: region.coordinator,
			version: region.version,
			updatedAt: region.updatedAt,
			parentId: region.parentId
		},
		parent: parent ? { id: parent.id, slug: parent.slug, naam: parent.naam } : null,
		children,
		gemeenten: gemeenteList,
		keuze
	};
}

// --- writing: one region ------------------------------------------------------------------------------------------------

async function nameTaken(db: Executor, naam: string, exceptId: string | null, parentId: string | null) {
	// Names must be distinguishable within a network: the network itself and its sub-regions.
	const familyId = parentId ?? exceptId;
	const rows = await db
		.select({ id: regions.id })
		.from(regions)
		.where(
			and(
				ilike(
					regions.naam,
					naam.replace(/[\\%_]/g, (c) => `\\${c}`)
				),
				familyId ? or(eq(regions.id, familyId), eq(regions.parentId, familyId)) : undefined,
				exceptId ? ne(regions.id, exceptId) : undefined
			)
		);
	return rows.length > 0;
}

export async function renameRegion(
	db: Database,
	actor: AdminActor,
	idOrSlug: string,
	input: RenameRegionInput
) {
	return afterCommit(
		db.transaction(async (tx) => {
			const before = await managedRegion(tx, actor, idOrSlug);
			if (await nameTaken(tx, input.naam, before.id, before.parentId ?? before.id))
				throw invalid({ naam: 'Een andere regio in dit netwerk heeft al deze naam.' });
			const row = await lockRegion(tx, before.id, input.version, {
				naam: input.naam,
				coordinator: input.coordinator
			});
			const changes: Record<string, { van: unknown; naar: unknown }> = {};
			if (before.naam !== row.naam) changes.naam = { van: before.naam, naar: row.naam };
			if (before.coordinator !== row.coordinator)
				changes.coordinator = { van: before.coordinator, naar: row.coordinator };
			await audit(tx, actor, {
				action: 'regio_gewijzigd',
				entityType: 'region',
				entityId: row.id,
				regionId: row.id,
				details: { wijzigingen: changes, versie: row.version }
			});
			return row;
		})
	);
}

async function checkShareAgainstFamily(
	tx: Executor,
	region: RegionRow,
	gemeente: { code: string; naam: string },
	share: number
): Promise<string | null> {
	if (region.parentId) {
		// Sub-regions of one network share its gemeenten: take the network's row lock so two of them cannot each pass
		// the "together at most the network's share" check at the same moment (the network's own edits bump that row).
		await tx.select({ id: regions.id }).from(regions).where(eq(regions.id, region.parentId)).for('update');
		const [parentShare] = await tx
			.select({ aandeel: regionGemeenten.aandeel })
			.from(regionGemeenten)
			.where(
				and(eq(regionGemeenten.regionId, region.parentId), eq(regionGemeenten.gemeenteCode, gemeente.code))
			);
		const siblings = await tx
			.select({ aandeel: regionGemeenten.aandeel })
			.from(regionGemeenten)
			.innerJoin(regions, eq(regions.id, regionGemeenten.regionId))
			.where(
				and(
					eq(regions.parentId, region.parentId),
					ne(regions.id, region.id),
					eq(regionGemeenten.gemeenteCode, gemeente.code)
				)
			);
		return subRegionShareProblem({
			share,
			parentShare: parentShare?.aandeel,
			siblingShares: siblings.map((s) => s.aandeel),
			gemeenteNaam: gemeente.naam
		});
	}
	const children = await tx
		.select({ aandeel: regionGemeenten.aandeel })
		.from(regionGemeenten)
		.innerJoin(regions, eq(regions.id, regionGemeenten.regionId))
		.where(and(eq(regions.parentId, region.id), eq(regionGemeenten.gemeenteCode, gemeente.code)));
	return networkShareProblem({
		share,
		childShares: children.map((c) => c.aandeel),
		gemeenteNaam: gemeente.naam
	});
}

/** For a network: a note when the networks covering this gemeente together hold more than all of it. */
async function overlapNote(
	tx: Executor,
	region: RegionRow,
	code: string,
	naam: string
): Promise<string | null> {
	if (region.parentId) return null;
	const rows = await tx
		.select({ naam: regions.naam, aandeel: regionGemeenten.aandeel })
		.from(regionGemeenten)
		.innerJoin(regions, eq(regions.id, regionGemeenten.regionId))
		.where(and(eq(regionGemeenten.gemeenteCode, code), isNull(regions.parentId)));
	const total = rows.reduce((a, r) => a + r.aandeel, 0);
	if (total <= 1.0015) return null;
	return `Let op: de netwerken die ${naam} dekken hebben samen ${formatAandeel(total)} (${rows
		.map((r) => `${r.naam} ${formatAandeel(r.aandeel)}`)
		.join(', ')}). Samen is dat meer dan de hele gemeente.`;
}

export async function addGemeente(
	db: Database,
	actor: AdminActor,
	idOrSlug: string,
	input: AddGemeenteInput
) {
	return afterCommit(
		db.transaction(async (tx) => {
			const region = await managedRegion(tx, actor, idOrSlug);
			const all = await tx.select({ code: gemeenten.code, naam: gemeenten.naam }).from(gemeenten);
			const gemeente = resolveGemeente(input.gemeente, all);
			if (!gemeente)
				throw invalid({ gemeente: 'Deze gemeente kennen we niet. Kies een gemeente uit de lijst.' });
			const [present] = await tx
				.select({ aandeel: regionGemeenten.aandeel })
				.from(regionGemeenten)
				.where(and(eq(regionGemeenten.regionId, region.id), eq(regionGemeenten.gemeenteCode, gemeente.code)));
			if (present)
				throw invalid({
					gemeente: `${gemeente.naam} hoort al bij deze regio (aandeel ${formatAandeel(present.aandeel)}). Wijzig het aandeel in de lijst.`
				});
			const problem = await checkShareAgainstFamily(tx, region, gemeente, input.aandeel);
			if (problem) throw invalid({ [region.parentId ? 'gemeente' : 'aandeel']: problem });
			const row = await lockRegion(tx, region.id, input.version);
			await tx
				.insert(regionGemeenten)
				.values({ regionId: region.id, gemeenteCode: gemeente.code, aandeel: input.aandeel });
			const opnieuwGeindexeerd = await resyncGemeenten(tx, [gemeente.code]);
			await audit(tx, actor, {
				action: 'regio_gemeente_toegevoegd',
				entityType: 'region',
				entityId: region.id,
				regionId: region.id,
				details: {
					gemeente: gemeente.code,
					gemeenteNaam: gemeente.naam,
					aandeel: input.aandeel,
					organisatiesOpnieuwGeindexeerd: opnieuwGeindexeerd,
					versie: row.version
				}
			});
			return { gemeente, opmerking: await overlapNote(tx, region, gemeente.code, gemeente.naam) };
		})
	);
}

async function presentGemeente(tx: Executor, regionId: string, code: string) {
	const [row] = await tx
		.select({ code: gemeenten.code, naam: gemeenten.naam, aandeel: regionGemeenten.aandeel })
		.from(regionGemeenten)
		.innerJoin(gemeenten, eq(gemeenten.code, regionGemeenten.gemeenteCode))
		.where(and(eq(regionGemeenten.regionId, regionId), eq(regionGemeenten.gemeenteCode, code)));
	if (!row)
		throw new AdminError(409, 'Deze gemeente hoort intussen niet meer bij de regio. Bekijk de nieuwe stand.');
	return row;
}

export async function updateGemeente(
	db: Database,
	actor: AdminActor,
	idOrSlug: string,
	input: UpdateGemeenteInput
) {
	return afterCommit(
		db.transaction(async (tx) => {
			const region = await managedRegion(tx, actor, idOrSlug);
			const before = await presentGemeente(tx, region.id, input.gemeenteCode);
			const problem = await checkShareAgainstFamily(tx, region, before, input.aandeel);
			if (problem) throw invalid({ aandeel: problem });
			const row = await lockRegion(tx, region.id, input.version);
			await tx
				.update(regionGemeenten)
				.set({ aandeel: input.aandeel })
				.where(and(eq(regionGemeenten.regionId, region.id), eq(regionGemeenten.gemeenteCode, before.code)));
			await audit(tx, actor, {
				action: 'regio_gemeente_gewijzigd',
				entityType: 'region',
				entityId: region.id,
				regionId: region.id,
				details: {
					gemeente: before.code,
					gemeenteNaam: before.naam,
					aandeel: { van: before.aandeel, naar: input.aandeel },
					versie: row.version
				}
			});
			// A share does not change which regions an organisation is in, so the search index stays as it is.
			return { gemeente: before, opmerking: await overlapNote(tx, region, before.code, before.naam) };
		})
	);
}

export async function removeGemeente(
	db: Database,
	actor: AdminActor,
	idOrSlug: string,
	input: RemoveGemeenteInput
) {
	return afterCommit(
		db.transaction(async (tx) => {
			const region = await managedRegion(tx, actor, idOrSlug);
			const before = await presentGemeente(tx, region.id, input.gemeenteCode);
			if (!region.parentId) {
				const inChildren = await tx
					.select({ naam: regions.naam })
					.from(regionGemeenten)
					.innerJoin(regions, eq(regions.id, regionGemeenten.regionId))
					.where(and(eq(regions.parentId, region.id), eq(regionGemeenten.gemeenteCode, before.code)));
				if (inChildren.length)
					throw new AdminError(
						400,
						`${before.naam} hoort nog bij de subregio ${inChildren.map((c) => c.naam).join(' en ')}. Haal de gemeente daar eerst weg.`
					);
			}
			const row = await lockRegion(tx, region.id, input.version);
			await tx
				.delete(regionGemeenten)
				.where(and(eq(regionGemeenten.regionId, region.id), eq(regionGemeenten.gemeenteCode, before.code)));
			const opnieuwGeindexeerd = await resyncGemeenten(tx, [before.code]);
			await audit(tx, actor, {
				action: 'regio_gemeente_verwijderd',
				entityType: 'region',
				entityId: region.id,
				regionId: region.id,
				details: {
					gemeente: before.code,
					gemeenteNaam: before.naam,
					aandeel: before.aandeel,
					organisatiesOpnieuwGeindexeerd: opnieuwGeindexeerd,
					versie: row.version
				}
			});
			return { gemeente: before };
		})
	);
}

// --- writing: sub-regions -----------------------------------------------------------------------------------------------

async function ownNetwork(tx: Executor, actor: AdminActor): Promise<RegionRow> {
	const own = requireBeheerder(actor);
	const [network] = await tx.select().from(regions).where(eq(regions.id, own));
	if (!network) throw new AdminError(404, 'Uw netwerk bestaat niet meer.');
	if (network.parentId)
		throw new AdminError(
			403,
			'Alleen de beheerder van het hele netwerk kan subregio’s maken of samenvoegen.'
		);
	return network;
}

export async function createSubRegion(db: Database, actor: AdminActor, input: NewSubRegionInput) {
	return afterCommit(
		db.transaction(async (tx) => {
			const network = await ownNetwork(tx, actor);
			if (await nameTaken(tx, input.naam, null, network.id))
				throw invalid({ naam: 'Een regio in dit netwerk heeft al deze naam.' });
			const base = slugify(`${network.slug}-${input.naam}`, 'subregio');
			const taken = new Set(
				(
					await tx
						.select({ slug: regions.slug })
						.from(regions)
						.where(ilike(regions.slug, `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))
				).map((r) => r.slug)
			);
			const slug = uniqueSlug(base, (s) => taken.has(s));
			const [row] = await tx
				.insert(regions)
				.values({ slug, naam: input.naam, parentId: network.id, coordinator: network.coordinator })
				.returning();
			await audit(tx, actor, {
				action: 'subregio_aangemaakt',
				entityType: 'region',
				entityId: row.id,
				regionId: row.id,
				details: { naam: row.naam, slug: row.slug, netwerk: network.slug }
			});
			return row;
		})
	);
}

/** What belongs to a sub-region and cannot simply be moved: capacity planning and wegwijzer texts of its own. */
async function ownContent(tx: Executor, regionId: string): Promise<string[]> {
	const countWhere = async (query: Promise<{ n: number }[]>) => Number((await query)[0]?.n ?? 0);
	const [pp, ep, pc, cs, wv, wa] = await Promise.all([
		countWhere(
			tx.select({ n: count() }).from(prognosisParameters).where(eq(prognosisParameters.regionId, regionId))
		),
		countWhere(
			tx.select({ n: count() }).from(externalPrognoses).where(eq(externalPrognoses.regionId, regionId))
		),
		countWhere(tx.select({ n: count() }).from(plannedCapacity).where(eq(plannedCapacity.regionId, regionId))),
		countWhere(
			tx.select({ n: count() }).from(capacityScenarios).where(eq(capacityScenarios.regionId, regionId))
		),
		countWhere(tx.select({ n: count() }).from(wegwijzerVragen).where(eq(wegwijzerVragen.regionId, regionId))),
		countWhere(
			tx
				.select({ n: count() })
				.from(wegwijzerAanpassingen)
				.where(eq(wegwijzerAanpassingen.regionId, regionId))
		)
	]);
	const found: string[] = [];
	if (pp + ep + pc + cs > 0)
		found.push('eigen capaciteitsgegevens (prognose, geplande capaciteit of scenario’s)');
	if (wv + wa > 0) found.push('eigen wegwijzer-vragen of -aanpassingen');
	return found;
}

/**
 * Takes sub-region `mergeId` up into `keepId` (both of the beheerder's network) and removes it: gemeenten (shares added,
 * capped at the network's), users, the regions of services, referrals and the audit entries' region all move to keepId.
 * Refused while the absorbed sub-region has capacity or wegwijzer content of its own (that would be lost by the cascade).
 */
export async function mergeSubRegions(db: Database, actor: AdminActor, input: MergeRegionsInput) {
	return afterCommit(
		db.transaction(async (tx) => {
			const network = await ownNetwork(tx, actor);
			const found = await tx
				.select()
				.from(regions)
				.where(inArray(regions.id, [input.keepId, input.mergeId]));
			const keep = found.find((r) => r.id === input.keepId);
			const absorbed = found.find((r) => r.id === input.mergeId);
			if (!keep || !absorbed)
				throw new AdminError(409, 'Een van de subregio’s bestaat niet meer. Bekijk de nieuwe stand.');
			if (keep.parentId !== network.id || absorbed.parentId !== network.id)
				throw new AdminError(403, 'U kunt alleen subregio’s van uw eigen netwerk samenvoegen.');
			const keepVersion = input.versions[keep.id];
			const absorbedVersion = input.versions[absorbed.id];
			if (!keepVersion || !absorbedVersion) throw new AdminError(409, CONFLICT_MESSAGE);
			const [children] = await tx
				.select({ n: count() })
				.from(regions)
				.where(eq(regions.parentId, absorbed.id));
			if (Number(children?.n ?? 0) > 0)
				throw new AdminError(400, `${absorbed.naam} heeft zelf subregio’s en kan niet worden samengevoegd.`);
			const blocking = await ownContent(tx, absorbed.id);
			if (blocking.length)
				throw new AdminError(
					400,
					`${absorbed.naam} heeft nog ${blocking.join(' en ')}. Die zouden bij samenvoegen verloren gaan: verplaats of verwijder ze eerst.`
				);
			// Lock in id order, so two merges of the same pair in opposite directions cannot deadlock.
			const locked = new Map<string, RegionRow>();
			for (const [id, version] of [
				[keep.id, keepVersion],
				[absorbed.id, absorbedVersion]
			].sort(([a], [b]) => String(a).localeCompare(String(b))) as [string, number][])
				locked.set(id, await lockRegion(tx, id, version));
			const row = locked.get(keep.id)!;

			const [keepShares, absorbedShares, parentShares] = await Promise.all([
				sharesOf(tx, keep.id),
				sharesOf(tx, absorbed.id),
				sharesOf(tx, network.id)
			]);
			const merged = mergeShares(
				keepShares,
				absorbedShares,
				new Map(parentShares.map((p) => [p.gemeenteCode, p.aandeel]))
			);
			const serviceIdsOfAbsorbed = (
				await tx
					.select({ serviceId: serviceRegions.serviceId })
					.from(serviceRegions)
					.where(eq(serviceRegions.regionId, absorbed.id))
			).map((r) => r.serviceId);
			const organisationsOfServices = serviceIdsOfAbsorbed.length
				? (
						await tx
							.selectDistinct({ id: services.organisationId })
							.from(services)
							.where(inArray(services.id, serviceIdsOfAbsorbed))
					).map((r) => r.id)
				: [];

			await tx.delete(regionGemeenten).where(eq(regionGemeenten.regionId, keep.id));
			if (merged.length)
				await tx.insert(regionGemeenten).values(merged.map((m) => ({ regionId: keep.id, ...m })));
			// Moved users get a new version too, so a form opened before the merge cannot save the old region back.
			const movedUsers = await tx
				.update(users)
				.set({ regionId: keep.id, version: sql`${users.version} + 1` })
				.where(eq(users.regionId, absorbed.id))
				.returning({ id: users.id });
			for (let i = 0; i < serviceIdsOfAbsorbed.length; i += 500)
				await tx
					.insert(serviceRegions)
					.values(
						serviceIdsOfAbsorbed.slice(i, i + 500).map((serviceId) => ({ serviceId, regionId: keep.id }))
					)
					.onConflictDoNothing();
			const movedReferrals = await tx
				.update(verwijzingen)
				.set({ regionId: keep.id })
				.where(eq(verwijzingen.regionId, absorbed.id))
				.returning({ id: verwijzingen.id });
			// The audit entries themselves stay as written; only the column that says which region's log shows them moves,
			// so the history of the absorbed sub-region stays visible.
			await tx.update(auditLog).set({ regionId: keep.id }).where(eq(auditLog.regionId, absorbed.id));
			await tx.delete(regions).where(eq(regions.id, absorbed.id));
			const opnieuwGeindexeerd = await resyncGemeenten(
				tx,
				absorbedShares.map((s) => s.gemeenteCode),
				organisationsOfServices
			);
			await audit(tx, actor, {
				action: 'subregio_samengevoegd',
				entityType: 'region',
				entityId: keep.id,
				regionId: keep.id,
				details: {
					opgenomen: { id: absorbed.id, slug: absorbed.slug, naam: absorbed.naam },
					gemeenten: merged.length,
					gebruikersVerplaatst: movedUsers.length,
					dienstenVerplaatst: serviceIdsOfAbsorbed.length,
					verwijzingenVerplaatst: movedReferrals.length,
					organisatiesOpnieuwGeindexeerd: opnieuwGeindexeerd,
					versie: row.version
				}
			});
			return { keep: row, absorbed: { naam: absorbed.naam, slug: absorbed.slug }, gemeenten: merged.length };
		})
	);
}
