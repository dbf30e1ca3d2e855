/**
 * Import and export of organisations, locations and services as CSV or XLSX (the format is in
 * src/lib/domain/organisation/import-format.ts).
 *
 * Import is all-or-nothing: the whole file is checked first (the same zod schemas as the forms, plus the database checks:
 * network, postcodes, locations, regions); with any error nothing is written and every error comes back with its row
 * number. A valid file is written in ONE transaction with ONE audit entry, and the check runs again inside that transaction
 * so nothing changed in between. Rows that match the database exactly are left alone, so importing an export changes
 * nothing (and bumps no versions).
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { neutraliseFormula, restoreFormulaText } from '../../domain/csv';
import {
	COLUMN_HELP,
	IMPORT_COLUMNS,
	decodeTable,
	UNNAMED_COLUMN,
	normaliseHeader as normaliseKey,
	parseImport,
	toImportRecords,
	type DienstData,
	type ExportOrganisation,
	type ImportRecord,
	type RecordStatus,
	type RowError,
	type SourceRow
} from '../../domain/organisation/import-format';
import type { LocationInput, OrganisationInput } from '../../domain/organisation/schemas';
import {
	dienstCategorieen,
	doelgroepen,
	expertiseGebieden,
	organisationTypes
} from '../../domain/organisation/taxonomy';
import { audit } from '../audit';
import type { Database, Executor } from '../db/client';
import {
	allRegions,
	insertLocation,
	insertOrganisation,
	insertService,
	locationsOf,
	organisationsByIds,
	organisationsBySlug,
	postcodeGebiedenFor,
	servicesOf,
	setServiceLinks,
	updateLocationVersioned,
	updateOrganisationVersioned,
	updateServiceVersioned,
	type LocationRow,
	type OrganisationRow,
	type ServiceWithLinks
} from '../repositories/organisations';
import { gemeenteCodesOfRegion, organisationIdsInRegion } from '../repositories/regions';
import { syncOrganisations } from '../search/sync';
import { parsePostcode } from '../../domain/geo/postcode';
import {
	locationInputOf,
	ServiceError,
	UNKNOWN_POSTCODE,
	withCoordinateSource,
	type Actor,
	type Place
} from './organisations';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

/**
 * What an upload may weigh here: our own maximum, or less when adapter-node's BODY_SIZE_LIMIT (default 512K, in bytes
 * with an optional K/M/G suffix) is lower. The import page tells the user this number, so it must be the real one.
 */
export function uploadLimitBytes(env: Record<string, string | undefined> = process.env): number {
	const raw = (env.BODY_SIZE_LIMIT ?? '512K').trim();
	if (raw === 'Infinity') return MAX_IMPORT_BYTES;
	const match = /^(\d+)([KMG]?)$/i.exec(raw);
	if (!match) return MAX_IMPORT_BYTES;
	const factor = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[
		match[2].toUpperCase() as '' | 'K' | 'M' | 'G'
	];
	return Math.min(MAX_IMPORT_BYTES, Number(match[1]) * factor);
}

/** "512 kB", "5 MB". */
export function formatBytes(bytes: number): string {
	return bytes >= 1024 ** 2
		? `${Math.round((bytes / 1024 ** 2) * 10) / 10} MB`.replace('.', ',')
		: `${Math.round(bytes / 1024)} kB`;
}

export interface ImportTable {
	headers: string[];
	rows: SourceRow[];
}

export type ImportPhase = 'lezen' | 'controleren' | 'opslaan';
export type ProgressListener = (progress: { fase: ImportPhase; gedaan: number; totaal: number }) => void;

export type Wijziging = 'nieuw' | 'gewijzigd' | 'ongewijzigd';
export type Counts = Record<Wijziging, number>;

export interface ImportSummary {
	organisaties: Counts;
	locaties: Counts;
	diensten: Counts;
}

