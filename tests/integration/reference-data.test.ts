import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db/client';
import {
	gemeenten,
	postcodeGebieden,
	regionGemeenten,
	regions,
	taxonomyTerms
} from '../../src/lib/server/db/schema';
import { vocabularies } from '../../src/lib/domain/organisation/taxonomy';
import { parseCsv } from '../../src/lib/server/reference/csv';
import {
	buildRegionPlan,
	ensureReferenceData,
	type ReferenceDataResult
} from '../../src/lib/server/reference/load-reference-data';
import { createTestDatabase } from './helpers/test-db';

const DRENTHE_SUBS = [
	'drenthe-assen',
	'drenthe-emmen',
	'drenthe-hoogeveen',
	'drenthe-meppel-steenwijkerland'
];
const termCount = Object.values(vocabularies).reduce((n, terms) => n + terms.length, 0);

let handle: DatabaseHandle;
let first: ReferenceDataResult;
let firstMs: number;

beforeAll(async () => {
	handle = await createTestDatabase();
	const t = performance.now();
	first = await ensureReferenceData(handle.db);
	firstMs = performance.now() - t;
	console.info(`[reference-data] ${handle.kind}: eerste keer laden ${Math.round(firstMs)} ms`);
});

afterAll(async () => {
	await handle?.close();
});

async function countOf(
	table: typeof gemeenten | typeof postcodeGebieden | typeof regions | typeof taxonomyTerms
) {
	const [row] = await handle.db.select({ n: count() }).from(table);
	return Number(row.n);
}

async function regionSlugsOfGemeente(code: string) {
	const rows = await handle.db
		.select({ slug: regions.slug })
		.from(regionGemeenten)
		.innerJoin(regions, eq(regions.id, regionGemeenten.regionId))
		.where(eq(regionGemeenten.gemeenteCode, code));
	return rows.map((r) => r.slug).sort();
}

