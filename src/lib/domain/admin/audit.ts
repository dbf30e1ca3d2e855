import { csvCell } from '../csv';
import { isUuid } from './common';

/*
 * The audit log screen: the filter as it lives in the URL, labels for actions and record types, and the CSV export.
 * The period is in Dutch calendar days (Europe/Amsterdam): "tot en met 3 maart" ends at midnight after 3 March there.
 */

export const AUDIT_PAGE_SIZE = 50;
/** The CSV export holds at most this many rows (newest first); the page says so when the filter matches more. */
export const AUDIT_EXPORT_MAX = 20_000;

export interface AuditFilter {
	/** Who did it (the actor). */
	userId?: string;
	organisationId?: string;
	entityType?: string;
	entityId?: string;
	action?: string;
	/** First day, inclusive ("2026-03-01"). */
	van?: string;
	/** Last day, inclusive. */
	tot?: string;
	page: number;
}

export interface ParsedAuditFilter {
	filter: AuditFilter;
	/** Dutch messages per URL parameter for values that were ignored. */
	errors: Record<string, string>;
}

/** URL parameter names (Dutch, as the form fields are named). */
export const AUDIT_PARAMS = {
	userId: 'gebruiker',
	organisationId: 'organisatie',
	entityType: 'type',
	entityId: 'record',
	action: 'actie',
	van: 'van',
	tot: 'tot',
	page: 'pagina'
} as const;

const CODE_PATTERN = /^[a-z][a-z0-9_]{0,59}$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(value: string): boolean {
	const m = DATE_PATTERN.exec(value);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const check = new Date(Date.UTC(y, mo - 1, d));
	return check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d;
}

/** Reads the filter from the URL; invalid values are dropped with a message, so the page still shows a list. */
export function parseAuditFilter(params: URLSearchParams): ParsedAuditFilter {
	const errors: Record<string, string> = {};
	const filter: AuditFilter = { page: 1 };
	const get = (name: string) => params.get(name)?.trim() ?? '';

	const gebruiker = get(AUDIT_PARAMS.userId);
	if (gebruiker) {
		if (isUuid(gebruiker)) filter.userId = gebruiker.toLowerCase();
		else errors.gebruiker = 'Kies een gebruiker uit de lijst.';
	}
	const organisatie = get(AUDIT_PARAMS.organisationId);
	if (organisatie) {
		if (isUuid(organisatie)) filter.organisationId = organisatie.toLowerCase();
		else errors.organisatie = 'Kies een organisatie uit de lijst.';
	}
	const type = get(AUDIT_PARAMS.entityType);
	if (type) {
		if (CODE_PATTERN.test(type)) filter.entityType = type;
		else errors.type = 'Kies een soort record uit de lijst.';
	}
	const record = get(AUDIT_PARAMS.entityId);
	if (record) {
		if (record.length <= 100 && /^[\w:.-]+$/.test(record)) filter.entityId = record;
		else errors.record = 'Vul het id van het record in zoals het in de lijst staat.';
	}
	const actie = get(AUDIT_PARAMS.action);
	if (actie) {
		if (CODE_PATTERN.test(actie)) filter.action = actie;
		else errors.actie = 'Kies een actie uit de lijst.';
	}
	const van = get(AUDIT_PARAMS.van);
	if (van) {
		if (validDate(van)) filter.van = van;
		else errors.van = 'Vul een geldige datum in (dag-maand-jaar).';
	}
	const tot = get(AUDIT_PARAMS.tot);
	if (tot) {
		if (validDate(tot)) filter.tot = tot;
		else errors.tot = 'Vul een geldige datum in (dag-maand-jaar).';
	}
	if (filter.van && filter.tot && filter.van > filter.tot) {
		errors.tot = 'De einddatum ligt vóór de begindatum.';
		delete filter.tot;
	}
	const pagina = get(AUDIT_PARAMS.page);
	if (pagina) {
		const n = Number(pagina);
		if (Number.isInteger(n) && n >= 1 && n <= 100_000) filter.page = n;
	}
	return { filter, errors };
}

/** The URL parameters of a filter (page 1 is left out, no leading "?"), e.g. for the next page or the export. */
export function auditFilterParams(filter: AuditFilter, overrides: Partial<AuditFilter> = {}): string {
	const f = { ...filter, ...overrides };
	const params = new URLSearchParams();
	const keys = Object.keys(AUDIT_PARAMS) as (keyof AuditFilter)[];
	for (const key of keys) {
		const value = f[key];
		if (value === undefined || value === '' || (key === 'page' && value === 1)) continue;
		params.set(AUDIT_PARAMS[key], String(value));
	}
	return params.toString();
}

const amsterdamParts = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Amsterdam',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

function wallClock(moment: Date) {
	const parts = Object.fromEntries(amsterdamParts.formatToParts(moment).map((p) => [p.type, p.value]));
	return {
		year: Number(parts.year),
		month: Number(parts.month),
		day: Number(parts.day),
		hour: Number(parts.hour),
		minute: Number(parts.minute),
		second: Number(parts.second)
	};
}

/** The instant at which a calendar day starts in Amsterdam ("2026-03-29" → 2026-03-28T23:00Z). */
export function startOfAmsterdamDay(date: string): Date {
	const [y, m, d] = date.split('-').map(Number);
	const wanted = Date.UTC(y, m - 1, d);
	let guess = wanted;
	// Two rounds settle the UTC offset, also on the days the clocks change.
	for (let i = 0; i < 2; i++) {
		const t = wallClock(new Date(guess));
		guess += wanted - Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
	}
	return new Date(guess);
}