export interface ImportPreview {
	ok: boolean;
	fouten: RowError[];
	aantalRijen: number;
	samenvatting: ImportSummary;
	/** The organisations in the file and what will happen to them. */
	organisaties: { rij: number; slug: string; naam: string; wijziging: Wijziging }[];
}

const importError = (message: string) => new ServiceError(400, message);

// --- reading files -----------------------------------------------------------------------------------------------------

/** Excel in a Dutch locale saves CSV as Windows-1252; everything else we meet is UTF-8. */
function decodeText(bytes: Uint8Array): string {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		text = new TextDecoder('windows-1252').decode(bytes);
	}
	return text.replace(/^\uFEFF/, '');
}

function isXlsx(name: string, bytes: Uint8Array): boolean {
	return /\.xlsx$/i.test(name) || (bytes[0] === 0x50 && bytes[1] === 0x4b);
}

export function readCsv(text: string): ImportTable {
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
		delimiter: '',
		delimitersToGuess: [';', ',', '\t'],
		skipEmptyLines: false
	});
	const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
	if (quoteError) {
		throw importError(
			`Het bestand is geen geldige CSV: een aanhalingsteken wordt niet gesloten (rond rij ${(quoteError.row ?? 0) + 1}).`
		);
	}
	const [headerRow = [], ...data] = parsed.data;
	// The line break after the last row gives one empty record; empty rows in between keep their place (row numbers).
	while (data.length && data.at(-1)!.every((v) => v.trim() === '')) data.pop();
	const headers = headerRow.map((h) => h.trim());
	// Our own export puts an apostrophe before text that a spreadsheet would run as a formula: read it as it was.
	return {
		headers,
		rows: data.map((cells, i) => ({
			rij: i + 2,
			cells: cellsByColumn(headers, cells.map(restoreFormulaText))
		}))
	};
}

function cellsByColumn(headers: readonly string[], values: readonly string[]): Record<string, string> {
	const cells: Record<string, string> = {};
	headers.forEach((h, i) => {
		if (h) cells[normaliseKey(h)] = values[i] ?? '';
	});
	// Cells beyond the last header would be lost without a word: keep them under a name the check reports.
	values.slice(headers.length).forEach((v, i) => {
		if (v.trim() !== '') cells[`${UNNAMED_COLUMN} ${headers.length + i + 1}`] = v;
	});
	return cells;
}

function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return String(value);
	if (typeof value === 'boolean') return value ? 'ja' : 'nee';
	if (value instanceof Date) return value.toISOString();
	if ('richText' in value) return value.richText.map((r) => r.text).join('');
	if ('text' in value && typeof value.text === 'string') return value.text;
	if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
	return '';
}

export async function readXlsx(bytes: Uint8Array): Promise<ImportTable> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
	} catch {
		throw importError(
			'Dit Excel-bestand kunnen we niet openen. Sla het op als .xlsx (of als .csv) en probeer het opnieuw.'
		);
	}
	const sheet = workbook.worksheets[0];
	if (!sheet) throw importError('Het Excel-bestand heeft geen werkblad.');
	const headerRow = sheet.getRow(1);
	const width = Math.max(headerRow.cellCount, sheet.columnCount);
	const headers: string[] = [];
	for (let c = 1; c <= width; c++) headers.push(cellText(headerRow.getCell(c).value).trim());
	while (headers.length && headers.at(-1) === '') headers.pop();
	const rows: SourceRow[] = [];
	for (let r = 2; r <= sheet.rowCount; r++) {
		const row = sheet.getRow(r);
		const values: string[] = [];
		for (let c = 1; c <= Math.max(width, row.cellCount); c++) values.push(cellText(row.getCell(c).value));
		rows.push({ rij: r, cells: cellsByColumn(headers, values) });
	}
	return { headers, rows };
}

