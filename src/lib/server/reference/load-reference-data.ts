import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { count, sql } from 'drizzle-orm';
import { vocabularies, type TermSeed, type Vocabulary } from '../../domain/organisation/taxonomy';
import type { Database, Executor } from '../db/client';
import { gemeenten, postcodeGebieden, regionGemeenten, regions, taxonomyTerms } from '../db/schema';
import { type CsvRow, optionalInteger, optionalNumber, parseCsv, requireField, requireNumber } from './csv';

/*
 * Reference data: CBS gemeenten and PC4 areas, the Netwerken Palliatieve Zorg and the taxonomy vocabularies.
 * Runs on every server start after the migrations, so the already-loaded case costs two small files reads and three queries.
 *
 * What it (re)loads:
 * - gemeenten and postcode_gebieden: rows missing compared with the CSV files are inserted (existing rows are left alone);
 * - regions: only when the regions table is empty. After the first load beheerders own the network map (merge, rename,
 *   re-draw), so a restart must never bring back a region they removed;
 * - taxonomy_terms: missing (vocabulary, code) pairs are inserted; existing terms keep the labels beheerders gave them.
 */

export const REFERENCE_FILES = {
	bevolkingGemeenten: 'bevolking_gemeenten.csv',
	leeftijdGemeenten: 'leeftijd_gemeenten_2021.csv',
	pc4: 'pc4.csv',
	bevolkingPc4: 'bevolking_pc4_2021.csv',
	netwerken: 'netwerken.csv'
} as const;

/** Networks that have merged since the legal map of netwerken.csv; each becomes the parent of its former networks. */
export interface RegionMerge {
	slug: string;
	naam: string;
	subRegionSlugs: readonly string[];
}

export const defaultRegionMerges: readonly RegionMerge[] = [
	{
		slug: 'drenthe-steenwijkerland',
		naam: 'Drenthe & Steenwijkerland',
		subRegionSlugs: ['drenthe-assen', 'drenthe-emmen', 'drenthe-hoogeveen', 'drenthe-meppel-steenwijkerland']
	}
];

const BATCH_SIZE = 500;
// Any constant works; it only has to be the same for every instance so concurrent starts load the data once.
const ADVISORY_LOCK_KEY = 72_410_301;

export type GemeenteInsert = typeof gemeenten.$inferInsert;
export type PostcodeGebiedInsert = typeof postcodeGebieden.$inferInsert;

export interface RegionPlan {
	slug: string;
	naam: string;
	coordinator: string | null;
	/** Slug of the region this one is a sub-region of. */
	parentSlug: string | null;
	gemeenten: { gemeenteCode: string; aandeel: number }[];
}

export interface TaxonomyTermInsert {
	vocabulary: Vocabulary;
	code: string;
	label: string;
	description: string | null;
	synonyms: string[];
	sortOrder: number;
}

export interface ReferenceDataResult {
	/** True when anything was inserted. */
	changed: boolean;
	/** Rows inserted in this run. */
	inserted: {
		gemeenten: number;
		postcodeGebieden: number;
		regions: number;
		regionGemeenten: number;
		taxonomyTerms: number;
	};
}

/** static/open-data in the source tree; in a built app (adapter-node) the static files live in build/client. */
export function defaultReferenceDataDir(cwd = process.cwd()): string {
	const source = path.resolve(cwd, 'static/open-data');
	if (existsSync(source)) return source;
	const built = path.resolve(cwd, 'build/client/open-data');
	return existsSync(built) ? built : source;
}