describe('ensureReferenceData: first load', () => {
	it('reports what it inserted', () => {
		expect(first.changed).toBe(true);
		expect(first.inserted).toEqual({
			gemeenten: 342,
			postcodeGebieden: 4067,
			regions: 71,
			// 394 rows in netwerken.csv plus the 13 distinct gemeenten of Drenthe & Steenwijkerland.
			regionGemeenten: 407,
			taxonomyTerms: termCount
		});
	});

	it('loads 342 gemeenten with population, deaths and the 75+ share', async () => {
		expect(await countOf(gemeenten)).toBe(342);
		const [assen] = await handle.db.select().from(gemeenten).where(eq(gemeenten.code, 'GM0106'));
		// Values from bevolking_gemeenten.csv and leeftijd_gemeenten_2021.csv (0.0637 + 0.0239).
		expect(assen).toEqual({
			code: 'GM0106',
			naam: 'Assen',
			provincieCode: 'PV22',
			provincieNaam: 'Drenthe',
			bevolking2024: 69701,
			overledenen2021: 690,
			overledenen2022: 730,
			overledenen2023: 736,
			aandeel75plus: 0.0876
		});
		const [missing] = await handle.db
			.select({ n: count() })
			.from(gemeenten)
			.where(sql`${gemeenten.bevolking2024} is null or ${gemeenten.aandeel75plus} is null`);
		expect(Number(missing.n)).toBe(0);
	});

	it('loads 4,067 PC4 areas with their gemeente and residents', async () => {
		expect(await countOf(postcodeGebieden)).toBe(4067);
		const [pc] = await handle.db.select().from(postcodeGebieden).where(eq(postcodeGebieden.pc4, '9401'));
		expect(pc).toEqual({ pc4: '9401', lat: 52.9885, lon: 6.55863, gemeenteCode: 'GM0106', inwoners: 6705 });
	});

	it('resolves PC4 9401 → Assen → Drenthe / Assen and Drenthe & Steenwijkerland', async () => {
		const [pc] = await handle.db
			.select({ gemeente: gemeenten.naam, code: gemeenten.code })
			.from(postcodeGebieden)
			.innerJoin(gemeenten, eq(gemeenten.code, postcodeGebieden.gemeenteCode))
			.where(eq(postcodeGebieden.pc4, '9401'));
		expect(pc).toEqual({ gemeente: 'Assen', code: 'GM0106' });
		expect(await regionSlugsOfGemeente('GM0106')).toEqual(['drenthe-assen', 'drenthe-steenwijkerland']);
	});

	it('loads the 70 networks plus the merged region Drenthe & Steenwijkerland', async () => {
		expect(await countOf(regions)).toBe(71);
		const [utrecht] = await handle.db.select().from(regions).where(eq(regions.slug, 'utrecht-stad'));
		expect(utrecht).toMatchObject({
			naam: 'Utrecht Stad',
			coordinator: 'Stichting Axioncontinu Groep',
			parentId: null
		});
	});

	it('makes the four Drenthe networks sub-regions of drenthe-steenwijkerland', async () => {
		const [parent] = await handle.db
			.select()
			.from(regions)
			.where(eq(regions.slug, 'drenthe-steenwijkerland'));
		expect(parent).toMatchObject({ naam: 'Drenthe & Steenwijkerland', parentId: null });
		const subs = await handle.db
			.select({ slug: regions.slug })
			.from(regions)
			.where(eq(regions.parentId, parent.id));
		expect(subs.map((s) => s.slug).sort()).toEqual(DRENTHE_SUBS);
		const others = await handle.db
			.select({ n: count() })
			.from(regions)
			.where(and(sql`${regions.parentId} is not null`, sql`${regions.slug} not like 'drenthe-%'`));
		expect(Number(others[0].n)).toBe(0);
	});

	it('gives the merged region the union of its sub-regions, shares summed and capped at 1', async () => {
		const rows = await handle.db
			.select({
				slug: regions.slug,
				gemeente: regionGemeenten.gemeenteCode,
				aandeel: regionGemeenten.aandeel
			})
			.from(regionGemeenten)
			.innerJoin(regions, eq(regions.id, regionGemeenten.regionId))
			.where(inArray(regions.slug, ['drenthe-steenwijkerland', ...DRENTHE_SUBS]));
		const parent = rows.filter((r) => r.slug === 'drenthe-steenwijkerland');
		const subGemeenten = new Set(
			rows.filter((r) => r.slug !== 'drenthe-steenwijkerland').map((r) => r.gemeente)
		);
		expect(new Set(parent.map((r) => r.gemeente))).toEqual(subGemeenten);
		expect(parent).toHaveLength(13);
		// De Wolden is 2/3 Hoogeveen and 1/3 Meppel-Steenwijkerland: whole in the merged region.
		expect(rows.filter((r) => r.gemeente === 'GM1690').map((r) => [r.slug, r.aandeel])).toEqual(
			expect.arrayContaining([
				['drenthe-hoogeveen', 0.667],
				['drenthe-meppel-steenwijkerland', 0.333],
				['drenthe-steenwijkerland', 1]
			])
		);
		expect(parent.every((r) => r.aandeel > 0 && r.aandeel <= 1)).toBe(true);
		// The sub-regions keep their own gemeenten.
		expect(await regionSlugsOfGemeente('GM1708')).toEqual([
			'drenthe-meppel-steenwijkerland',
			'drenthe-steenwijkerland'
		]);
	});

	it('puts every gemeente in at least one region, and the original networks share each gemeente fully', async () => {
		const orphans = await handle.db
			.select({ code: gemeenten.code })
			.from(gemeenten)
			.leftJoin(regionGemeenten, eq(regionGemeenten.gemeenteCode, gemeenten.code))
			.where(isNull(regionGemeenten.regionId));
		expect(orphans).toEqual([]);
		// Over the 70 networks of the regeling (not the merged parent) the estimated shares add up to 1 per gemeente.
		const sums = await handle.db
			.select({ code: regionGemeenten.gemeenteCode, total: sql<number>`sum(${regionGemeenten.aandeel})` })
			.from(regionGemeenten)
			.innerJoin(regions, eq(regions.id, regionGemeenten.regionId))
			.where(sql`${regions.slug} <> 'drenthe-steenwijkerland'`)
			.groupBy(regionGemeenten.gemeenteCode);
		expect(sums).toHaveLength(342);
		for (const s of sums) expect(Number(s.total)).toBeCloseTo(1, 2);
	});

	it('loads every taxonomy term with label, description, synonyms and order', async () => {
		expect(await countOf(taxonomyTerms)).toBe(termCount);
		const [bth] = await handle.db
			.select()
			.from(taxonomyTerms)
			.where(
				and(eq(taxonomyTerms.vocabulary, 'organisatietype'), eq(taxonomyTerms.code, 'bijna_thuis_huis'))
			);
		expect(bth).toMatchObject({
			label: 'Bijna-thuis-huis',
			synonyms: ['BTH', 'bijna thuis huis'],
			active: true
		});
		const hap = await handle.db
			.select()
			.from(taxonomyTerms)
			.where(and(eq(taxonomyTerms.vocabulary, 'dienstcategorie'), eq(taxonomyTerms.code, 'huisartsenpost')));
		expect(hap[0].description).toMatch(/dringende vragen/);
		const order = await handle.db
			.select({ code: taxonomyTerms.code })
			.from(taxonomyTerms)
			.where(eq(taxonomyTerms.vocabulary, 'zorgsetting'))
			.orderBy(taxonomyTerms.sortOrder);
		expect(order.map((o) => o.code)).toEqual(vocabularies.zorgsetting.map((t) => t.code));
	});
});