/** Reads an uploaded CSV or XLSX file into header + rows (row numbers as the spreadsheet shows them). */
export async function readImportFile(name: string, bytes: Uint8Array): Promise<ImportTable> {
	if (bytes.length === 0) throw importError('Het bestand is leeg.');
	if (bytes.length > MAX_IMPORT_BYTES)
		throw importError(
			`Het bestand is te groot (hoogstens ${MAX_IMPORT_BYTES / 1024 / 1024} MB). Splits het in delen.`
		);
	if (/\.xls$/i.test(name) || /\.ods$/i.test(name))
		throw importError('Dit bestandstype lezen we niet. Sla het op als .xlsx of als .csv.');
	const table = isXlsx(name, bytes) ? await readXlsx(bytes) : readCsv(decodeText(bytes));
	if (table.headers.length === 0) throw importError('Het bestand heeft geen kopregel met kolomnamen.');
	if (table.rows.length > MAX_IMPORT_ROWS)
		throw importError(`Het bestand heeft meer dan ${MAX_IMPORT_ROWS} rijen. Splits het in delen.`);
	return table;
}

/**
 * The table of an import form: the uploaded file (field `bestand`) or, in the "import now" step, the table the preview
 * read (hidden field `inhoud`, JSON).
 */
export async function tableFromForm(
	formData: FormData
): Promise<{ table: ImportTable; bestandsnaam: string }> {
	const file = formData.get('bestand');
	if (file instanceof File && file.size > 0) {
		const bytes = new Uint8Array(await file.arrayBuffer());
		return { table: await readImportFile(file.name, bytes), bestandsnaam: file.name.slice(0, 200) };
	}
	const inhoud = formData.get('inhoud');
	const bestandsnaam = String(formData.get('bestandsnaam') ?? '').slice(0, 200);
	if (typeof inhoud === 'string' && inhoud !== '') {
		const table = decodeTable(inhoud);
		if (!table)
			throw importError(
				'De gecontroleerde gegevens zijn niet compleet aangekomen. Kies het bestand opnieuw.'
			);
		return { table, bestandsnaam };
	}
	throw importError('Kies een CSV- of Excel-bestand (.csv of .xlsx).');
}

// --- checking ----------------------------------------------------------------------------------------------------------

interface PlannedOrganisation {
	rij: number;
	slug: string;
	data: OrganisationInput;
	status: RecordStatus;
	existing: OrganisationRow | null;
	wijziging: Wijziging;
}

interface PlannedLocation {
	rij: number;
	organisatie: string;
	data: LocationInput;
	place: Place;
	status: RecordStatus;
	existing: LocationRow | null;
	wijziging: Wijziging;
}

interface PlannedService {
	rij: number;
	organisatie: string;
	data: DienstData;
	locatieNamen: string[];
	regionIds: string[];
	status: RecordStatus;
	existing: ServiceWithLinks | null;
	wijziging: Wijziging;
}

interface ImportPlan {
	organisaties: PlannedOrganisation[];
	locaties: PlannedLocation[];
	diensten: PlannedService[];
	/** Existing organisations the file touches, by slug. */
	existing: Map<string, OrganisationRow>;
	existingLocations: Map<string, LocationRow[]>;
}

/** Deep equality on plain data, independent of key order (jsonb hands keys back in its own order). */
function canonical(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(canonical);
	if (value && typeof value === 'object' && !(value instanceof Date))
		return Object.fromEntries(
			Object.keys(value)
				.sort()
				.map((k) => [k, canonical((value as Record<string, unknown>)[k])])
		);
	return value ?? null;
}
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
const nameKey = (naam: string) => naam.trim().toLowerCase();
const emptyCounts = (): Counts => ({ nieuw: 0, gewijzigd: 0, ongewijzigd: 0 });

function pick<T extends object, K extends keyof T>(obj: T, keys: readonly K[]): Pick<T, K> {
	return Object.fromEntries(keys.map((k) => [k, obj[k]])) as Pick<T, K>;
}