/** Combines bevolking_gemeenten.csv with the 75+ share from leeftijd_gemeenten_2021.csv. */
export function buildGemeenten(bevolking: CsvRow[], leeftijd: CsvRow[]): GemeenteInsert[] {
	const src = REFERENCE_FILES.bevolkingGemeenten;
	const srcAge = REFERENCE_FILES.leeftijdGemeenten;
	const share75 = new Map<string, number>();
	for (const row of leeftijd) {
		const code = requireField(row, 'gemeente_code', srcAge);
		const value = requireNumber(row, 'aandeel_75_84', srcAge) + requireNumber(row, 'aandeel_85plus', srcAge);
		// The inputs have 4 decimals; rounding drops the float noise of the sum.
		share75.set(code, Math.round(value * 10_000) / 10_000);
	}
	const seen = new Set<string>();
	return bevolking.map((row) => {
		const code = requireField(row, 'gemeente_code', src);
		if (seen.has(code)) throw new Error(`${src}: gemeente ${code} komt dubbel voor`);
		seen.add(code);
		return {
			code,
			naam: requireField(row, 'gemeente_naam', src),
			provincieCode: requireField(row, 'provincie_code', src),
			provincieNaam: requireField(row, 'provincie', src),
			bevolking2024: optionalInteger(row, 'bevolking_1jan2024', src),
			overledenen2021: optionalInteger(row, 'overledenen_2021', src),
			overledenen2022: optionalInteger(row, 'overledenen_2022', src),
			overledenen2023: optionalInteger(row, 'overledenen_2023', src),
			aandeel75plus: share75.get(code) ?? null
		};
	});
}

/** pc4.csv joined with the residents of bevolking_pc4_2021.csv. */
export function buildPostcodeGebieden(
	pc4Rows: CsvRow[],
	bevolkingRows: CsvRow[],
	gemeenteCodes: ReadonlySet<string>
): PostcodeGebiedInsert[] {
	const src = REFERENCE_FILES.pc4;
	const inwoners = new Map<string, number | null>();
	for (const row of bevolkingRows) {
		inwoners.set(
			requireField(row, 'pc4', REFERENCE_FILES.bevolkingPc4),
			optionalInteger(row, 'inwoners_2021', REFERENCE_FILES.bevolkingPc4)
		);
	}
	const seen = new Set<string>();
	return pc4Rows.map((row) => {
		const pc4 = requireField(row, 'pc4', src);
		if (!/^[1-9][0-9]{3}$/.test(pc4)) throw new Error(`${src}: ongeldige pc4 ${JSON.stringify(pc4)}`);
		if (seen.has(pc4)) throw new Error(`${src}: pc4 ${pc4} komt dubbel voor`);
		seen.add(pc4);
		const gemeenteCode = requireField(row, 'gemeente_code', src);
		if (!gemeenteCodes.has(gemeenteCode))
			throw new Error(`${src}: onbekende gemeente ${gemeenteCode} bij ${pc4}`);
		return {
			pc4,
			lat: requireNumber(row, 'lat', src),
			lon: requireNumber(row, 'lon', src),
			gemeenteCode,
			inwoners: inwoners.get(pc4) ?? null
		};
	});
}

/**
 * The networks of netwerken.csv plus the known merges. Merged regions come first (they are parents); a merged region covers
 * the union of its sub-regions' gemeenten, with shares summed and capped at 1 (De Wolden is 2/3 Hoogeveen + 1/3 Meppel).
 */
export function buildRegionPlan(
	rows: CsvRow[],
	merges: readonly RegionMerge[] = defaultRegionMerges
): RegionPlan[] {
	const src = REFERENCE_FILES.netwerken;
	const networks = new Map<string, RegionPlan>();
	for (const row of rows) {
		const slug = requireField(row, 'netwerk_id', src);
		let network = networks.get(slug);
		if (!network) {
			network = {
				slug,
				naam: requireField(row, 'netwerk_naam', src),
				coordinator: row.coordinator || null,
				parentSlug: null,
				gemeenten: []
			};
			networks.set(slug, network);
		}
		const gemeenteCode = requireField(row, 'gemeente_code', src);
		if (network.gemeenten.some((g) => g.gemeenteCode === gemeenteCode)) {
			throw new Error(`${src}: gemeente ${gemeenteCode} staat dubbel bij netwerk ${slug}`);
		}
		const aandeel = optionalNumber(row, 'aandeel_schatting', src) ?? 1;
		if (aandeel <= 0 || aandeel > 1)
			throw new Error(`${src}: aandeel ${aandeel} buiten (0, 1] bij ${slug}/${gemeenteCode}`);
		network.gemeenten.push({ gemeenteCode, aandeel });
	}

	const parents: RegionPlan[] = [];
	for (const merge of merges) {
		if (networks.has(merge.slug)) throw new Error(`Samengevoegde regio ${merge.slug} bestaat al in ${src}`);
		const subs = merge.subRegionSlugs.map((s) => {
			const sub = networks.get(s);
			if (!sub) throw new Error(`Subregio ${s} van ${merge.slug} ontbreekt in ${src}`);
			if (sub.parentSlug) throw new Error(`Subregio ${s} hoort al bij ${sub.parentSlug}`);
			sub.parentSlug = merge.slug;
			return sub;
		});
		const shares = new Map<string, number>();
		for (const sub of subs) {
			for (const g of sub.gemeenten)
				shares.set(g.gemeenteCode, (shares.get(g.gemeenteCode) ?? 0) + g.aandeel);
		}
		const coordinators = new Set(subs.map((s) => s.coordinator));
		parents.push({
			slug: merge.slug,
			naam: merge.naam,
			coordinator: coordinators.size === 1 ? [...coordinators][0] : null,
			parentSlug: null,
			gemeenten: [...shares].map(([gemeenteCode, aandeel]) => ({
				gemeenteCode,
				aandeel: Math.min(1, Math.round(aandeel * 1000) / 1000)
			}))
		});
	}
	return [...parents, ...networks.values()];
}

