import { count, eq, inArray, sql } from 'drizzle-orm';
import { hashPassword } from '../auth/password';
import type { Database, Executor } from '../db/client';
import {
	bedAvailabilityEvents,
	bedUnits,
	locations,
	memberships,
	organisations,
	postcodeGebieden,
	regionGemeenten,
	regions,
	serviceLocations,
	serviceRegions,
	services,
	users
} from '../db/schema';
import { demoAccounts } from './demo-accounts';
import { buildDemoDataset, type DemoOrganisation, demoRegions } from './demo-dataset';
import { createRng, type Rng, stableUuid } from './prng';

export { buildDemoDataset, demoRegions, demoSlug, type DemoScenarioKey } from './demo-dataset';
export { DEMO_PASSWORD, demoAccounts, type DemoAccount } from './demo-accounts';

/*
 * Demo data: ~180 fictional organisations in six regions, bed units with six weeks of availability history, and demo
 * accounts for every role.
 *
 * Idempotency: when demo organisations (isVoorbeeld = true) already exist, seedDemoData does nothing (so edits made during a
 * demo survive a restart). With { reset: true } it first deletes all demo organisations (their locations, services, bed units
 * and history go with them through ON DELETE CASCADE) and the demo accounts, then seeds again. Records keep the same ids
 * across a reset (they are derived from the slugs), and everything except the timestamps, which are relative to `now`, comes
 * out the same on every run.
 */

export interface SeedDemoOptions {
	/** Reference time for availability timestamps and history (default: now). */
	now?: Date;
	/** Delete existing demo organisations and demo accounts first. */
	reset?: boolean;
}

export interface SeedDemoResult {
	/** True when demo data was already there and nothing was done. */
	skipped: boolean;
	organisations: number;
	locations: number;
	services: number;
	serviceLocations: number;
	serviceRegions: number;
	bedUnits: number;
	availabilityEvents: number;
	users: number;
	memberships: number;
}

const BATCH_SIZE = 500;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const HISTORY_DAYS = 42;
// Serialises concurrent seeds against one Postgres (a different key from the reference-data loader).
const ADVISORY_LOCK_KEY = 72_410_302;

async function inBatches<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += BATCH_SIZE) await insert(rows.slice(i, i + BATCH_SIZE));
}

async function countDemoOrganisations(db: Executor): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(organisations)
		.where(eq(organisations.isVoorbeeld, true));
	return Number(row.n);
}

/** A point within ~300 m of the PC4 centre, so organisations in one postcode do not sit on top of each other. */
function jitter(rng: Rng, lat: number, lon: number): { lat: number; lon: number } {
	const metres = rng.between(60, 280);
	const angle = rng.between(0, 2 * Math.PI);
	const dLat = (metres * Math.cos(angle)) / 111_320;
	const dLon = (metres * Math.sin(angle)) / (111_320 * Math.cos((lat * Math.PI) / 180));
	return { lat: Math.round((lat + dLat) * 1e5) / 1e5, lon: Math.round((lon + dLon) * 1e5) / 1e5 };
}

interface AvailabilityPlan {
	vrijeBedden: number;
	bijgewerktOp: Date;
	events: {
		vrijeBedden: number;
		at: Date;
		verwachteOntslagen: number | null;
		verwachteOpnames: number | null;
	}[];
}

/**
 * A plausible six-week history: an update every one to three days, free beds drifting between 0 and at most half the unit.
 * Most units were updated in the last hours; stale ones (last update > 24 h ago) show the "verouderd" state.
 */