const ORGANISATION_FIELDS = [
	'naam',
	'type',
	'beschrijving',
	'telefoon',
	'email',
	'website',
	'isVoorbeeld'
] as const;
const SERVICE_FIELDS = [
	'naam',
	'beschrijving',
	'categorie',
	'doelgroepen',
	'expertise',
	'telefoon',
	'email',
	'website',
	'dagEnNacht',
	'openingstijden',
	'bereikbaarheidToelichting',
	'voorProfessionals'
] as const;

async function planImport(
	db: Executor,
	actor: Actor,
	table: ImportTable,
	onProgress?: ProgressListener
): Promise<{ plan: ImportPlan; fouten: RowError[]; aantalRijen: number }> {
	if (actor.role !== 'beheerder')
		throw new ServiceError(403, 'Alleen een beheerder van het netwerk mag importeren.');
	if (!actor.regionId) throw new ServiceError(403, 'Uw account is nog niet aan een netwerk gekoppeld.');
	const regionId = actor.regionId;
	const totaal = table.rows.length;
	onProgress?.({ fase: 'controleren', gedaan: 0, totaal });

	const parsed = parseImport(table.headers, table.rows);
	const fouten = [...parsed.fouten];
	const plan: ImportPlan = {
		organisaties: [],
		locaties: [],
		diensten: [],
		existing: new Map(),
		existingLocations: new Map()
	};
	onProgress?.({ fase: 'controleren', gedaan: Math.round(totaal / 2), totaal });
	if (fouten.some((f) => f.rij === 1)) return { plan, fouten, aantalRijen: parsed.aantalRijen };

	const keys = new Set([
		...parsed.organisaties.map((o) => o.slug),
		...parsed.locaties.map((l) => l.organisatie),
		...parsed.diensten.map((d) => d.organisatie)
	]);
	const existingRows = await organisationsBySlug(db, [...keys]);
	const existing = new Map(existingRows.map((o) => [o.slug, o]));
	plan.existing = existing;
	const inRegion = new Set(await organisationIdsInRegion(db, regionId));
	const fileOrganisations = new Map(parsed.organisaties.map((o) => [o.slug, o]));

	const outside = (slug: string) => {
		const row = existing.get(slug);
		return !!row && !inRegion.has(row.id);
	};
	const outsideMessage = (slug: string) =>
		`Organisatie "${slug}" bestaat al maar hoort niet bij uw netwerk; die kunt u niet via een import wijzigen.`;

	for (const o of parsed.organisaties) {
		if (outside(o.slug)) {
			fouten.push({ rij: o.rij, kolom: 'organisatie', melding: outsideMessage(o.slug) });
			continue;
		}
		const before = existing.get(o.slug) ?? null;
		const wijziging: Wijziging = !before
			? 'nieuw'
			: same(pick(before, ORGANISATION_FIELDS), pick(o.data, ORGANISATION_FIELDS)) &&
				  before.status === o.status
				? 'ongewijzigd'
				: 'gewijzigd';
		plan.organisaties.push({ ...o, existing: before, wijziging });
	}

	const checkOwner = (rij: number, slug: string): boolean => {
		if (outside(slug)) {
			fouten.push({ rij, kolom: 'organisatie', melding: outsideMessage(slug) });
			return false;
		}
		if (!existing.has(slug) && !fileOrganisations.has(slug)) {
			fouten.push({
				rij,
				kolom: 'organisatie',
				melding: `Organisatie "${slug}" bestaat nog niet en staat ook niet als organisatie in dit bestand.`
			});
			return false;
		}
		return true;
	};

	// Locations: postcode → gemeente and coordinates; matched by name with the organisation's existing locations.
	const existingIds = existingRows.filter((o) => inRegion.has(o.id)).map((o) => o.id);
	const [dbLocations, dbServices, regions, regionGemeenten] = await Promise.all([
		withCoordinateSource(db, await locationsOf(db, existingIds)),
		servicesOf(db, existingIds),
		allRegions(db),
		gemeenteCodesOfRegion(db, regionId)
	]);
	const slugById = new Map(existingRows.map((o) => [o.id, o.slug]));
	const locationsBySlug = new Map<string, typeof dbLocations>();
	for (const l of dbLocations) {
		const slug = slugById.get(l.organisationId)!;
		locationsBySlug.set(slug, [...(locationsBySlug.get(slug) ?? []), l]);
	}
	plan.existingLocations = locationsBySlug;
	const gebieden = await postcodeGebiedenFor(
		db,
		parsed.locaties
			.map((l) => (l.data.postcode ? parsePostcode(l.data.postcode)?.pc4 : undefined))
			.filter((p): p is string => !!p)
	);

	for (const l of parsed.locaties) {
		if (!checkOwner(l.rij, l.organisatie)) continue;
		let place: Place = { pc4: null, gemeenteCode: null, lat: l.data.lat, lon: l.data.lon };
		if (l.data.postcode) {
			const pc4 = parsePostcode(l.data.postcode)?.pc4;
			const gebied = pc4 ? gebieden.get(pc4) : undefined;
			if (!pc4 || !gebied) {
				fouten.push({ rij: l.rij, kolom: 'postcode', melding: UNKNOWN_POSTCODE });
				continue;
			}
			place = {
				pc4,
				gemeenteCode: gebied.gemeenteCode,
				lat: l.data.lat ?? gebied.lat,
				lon: l.data.lon ?? gebied.lon
			};
		}
		const before =
			(locationsBySlug.get(l.organisatie) ?? []).find((x) => nameKey(x.naam) === nameKey(l.data.naam)) ??
			null;
		const wijziging: Wijziging = !before
			? 'nieuw'
			: same({ ...locationInputOf(before), status: before.status }, { ...l.data, status: l.status })
				? 'ongewijzigd'
				: 'gewijzigd';
		plan.locaties.push({ ...l, place, existing: before, wijziging });
	}

	// A new organisation must land in the beheerder's network: at least one active location in one of its gemeenten.
	for (const o of plan.organisaties.filter((x) => x.wijziging === 'nieuw')) {
		const hasLocationInRegion = plan.locaties.some(
			(l) =>
				l.organisatie === o.slug &&
				l.status === 'actief' &&
				!!l.place.gemeenteCode &&
				regionGemeenten.includes(l.place.gemeenteCode)
		);
		if (!hasLocationInRegion) {
			fouten.push({
				rij: o.rij,
				kolom: 'organisatie',
				melding:
					'Een nieuwe organisatie heeft minstens één locatie in uw netwerk nodig: voeg een rij met soort locatie en een postcode in uw netwerk toe.'
			});
		}
	}

	// Services: their locations by name (in the file or already in the database), regions by slug or name.
	const regionByKey = new Map<string, string>();
	for (const r of regions) {
		regionByKey.set(r.slug.toLowerCase(), r.id);
		regionByKey.set(r.naam.toLowerCase(), r.id);
	}
	const regionSlugById = new Map(regions.map((r) => [r.id, r.slug]));
	const servicesBySlug = new Map<string, ServiceWithLinks[]>();
	for (const s of dbServices) {
		const slug = slugById.get(s.organisationId)!;
		servicesBySlug.set(slug, [...(servicesBySlug.get(slug) ?? []), s]);
	}
	const locationNames = (slug: string) =>
		new Set([
			...(locationsBySlug.get(slug) ?? []).map((l) => nameKey(l.naam)),
			...plan.locaties.filter((l) => l.organisatie === slug).map((l) => nameKey(l.data.naam))
		]);
	for (const d of parsed.diensten) {
		if (!checkOwner(d.rij, d.organisatie)) continue;
		const known = locationNames(d.organisatie);
		const unknownLocations = d.locaties.filter((n) => !known.has(nameKey(n)));
		if (unknownLocations.length) {
			fouten.push({
				rij: d.rij,
				kolom: 'locaties',
				melding: `Deze organisatie heeft geen locatie met de naam ${unknownLocations.map((n) => `"${n}"`).join(', ')}.`
			});
			continue;
		}
		const regionIds: string[] = [];
		const unknownRegions: string[] = [];
		for (const r of d.regios) {
			const id = regionByKey.get(r.toLowerCase());
			if (id) regionIds.push(id);
			else unknownRegions.push(r);
		}
		if (unknownRegions.length) {
			fouten.push({
				rij: d.rij,
				kolom: 'regios',
				melding: `Deze regio’s kennen we niet: ${unknownRegions.map((n) => `"${n}"`).join(', ')}.`
			});
			continue;
		}
		const before =
			(servicesBySlug.get(d.organisatie) ?? []).find((s) => nameKey(s.naam) === nameKey(d.data.naam)) ?? null;
		const beforeLocationNames = before
			? (locationsBySlug.get(d.organisatie) ?? [])
					.filter((l) => before.locationIds.includes(l.id))
					.map((l) => nameKey(l.naam))
					.sort()
			: [];
		const wijziging: Wijziging = !before
			? 'nieuw'
			: same(pick(before, SERVICE_FIELDS), pick(d.data, SERVICE_FIELDS)) &&
				  before.status === d.status &&
				  same(beforeLocationNames, d.locaties.map(nameKey).sort()) &&
				  same(
						before.regionIds.map((id) => regionSlugById.get(id)).sort(),
						[...new Set(regionIds)].map((id) => regionSlugById.get(id)).sort()
				  )
				? 'ongewijzigd'
				: 'gewijzigd';
		plan.diensten.push({
			rij: d.rij,
			organisatie: d.organisatie,
			data: d.data,
			locatieNamen: d.locaties,
			regionIds: [...new Set(regionIds)],
			status: d.status,
			existing: before,
			wijziging
		});
	}
	fouten.sort((a, b) => a.rij - b.rij);
	onProgress?.({ fase: 'controleren', gedaan: totaal, totaal });
	return { plan, fouten, aantalRijen: parsed.aantalRijen };
}