/** All vocabularies of the domain taxonomy as rows for taxonomy_terms. */
export function buildTaxonomyTerms(): TaxonomyTermInsert[] {
	return (Object.entries(vocabularies) as [Vocabulary, readonly TermSeed[]][]).flatMap(
		([vocabulary, terms]) =>
			terms.map((term, index) => ({
				vocabulary,
				code: term.code,
				label: term.label,
				description: term.description ?? null,
				synonyms: [...(term.synonyms ?? [])],
				sortOrder: (index + 1) * 10
			}))
	);
}

/** Number of data rows in a CSV file (non-empty lines minus the header), without parsing it. */
function countDataRows(text: string): number {
	let lines = 0;
	for (const line of text.split('\n')) if (line.trim() !== '') lines++;
	return Math.max(0, lines - 1);
}

async function readText(dir: string, file: string): Promise<string> {
	try {
		return await readFile(path.join(dir, file), 'utf8');
	} catch (error) {
		throw new Error(`Referentiebestand ${file} niet gevonden in ${dir}`, { cause: error });
	}
}

interface LoadState {
	gemeenten: number;
	postcodeGebieden: number;
	regions: number;
	taxonomyKeys: Set<string>;
}

async function readState(db: Executor): Promise<LoadState> {
	const [[g], [p], [r], terms] = await Promise.all([
		db.select({ n: count() }).from(gemeenten),
		db.select({ n: count() }).from(postcodeGebieden),
		db.select({ n: count() }).from(regions),
		db.select({ vocabulary: taxonomyTerms.vocabulary, code: taxonomyTerms.code }).from(taxonomyTerms)
	]);
	return {
		gemeenten: Number(g.n),
		postcodeGebieden: Number(p.n),
		regions: Number(r.n),
		taxonomyKeys: new Set(terms.map((t) => `${t.vocabulary}/${t.code}`))
	};
}

async function inBatches<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += BATCH_SIZE) await insert(rows.slice(i, i + BATCH_SIZE));
}

/**
 * Make sure the reference data is in the database. Idempotent; one transaction; cheap when everything is there already.
 * @param opts.dir folder with the CSV files (default: {@link defaultReferenceDataDir})
 */
