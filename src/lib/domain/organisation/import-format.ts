import { z } from 'zod';
import {
	locationInputSchema,
	normaliseTijd,
	organisationInputSchema,
	serviceInputSchema,
	WEEKDAGEN,
	type LocationInput,
	type Openingstijd,
	type OrganisationInput,
	type ServiceInput
} from './schemas';
import { isValidSlug, RESERVED_SLUGS, slugify } from './slug';
import {
	dienstCategorieen,
	doelgroepen,
	expertiseGebieden,
	organisationTypes,
	type TermSeed
} from './taxonomy';

/*
 * The import/export file format for organisations, locations and services: ONE flat table (CSV or the first sheet of an
 * XLSX workbook), one record per row. Column `soort` says what a row is; column `organisatie` is the key that ties
 * locations and services to their organisation (the organisation's slug). Locations and services are matched by name
 * within their organisation. Export writes exactly this format, so exporting and importing again changes nothing.
 *
 * Everything here is pure: the server reads the file into header + rows, this module maps and validates with the same
 * zod schemas the forms use, and reports errors per spreadsheet row (row 1 is the header).
 */

export type RecordStatus = 'actief' | 'gearchiveerd';
export type Soort = 'organisatie' | 'locatie' | 'dienst';

export const IMPORT_COLUMNS = [
	'soort',
	'organisatie',
	'naam',
	'type',
	'categorie',
	'beschrijving',
	'telefoon',
	'email',
	'website',
	'adres',
	'postcode',
	'plaats',
	'lat',
	'lon',
	'locaties',
	'regios',
	'doelgroepen',
	'expertise',
	'dag_en_nacht',
	'openingstijden',
	'bereikbaarheid_toelichting',
	'voor_professionals',
	'voorbeeld',
	'status'
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export type ImportRecord = Record<ImportColumn, string>;

/** Which columns a row of each kind may fill; any other filled column is an error (usually a shifted column). */
export const COLUMNS_BY_SOORT: Record<Soort, readonly ImportColumn[]> = {
	organisatie: [
		'soort',
		'organisatie',
		'naam',
		'type',
		'beschrijving',
		'telefoon',
		'email',
		'website',
		'voorbeeld',
		'status'
	],
	locatie: ['soort', 'organisatie', 'naam', 'adres', 'postcode', 'plaats', 'lat', 'lon', 'status'],
	dienst: [
		'soort',
		'organisatie',
		'naam',
		'categorie',
		'beschrijving',
		'telefoon',
		'email',
		'website',
		'locaties',
		'regios',
		'doelgroepen',
		'expertise',
		'dag_en_nacht',
		'openingstijden',
		'bereikbaarheid_toelichting',
		'voor_professionals',
		'status'
	]
};

/** Explanation per column, shown on the import page and in the exported workbook. */
export const COLUMN_HELP: Record<ImportColumn, string> = {
	soort: 'Wat de rij is: organisatie, locatie of dienst.',
	organisatie:
		'De sleutel van de organisatie (zoals in het webadres, bijvoorbeeld hospice-de-zonnedauw). Bij een nieuwe organisatie mag u hem leeg laten: dan maken we hem van de naam. Locaties en diensten noemen hier hun organisatie.',
	naam: 'Naam van de organisatie, locatie of dienst. Locaties en diensten worden op naam herkend binnen hun organisatie.',
	type: 'Alleen bij een organisatie: het soort organisatie (code of naam uit de lijst hieronder).',
	categorie: 'Alleen bij een dienst: wat voor dienst het is (code of naam uit de lijst hieronder).',
	beschrijving: 'Korte beschrijving in gewone tekst.',
	telefoon: 'Telefoonnummer, bijvoorbeeld 0592 123 456 of +31 592 123 456.',
	email: 'E-mailadres.',
	website: 'Webadres, bijvoorbeeld https://www.hospice.nl.',
	adres: 'Alleen bij een locatie: straat en huisnummer.',
	postcode:
		'Alleen bij een locatie: postcode (9401 AB of 9401). Daaruit bepalen we gemeente en plek op de kaart.',
	plaats: 'Alleen bij een locatie: plaatsnaam.',
	lat: 'Alleen bij een locatie, meestal leeg: breedtegraad als de plek op de kaart afwijkt van het midden van de postcode.',
	lon: 'Alleen bij een locatie, meestal leeg: lengtegraad (hoort bij lat).',
	locaties:
		'Alleen bij een dienst: de namen van de locaties waar de dienst is, gescheiden door een puntkomma.',
	regios:
		'Alleen bij een dienst: de regio’s die de dienst bedient (code of naam), gescheiden door een puntkomma.',
	doelgroepen: 'Alleen bij een dienst: doelgroepen (code of naam), gescheiden door een puntkomma.',
	expertise: 'Alleen bij een dienst: expertise (code of naam), gescheiden door een puntkomma.',
	dag_en_nacht: 'Alleen bij een dienst: ja als de dienst dag en nacht bereikbaar is, anders nee of leeg.',
	openingstijden:
		'Alleen bij een dienst: bijvoorbeeld "ma-vr 09:00-17:00; za 10:00-12:00". Twee tijdvakken op een dag: "ma 09:00-12:00, 13:00-17:00".',
	bereikbaarheid_toelichting: 'Alleen bij een dienst: toelichting op de bereikbaarheid.',
	voor_professionals: 'Alleen bij een dienst: ja als de dienst alleen voor professionals is.',
	voorbeeld: 'Alleen bij een organisatie: ja voor voorbeeld- of demogegevens.',
	status: 'actief (of leeg) of gearchiveerd.'
};

/** Cells to the right of the last column name are kept under this name (plus the column number), so they are reported. */
export const UNNAMED_COLUMN = 'kolom zonder naam';

/** A row as read from the file: its spreadsheet row number and the cells by (normalised) column name. */
export interface SourceRow {
	rij: number;
	cells: Partial<Record<string, string>>;
}

export interface RowError {
	/** Spreadsheet row number (1 = header). */
	rij: number;
	kolom: string | null;
	melding: string;
}

export interface OrganisatieRij {
	rij: number;
	slug: string;
	data: OrganisationInput;
	status: RecordStatus;
}

export interface LocatieRij {
	rij: number;
	organisatie: string;
	data: LocationInput;
	status: RecordStatus;
}

export type DienstData = Omit<ServiceInput, 'locationIds' | 'regionIds'>;

export interface DienstRij {
	rij: number;
	organisatie: string;
	data: DienstData;
	/** Location names, as written. */
	locaties: string[];
	/** Region slugs or names, as written. */
	regios: string[];
	status: RecordStatus;
}

export interface ParsedImport {
	organisaties: OrganisatieRij[];
	locaties: LocatieRij[];
	diensten: DienstRij[];
	fouten: RowError[];
	/** Data rows read (empty rows not counted). */
	aantalRijen: number;
}

// --- headers -----------------------------------------------------------------------------------------------------------

const HEADER_ALIASES: Record<string, ImportColumn> = {
	e_mail: 'email',
	emailadres: 'email',
	e_mailadres: 'email',
	telefoonnummer: 'telefoon',
	webadres: 'website',
	breedtegraad: 'lat',
	lengtegraad: 'lon',
	latitude: 'lat',
	longitude: 'lon',
	regio: 'regios',
	slug: 'organisatie'
};

/** "Dag en nacht" → "dag_en_nacht", "Regio’s" → "regios", "E-mail" → "email". */
export function normaliseHeader(header: string): string {
	const key = header
		.replace(/^\uFEFF/, '')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’‘`]/g, '')
		.trim()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
	return HEADER_ALIASES[key] ?? key;
}

/** Errors about the header row: unknown, duplicate or missing required columns. */
export function checkHeaders(headers: readonly string[]): RowError[] {
	const errors: RowError[] = [];
	const seen = new Set<string>();
	headers.forEach((raw) => {
		const name = normaliseHeader(raw);
		if (name === '') return;
		if (!(IMPORT_COLUMNS as readonly string[]).includes(name)) {
			errors.push({
				rij: 1,
				kolom: raw,
				melding: `De kolom "${raw}" kennen we niet. Gebruik de kolomnamen van de toelichting (of van een export).`
			});
		} else if (seen.has(name)) {
			errors.push({ rij: 1, kolom: raw, melding: `De kolom "${raw}" staat er twee keer in.` });
		}
		seen.add(name);
	});
	for (const required of ['soort', 'organisatie', 'naam'] as const) {
		if (!seen.has(required))
			errors.push({ rij: 1, kolom: required, melding: `De kolom "${required}" ontbreekt.` });
	}
	return errors;
}

// --- cell values -------------------------------------------------------------------------------------------------------

export function splitList(value: string): string[] {
	return value
		.split(/[;\n]/)
		.map((v) => v.trim())
		.filter((v) => v !== '');
}

export function joinList(values: readonly string[]): string {
	return values.join('; ');
}

/** ja/nee (and the usual spreadsheet variants); empty is nee; null when it is neither. */
export function parseJaNee(value: string): boolean | null {
	const v = value.trim().toLowerCase();
	if (['', 'nee', 'n', 'no', 'false', 'onwaar', '0'].includes(v)) return false;
	if (['ja', 'j', 'yes', 'true', 'waar', '1', 'x'].includes(v)) return true;
	return null;
}

export const formatJaNee = (value: boolean) => (value ? 'ja' : 'nee');

/** A vocabulary term by its code or its label, case-insensitive. */
function termLookup(terms: readonly TermSeed[]) {
	const map = new Map<string, string>();
	for (const t of terms) {
		map.set(t.code.toLowerCase(), t.code);
		map.set(t.label.toLowerCase(), t.code);
	}
	return (value: string) => map.get(value.trim().toLowerCase()) ?? null;
}

const lookups = {
	type: termLookup(organisationTypes),
	categorie: termLookup(dienstCategorieen),
	doelgroepen: termLookup(doelgroepen),
	expertise: termLookup(expertiseGebieden)
};

const DAG_BY_NAME = new Map<string, number>(
	WEEKDAGEN.flatMap((d) => [
		[d.kort, d.dag],
		[d.naam, d.dag]
	])
);

/**
 * "ma-vr 09:00-17:00; za 10:00-12:00" or "ma 09:00-12:00, 13:00-17:00" → periods. Days as "ma"…"zo" or full names,
 * ranges with "-" or "t/m"; times as 09:00 or 9.00. The result is not yet checked for van < tot (the schema does that).
 */
export function parseOpeningstijden(
	text: string
): { ok: true; value: Openingstijd[] } | { ok: false; melding: string } {
	const periods: Openingstijd[] = [];
	for (const part of text.split(/[;\n]/).map((p) => p.trim())) {
		if (part === '') continue;
		const match = /^([a-z]+)(?:\s*(?:-|–|t\/m|tot en met)\s*([a-z]+))?\s*:?\s+(.+)$/i.exec(part);
		const from = match ? DAG_BY_NAME.get(match[1].toLowerCase()) : undefined;
		const to = match?.[2] ? DAG_BY_NAME.get(match[2].toLowerCase()) : from;
		if (!match || from === undefined || to === undefined || to < from) {
			return {
				ok: false,
				melding: `"${part}" kunnen we niet lezen. Schrijf bijvoorbeeld "ma-vr 09:00-17:00; za 10:00-12:00".`
			};
		}
		for (const range of match[3].split(',').map((r) => r.trim())) {
			const times = /^(\S+)\s*(?:-|–|tot)\s*(\S+)$/.exec(range);
			const van = times ? normaliseTijd(times[1]) : null;
			const tot = times ? normaliseTijd(times[2]) : null;
			if (!van || !tot) {
				return {
					ok: false,
					melding: `"${range}" in "${part}" is geen tijdvak. Schrijf bijvoorbeeld 09:00-17:00.`
				};
			}
			for (let dag = from; dag <= to; dag++) periods.push({ dag, van, tot });
		}
	}
	return { ok: true, value: periods };
}

/** One period per entry, in weekday order: "ma 09:00-17:00; di 09:00-17:00". Read back by parseOpeningstijden. */
export function formatOpeningstijden(periods: readonly Openingstijd[]): string {
	return [...periods]
		.sort((a, b) => a.dag - b.dag || a.van.localeCompare(b.van))
		.map((p) => `${WEEKDAGEN[p.dag - 1].kort} ${p.van}-${p.tot}`)
		.join('; ');
}

// --- rows --------------------------------------------------------------------------------------------------------------

/** Schema field → column, for error messages. */
const FIELD_COLUMN: Record<string, ImportColumn> = {
	naam: 'naam',
	type: 'type',
	categorie: 'categorie',
	beschrijving: 'beschrijving',
	telefoon: 'telefoon',
	email: 'email',
	website: 'website',
	isVoorbeeld: 'voorbeeld',
	adres: 'adres',
	postcode: 'postcode',
	plaats: 'plaats',
	lat: 'lat',
	lon: 'lon',
	doelgroepen: 'doelgroepen',
	expertise: 'expertise',
	dagEnNacht: 'dag_en_nacht',
	openingstijden: 'openingstijden',
	bereikbaarheidToelichting: 'bereikbaarheid_toelichting',
	voorProfessionals: 'voor_professionals'
};

function schemaErrors(rij: number, error: z.ZodError): RowError[] {
	const seen = new Set<string>();
	const out: RowError[] = [];
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? '');
		const kolom = FIELD_COLUMN[field] ?? null;
		const key = `${kolom}:${issue.message}`;
		if (seen.has(key)) continue;
		seen.add(key);
		out.push({ rij, kolom, melding: issue.message });
	}
	return out;
}

/** One message per column: when reading the cell already failed, the schema's complaint about it adds nothing. */
function addSchemaErrors(errors: RowError[], more: RowError[]) {
	const columns = new Set(errors.map((e) => e.kolom));
	errors.push(...more.filter((e) => !columns.has(e.kolom)));
}

function cell(row: SourceRow, column: ImportColumn): string {
	return (row.cells[column] ?? '').trim();
}

function readStatus(row: SourceRow, errors: RowError[]): RecordStatus {
	const v = cell(row, 'status').toLowerCase();
	if (v === '' || v === 'actief') return 'actief';
	if (v === 'gearchiveerd') return 'gearchiveerd';
	errors.push({
		rij: row.rij,
		kolom: 'status',
		melding: 'Vul actief of gearchiveerd in (of laat het leeg).'
	});
	return 'actief';
}

function readJaNee(row: SourceRow, column: ImportColumn, errors: RowError[]): boolean {
	const v = parseJaNee(cell(row, column));
	if (v === null)
		errors.push({ rij: row.rij, kolom: column, melding: 'Vul ja of nee in (of laat het leeg).' });
	return v ?? false;
}

function readTerm(row: SourceRow, column: 'type' | 'categorie', errors: RowError[]): string {
	const raw = cell(row, column);
	if (raw === '') return '';
	const code = lookups[column](raw);
	if (!code)
		errors.push({
			rij: row.rij,
			kolom: column,
			melding: `"${raw}" staat niet in de lijst van ${column === 'type' ? 'soorten organisaties' : 'soorten diensten'} (zie de toelichting).`
		});
	return code ?? raw;
}

function readTerms(row: SourceRow, column: 'doelgroepen' | 'expertise', errors: RowError[]): string[] {
	const codes: string[] = [];
	for (const raw of splitList(cell(row, column))) {
		const code = lookups[column](raw);
		if (code) codes.push(code);
		else
			errors.push({
				rij: row.rij,
				kolom: column,
				melding: `"${raw}" staat niet in de lijst van ${column === 'doelgroepen' ? 'doelgroepen' : 'expertise'} (zie de toelichting).`
			});
	}
	return codes;
}

/** The organisation key of a row: the slug as written, or made from the name (any text becomes a slug). */
function organisationKey(row: SourceRow, soort: Soort, errors: RowError[]): string {
	const raw = cell(row, 'organisatie');
	if (raw === '' && soort !== 'organisatie') {
		errors.push({
			rij: row.rij,
			kolom: 'organisatie',
			melding: `Vul bij een ${soort} de organisatie in waar deze ${soort} bij hoort.`
		});
		return '';
	}
	const slug = slugify(raw === '' ? cell(row, 'naam') : raw);
	if (soort === 'organisatie' && RESERVED_SLUGS.has(slug)) {
		errors.push({
			rij: row.rij,
			kolom: 'organisatie',
			melding: `"${slug}" kan geen sleutel van een organisatie zijn (het is een vast woord in de webadressen).`
		});
	} else if (!isValidSlug(slug) && !RESERVED_SLUGS.has(slug)) {
		errors.push({ rij: row.rij, kolom: 'organisatie', melding: 'Deze sleutel is te lang of ongeldig.' });
	}
	return slug;
}

function isEmptyRow(row: SourceRow): boolean {
	return Object.values(row.cells).every((v) => v === undefined || v.trim() === '');
}

/**
 * Maps and validates all rows. Checks that need the database (does the organisation exist and is it in the beheerder's
 * network, do postcodes, locations and regions exist) are left to the server.
 */
export function parseImport(headers: readonly string[], rows: readonly SourceRow[]): ParsedImport {
	const fouten = checkHeaders(headers);
	const result: ParsedImport = { organisaties: [], locaties: [], diensten: [], fouten, aantalRijen: 0 };
	if (fouten.length) return result;

	const firstRowOf = {
		organisatie: new Map<string, number>(),
		locatie: new Map<string, number>(),
		dienst: new Map<string, number>()
	};
	for (const row of rows) {
		if (isEmptyRow(row)) continue;
		result.aantalRijen++;
		const errors: RowError[] = [];
		const soortRaw = cell(row, 'soort').toLowerCase();
		const soort = (['organisatie', 'locatie', 'dienst'] as const).find((s) => s === soortRaw);
		if (!soort) {
			fouten.push({
				rij: row.rij,
				kolom: 'soort',
				melding: `Vul bij soort organisatie, locatie of dienst in${soortRaw ? ` (niet "${cell(row, 'soort')}")` : ''}.`
			});
			continue;
		}
		for (const [column, value] of Object.entries(row.cells)) {
			if (!value || value.trim() === '') continue;
			if (column.startsWith(UNNAMED_COLUMN)) {
				errors.push({
					rij: row.rij,
					kolom: column,
					melding: 'Deze rij heeft een waarde in een kolom zonder kolomnaam (staan de kolommen verschoven?).'
				});
			} else if (!COLUMNS_BY_SOORT[soort].includes(column as ImportColumn)) {
				errors.push({
					rij: row.rij,
					kolom: column,
					melding: `De kolom ${column} hoort niet bij een ${soort}; laat hem leeg (staan de kolommen verschoven?).`
				});
			}
		}
		const key = organisationKey(row, soort, errors);
		const status = readStatus(row, errors);

		// Duplicates within the file: the second occurrence would silently overwrite the first.
		const duplicateKey = soort === 'organisatie' ? key : `${key}\u0000${cell(row, 'naam').toLowerCase()}`;
		const earlier = firstRowOf[soort].get(duplicateKey);
		if (earlier !== undefined && key !== '') {
			errors.push({
				rij: row.rij,
				kolom: soort === 'organisatie' ? 'organisatie' : 'naam',
				melding:
					soort === 'organisatie'
						? `Organisatie "${key}" staat al op rij ${earlier}.`
						: `Deze ${soort} staat al op rij ${earlier} bij dezelfde organisatie.`
			});
		} else firstRowOf[soort].set(duplicateKey, row.rij);

		if (soort === 'organisatie') {
			const parsed = organisationInputSchema.safeParse({
				naam: cell(row, 'naam'),
				type: readTerm(row, 'type', errors),
				beschrijving: cell(row, 'beschrijving'),
				telefoon: cell(row, 'telefoon'),
				email: cell(row, 'email'),
				website: cell(row, 'website'),
				isVoorbeeld: readJaNee(row, 'voorbeeld', errors)
			});
			if (!parsed.success) addSchemaErrors(errors, schemaErrors(row.rij, parsed.error));
			else if (!errors.length)
				result.organisaties.push({ rij: row.rij, slug: key, data: parsed.data, status });
		} else if (soort === 'locatie') {
			const parsed = locationInputSchema.safeParse({
				naam: cell(row, 'naam'),
				adres: cell(row, 'adres'),
				postcode: cell(row, 'postcode'),
				plaats: cell(row, 'plaats'),
				lat: cell(row, 'lat'),
				lon: cell(row, 'lon')
			});
			if (!parsed.success) addSchemaErrors(errors, schemaErrors(row.rij, parsed.error));
			else if (!errors.length)
				result.locaties.push({ rij: row.rij, organisatie: key, data: parsed.data, status });
		} else {
			const tijden = parseOpeningstijden(cell(row, 'openingstijden'));
			if (!tijden.ok) errors.push({ rij: row.rij, kolom: 'openingstijden', melding: tijden.melding });
			const parsed = serviceInputSchema.safeParse({
				naam: cell(row, 'naam'),
				beschrijving: cell(row, 'beschrijving'),
				categorie: readTerm(row, 'categorie', errors),
				doelgroepen: readTerms(row, 'doelgroepen', errors),
				expertise: readTerms(row, 'expertise', errors),
				telefoon: cell(row, 'telefoon'),
				email: cell(row, 'email'),
				website: cell(row, 'website'),
				dagEnNacht: readJaNee(row, 'dag_en_nacht', errors),
				openingstijden: tijden.ok ? tijden.value : [],
				bereikbaarheidToelichting: cell(row, 'bereikbaarheid_toelichting'),
				voorProfessionals: readJaNee(row, 'voor_professionals', errors),
				locationIds: [],
				regionIds: []
			});
			if (!parsed.success) addSchemaErrors(errors, schemaErrors(row.rij, parsed.error));
			else if (!errors.length) {
				const { locationIds: _l, regionIds: _r, ...data } = parsed.data;
				result.diensten.push({
					rij: row.rij,
					organisatie: key,
					data,
					locaties: splitList(cell(row, 'locaties')),
					regios: splitList(cell(row, 'regios')),
					status
				});
			}
		}
		fouten.push(...errors);
	}
	fouten.sort((a, b) => a.rij - b.rij);
	return result;
}

// --- export ------------------------------------------------------------------------------------------------------------

export interface ExportLocation extends LocationInput {
	status: RecordStatus;
}

/** Codes as stored (plain strings): an export writes whatever the database holds. */
export interface ExportService extends Omit<DienstData, 'categorie' | 'doelgroepen' | 'expertise'> {
	categorie: string;
	doelgroepen: string[];
	expertise: string[];
	/** Names of the service's locations. */
	locaties: string[];
	/** Slugs of the regions served. */
	regios: string[];
	status: RecordStatus;
}

export interface ExportOrganisation extends Omit<OrganisationInput, 'type'> {
	type: string;
	slug: string;
	status: RecordStatus;
	locaties: ExportLocation[];
	diensten: ExportService[];
}

function emptyRecord(): ImportRecord {
	return Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, ''])) as ImportRecord;
}

const text = (v: string | null | undefined) => v ?? '';
const num = (v: number | null) => (v === null ? '' : String(v));

/** Organisations (with their locations and services) → rows in import format: organisation, its locations, its services. */
export function toImportRecords(organisations: readonly ExportOrganisation[]): ImportRecord[] {
	const records: ImportRecord[] = [];
	for (const org of organisations) {
		records.push({
			...emptyRecord(),
			soort: 'organisatie',
			organisatie: org.slug,
			naam: org.naam,
			type: org.type,
			beschrijving: org.beschrijving,
			telefoon: text(org.telefoon),
			email: text(org.email),
			website: text(org.website),
			voorbeeld: formatJaNee(org.isVoorbeeld),
			status: org.status
		});
		for (const loc of org.locaties) {
			records.push({
				...emptyRecord(),
				soort: 'locatie',
				organisatie: org.slug,
				naam: loc.naam,
				adres: text(loc.adres),
				postcode: text(loc.postcode),
				plaats: text(loc.plaats),
				lat: num(loc.lat),
				lon: num(loc.lon),
				status: loc.status
			});
		}
		for (const s of org.diensten) {
			records.push({
				...emptyRecord(),
				soort: 'dienst',
				organisatie: org.slug,
				naam: s.naam,
				categorie: s.categorie,
				beschrijving: s.beschrijving,
				telefoon: text(s.telefoon),
				email: text(s.email),
				website: text(s.website),
				locaties: joinList(s.locaties),
				regios: joinList(s.regios),
				doelgroepen: joinList(s.doelgroepen),
				expertise: joinList(s.expertise),
				dag_en_nacht: formatJaNee(s.dagEnNacht),
				openingstijden: formatOpeningstijden(s.openingstijden),
				bereikbaarheid_toelichting: text(s.bereikbaarheidToelichting),
				voor_professionals: formatJaNee(s.voorProfessionals),
				status: s.status
			});
		}
	}
	return records;
}

/** Records as header + rows, the shape the parser reads (row numbers as in a spreadsheet). */
export function recordsToRows(records: readonly ImportRecord[]): { headers: string[]; rows: SourceRow[] } {
	return {
		headers: [...IMPORT_COLUMNS],
		rows: records.map((cells, i) => ({ rij: i + 2, cells }))
	};
}

/**
 * A file already read (header + rows), as the preview hands it to the "import now" step (a hidden form field), compact:
 * the cell names once, then per row its number and its values. It is checked in full again before anything is written,
 * so a tampered copy can do no more than a file the beheerder uploads.
 */
const encodedTableSchema = z.object({
	h: z.array(z.string().max(200)).max(100),
	k: z.array(z.string().max(200)).max(200),
	r: z.array(z.array(z.union([z.number().int().min(2), z.string().max(20_000)])).max(201)).max(50_000)
});

export function encodeTable(table: { headers: readonly string[]; rows: readonly SourceRow[] }): string {
	const keys = [...new Set(table.rows.flatMap((r) => Object.keys(r.cells)))];
	return JSON.stringify({
		h: table.headers,
		k: keys,
		r: table.rows.map((row) => [row.rij, ...keys.map((key) => row.cells[key] ?? '')])
	});
}

export function decodeTable(text: string): { headers: string[]; rows: SourceRow[] } | null {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return null;
	}
	const parsed = encodedTableSchema.safeParse(json);
	if (!parsed.success) return null;
	const { h, k, r } = parsed.data;
	const rows: SourceRow[] = [];
	for (const [rij, ...values] of r) {
		if (typeof rij !== 'number' || values.length !== k.length || values.some((v) => typeof v !== 'string'))
			return null;
		rows.push({ rij, cells: Object.fromEntries(k.map((key, i) => [key, values[i] as string])) });
	}
	return { headers: h, rows };
}