function summarise(plan: ImportPlan): ImportSummary {
	const count = (items: { wijziging: Wijziging }[]) =>
		items.reduce((c, i) => ({ ...c, [i.wijziging]: c[i.wijziging] + 1 }), emptyCounts());
	return {
		organisaties: count(plan.organisaties),
		locaties: count(plan.locaties),
		diensten: count(plan.diensten)
	};
}

function toPreview(plan: ImportPlan, fouten: RowError[], aantalRijen: number): ImportPreview {
	return {
		ok: fouten.length === 0 && aantalRijen > 0,
		fouten:
			aantalRijen === 0 && fouten.length === 0
				? [{ rij: 2, kolom: null, melding: 'Het bestand heeft geen rijen met gegevens.' }]
				: fouten,
		aantalRijen,
		samenvatting: summarise(plan),
		organisaties: plan.organisaties.map((o) => ({
			rij: o.rij,
			slug: o.slug,
			naam: o.data.naam,
			wijziging: o.wijziging
		}))
	};
}

/** Checks the whole file against the database and says what an import would do. Writes nothing. */
export async function previewImport(
	db: Executor,
	actor: Actor,
	table: ImportTable,
	onProgress?: ProgressListener
): Promise<ImportPreview> {
	const { plan, fouten, aantalRijen } = await planImport(db, actor, table, onProgress);
	return toPreview(plan, fouten, aantalRijen);
}

