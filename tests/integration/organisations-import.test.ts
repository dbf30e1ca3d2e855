import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, type ImportRecord } from '../../src/lib/domain/organisation/import-format';
import type { DatabaseHandle } from '../../src/lib/server/db/client';
import { auditLog, locations, organisations, regions, services, users } from '../../src/lib/server/db/schema';
import { ensureReferenceData } from '../../src/lib/server/reference/load-reference-data';
import { organisationIdsInRegion } from '../../src/lib/server/repositories/regions';
import { seedDemoData } from '../../src/lib/server/seed/demo';
import {
	exportRecords,
	previewImport,
	readImportFile,
	recordsToCsv,
	recordsToXlsx,
	runImport,
	uploadLimitBytes
} from '../../src/lib/server/services/import-export';
import type { Actor } from '../../src/lib/server/services/organisations';
import { createTestDatabase } from './helpers/test-db';

let source: DatabaseHandle;
let beheerder: Actor;

async function actorFor(db: DatabaseHandle['db'], email: string): Promise<Actor> {
	const [u] = await db.select().from(users).where(eq(users.email, email));
	return { id: u.id, role: u.role, regionId: u.regionId };
}

async function tableCounts(db: DatabaseHandle['db']) {
	const [[o], [l], [s], [a]] = await Promise.all([
		db.select({ n: count() }).from(organisations),
		db.select({ n: count() }).from(locations),
		db.select({ n: count() }).from(services),
		db.select({ n: count() }).from(auditLog)
	]);
	return { organisaties: o.n, locaties: l.n, diensten: s.n, audit: a.n };
}

const csvBytes = (text: string) => new TextEncoder().encode(text);

/** A CSV in import format from a few records (the other columns empty). */
function csv(rows: Partial<ImportRecord>[]): Uint8Array {
	const full = rows.map(
		(r) => ({ ...Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, ''])), ...r }) as ImportRecord
	);
	return csvBytes(recordsToCsv(full));
}

beforeAll(async () => {
	source = await createTestDatabase();
	await ensureReferenceData(source.db);
	await seedDemoData(source.db, { now: new Date('2026-05-01T10:00:00Z') });
	beheerder = await actorFor(source.db, 'beheerder@demo.regiokaart.nl');
}, 180_000);

afterAll(() => source?.close());

describe('export', () => {
	it('exports every organisation of the network with its locations and services', async () => {
		const records = await exportRecords(source.db, beheerder);
		const ids = await organisationIdsInRegion(source.db, beheerder.regionId!);
		expect(records.filter((r) => r.soort === 'organisatie')).toHaveLength(ids.length);
		expect(records.filter((r) => r.soort === 'locatie').length).toBeGreaterThanOrEqual(ids.length);
		expect(records.filter((r) => r.soort === 'dienst').length).toBeGreaterThan(0);
		// Amsterdam's organisations are not in Drenthe's export.
		expect(records.some((r) => r.organisatie.includes('amsterdam'))).toBe(false);
	});

	it('reads back the same from CSV and from XLSX', async () => {
		const records = await exportRecords(source.db, beheerder);
		const fromCsv = await readImportFile('export.csv', csvBytes(recordsToCsv(records)));
		const fromXlsx = await readImportFile('export.xlsx', await recordsToXlsx(records));
		for (const table of [fromCsv, fromXlsx]) {
			expect(table.headers).toEqual([...IMPORT_COLUMNS]);
			expect(table.rows.map((r) => r.cells)).toEqual(records);
			expect(table.rows[0].rij).toBe(2);
		}
	});
});

