import { createHash } from 'node:crypto';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationTypes } from '../../src/lib/domain/organisation/taxonomy';
import { verifyPassword } from '../../src/lib/server/auth/password';
import type { DatabaseHandle } from '../../src/lib/server/db/client';
import {
	bedAvailabilityEvents,
	bedUnits,
	locations,
	memberships,
	organisations,
	postcodeGebieden,
	regions,
	serviceLocations,
	serviceRegions,
	services,
	users
} from '../../src/lib/server/db/schema';
import { ensureReferenceData } from '../../src/lib/server/reference/load-reference-data';
import {
	buildDemoDataset,
	demoAccounts,
	demoRegions,
	demoSlug,
	seedDemoData,
	type SeedDemoResult
} from '../../src/lib/server/seed/demo';
import { createTestDatabase } from './helpers/test-db';

const NOW = new Date('2026-11-23T10:00:00Z');
const HOUR = 3_600_000;
const DEMO_REGION_SLUGS = demoRegions.map((r) => r.slug);

let handle: DatabaseHandle;
let seeded: SeedDemoResult;
let errorWithoutReference: unknown;

beforeAll(async () => {
	handle = await createTestDatabase();
	errorWithoutReference = await seedDemoData(handle.db, { now: NOW }).catch((e: unknown) => e);
	let t = performance.now();
	await ensureReferenceData(handle.db);
	const referenceMs = performance.now() - t;
	t = performance.now();
	seeded = await seedDemoData(handle.db, { now: NOW });
	console.info(
		`[seed] ${handle.kind}: referentiegegevens ${Math.round(referenceMs)} ms, voorbeeldgegevens ${Math.round(performance.now() - t)} ms`
	);
});

afterAll(async () => {
	await handle?.close();
});

/** Metres between two points (equirectangular; fine at these distances). */
function metres(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
	const x = ((b.lon - a.lon) * Math.PI * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180)) / 180;
	const y = ((b.lat - a.lat) * Math.PI) / 180;
	return Math.sqrt(x * x + y * y) * 6_371_000;
}

/** Organisations with services serving a region, with their types. */
async function organisationsServing(regionSlug: string) {
	return handle.db
		.selectDistinct({ id: organisations.id, slug: organisations.slug, type: organisations.type })
		.from(organisations)
		.innerJoin(services, eq(services.organisationId, organisations.id))
		.innerJoin(serviceRegions, eq(serviceRegions.serviceId, services.id))
		.innerJoin(regions, eq(regions.id, serviceRegions.regionId))
		.where(eq(regions.slug, regionSlug));
}

async function organisationBySlug(slug: string) {
	const [org] = await handle.db.select().from(organisations).where(eq(organisations.slug, slug));
	return org;
}