export interface ImportResult extends ImportPreview {
	/** True when the data was written. */
	geimporteerd: boolean;
}

const CHANGED_MEANWHILE =
	'Terwijl u importeerde heeft iemand anders een van deze organisaties gewijzigd. Er is niets geïmporteerd; controleer het bestand opnieuw.';

/**
 * Checks again and, when the whole file is valid, writes everything in one transaction with one audit entry. With any
 * error nothing is written and the errors come back.
 */
export async function runImport(
	db: Database,
	actor: Actor,
	table: ImportTable,
	options: { bestandsnaam?: string; onProgress?: ProgressListener } = {}
): Promise<ImportResult> {
	const { onProgress } = options;
	return db.transaction(async (tx) => {
		const { plan, fouten, aantalRijen } = await planImport(tx, actor, table, onProgress);
		const preview = toPreview(plan, fouten, aantalRijen);
		if (!preview.ok) return { ...preview, geimporteerd: false };

		const todo =
			plan.organisaties.filter((o) => o.wijziging !== 'ongewijzigd').length +
			plan.locaties.filter((l) => l.wijziging !== 'ongewijzigd').length +
			plan.diensten.filter((d) => d.wijziging !== 'ongewijzigd').length;
		let gedaan = 0;
		const step = () => {
			gedaan++;
			if (gedaan % 25 === 0 || gedaan === todo) onProgress?.({ fase: 'opslaan', gedaan, totaal: todo });
		};
		onProgress?.({ fase: 'opslaan', gedaan: 0, totaal: todo });

		const idBySlug = new Map([...plan.existing].map(([slug, o]) => [slug, o.id]));
		const touched = new Set<string>();
		for (const o of plan.organisaties) {
			if (o.wijziging === 'ongewijzigd') continue;
			const values = { ...o.data, status: o.status };
			if (o.existing) {
				const updated = await updateOrganisationVersioned(tx, o.existing.id, o.existing.version, values);
				if (!updated) throw new ServiceError(409, CHANGED_MEANWHILE);
			} else {
				const created = await insertOrganisation(tx, { ...values, slug: o.slug });
				idBySlug.set(o.slug, created.id);
			}
			touched.add(idBySlug.get(o.slug)!);
			step();
		}

		const locationIdByName = new Map<string, string>();
		for (const [slug, locs] of plan.existingLocations)
			for (const l of locs) locationIdByName.set(`${slug}\u0000${nameKey(l.naam)}`, l.id);
		for (const l of plan.locaties) {
			if (l.wijziging === 'ongewijzigd') continue;
			const organisationId = idBySlug.get(l.organisatie)!;
			const values = { ...l.data, ...l.place, status: l.status };
			if (l.existing) {
				const updated = await updateLocationVersioned(tx, l.existing.id, l.existing.version, values);
				if (!updated) throw new ServiceError(409, CHANGED_MEANWHILE);
			} else {
				const created = await insertLocation(tx, { organisationId, ...values });
				locationIdByName.set(`${l.organisatie}\u0000${nameKey(l.data.naam)}`, created.id);
			}
			touched.add(organisationId);
			step();
		}

		for (const d of plan.diensten) {
			if (d.wijziging === 'ongewijzigd') continue;
			const organisationId = idBySlug.get(d.organisatie)!;
			const locationIds = [
				...new Set(d.locatieNamen.map((n) => locationIdByName.get(`${d.organisatie}\u0000${nameKey(n)}`)!))
			];
			const values = { ...d.data, status: d.status };
			let serviceId: string;
			if (d.existing) {
				const updated = await updateServiceVersioned(tx, d.existing.id, d.existing.version, values);
				if (!updated) throw new ServiceError(409, CHANGED_MEANWHILE);
				serviceId = updated.id;
			} else {
				serviceId = (await insertService(tx, { organisationId, ...values })).id;
			}
			await setServiceLinks(tx, serviceId, locationIds, d.regionIds);
			touched.add(organisationId);
			step();
		}

		await audit(tx, actor, {
			action: 'import_uitgevoerd',
			entityType: 'import',
			regionId: actor.regionId,
			details: { bestand: options.bestandsnaam ?? null, rijen: aantalRijen, ...preview.samenvatting }
		});
		await syncOrganisations(tx, [...touched]);
		return { ...preview, geimporteerd: true };
	});
}

