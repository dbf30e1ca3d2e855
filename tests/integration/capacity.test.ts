/**
 * The capacity prognosis on the real reference data (CBS gemeenten, networks) and the demo bed units: Drenthe &
 * Steenwijkerland's hospice band to 2030, planned locations, external prognoses, CSV import and scenarios.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capacityRows, type CapacityRow } from '../../src/lib/domain/capacity/dashboard';
import { PROGNOSIS_HORIZON_YEAR } from '../../src/lib/domain/capacity/defaults';
import { computeNeeded, wholeBeds } from '../../src/lib/domain/capacity/prognosis';
import { externalPrognosisEntrySchema } from '../../src/lib/domain/capacity/schemas';
import type { DatabaseHandle } from '../../src/lib/server/db/client';
import {
	auditLog,
	capacityScenarios,
	externalPrognoses,
	plannedCapacity,
	prognosisParameters,
	users
} from '../../src/lib/server/db/schema';
import { ensureReferenceData } from '../../src/lib/server/reference/load-reference-data';
import { buildDemoDataset, seedDemoData } from '../../src/lib/server/seed/demo';
import {
	addExternalPrognosis,
	addPlannedCapacity,
	type CapacityActor,
	CapacityError,
	currentYear,
	editPlannedCapacity,
	findRegion,
	importExternalPrognoses,
	loadCapacityData,
	type RegionRef,
	removePlannedCapacity,
	saveParameters,
	saveScenario
} from '../../src/lib/server/services/capacity';
import { createTestDatabase } from './helpers/test-db';

const REGION = 'drenthe-steenwijkerland';
const now = new Date();
const vanafJaar = currentYear(now);

let handle: DatabaseHandle;
let beheerder: CapacityActor;
let region: RegionRef;

async function rows(
	setting = 'hospice',
	scenario?: Parameters<typeof capacityRows>[1]
): Promise<CapacityRow[]> {
	const data = await loadCapacityData(handle.db, region, setting, now);
	expect(data.inputs).not.toBeNull();
	return capacityRows(data.inputs!, scenario);
}

async function auditCount(action: string) {
	const [row] = await handle.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, action));
	return Number(row.n);
}

beforeAll(async () => {
	handle = await createTestDatabase();
	await ensureReferenceData(handle.db);
	await seedDemoData(handle.db, { now });
	const [user] = await handle.db.select().from(users).where(eq(users.email, 'beheerder@demo.regiokaart.nl'));
	beheerder = { id: user.id, role: user.role, regionId: user.regionId };
	region = (await findRegion(handle.db, REGION))!;
});
afterAll(() => handle?.close());

describe('Drenthe & Steenwijkerland, hospice, with the defaults', () => {
	it('runs from this year to 2030 with the model band from the CBS deaths of its 13 gemeenten', async () => {
		const data = await loadCapacityData(handle.db, region, 'hospice', now);
		expect(data.base.gemeenten).toBe(13);
		// CBS 2023 summed over the region (see the worked example in tests/unit/capacity): 6,261 deaths.
		expect(data.base.overledenen[2023]).toBeCloseTo(6261, 6);
		expect(data.opgeslagen).toBeNull();
		const table = capacityRows(data.inputs!);
		expect(table.map((r) => r.jaar)).toEqual(
			Array.from({ length: PROGNOSIS_HORIZON_YEAR - vanafJaar + 1 }, (_, i) => vanafJaar + i)
		);
		expect(table.every((r) => r.bron === 'berekend')).toBe(true);
		const last = table.at(-1)!;
		// The growth is weighted with the gemeenten's 75+ share (inhabitants 2024 as weights here): 31–35 beds in 2030.
		expect([last.nodigLaag, last.nodigHoog]).toEqual([31, 35]);
		expect(last.aannames).toContain('groeiPerJaar');
		// The band grows year by year with the deaths.
		expect(table[0].nodigHoog).toBeLessThanOrEqual(last.nodigHoog);
	});

	it('counts the registered hospice and bijna-thuis-huis beds of the demo data in the region', async () => {
		const expected = buildDemoDataset()
			.filter((o) => o.regionSlug === REGION)
			.flatMap((o) => o.bedUnits)
			.filter((u) => u.setting === 'hospice' || u.setting === 'bijna_thuis_huis')
			.reduce((sum, u) => sum + u.aantalBedden, 0);
		expect(expected).toBeGreaterThan(0);
		const data = await loadCapacityData(handle.db, region, 'hospice', now);
		expect(data.eenheden.bedden).toBe(expected);
		const table = capacityRows(data.inputs!);
		expect(table.every((r) => r.geregistreerd === expected)).toBe(true);
		expect(table.map((r) => r.tekortLaag)).toEqual(table.map((r) => r.nodigLaag - expected));
	});

	it('shows the realised occupancy of this year from the availability history', async () => {
		const data = await loadCapacityData(handle.db, region, 'hospice', now);
		expect(data.bezetting?.bezettingsgraad).toBeGreaterThan(0);
		expect(data.bezetting?.bezettingsgraad).toBeLessThanOrEqual(1);
		expect(data.bezetting?.dekking).toBeGreaterThan(0);
		const table = capacityRows(data.inputs!);
		expect(table[0].bezetting).toBe(data.bezetting?.bezettingsgraad);
		expect(table.slice(1).every((r) => r.bezetting === null)).toBe(true);
	});

	it('has no band for a setting without an entered share', async () => {
		const data = await loadCapacityData(handle.db, region, 'palliatieve_unit_vvt', now);
		expect(data.inputs).toBeNull();
		expect(data.eenheden.bedden).toBeGreaterThan(0);
		await expect(loadCapacityData(handle.db, region, 'bijna_thuis_huis', now)).rejects.toThrow(CapacityError);
	});
});

describe('planned capacity', () => {
	it('shrinks the gap from the opening year on, by the planned beds', async () => {
		const before = await rows();
		const audits = await auditCount('geplande_capaciteit_toegevoegd');
		await addPlannedCapacity(handle.db, beheerder, {
			naam: 'Hospice De Nieuwe Linde',
			regio: REGION,
			setting: 'hospice',
			bedden: 6,
			verwachteOpening: '2027-09-01',
			status: 'vergund'
		});
		const after = await rows();
		for (const [i, row] of after.entries()) {
			const shift = row.jaar >= 2027 ? 6 : 0;
			expect(row.tekortLaag).toBe(before[i].tekortLaag - shift);
			expect(row.tekortHoog).toBe(before[i].tekortHoog - shift);
			expect(row.geplandPerStatus.vergund).toBe(shift);
		}
		expect(await auditCount('geplande_capaciteit_toegevoegd')).toBe(audits + 1);
	});

	it('counts a bijna-thuis-huis planned in a sub-region toward the network’s hospice prognosis', async () => {
		const before = await rows();
		const row = await addPlannedCapacity(handle.db, beheerder, {
			naam: 'Bijna-thuis-huis Assen-Oost',
			regio: 'drenthe-assen',
			setting: 'bijna_thuis_huis',
			bedden: 3,
			verwachteOpening: '2029-01-15',
			status: 'plan'
		});
		const after = await rows();
		expect(after.map((r) => r.gepland - (before.find((b) => b.jaar === r.jaar)?.gepland ?? 0))).toEqual(
			after.map((r) => (r.jaar >= 2029 ? 3 : 0))
		);
		await removePlannedCapacity(handle.db, beheerder, row.id, row.version);
		expect((await rows()).map((r) => r.gepland)).toEqual(before.map((r) => r.gepland));
	});

	it('refuses a stale edit (optimistic locking) and a region outside the network', async () => {
		const row = await addPlannedCapacity(handle.db, beheerder, {
			naam: 'Uitbreiding',
			regio: REGION,
			setting: 'hospice',
			bedden: 2,
			verwachteOpening: '2028-01-01',
			status: 'plan'
		});
		const input = {
			naam: 'Uitbreiding',
			regio: REGION,
			setting: 'hospice',
			bedden: 3,
			verwachteOpening: '2028-01-01',
			status: 'plan' as const
		};
		const edited = await editPlannedCapacity(handle.db, beheerder, row.id, row.version, input);
		expect(edited.version).toBe(row.version + 1);
		await expect(editPlannedCapacity(handle.db, beheerder, row.id, row.version, input)).rejects.toMatchObject(
			{
				kind: 'conflict'
			}
		);
		await expect(
			addPlannedCapacity(handle.db, beheerder, { ...input, regio: 'amsterdam-diemen' })
		).rejects.toMatchObject({ kind: 'verboden' });
		await removePlannedCapacity(handle.db, beheerder, row.id, edited.version);
	});
});

describe('external prognoses', () => {
	it('take precedence over the model in their year; the model stays visible', async () => {
		// The regional agreement as published: 11 to 15 extra beds in 2030, on top of the 20 it starts from.
		const entry = externalPrognosisEntrySchema.parse({
			regio: REGION,
			jaar: '2030',
			setting: 'hospice',
			laag: '11',
			hoog: '15',
			basisBedden: '20',
			bron: 'Regionaal akkoord Drenthe & Steenwijkerland'
		});
		await addExternalPrognosis(handle.db, beheerder, entry);
		const table = await rows();
		const last = table.at(-1)!;
		expect(last.bron).toBe('extern');
		expect([last.nodigLaag, last.nodigHoog]).toEqual([31, 35]);
		expect(last.extern?.bron).toMatch(/11 tot 15 bedden bovenop 20 bestaande/);
		expect(last.aannames).toEqual([]);
		expect(table.filter((r) => r.jaar < 2030).every((r) => r.bron === 'berekend')).toBe(true);

		// A different band shows that the external numbers, not the model's, are used.
		await addExternalPrognosis(handle.db, beheerder, { ...entry, laag: 40, hoog: 44 });
		const replaced = (await rows()).at(-1)!;
		expect([replaced.nodigLaag, replaced.nodigHoog]).toEqual([40, 44]);
		expect([replaced.modelLaag, replaced.modelHoog]).toEqual([31, 35]);
		const stored = await handle.db.select().from(externalPrognoses).where(eq(externalPrognoses.jaar, 2030));
		expect(stored).toHaveLength(1);
	});
});

describe('CSV import of external prognoses', () => {
	async function externalCount() {
		const [row] = await handle.db.select({ n: count() }).from(externalPrognoses);
		return Number(row.n);
	}

	it('writes nothing when one row is wrong, and says which line', async () => {
		const before = await externalCount();
		const audits = await auditCount('externe_prognoses_geimporteerd');
		const result = await importExternalPrognoses(
			handle.db,
			beheerder,
			[
				'regio;jaar;setting;laag;hoog;bron',
				`${REGION};2027;hospice;28;32;Netwerkprognose`,
				`${REGION};2028;hospice;35;30;Netwerkprognose`,
				`amsterdam-diemen;2028;hospice;10;12;`
			].join('\n')
		);
		expect(result).toEqual({
			ok: false,
			errors: [
				'Regel 3: Laag mag niet groter zijn dan hoog.',
				'Regel 4: Regio amsterdam-diemen valt buiten uw netwerk of bestaat niet.'
			]
		});
		expect(await externalCount()).toBe(before);
		expect(await auditCount('externe_prognoses_geimporteerd')).toBe(audits);
	});

	it('writes every row of a valid file in one go, with one audit entry', async () => {
		const before = await externalCount();
		const audits = await auditCount('externe_prognoses_geimporteerd');
		const result = await importExternalPrognoses(
			handle.db,
			beheerder,
			[
				'regio,jaar,setting,laag,hoog,bron',
				`${REGION},2027,hospice,28,32,Netwerkprognose`,
				`${REGION},2028,hospice,"29,5",33,Netwerkprognose`,
				`drenthe-emmen,2028,hospice,7,9,Subregio`
			].join('\n')
		);
		expect(result).toEqual({ ok: true, rows: 3, inserted: 3, replaced: 0 });
		expect(await externalCount()).toBe(before + 3);
		expect(await auditCount('externe_prognoses_geimporteerd')).toBe(audits + 1);
		const table = await rows();
		expect(table.find((r) => r.jaar === 2028)).toMatchObject({
			bron: 'extern',
			nodigLaag: 30,
			nodigHoog: 33
		});

		// Importing the same years again replaces them.
		const again = await importExternalPrognoses(
			handle.db,
			beheerder,
			`regio,jaar,setting,laag,hoog\n${REGION},2027,hospice,27,31`
		);
		expect(again).toEqual({ ok: true, rows: 1, inserted: 0, replaced: 1 });
	});
});

describe('scenarios', () => {
	async function capacityTableCounts() {
		const counts = await Promise.all(
			[prognosisParameters, externalPrognoses, plannedCapacity, capacityScenarios, auditLog].map(
				async (t) => {
					const [row] = await handle.db.select({ n: count() }).from(t);
					return Number(row.n);
				}
			)
		);
		return counts;
	}

	it('move the band without writing anything, and ignore external bands', async () => {
		const before = await capacityTableCounts();
		const base = await rows();
		const scenario = await rows('hospice', { bezettingsnorm: 0.7, ligduurDagen: 25 });
		expect(scenario.every((r) => r.bron === 'berekend')).toBe(true);
		for (const [i, row] of scenario.entries()) {
			expect(row.nodigLaag).toBeGreaterThan(base[i].modelLaag);
			const model = computeNeeded(
				{ ...(await loadCapacityData(handle.db, region, 'hospice', now)).inputs!.parameters },
				row.jaar
			);
			expect(row.nodigHoog).toBe(wholeBeds(((model.hoog * 25) / 22) * (0.8 / 0.7)));
		}
		expect(await capacityTableCounts()).toEqual(before);
	});

	it('are saved by name once per region and setting', async () => {
		const first = await saveScenario(handle.db, beheerder, REGION, 'hospice', 'Lagere norm', {
			bezettingsnorm: 0.7
		});
		expect(first?.parameters).toEqual({ bezettingsnorm: 0.7 });
		expect(
			await saveScenario(handle.db, beheerder, REGION, 'hospice', 'Lagere norm', { bezettingsnorm: 0.75 })
		).toBeNull();
		expect(await auditCount('scenario_opgeslagen')).toBe(1);
	});
});

describe('stored parameters', () => {
	it('replace the defaults, with optimistic locking', async () => {
		const data = await loadCapacityData(handle.db, region, 'hospice', now);
		const params = { ...data.inputs!.parameters, ligduurDagen: 25 };
		const saved = await saveParameters(handle.db, beheerder, params, 0);
		expect(saved.version).toBe(1);
		await expect(saveParameters(handle.db, beheerder, params, 0)).rejects.toMatchObject({ kind: 'conflict' });
		const updated = await saveParameters(handle.db, beheerder, { ...params, ligduurDagen: 23 }, 1);
		expect(updated.version).toBe(2);
		await expect(saveParameters(handle.db, beheerder, params, 1)).rejects.toMatchObject({ kind: 'conflict' });
		const reloaded = await loadCapacityData(handle.db, region, 'hospice', now);
		expect(reloaded.opgeslagen?.version).toBe(2);
		expect(reloaded.inputs!.parameters.ligduurDagen).toBe(23);
		expect(await auditCount('prognose_parameters_opgeslagen')).toBe(2);
	});

	it('enable a setting without a default share once a share is entered', async () => {
		const data = await loadCapacityData(handle.db, region, 'palliatieve_unit_vvt', now);
		expect(data.inputs).toBeNull();
		const hospice = (await loadCapacityData(handle.db, region, 'hospice', now)).inputs!.parameters;
		await saveParameters(
			handle.db,
			beheerder,
			{
				...hospice,
				setting: 'palliatieve_unit_vvt',
				aandeelLaag: 0.05,
				aandeelHoog: 0.07,
				bronnen: { ...hospice.bronnen, aandeelSetting: { tekst: 'Eigen schatting netwerk', aanname: true } }
			},
			0
		);
		const table = await rows('palliatieve_unit_vvt');
		expect(table.at(-1)!.nodigHoog).toBeGreaterThan(0);
		expect(table.at(-1)!.aannames).toContain('aandeelSetting');
	});

	it('refuse a region outside the beheerder’s network', async () => {
		const amsterdam = (await findRegion(handle.db, 'amsterdam-diemen'))!;
		const data = await loadCapacityData(handle.db, amsterdam, 'hospice', now);
		await expect(saveParameters(handle.db, beheerder, data.inputs!.parameters, 0)).rejects.toMatchObject({
			kind: 'verboden'
		});
	});
});