describe('ensureReferenceData: later runs', () => {
	it('changes nothing and is fast when everything is there', async () => {
		const before = await Promise.all([countOf(gemeenten), countOf(postcodeGebieden), countOf(regions)]);
		const t = performance.now();
		const again = await ensureReferenceData(handle.db);
		const ms = performance.now() - t;
		console.info(`[reference-data] ${handle.kind}: tweede keer ${Math.round(ms)} ms`);
		expect(again.changed).toBe(false);
		expect(Object.values(again.inserted).every((n) => n === 0)).toBe(true);
		expect(await Promise.all([countOf(gemeenten), countOf(postcodeGebieden), countOf(regions)])).toEqual(
			before
		);
		expect(ms).toBeLessThan(Math.max(500, firstMs / 2));
	});

	it("keeps beheerders' label edits and restores only missing terms", async () => {
		const hospice = and(eq(taxonomyTerms.vocabulary, 'organisatietype'), eq(taxonomyTerms.code, 'hospice'));
		const apotheek = and(eq(taxonomyTerms.vocabulary, 'organisatietype'), eq(taxonomyTerms.code, 'apotheek'));
		await handle.db.update(taxonomyTerms).set({ label: 'Hospice (hernoemd)' }).where(hospice);
		await handle.db.delete(taxonomyTerms).where(apotheek);

		const result = await ensureReferenceData(handle.db);
		expect(result.inserted.taxonomyTerms).toBe(1);
		expect((await handle.db.select().from(taxonomyTerms).where(hospice))[0].label).toBe('Hospice (hernoemd)');
		expect((await handle.db.select().from(taxonomyTerms).where(apotheek))[0].label).toBe('Apotheek');
	});

	it('leaves the regions alone once beheerders own them', async () => {
		await handle.db
			.update(regions)
			.set({ naam: 'Netwerk Drenthe (hernoemd)' })
			.where(eq(regions.slug, 'drenthe-steenwijkerland'));
		await handle.db.delete(regions).where(eq(regions.slug, 'almere'));

		const result = await ensureReferenceData(handle.db);
		expect(result.inserted.regions).toBe(0);
		const slugs = (await handle.db.select({ slug: regions.slug, naam: regions.naam }).from(regions)).map(
			(r) => r.slug
		);
		expect(slugs).not.toContain('almere');
		expect(slugs).toHaveLength(70);
		const [drenthe] = await handle.db
			.select()
			.from(regions)
			.where(eq(regions.slug, 'drenthe-steenwijkerland'));
		expect(drenthe.naam).toBe('Netwerk Drenthe (hernoemd)');
	});

	it('fails with a clear message when the data folder is wrong', async () => {
		await handle.db.delete(taxonomyTerms).where(eq(taxonomyTerms.vocabulary, 'zorgsetting'));
		await expect(ensureReferenceData(handle.db, { dir: '/niet/bestaand' })).rejects.toThrow(/niet gevonden/);
		// Nothing was half-loaded, and a run with the right folder still repairs it.
		expect((await ensureReferenceData(handle.db)).inserted.taxonomyTerms).toBe(
			vocabularies.zorgsetting.length
		);
	});
});

describe('buildRegionPlan', () => {
	const csv = [
		'netwerk_id,netwerk_naam,coordinator,gemeente_code,gemeente_naam,aandeel,bron_gemeente_naam,aandeel_schatting,opmerking',
		'a,Netwerk A,Stichting X,GM0001,Een,,Een,1.000,',
		'a,Netwerk A,Stichting X,GM0002,Twee,1/2,Twee,0.500,',
		'b,Netwerk B,Stichting X,GM0002,Twee,1/2,Twee,0.500,',
		'b,Netwerk B,Stichting X,GM0003,Drie,deel,Drie,0.700,',
		'c,Netwerk C,Stichting Y,GM0003,Drie,deel,Drie,0.300,'
	].join('\n');

	it('sums the shares of a gemeente split between merged networks and caps them at 1', () => {
		const plan = buildRegionPlan(parseCsv(csv), [{ slug: 'ab', naam: 'A & B', subRegionSlugs: ['a', 'b'] }]);
		expect(plan.map((r) => [r.slug, r.parentSlug])).toEqual([
			['ab', null],
			['a', 'ab'],
			['b', 'ab'],
			['c', null]
		]);
		expect(plan[0]).toMatchObject({ naam: 'A & B', coordinator: 'Stichting X' });
		expect(plan[0].gemeenten).toEqual([
			{ gemeenteCode: 'GM0001', aandeel: 1 },
			{ gemeenteCode: 'GM0002', aandeel: 1 },
			{ gemeenteCode: 'GM0003', aandeel: 0.7 }
		]);
	});

	it('rejects a merge with an unknown sub-region', () => {
		expect(() =>
			buildRegionPlan(parseCsv(csv), [{ slug: 'x', naam: 'X', subRegionSlugs: ['a', 'z'] }])
		).toThrow(/Subregio z/);
	});
});