function availabilityHistory(
	rng: Rng,
	aantalBedden: number,
	now: Date,
	stale: boolean,
	atLeastOneFree: boolean
) {
	const bijgewerktOp = new Date(now.getTime() - (stale ? rng.between(26, 120) : rng.between(0.25, 9)) * HOUR);
	// Palliative units run at roughly 75-85 % occupancy: free beds hover around a fifth of the unit.
	const target = Math.round(aantalBedden * rng.between(0.1, 0.3));
	const cap = Math.max(1, Math.ceil(aantalBedden / 2));
	const clamp = (n: number) => Math.min(cap, Math.max(0, n));
	const events: AvailabilityPlan['events'] = [];
	let vrij = clamp(target + rng.int(-1, 1));
	let t = now.getTime() - HISTORY_DAYS * DAY + rng.between(0, 36) * HOUR;
	const expectations = () =>
		rng.chance(0.3)
			? { verwachteOntslagen: rng.int(0, 1), verwachteOpnames: rng.int(0, 2) }
			: { verwachteOntslagen: null, verwachteOpnames: null };
	while (t < bijgewerktOp.getTime() - 12 * HOUR) {
		events.push({ vrijeBedden: vrij, at: new Date(Math.round(t / 1000) * 1000), ...expectations() });
		t += rng.between(26, 80) * HOUR;
		// A random step, pulled back towards the target half of the time.
		const pull = rng.chance(0.5) ? Math.sign(target - vrij) : 0;
		vrij = clamp(vrij + rng.pick([-1, 0, 0, 1]) + pull);
	}
	if (atLeastOneFree) vrij = Math.max(1, vrij);
	events.push({ vrijeBedden: vrij, at: bijgewerktOp, ...expectations() });
	return { vrijeBedden: vrij, bijgewerktOp, events } satisfies AvailabilityPlan;
}

/** The demo regions, their sub-regions, and which gemeenten each covers. */
async function loadRegions(tx: Executor) {
	const rootSlugs = demoRegions.map((r) => r.slug);
	const roots = await tx
		.select({ id: regions.id, slug: regions.slug })
		.from(regions)
		.where(inArray(regions.slug, rootSlugs));
	const missing = rootSlugs.filter((s) => !roots.some((r) => r.slug === s));
	if (missing.length > 0) {
		throw new Error(
			`Regio's voor de voorbeeldgegevens ontbreken (${missing.join(', ')}); laad eerst de referentiegegevens (ensureReferenceData).`
		);
	}
	const subs = await tx
		.select({ id: regions.id, slug: regions.slug, parentId: regions.parentId })
		.from(regions)
		.where(
			inArray(
				regions.parentId,
				roots.map((r) => r.id)
			)
		);
	const family = new Map<string, { rootId: string; regionIds: string[] }>();
	for (const root of roots) {
		family.set(root.slug, {
			rootId: root.id,
			regionIds: [root.id, ...subs.filter((s) => s.parentId === root.id).map((s) => s.id)]
		});
	}
	const allIds = [...roots, ...subs].map((r) => r.id);
	const links = await tx
		.select({ regionId: regionGemeenten.regionId, gemeenteCode: regionGemeenten.gemeenteCode })
		.from(regionGemeenten)
		.where(inArray(regionGemeenten.regionId, allIds));
	const gemeentenByRegion = new Map<string, Set<string>>();
	for (const l of links) {
		if (!gemeentenByRegion.has(l.regionId)) gemeentenByRegion.set(l.regionId, new Set());
		gemeentenByRegion.get(l.regionId)!.add(l.gemeenteCode);
	}
	return { family, gemeentenByRegion };
}