describe('export → import', () => {
	it('into the same database changes nothing', async () => {
		const records = await exportRecords(source.db, beheerder);
		const before = await source.db
			.select({ id: organisations.id, version: organisations.version })
			.from(organisations);
		const table = await readImportFile('export.csv', csvBytes(recordsToCsv(records)));
		const result = await runImport(source.db, beheerder, table);
		expect(result.fouten).toEqual([]);
		expect(result.geimporteerd).toBe(true);
		expect(result.samenvatting.organisaties.ongewijzigd).toBe(
			records.filter((r) => r.soort === 'organisatie').length
		);
		for (const kind of ['organisaties', 'locaties', 'diensten'] as const) {
			expect(result.samenvatting[kind].nieuw, kind).toBe(0);
			expect(result.samenvatting[kind].gewijzigd, kind).toBe(0);
		}
		const after = await source.db
			.select({ id: organisations.id, version: organisations.version })
			.from(organisations);
		expect(after).toEqual(before);
	});

	it('into an empty database gives the same data (exported again, identical)', async () => {
		const records = await exportRecords(source.db, beheerder);
		const target = await createTestDatabase();
		try {
			await ensureReferenceData(target.db);
			// Region ids are generated per database: the same network, found by its slug.
			const [sourceRegion] = await source.db
				.select()
				.from(regions)
				.where(eq(regions.id, beheerder.regionId!));
			const [targetRegion] = await target.db
				.select()
				.from(regions)
				.where(eq(regions.slug, sourceRegion.slug));
			const [user] = await target.db
				.insert(users)
				.values({ email: 'beheer@doel.nl', naam: 'Doel', role: 'beheerder', regionId: targetRegion.id })
				.returning();
			const actor: Actor = { id: user.id, role: 'beheerder', regionId: user.regionId };
			const xlsx = await readImportFile('export.xlsx', await recordsToXlsx(records));
			const result = await runImport(target.db, actor, xlsx, { bestandsnaam: 'export.xlsx' });
			expect(result.fouten).toEqual([]);
			expect(result.samenvatting.organisaties.nieuw).toBe(
				records.filter((r) => r.soort === 'organisatie').length
			);
			expect(await exportRecords(target.db, actor)).toEqual(records);
			const [entry] = await target.db.select().from(auditLog).where(eq(auditLog.action, 'import_uitgevoerd'));
			expect(entry.details).toMatchObject({ bestand: 'export.xlsx', rijen: records.length });
		} finally {
			await target.close();
		}
	});
});