// --- export ------------------------------------------------------------------------------------------------------------

/** Every organisation of the beheerder's network (archived ones too, with their status) in import format. */
export async function exportRecords(db: Executor, actor: Actor): Promise<ImportRecord[]> {
	if (actor.role !== 'beheerder' || !actor.regionId)
		throw new ServiceError(403, 'Alleen een beheerder van een netwerk mag exporteren.');
	const ids = await organisationIdsInRegion(db, actor.regionId);
	const [orgs, locs, svcs, regions] = await Promise.all([
		organisationsByIds(db, ids),
		locationsOf(db, ids),
		servicesOf(db, ids),
		allRegions(db)
	]);
	const locations = await withCoordinateSource(db, locs);
	const locationName = new Map(locations.map((l) => [l.id, l.naam]));
	const regionSlug = new Map(regions.map((r) => [r.id, r.slug]));
	const list: ExportOrganisation[] = orgs.map((o) => ({
		...pick(o, ORGANISATION_FIELDS),
		slug: o.slug,
		status: o.status,
		locaties: locations
			.filter((l) => l.organisationId === o.id)
			.map((l) => ({ ...locationInputOf(l), status: l.status })),
		diensten: svcs
			.filter((s) => s.organisationId === o.id)
			.map((s) => ({
				...pick(s, SERVICE_FIELDS),
				locaties: s.locationIds
					.map((id) => locationName.get(id))
					.filter((n): n is string => !!n)
					.sort(),
				regios: s.regionIds
					.map((id) => regionSlug.get(id))
					.filter((n): n is string => !!n)
					.sort(),
				status: s.status
			}))
	}));
	return toImportRecords(list);
}