export async function ensureReferenceData(
	db: Database,
	opts: { dir?: string } = {}
): Promise<ReferenceDataResult> {
	const dir = opts.dir ?? defaultReferenceDataDir();
	const [gemeentenText, pc4Text] = await Promise.all([
		readText(dir, REFERENCE_FILES.bevolkingGemeenten),
		readText(dir, REFERENCE_FILES.pc4)
	]);
	const expected = { gemeenten: countDataRows(gemeentenText), postcodeGebieden: countDataRows(pc4Text) };
	const taxonomy = buildTaxonomyTerms();
	const isComplete = (s: LoadState) =>
		s.gemeenten >= expected.gemeenten &&
		s.postcodeGebieden >= expected.postcodeGebieden &&
		s.regions > 0 &&
		taxonomy.every((t) => s.taxonomyKeys.has(`${t.vocabulary}/${t.code}`));

	const inserted = { gemeenten: 0, postcodeGebieden: 0, regions: 0, regionGemeenten: 0, taxonomyTerms: 0 };
	if (isComplete(await readState(db))) return { changed: false, inserted };

	await db.transaction(async (tx) => {
		// Several app instances may start at once against one Postgres: let one load, the others then find it complete.
		await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCK_KEY})`);
		const state = await readState(tx);
		if (isComplete(state)) return;

		const bevolking = parseCsv(gemeentenText, REFERENCE_FILES.bevolkingGemeenten);
		const gemeenteRows = buildGemeenten(
			bevolking,
			parseCsv(await readText(dir, REFERENCE_FILES.leeftijdGemeenten), REFERENCE_FILES.leeftijdGemeenten)
		);
		const gemeenteCodes = new Set(gemeenteRows.map((g) => g.code));

		if (state.gemeenten < expected.gemeenten) {
			await inBatches(gemeenteRows, async (batch) => {
				const rows = await tx
					.insert(gemeenten)
					.values(batch)
					.onConflictDoNothing()
					.returning({ code: gemeenten.code });
				inserted.gemeenten += rows.length;
			});
		}

		if (state.postcodeGebieden < expected.postcodeGebieden) {
			const pc4Rows = buildPostcodeGebieden(
				parseCsv(pc4Text, REFERENCE_FILES.pc4),
				parseCsv(await readText(dir, REFERENCE_FILES.bevolkingPc4), REFERENCE_FILES.bevolkingPc4),
				gemeenteCodes
			);
			await inBatches(pc4Rows, async (batch) => {
				const rows = await tx
					.insert(postcodeGebieden)
					.values(batch)
					.onConflictDoNothing()
					.returning({ pc4: postcodeGebieden.pc4 });
				inserted.postcodeGebieden += rows.length;
			});
		}

		if (state.regions === 0) {
			const plan = buildRegionPlan(
				parseCsv(await readText(dir, REFERENCE_FILES.netwerken), REFERENCE_FILES.netwerken)
			);
			for (const region of plan) {
				for (const g of region.gemeenten) {
					if (!gemeenteCodes.has(g.gemeenteCode)) {
						throw new Error(
							`${REFERENCE_FILES.netwerken}: onbekende gemeente ${g.gemeenteCode} bij ${region.slug}`
						);
					}
				}
			}
			// Parents first, so their ids are known when the sub-regions are inserted.
			const ids = new Map<string, string>();
			for (const level of [plan.filter((r) => !r.parentSlug), plan.filter((r) => r.parentSlug)]) {
				if (level.length === 0) continue;
				const rows = await tx
					.insert(regions)
					.values(
						level.map((r) => ({
							slug: r.slug,
							naam: r.naam,
							coordinator: r.coordinator,
							parentId: r.parentSlug ? ids.get(r.parentSlug)! : null
						}))
					)
					.returning({ id: regions.id, slug: regions.slug });
				for (const row of rows) ids.set(row.slug, row.id);
			}
			inserted.regions = ids.size;
			const links = plan.flatMap((r) =>
				r.gemeenten.map((g) => ({
					regionId: ids.get(r.slug)!,
					gemeenteCode: g.gemeenteCode,
					aandeel: g.aandeel
				}))
			);
			await inBatches(links, (batch) => tx.insert(regionGemeenten).values(batch));
			inserted.regionGemeenten = links.length;
		}

		const missingTerms = taxonomy.filter((t) => !state.taxonomyKeys.has(`${t.vocabulary}/${t.code}`));
		if (missingTerms.length > 0) {
			const rows = await tx
				.insert(taxonomyTerms)
				.values(missingTerms)
				.onConflictDoNothing()
				.returning({ id: taxonomyTerms.id });
			inserted.taxonomyTerms = rows.length;
		}
	});

	const changed = Object.values(inserted).some((n) => n > 0);
	return { changed, inserted };
}