/** The half-open period [from, until) of a filter's van/tot, as instants. */
export function auditPeriod(filter: Pick<AuditFilter, 'van' | 'tot'>): { from?: Date; until?: Date } {
	const period: { from?: Date; until?: Date } = {};
	if (filter.van) period.from = startOfAmsterdamDay(filter.van);
	if (filter.tot) {
		const [y, m, d] = filter.tot.split('-').map(Number);
		const next = new Date(Date.UTC(y, m - 1, d + 1));
		period.until = startOfAmsterdamDay(next.toISOString().slice(0, 10));
	}
	return period;
}

/** "2026-03-01 14:05:09" in Amsterdam time. */
export function formatAuditMoment(moment: Date): string {
	const t = wallClock(moment);
	const p = (n: number) => String(n).padStart(2, '0');
	return `${t.year}-${p(t.month)}-${p(t.day)} ${p(t.hour)}:${p(t.minute)}:${p(t.second)}`;
}

export const actionLabels: Record<string, string> = {
	inloggen: 'Ingelogd',
	account_aangemaakt: 'Account aangemaakt',
	wachtwoord_ingesteld: 'Wachtwoord ingesteld',
	wachtwoordlink_gemaakt: 'Wachtwoordlink gemaakt',
	gebruiker_gewijzigd: 'Gebruiker gewijzigd',
	gebruiker_gedeactiveerd: 'Gebruiker gedeactiveerd',
	gebruiker_geheractiveerd: 'Gebruiker weer actief gemaakt',
	regio_gewijzigd: 'Regio hernoemd of gewijzigd',
	regio_gemeente_toegevoegd: 'Gemeente aan regio toegevoegd',
	regio_gemeente_gewijzigd: 'Aandeel gemeente gewijzigd',
	regio_gemeente_verwijderd: 'Gemeente uit regio verwijderd',
	subregio_aangemaakt: 'Subregio aangemaakt',
	subregio_samengevoegd: 'Subregio’s samengevoegd',
	taxonomieterm_gewijzigd: 'Taxonomieterm gewijzigd',
	taxonomieterm_gedeactiveerd: 'Taxonomieterm uitgezet',
	taxonomieterm_geactiveerd: 'Taxonomieterm weer aangezet',
	auditlog_geexporteerd: 'Auditlog geëxporteerd'
};

export const entityTypeLabels: Record<string, string> = {
	user: 'Gebruiker',
	organisation: 'Organisatie',
	location: 'Locatie',
	service: 'Dienst',
	region: 'Regio',
	taxonomy_term: 'Taxonomieterm',
	bed_unit: 'Beddenunit',
	verwijzing: 'Verwijzing',
	verwijsverzoek: 'Verwijsverzoek',
	api_token: 'API-token',
	import: 'Import',
	wegwijzer_vraag: 'Wegwijzervraag',
	prognosis_parameters: 'Prognose-instellingen',
	external_prognosis: 'Externe prognose',
	planned_capacity: 'Geplande capaciteit',
	audit_log: 'Auditlog'
};

/** Details as short "key: value" lines for the table (the CSV keeps the full JSON). */
export function detailLines(details: Record<string, unknown> | null, max = 8): string[] {
	if (!details) return [];
	const lines: string[] = [];
	for (const [key, value] of Object.entries(details)) {
		if (value === undefined) continue;
		let text = typeof value === 'string' ? value : JSON.stringify(value);
		if (text.length > 140) text = `${text.slice(0, 137)}…`;
		lines.push(`${key}: ${text}`);
		if (lines.length >= max) break;
	}
	return lines;
}

/** "organisatie_gewijzigd" → "Organisatie gewijzigd", for codes without a label of their own. */
function humanise(code: string): string {
	const text = code.replace(/_/g, ' ').trim();
	return text.charAt(0).toUpperCase() + text.slice(1);
}

export function actionLabel(action: string): string {
	return actionLabels[action] ?? humanise(action);
}

export function entityTypeLabel(type: string): string {
	return entityTypeLabels[type] ?? humanise(type);
}

export interface AuditCsvRow {
	at: Date;
	actorNaam: string | null;
	actorEmail: string | null;
	role: string | null;
	action: string;
	entityType: string;
	entityId: string | null;
	organisationNaam: string | null;
	organisationId: string | null;
	regionNaam: string | null;
	details: Record<string, unknown> | null;
}

export const AUDIT_CSV_COLUMNS = [
	'Tijdstip (Nederlandse tijd)',
	'Gebruiker',
	'E-mail gebruiker',
	'Rol',
	'Actie',
	'Actiecode',
	'Soort record',
	'Record-id',
	'Organisatie',
	'Organisatie-id',
	'Regio',
	'Details'
] as const;

/** Semicolon-separated with a byte-order mark and CRLF, as Dutch spreadsheet programs expect. */
export function auditToCsv(rows: readonly AuditCsvRow[]): string {
	const lines = [AUDIT_CSV_COLUMNS.map(csvCell).join(';')];
	for (const r of rows) {
		lines.push(
			[
				formatAuditMoment(r.at),
				r.actorNaam ?? (r.actorEmail ? null : 'Systeem'),
				r.actorEmail,
				r.role,
				actionLabel(r.action),
				r.action,
				entityTypeLabel(r.entityType),
				r.entityId,
				r.organisationNaam,
				r.organisationId,
				r.regionNaam,
				r.details ? JSON.stringify(r.details) : ''
			]
				.map(csvCell)
				.join(';')
		);
	}
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