/**
 * CSV with semicolons and a BOM, which Excel in a Dutch locale opens correctly. Text that a spreadsheet would run as a
 * formula gets a leading apostrophe; readCsv takes it off again, so an exported file imports unchanged.
 */
export function recordsToCsv(records: readonly ImportRecord[]): string {
	const csv = Papa.unparse(
		{
			fields: [...IMPORT_COLUMNS],
			data: records.map((r) => IMPORT_COLUMNS.map((c) => neutraliseFormula(r[c] ?? '')))
		},
		{ delimiter: ';', newline: '\r\n' }
	);
	return `\uFEFF${csv}\r\n`;
}

export async function recordsToXlsx(records: readonly ImportRecord[]): Promise<Uint8Array<ArrayBuffer>> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Regiokaart Palliatieve Zorg';
	const sheet = workbook.addWorksheet('Organisaties', { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.columns = IMPORT_COLUMNS.map((c) => ({
		header: c,
		key: c,
		width: ['beschrijving', 'openingstijden', 'bereikbaarheid_toelichting'].includes(c)
			? 40
			: c.length < 8
				? 12
				: 22,
		// Text format, so Excel keeps leading zeros of phone numbers and does not turn times into dates.
		style: { numFmt: '@' }
	}));
	sheet.getRow(1).font = { bold: true };
	for (const r of records) sheet.addRow(IMPORT_COLUMNS.map((c) => r[c]));

	const help = workbook.addWorksheet('Toelichting');
	help.columns = [
		{ header: 'kolom / code', key: 'a', width: 30 },
		{ header: 'betekenis', key: 'b', width: 100 }
	];
	help.getRow(1).font = { bold: true };
	help.addRow(['Alleen het eerste werkblad wordt geïmporteerd.', '']);
	for (const c of IMPORT_COLUMNS) help.addRow([c, COLUMN_HELP[c]]);
	const vocabularies: [string, readonly { code: string; label: string }[]][] = [
		['type (soort organisatie)', organisationTypes],
		['categorie (soort dienst)', dienstCategorieen],
		['doelgroepen', doelgroepen],
		['expertise', expertiseGebieden]
	];
	for (const [title, terms] of vocabularies) {
		help.addRow([]);
		help.addRow([title]).font = { bold: true };
		for (const t of terms) help.addRow([t.code, t.label]);
	}
	const buffer = await workbook.xlsx.writeBuffer();
	return new Uint8Array(buffer as ArrayBuffer);
}