/** Insert the demo dataset. See the comment at the top of this file for what happens when demo data already exists. */
export async function seedDemoData(db: Database, opts: SeedDemoOptions = {}): Promise<SeedDemoResult> {
	const now = opts.now ?? new Date();
	const empty: SeedDemoResult = {
		skipped: true,
		organisations: 0,
		locations: 0,
		services: 0,
		serviceLocations: 0,
		serviceRegions: 0,
		bedUnits: 0,
		availabilityEvents: 0,
		users: 0,
		memberships: 0
	};
	if (!opts.reset && (await countDemoOrganisations(db)) > 0) return empty;

	const dataset = buildDemoDataset();
	// Hashing is slow (argon2id); do it before the transaction, once per distinct demo password.
	const hashes = new Map<string, string>();
	for (const password of new Set(demoAccounts.map((a) => a.password)))
		hashes.set(password, await hashPassword(password));

	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCK_KEY})`);
		if (opts.reset) {
			await tx.delete(organisations).where(eq(organisations.isVoorbeeld, true));
			await tx.delete(users).where(
				inArray(
					users.email,
					demoAccounts.map((a) => a.email)
				)
			);
		} else if ((await countDemoOrganisations(tx)) > 0) {
			return empty;
		}

		const pc4s = [...new Set(dataset.flatMap((o) => o.locations.map((l) => l.pc4)))];
		const areas = new Map(
			(await tx.select().from(postcodeGebieden).where(inArray(postcodeGebieden.pc4, pc4s))).map((a) => [
				a.pc4,
				a
			])
		);
		const unknown = pc4s.filter((pc4) => !areas.has(pc4));
		if (unknown.length > 0) {
			throw new Error(
				`Postcodegebieden ontbreken (${unknown.join(', ')}); laad eerst de referentiegegevens.`
			);
		}
		const { family, gemeentenByRegion } = await loadRegions(tx);

		const rng = createRng(4_067_342);
		const createdAt = new Date(now.getTime() - 400 * DAY);
		const orgRows: (typeof organisations.$inferInsert)[] = [];
		const locationRows: (typeof locations.$inferInsert)[] = [];
		const serviceRows: (typeof services.$inferInsert)[] = [];
		const serviceLocationRows: (typeof serviceLocations.$inferInsert)[] = [];
		const serviceRegionRows: (typeof serviceRegions.$inferInsert)[] = [];
		const bedUnitRows: (typeof bedUnits.$inferInsert)[] = [];
		const eventRows: (typeof bedAvailabilityEvents.$inferInsert)[] = [];
		const orgIdByKey = new Map<string, string>();
		let unitIndex = 0;

		for (const org of dataset) {
			const orgId = stableUuid(`organisation:${org.slug}`);
			if (org.key) orgIdByKey.set(org.key, orgId);
			// Profiles were last edited some days to months ago, so "not updated recently" indicators have something to show.
			const updatedAt = new Date(now.getTime() - rng.int(1, 240) * DAY - rng.int(0, 23) * HOUR);
			orgRows.push({
				id: orgId,
				slug: org.slug,
				naam: org.naam,
				type: org.type,
				beschrijving: org.beschrijving,
				telefoon: org.telefoon,
				email: org.email,
				website: org.website,
				isVoorbeeld: true,
				createdAt,
				updatedAt
			});

			const locationIds = org.locations.map((loc, i) => {
				const area = areas.get(loc.pc4)!;
				const id = stableUuid(`location:${org.slug}:${i}`);
				locationRows.push({
					id,
					organisationId: orgId,
					naam: loc.naam,
					adres: loc.adres,
					postcode: loc.postcode,
					plaats: loc.plaats,
					pc4: loc.pc4,
					gemeenteCode: area.gemeenteCode,
					...jitter(rng, area.lat, area.lon),
					createdAt,
					updatedAt
				});
				return id;
			});

			const regionIds = serviceRegionIds(
				org,
				family,
				gemeentenByRegion,
				(i) => areas.get(org.locations[i].pc4)!.gemeenteCode
			);
			org.services.forEach((s, i) => {
				const serviceId = stableUuid(`service:${org.slug}:${i}`);
				serviceRows.push({
					id: serviceId,
					organisationId: orgId,
					naam: s.naam,
					beschrijving: s.beschrijving,
					categorie: s.categorie,
					doelgroepen: s.doelgroepen,
					expertise: s.expertise,
					telefoon: s.telefoon,
					email: s.email,
					website: s.website,
					dagEnNacht: s.dagEnNacht,
					openingstijden: s.openingstijden,
					bereikbaarheidToelichting: s.bereikbaarheidToelichting,
					voorProfessionals: s.voorProfessionals,
					createdAt,
					updatedAt
				});
				for (const li of s.locationIndexes)
					serviceLocationRows.push({ serviceId, locationId: locationIds[li] });
				for (const regionId of regionIds) serviceRegionRows.push({ serviceId, regionId });
			});

			org.bedUnits.forEach((u, i) => {
				const bedUnitId = stableUuid(`bed-unit:${org.slug}:${i}`);
				// Every seventh unit has not been updated for more than a day, except the ones scenarios depend on.
				const stale = !u.altijdActueel && unitIndex++ % 7 === 3;
				const history = availabilityHistory(rng, u.aantalBedden, now, stale, u.altijdActueel);
				bedUnitRows.push({
					id: bedUnitId,
					organisationId: orgId,
					locationId: locationIds[u.locationIndex],
					naam: u.naam,
					setting: u.setting,
					aantalBedden: u.aantalBedden,
					vrijeBedden: history.vrijeBedden,
					doelgroepen: u.doelgroepen,
					voorwaarden: u.voorwaarden,
					toelichting: u.toelichting,
					beschikbaarheidBijgewerktOp: history.bijgewerktOp,
					createdAt,
					updatedAt: history.bijgewerktOp
				});
				history.events.forEach((e, n) =>
					eventRows.push({
						id: stableUuid(`bed-event:${org.slug}:${i}:${n}`),
						bedUnitId,
						aantalBedden: u.aantalBedden,
						vrijeBedden: e.vrijeBedden,
						verwachteOntslagen: e.verwachteOntslagen,
						verwachteOpnames: e.verwachteOpnames,
						bron: 'demo',
						createdAt: e.at
					})
				);
			});
		}

		await inBatches(orgRows, (b) => tx.insert(organisations).values(b));
		await inBatches(locationRows, (b) => tx.insert(locations).values(b));
		await inBatches(serviceRows, (b) => tx.insert(services).values(b));
		await inBatches(serviceLocationRows, (b) => tx.insert(serviceLocations).values(b));
		await inBatches(serviceRegionRows, (b) => tx.insert(serviceRegions).values(b));
		await inBatches(bedUnitRows, (b) => tx.insert(bedUnits).values(b));
		await inBatches(eventRows, (b) => tx.insert(bedAvailabilityEvents).values(b));

		let membershipCount = 0;
		for (const account of demoAccounts) {
			const values = {
				naam: account.naam,
				role: account.role,
				passwordHash: hashes.get(account.password)!,
				regionId: account.regionSlug ? await regionIdBySlug(tx, account.regionSlug) : null,
				active: true,
				passwordChangedAt: now
			};
			const [user] = await tx
				.insert(users)
				.values({ id: stableUuid(`user:${account.email}`), email: account.email.toLowerCase(), ...values })
				.onConflictDoUpdate({ target: users.email, set: values })
				.returning({ id: users.id });
			const orgIds = (account.organisationKeys ?? []).map((key) => {
				const id = orgIdByKey.get(key);
				if (!id) throw new Error(`Demo-account ${account.email}: onbekende organisatie ${key}`);
				return id;
			});
			if (orgIds.length > 0) {
				await tx
					.insert(memberships)
					.values(orgIds.map((organisationId) => ({ userId: user.id, organisationId })))
					.onConflictDoNothing();
				membershipCount += orgIds.length;
			}
		}

		return {
			skipped: false,
			organisations: orgRows.length,
			locations: locationRows.length,
			services: serviceRows.length,
			serviceLocations: serviceLocationRows.length,
			serviceRegions: serviceRegionRows.length,
			bedUnits: bedUnitRows.length,
			availabilityEvents: eventRows.length,
			users: demoAccounts.length,
			memberships: membershipCount
		};
	});
}

async function regionIdBySlug(tx: Executor, slug: string): Promise<string> {
	const [row] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.slug, slug));
	if (!row) throw new Error(`Regio ${slug} bestaat niet; laad eerst de referentiegegevens.`);
	return row.id;
}

/**
 * The regions a service serves: always its top-level demo region, plus the sub-regions that cover its locations' gemeenten
 * (or all sub-regions for region-wide organisations). Linking both levels lets a query on either find the service.
 */
function serviceRegionIds(
	org: DemoOrganisation,
	family: Map<string, { rootId: string; regionIds: string[] }>,
	gemeentenByRegion: Map<string, Set<string>>,
	gemeenteOfLocation: (index: number) => string
): string[] {
	const f = family.get(org.regionSlug)!;
	if (org.regionWide) return f.regionIds;
	const gemeenteCodes = org.locations.map((_, i) => gemeenteOfLocation(i));
	const subs = f.regionIds
		.slice(1)
		.filter((id) => gemeenteCodes.some((g) => gemeentenByRegion.get(id)?.has(g)));
	return [f.rootId, ...subs];
}