describe('seedDemoData', () => {
	it('refuses to run without reference data, with a clear message', () => {
		expect(errorWithoutReference).toBeInstanceOf(Error);
		expect((errorWithoutReference as Error).message).toMatch(/referentiegegevens/);
	});

	it('inserts at least 150 organisations, all marked as fictional', async () => {
		expect(seeded.skipped).toBe(false);
		const all = await handle.db.select().from(organisations);
		expect(all.length).toBeGreaterThanOrEqual(150);
		expect(all.length).toBe(seeded.organisations);
		for (const org of all) {
			expect(org.isVoorbeeld).toBe(true);
			expect(org.naam).toMatch(/ \(voorbeeld\)$/);
			expect(org.beschrijving.startsWith('(Voorbeeldgegevens) ')).toBe(true);
			expect(org.slug).toMatch(/^voorbeeld-[a-z0-9-]+$/);
		}
	});

	it('uses contact details that cannot reach anyone', async () => {
		const orgs = await handle.db.select().from(organisations);
		const svc = await handle.db.select().from(services);
		for (const c of [...orgs, ...svc]) {
			expect(c.email).toMatch(/^[a-z0-9.-]+@voorbeeld\.regiokaart\.nl$/);
			expect(c.website).toMatch(/^https:\/\/voorbeeld\.regiokaart\.nl\/voorbeeld-/);
			// Area code, then a subscriber number starting with 00 (never issued); ten digits in all.
			expect(c.telefoon).toMatch(/^0\d{2,3} 00/);
			expect(c.telefoon!.replace(/\D/g, '')).toHaveLength(10);
		}
		const numbers = [...orgs, ...svc].map((c) => c.telefoon!.replace(/\D/g, ''));
		expect(numbers.some((n) => ['112', '113', '08000113'].includes(n))).toBe(false);
	});

	it('has every organisation type in every demo region', async () => {
		const allTypes = organisationTypes.map((t) => t.code).sort();
		for (const slug of DEMO_REGION_SLUGS) {
			const types = [...new Set((await organisationsServing(slug)).map((o) => o.type))].sort();
			expect(types, slug).toEqual(allTypes);
		}
		// And the sub-regions of Drenthe & Steenwijkerland are populated too.
		expect((await organisationsServing('drenthe-assen')).length).toBeGreaterThan(10);
		expect((await organisationsServing('drenthe-meppel-steenwijkerland')).length).toBeGreaterThan(10);
	});

	it('gives every organisation 1–2 real-postcode locations within 300 m of the PC4 point', async () => {
		const rows = await handle.db
			.select({ loc: locations, area: postcodeGebieden })
			.from(locations)
			.innerJoin(postcodeGebieden, eq(postcodeGebieden.pc4, locations.pc4));
		expect(rows).toHaveLength(seeded.locations);
		const perOrg = new Map<string, number>();
		for (const { loc, area } of rows) {
			perOrg.set(loc.organisationId, (perOrg.get(loc.organisationId) ?? 0) + 1);
			expect(loc.gemeenteCode).toBe(area.gemeenteCode);
			expect(loc.postcode!.startsWith(`${loc.pc4} `)).toBe(true);
			expect(loc.adres).toMatch(/ \d+$/);
			expect(metres(area, { lat: loc.lat!, lon: loc.lon! })).toBeLessThan(300);
		}
		expect(perOrg.size).toBe(seeded.organisations);
		expect([...perOrg.values()].every((n) => n >= 1 && n <= 2)).toBe(true);
	});

	it('gives every organisation 1–3 services, each at a location and serving a region', async () => {
		const perOrg = await handle.db
			.select({ id: services.organisationId, n: count() })
			.from(services)
			.groupBy(services.organisationId);
		expect(perOrg).toHaveLength(seeded.organisations);
		expect(perOrg.every((r) => r.n >= 1 && r.n <= 3)).toBe(true);
		const withoutLocation = await handle.db
			.select({ id: services.id })
			.from(services)
			.where(sql`not exists (select 1 from ${serviceLocations} sl where sl.service_id = ${services.id})`);
		const withoutRegion = await handle.db
			.select({ id: services.id })
			.from(services)
			.where(sql`not exists (select 1 from ${serviceRegions} sr where sr.service_id = ${services.id})`);
		expect(withoutLocation).toEqual([]);
		expect(withoutRegion).toEqual([]);
		// Either reachable day and night or with opening hours.
		const svc = await handle.db.select().from(services);
		for (const s of svc) expect(s.dagEnNacht || s.openingstijden.length > 0, s.naam).toBe(true);
	});

	it('has a huisartsenpost (day and night) and a consultation line for professionals in every region', async () => {
		for (const slug of DEMO_REGION_SLUGS) {
			const rows = await handle.db
				.select({
					categorie: services.categorie,
					dagEnNacht: services.dagEnNacht,
					prof: services.voorProfessionals,
					type: organisations.type
				})
				.from(services)
				.innerJoin(organisations, eq(organisations.id, services.organisationId))
				.innerJoin(serviceRegions, eq(serviceRegions.serviceId, services.id))
				.innerJoin(regions, eq(regions.id, serviceRegions.regionId))
				.where(eq(regions.slug, slug));
			expect(
				rows.some((r) => r.categorie === 'huisartsenpost' && r.dagEnNacht),
				slug
			).toBe(true);
			expect(
				rows.some((r) => r.type === 'consultatieteam' && r.categorie === 'consultatie' && r.prof),
				slug
			).toBe(true);
			expect(
				rows.some((r) => r.categorie === 'mantelzorgondersteuning'),
				slug
			).toBe(true);
		}
		const consultLines = await handle.db
			.select({ dagEnNacht: services.dagEnNacht })
			.from(services)
			.innerJoin(organisations, eq(organisations.id, services.organisationId))
			.where(eq(organisations.type, 'consultatieteam'));
		expect(consultLines.some((c) => c.dagEnNacht)).toBe(true);
		expect(consultLines.some((c) => !c.dagEnNacht)).toBe(true);
	});

	it('has a hospice and a VPTZ organisation close to postcode 9401 (Assen)', async () => {
		const [assen] = await handle.db.select().from(postcodeGebieden).where(eq(postcodeGebieden.pc4, '9401'));
		const near = await handle.db
			.select({ type: organisations.type, lat: locations.lat, lon: locations.lon, slug: organisations.slug })
			.from(locations)
			.innerJoin(organisations, eq(organisations.id, locations.organisationId))
			.where(inArray(organisations.type, ['hospice', 'vptz']));
		const within5km = near.filter((n) => metres(assen, { lat: n.lat!, lon: n.lon! }) < 5_000);
		expect(within5km.map((n) => n.slug)).toEqual(
			expect.arrayContaining([demoSlug('hospiceAssen'), demoSlug('vptzAssen')])
		);
		const hospice = await organisationBySlug(demoSlug('hospiceAssen'));
		const [unit] = await handle.db.select().from(bedUnits).where(eq(bedUnits.organisationId, hospice.id));
		expect(unit.setting).toBe('hospice');
		expect(unit.vrijeBedden).toBeGreaterThanOrEqual(1);
		expect(NOW.getTime() - unit.beschikbaarheidBijgewerktOp!.getTime()).toBeLessThan(24 * HOUR);
	});

	it('in Amsterdam: middelengebruik expertise at MO, verslavingszorg and a hospice', async () => {
		const amsterdam = await organisationsServing('amsterdam-diemen');
		const ids = amsterdam.map((o) => o.id);
		const rows = await handle.db
			.selectDistinct({ type: organisations.type, slug: organisations.slug })
			.from(services)
			.innerJoin(organisations, eq(organisations.id, services.organisationId))
			.where(and(inArray(organisations.id, ids), sql`'middelengebruik' = any(${services.expertise})`));
		expect(rows.length).toBeGreaterThanOrEqual(3);
		const types = rows.map((r) => r.type);
		expect(types).toEqual(expect.arrayContaining(['maatschappelijke_opvang', 'ggz', 'hospice']));
		expect(rows.map((r) => r.slug)).toContain(demoSlug('verslavingszorgAmsterdam'));
	});

	it('in Amsterdam: one hospice admits active substance use, another does not', async () => {
		const units = await handle.db
			.select({ slug: organisations.slug, unit: bedUnits, plaats: locations.plaats })
			.from(bedUnits)
			.innerJoin(organisations, eq(organisations.id, bedUnits.organisationId))
			.innerJoin(locations, eq(locations.id, bedUnits.locationId))
			.where(and(eq(organisations.type, 'hospice'), eq(locations.gemeenteCode, 'GM0363')));
		const accepts = units.filter((u) => u.unit.voorwaarden.includes('actief_middelengebruik'));
		const refuses = units.filter((u) => !u.unit.voorwaarden.includes('actief_middelengebruik'));
		expect(accepts.map((u) => u.slug)).toEqual([demoSlug('hospiceAmsterdamMiddelen')]);
		expect(accepts[0].unit.doelgroepen).toEqual(expect.arrayContaining(['dak_thuisloos', 'verslaving']));
		expect(refuses.map((u) => u.slug)).toContain(demoSlug('hospiceAmsterdamRegulier'));
		for (const u of [...accepts, ...refuses]) expect(u.unit.vrijeBedden).toBeGreaterThanOrEqual(1);
	});

	it('in Steenwijk (8331): mantelzorgondersteuning, VPTZ, huisarts and huisartsenpost', async () => {
		const rows = await handle.db
			.selectDistinct({ categorie: services.categorie })
			.from(services)
			.innerJoin(serviceLocations, eq(serviceLocations.serviceId, services.id))
			.innerJoin(locations, eq(locations.id, serviceLocations.locationId))
			.where(eq(locations.pc4, '8331'));
		expect(rows.map((r) => r.categorie)).toEqual(
			expect.arrayContaining(['mantelzorgondersteuning', 'vptz', 'huisarts', 'huisartsenpost'])
		);
	});

	it('has bed units only for bed-holding types, with plausible availability', async () => {
		const units = await handle.db
			.select({ unit: bedUnits, type: organisations.type })
			.from(bedUnits)
			.innerJoin(organisations, eq(organisations.id, bedUnits.organisationId));
		expect(units).toHaveLength(seeded.bedUnits);
		const bedTypes = ['hospice', 'bijna_thuis_huis', 'vvt', 'elv_palliatief'];
		expect(new Set(units.map((u) => u.type))).toEqual(new Set(bedTypes));
		const withBeds = await handle.db
			.select({ n: count() })
			.from(organisations)
			.where(inArray(organisations.type, bedTypes));
		expect(new Set(units.map((u) => u.unit.organisationId)).size).toBe(Number(withBeds[0].n));
		for (const { unit, type } of units) {
			expect(unit.vrijeBedden).toBeGreaterThanOrEqual(0);
			expect(unit.vrijeBedden).toBeLessThanOrEqual(unit.aantalBedden);
			expect(unit.voorwaarden.length).toBeGreaterThan(0);
			if (type === 'hospice') {
				expect(unit.aantalBedden).toBeGreaterThanOrEqual(4);
				expect(unit.aantalBedden).toBeLessThanOrEqual(10);
			}
		}
		const age = (u: (typeof units)[number]) => NOW.getTime() - u.unit.beschikbaarheidBijgewerktOp!.getTime();
		const stale = units.filter((u) => age(u) > 24 * HOUR);
		expect(stale.length).toBeGreaterThan(0);
		expect(stale.length).toBeLessThan(units.length / 4);
		expect(units.every((u) => age(u) >= 0)).toBe(true);
		// The admission profiles vary.
		expect(new Set(units.map((u) => [...u.unit.voorwaarden].sort().join(','))).size).toBeGreaterThan(10);
	});

	it('keeps six weeks of availability history ending in the current state', async () => {
		const units = await handle.db.select().from(bedUnits);
		const events = await handle.db
			.select()
			.from(bedAvailabilityEvents)
			.orderBy(asc(bedAvailabilityEvents.bedUnitId), asc(bedAvailabilityEvents.createdAt));
		expect(events).toHaveLength(seeded.availabilityEvents);
		for (const unit of units) {
			const history = events.filter((e) => e.bedUnitId === unit.id);
			const first = history[0];
			const last = history[history.length - 1];
			// A few updates a week over about six weeks.
			expect(history.length).toBeGreaterThanOrEqual(12);
			expect(NOW.getTime() - first.createdAt.getTime()).toBeGreaterThan(35 * 24 * HOUR);
			expect(NOW.getTime() - first.createdAt.getTime()).toBeLessThanOrEqual(42 * 24 * HOUR);
			expect(last.vrijeBedden).toBe(unit.vrijeBedden);
			expect(last.createdAt.getTime()).toBe(unit.beschikbaarheidBijgewerktOp!.getTime());
			for (const e of history) {
				expect(e.bron).toBe('demo');
				expect(e.aantalBedden).toBe(unit.aantalBedden);
				expect(e.vrijeBedden).toBeLessThanOrEqual(unit.aantalBedden);
			}
		}
		// Average occupancy in a realistic band for palliative beds.
		const occupancy = 1 - events.reduce((s, e) => s + e.vrijeBedden / e.aantalBedden, 0) / events.length;
		expect(occupancy).toBeGreaterThan(0.6);
		expect(occupancy).toBeLessThan(0.95);
	});

	it('creates the demo accounts with working passwords, regions and memberships', async () => {
		const rows = await handle.db
			.select({ user: users, region: regions.slug })
			.from(users)
			.leftJoin(regions, eq(regions.id, users.regionId));
		expect(rows.map((r) => r.user.email).sort()).toEqual(demoAccounts.map((a) => a.email).sort());
		for (const account of demoAccounts) {
			const row = rows.find((r) => r.user.email === account.email)!;
			expect(row.user.role).toBe(account.role);
			expect(row.region ?? undefined).toBe(account.regionSlug);
		}
		expect(new Set(demoAccounts.map((a) => a.role))).toEqual(
			new Set(['beheerder', 'organisatie', 'verwijzer'])
		);
		const beheerder = rows.find((r) => r.user.email === 'beheerder@demo.regiokaart.nl')!;
		expect(beheerder.region).toBe('drenthe-steenwijkerland');
		expect(rows.find((r) => r.user.email === 'beheerder.amsterdam@demo.regiokaart.nl')!.region).toBe(
			'amsterdam-diemen'
		);
		expect(await verifyPassword(beheerder.user.passwordHash!, 'Demo-wachtwoord-2026!')).toBe(true);
		expect(await verifyPassword(beheerder.user.passwordHash!, 'fout')).toBe(false);

		const editor = rows.find((r) => r.user.email === 'organisatie@demo.regiokaart.nl')!;
		const edits = await handle.db
			.select({ slug: organisations.slug })
			.from(memberships)
			.innerJoin(organisations, eq(organisations.id, memberships.organisationId))
			.where(eq(memberships.userId, editor.user.id));
		expect(edits.map((e) => e.slug).sort()).toEqual(
			[demoSlug('hospiceAssen'), demoSlug('hospiceAmsterdamMiddelen')].sort()
		);
		const [all] = await handle.db.select({ n: count() }).from(memberships);
		expect(Number(all.n)).toBe(seeded.memberships);
		expect(seeded.memberships).toBeGreaterThan(2);
	});

	it('does nothing when demo data is already there', async () => {
		const [before] = await handle.db.select({ n: count() }).from(bedAvailabilityEvents);
		const again = await seedDemoData(handle.db, { now: new Date(NOW.getTime() + 5 * HOUR) });
		expect(again.skipped).toBe(true);
		const [after] = await handle.db.select({ n: count() }).from(bedAvailabilityEvents);
		expect(after.n).toBe(before.n);
		expect((await handle.db.select({ n: count() }).from(organisations))[0].n).toBe(seeded.organisations);
	});

	it('is deterministic: a reset with the same time gives the same data and ids', async () => {
		const before = await snapshot();
		const [editor] = await handle.db
			.select()
			.from(users)
			.where(eq(users.email, 'organisatie@demo.regiokaart.nl'));
		// A change made during a demo, which the reset must undo.
		await handle.db
			.update(organisations)
			.set({ naam: 'Gewijzigd' })
			.where(eq(organisations.slug, demoSlug('hospiceAssen')));
		const result = await seedDemoData(handle.db, { now: NOW, reset: true });
		expect(result).toEqual(seeded);
		expect(await snapshot()).toBe(before);
		const [editorAfter] = await handle.db
			.select()
			.from(users)
			.where(eq(users.email, 'organisatie@demo.regiokaart.nl'));
		expect(editorAfter.id).toBe(editor.id);
		// The pure dataset is stable too.
		expect(JSON.stringify(buildDemoDataset())).toBe(JSON.stringify(buildDemoDataset()));
	});
});

/** A digest of all demo content (not the password hashes, which are salted). */
async function snapshot(): Promise<string> {
	const hash = createHash('sha256');
	for (const rows of [
		await handle.db.select().from(organisations).orderBy(organisations.id),
		await handle.db.select().from(locations).orderBy(locations.id),
		await handle.db.select().from(services).orderBy(services.id),
		await handle.db
			.select()
			.from(serviceLocations)
			.orderBy(serviceLocations.serviceId, serviceLocations.locationId),
		await handle.db.select().from(serviceRegions).orderBy(serviceRegions.serviceId, serviceRegions.regionId),
		await handle.db.select().from(bedUnits).orderBy(bedUnits.id),
		await handle.db.select().from(bedAvailabilityEvents).orderBy(bedAvailabilityEvents.id),
		await handle.db
			.select({ userId: memberships.userId, organisationId: memberships.organisationId })
			.from(memberships)
			.orderBy(memberships.userId, memberships.organisationId)
	]) {
		hash.update(JSON.stringify(rows));
	}
	return hash.digest('hex');
}