describe('import is all or nothing', () => {
	it('refuses a file with errors with row numbers, and writes nothing', async () => {
		const before = await tableCounts(source.db);
		const file = csv([
			{
				soort: 'organisatie',
				organisatie: 'nieuw-hospice-assen',
				naam: 'Nieuw Hospice Assen',
				type: 'hospice'
			},
			{ soort: 'locatie', organisatie: 'nieuw-hospice-assen', naam: 'Huis', postcode: '9401 AB' },
			{
				soort: 'dienst',
				organisatie: 'nieuw-hospice-assen',
				naam: 'Opname',
				categorie: 'hospice',
				locaties: 'Huis'
			},
			{ soort: 'locatie', organisatie: 'nieuw-hospice-assen', naam: 'Tweede huis', postcode: '1000' },
			{
				soort: 'dienst',
				organisatie: 'nieuw-hospice-assen',
				naam: 'Nazorg',
				categorie: 'rouwbegeleiding',
				locaties: 'Schuur'
			},
			{ soort: 'dienst', organisatie: 'bestaat-niet', naam: 'X', categorie: 'informatie' },
			{
				soort: 'dienst',
				organisatie: 'voorbeeld-hospice-het-veerhuis-amsterdam',
				naam: 'Y',
				categorie: 'informatie',
				regios: 'atlantis'
			}
		]);
		const table = await readImportFile('fouten.csv', file);
		const preview = await previewImport(source.db, beheerder, table);
		expect(preview.ok).toBe(false);
		expect(preview.fouten.map((f) => [f.rij, f.kolom])).toEqual([
			[5, 'postcode'],
			[6, 'locaties'],
			[7, 'organisatie'],
			[8, 'organisatie']
		]);
		expect(preview.fouten[0].melding).toBe('Deze postcode kennen we niet. Controleer de vier cijfers.');
		expect(preview.fouten[1].melding).toContain('"Schuur"');
		expect(preview.fouten[3].melding).toContain('hoort niet bij uw netwerk');

		const result = await runImport(source.db, beheerder, table);
		expect(result.geimporteerd).toBe(false);
		expect(result.fouten).toEqual(preview.fouten);
		expect(await tableCounts(source.db)).toEqual(before);
	});

	it('needs a location in the network for a new organisation', async () => {
		const table = await readImportFile(
			'a.csv',
			csv([
				{ soort: 'organisatie', naam: 'Hospice Aan Zee', type: 'hospice' },
				{ soort: 'locatie', organisatie: 'hospice-aan-zee', naam: 'Huis', postcode: '1012' }
			])
		);
		const preview = await previewImport(source.db, beheerder, table);
		expect(preview.fouten).toEqual([
			{ rij: 2, kolom: 'organisatie', melding: expect.stringContaining('locatie in uw netwerk') }
		]);
	});

	it('writes a valid file in one go: new organisation, its location and service, and changes to an existing one', async () => {
		const before = await tableCounts(source.db);
		const [existing] = await source.db
			.select()
			.from(organisations)
			.where(eq(organisations.slug, 'voorbeeld-hospice-de-zonnedauw-assen'));
		const table = await readImportFile(
			'goed.csv',
			csv([
				{
					soort: 'dienst',
					organisatie: 'nieuw-hospice-assen',
					naam: 'Opname',
					categorie: 'Hospice of bijna-thuis-huis',
					locaties: 'huis',
					openingstijden: 'ma-vr 09:00-17:00',
					doelgroepen: 'Dementie; verslaving'
				},
				{
					soort: 'organisatie',
					organisatie: 'nieuw-hospice-assen',
					naam: 'Nieuw Hospice Assen',
					type: 'hospice',
					telefoon: '0592 123 456'
				},
				{
					soort: 'locatie',
					organisatie: 'nieuw-hospice-assen',
					naam: 'Huis',
					postcode: '9401 AB',
					plaats: 'Assen'
				},
				{
					soort: 'organisatie',
					organisatie: existing.slug,
					naam: existing.naam,
					type: existing.type,
					beschrijving: 'Via import bijgewerkt.',
					voorbeeld: 'ja'
				}
			])
		);
		const result = await runImport(source.db, beheerder, table, { bestandsnaam: 'goed.csv' });
		expect(result.fouten).toEqual([]);
		expect(result.samenvatting).toEqual({
			organisaties: { nieuw: 1, gewijzigd: 1, ongewijzigd: 0 },
			locaties: { nieuw: 1, gewijzigd: 0, ongewijzigd: 0 },
			diensten: { nieuw: 1, gewijzigd: 0, ongewijzigd: 0 }
		});
		expect(await tableCounts(source.db)).toEqual({
			organisaties: before.organisaties + 1,
			locaties: before.locaties + 1,
			diensten: before.diensten + 1,
			audit: before.audit + 1
		});
		const [created] = await source.db
			.select()
			.from(organisations)
			.where(eq(organisations.slug, 'nieuw-hospice-assen'));
		const [service] = await source.db.select().from(services).where(eq(services.organisationId, created.id));
		expect(service).toMatchObject({ categorie: 'hospice', doelgroepen: ['dementie', 'verslaving'] });
		expect(service.openingstijden).toHaveLength(5);
		const [updated] = await source.db
			.select()
			.from(organisations)
			.where(inArray(organisations.id, [existing.id]));
		expect(updated).toMatchObject({ beschrijving: 'Via import bijgewerkt.', version: existing.version + 1 });
	});

	it('refuses files it cannot read with a Dutch message', async () => {
		await expect(readImportFile('leeg.csv', new Uint8Array())).rejects.toThrow('Het bestand is leeg.');
		await expect(readImportFile('oud.xls', csvBytes('x'))).rejects.toThrow('.xlsx');
		await expect(readImportFile('kapot.xlsx', csvBytes('PK niet echt een zip'))).rejects.toThrow(
			'Excel-bestand'
		);
		const table = await readImportFile('kolommen.csv', csvBytes('soort;naam;kleur\norganisatie;X;rood\n'));
		const preview = await previewImport(source.db, beheerder, table);
		expect(preview.fouten.map((f) => f.melding)).toEqual([
			expect.stringContaining('De kolom "kleur" kennen we niet'),
			'De kolom "organisatie" ontbreekt.'
		]);
	});

	it('reads Windows-1252 CSV with commas, as Excel saves it', async () => {
		const text = 'soort,organisatie,naam,type\r\norganisatie,,Café Één,hospice\r\n';
		const bytes = Uint8Array.from([...text].map((c) => ({ é: 0xe9, É: 0xc9 })[c] ?? c.charCodeAt(0)));
		const table = await readImportFile('excel.csv', bytes);
		expect(table.rows[0].cells).toMatchObject({ naam: 'Café Één', type: 'hospice' });
	});
});

describe('upload limit', () => {
	it('is the lower of our maximum and adapter-node’s BODY_SIZE_LIMIT', () => {
		expect(uploadLimitBytes({})).toBe(512 * 1024);
		expect(uploadLimitBytes({ BODY_SIZE_LIMIT: '2M' })).toBe(2 * 1024 * 1024);
		expect(uploadLimitBytes({ BODY_SIZE_LIMIT: '100M' })).toBe(5 * 1024 * 1024);
		expect(uploadLimitBytes({ BODY_SIZE_LIMIT: 'Infinity' })).toBe(5 * 1024 * 1024);
		expect(uploadLimitBytes({ BODY_SIZE_LIMIT: '300000' })).toBe(300000);
	});
});
