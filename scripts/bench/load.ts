/**
 * Load benchmark of the built portal (prints figures; not a timed test): `npx tsx scripts/bench/load.ts` (`npm run bench:load`).
 *
 * 1. Creates a FRESH database `bench_load_<time>` on the PostgreSQL server of BENCH_DATABASE_URL (default
 *    postgres://postgres@127.0.0.1:5432/postgres; that database is only used to create and drop the fresh one), migrates
 *    it, loads the reference data and the demo data, and creates API tokens for the demo organisations that have bed units.
 * 2. Starts the built portal (`node <BUILD_DIR>`, default build) on it, on 127.0.0.1, as a deployment would run it.
 * 3. Logs in both demo verwijzers through the login form and has them create referrals through the referral form.
 * 4. Drives it with autocannon: every connection cycles through a mix of requests (weights in --mix):
 *    - kaart:       /kaart searches with text, postcode + radius, type/doelgroep/expertise/regio facets, pages;
 *    - organisatie: /organisaties/<slug> of every demo organisation;
 *    - wegwijzer:   /wegwijzer?postcode=<pc4>[&vraag=<question>] for the demo regions' postcodes;
 *    - match:       /verwijzen/<id> as the logged-in verwijzer (the page runs the bed matching on every load);
 *    - api:         PUT /api/v1/bed-units/<id>/availability with the organisation's bearer token.
 *    The API allows 60 requests per token per minute and has no setting for that, so the benchmark spreads its calls over
 *    --tokens tokens (several per organisation) and reports the resulting ceiling and any 429.
 * 5. Prints requests per second, latency p50/p95/p99 overall and per kind, unexpected statuses and errors, the server
 *    process's memory (VmRSS from /proc/<pid>/status) before and after the load, and the machine it ran on, next to the
 *    targets (0 errors, p95 < 200 ms, memory growth < 10 %). Then stops the portal and drops the database.
 *
 * Flags (or environment): --duration <s> (BENCH_DURATION, 60), --connections <n> (BENCH_CONNECTIONS, 100),
 * --warmup <s> (20), --rate <n>[,<n>…] (40,100: after the saturating pass, one pass per rate, evenly spaced; 0: none),
 * --per-kind <s> (0: after the mixed pass, also one pass of this length per kind on its own),
 * --mix kaart=4,organisatie=2,wegwijzer=2,match=1,api=1, --tokens <n> (128), --port <n> (BENCH_PORT; default a free
 * port), --log-level <level> (info, as in production; the request log goes to /dev/null), --keep (do not drop the database),
 * --cpu-prof <dir> (write a V8 CPU profile of the portal there).
 * Quick try: `npx tsx scripts/bench/load.ts --duration 10 --connections 20`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import postgres from 'postgres';
import { and, eq } from 'drizzle-orm';
import {
	doelgroepen,
	expertiseGebieden,
	opnameVoorwaarden,
	organisationTypes
} from '../../src/lib/domain/organisation/taxonomy';
import { leeftijdscategorieen, prognoses, urgenties } from '../../src/lib/domain/referral/options';
import {
	emptySearchState,
	radiusOptions,
	toQueryString,
	type SearchState
} from '../../src/lib/domain/search/url';
import { standaardVragen } from '../../src/lib/domain/wegwijzer/standaard-vragen';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { migrateDatabase, openDatabase } from '../../src/lib/server/db/client';
import { bedUnits, memberships, organisations, users } from '../../src/lib/server/db/schema';
import { ensureReferenceData } from '../../src/lib/server/reference/load-reference-data';
import { DEMO_PASSWORD, demoAccounts, demoRegions, seedDemoData } from '../../src/lib/server/seed/demo';
import { createRng } from '../../src/lib/server/seed/prng';

// autocannon has no type declarations; this is the part of its API used here.
interface AutocannonRequest {
	method?: string;
	path?: string;
	headers?: Record<string, string>;
	body?: string;
	setupRequest?: (req: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
	onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}
interface AutocannonResult {
	duration: number;
	errors: number;
	timeouts: number;
	resets: number;
	non2xx: number;
	requests: { average: number; total: number };
}
interface AutocannonInstance {
	on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
	on(event: 'reqError', listener: (error: Error) => void): void;
	stop(): void;
}
type Autocannon = (
	opts: Record<string, unknown>,
	done: (error: Error | null, result: AutocannonResult) => void
) => AutocannonInstance;
const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as Autocannon;
const autocannonVersion = (require('autocannon/package.json') as { version: string }).version;

// ---------------------------------------------------------------------------------------------------------------------
// Options

function option(name: string, envName?: string): string | undefined {
	const argv = process.argv.slice(2);
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === `--${name}`) return argv[i + 1];
		if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
	}
	return envName ? process.env[envName] || undefined : undefined;
}
function numberOption(name: string, fallback: number, envName?: string): number {
	const raw = option(name, envName);
	if (raw === undefined) return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} moet een getal zijn, niet "${raw}"`);
	return value;
}

const KINDS = ['kaart', 'organisatie', 'wegwijzer', 'match', 'api'] as const;
type Kind = (typeof KINDS)[number];
const KIND_LABELS: Record<Kind, string> = {
	kaart: '/kaart (zoeken met filters)',
	organisatie: '/organisaties/<slug>',
	wegwijzer: '/wegwijzer?postcode=…',
	match: '/verwijzen/<id> (match, ingelogd)',
	api: 'PUT /api/v1/…/availability'
};

const DURATION = numberOption('duration', 60, 'BENCH_DURATION');
const CONNECTIONS = numberOption('connections', 100, 'BENCH_CONNECTIONS');
// Long enough for the heap to reach its working size under full load (measured: about 6 s at 100 connections), so the
// memory growth that is measured is that of sustained load (a leak), not of start-up.
const WARMUP = numberOption('warmup', 20);
/** Steady-load passes after the saturating one: requests per second, evenly spaced, one pass per rate (0: none). */
const RATES = (option('rate') ?? '40,100').split(',').map((r) => {
	const value = Number(r);
	if (!Number.isFinite(value) || value < 0) throw new Error(`--rate: "${r}" is geen aantal per seconde`);
	return value;
});
const PER_KIND = numberOption('per-kind', 0);
const TOKENS = Math.max(1, Math.round(numberOption('tokens', 128)));
const LOG_LEVEL = option('log-level') ?? 'info';
const KEEP = process.argv.includes('--keep');
const MIX = parseMix(option('mix') ?? 'kaart=4,organisatie=2,wegwijzer=2,match=1,api=1');
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const buildDir = path.resolve(process.env.BUILD_DIR ?? 'build');
const API_LIMIT_PER_MINUTE = 60; // API_RATE_LIMIT in src/lib/server/auth/api-tokens.ts (not configurable)

function parseMix(text: string): Record<Kind, number> {
	const mix = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
	for (const part of text.split(',')) {
		const [key, value] = part.split('=');
		if (!(KINDS as readonly string[]).includes(key) || !/^\d+$/.test(value ?? ''))
			throw new Error(`--mix: "${part}" is geen <soort>=<gewicht> (soorten: ${KINDS.join(', ')})`);
		mix[key as Kind] = Number(value);
	}
	if (Object.values(mix).every((w) => w === 0)) throw new Error('--mix: minstens één soort met gewicht > 0');
	return mix;
}

/** The kinds in the order one connection sends them: smooth weighted round robin, so kinds are interleaved. */
function cycleOf(mix: Record<Kind, number>): Kind[] {
	const total = KINDS.reduce((n, k) => n + mix[k], 0);
	const current = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
	const cycle: Kind[] = [];
	for (let i = 0; i < total; i++) {
		for (const k of KINDS) current[k] += mix[k];
		const best = KINDS.reduce((a, b) => (current[b] > current[a] ? b : a));
		current[best] -= total;
		cycle.push(best);
	}
	return cycle;
}

// ---------------------------------------------------------------------------------------------------------------------
// Machine, process memory, statistics

function machine() {
	const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
	const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'onbekend';
	const memKb = Number(/^MemTotal:\s+(\d+)/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0);
	return { model, cores: os.cpus().length, ramGb: memKb / 1024 / 1024 };
}

function loadAverage(): string {
	return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

/** VmRSS and VmHWM (peak) of a process in MB, from /proc/<pid>/status. */
function memoryOf(pid: number): { rss: number; peak: number } {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
	return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux (getconf CLK_TCK)

/** CPU time (user + system, ms) a process has used so far; 0 when it is gone. */
function cpuMsOf(pid: number): number {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name (field 2) may contain spaces: count fields from after its closing parenthesis.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
	} catch {
		return 0;
	}
}

/** Busy and total CPU time (ms, summed over all cores) of the whole machine so far, from /proc/stat. */
function machineCpuMs(): { busy: number; total: number } {
	const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
	const [user, nice, system, idle, iowait, irq, softirq, steal] = values.map(Number);
	const total = user + nice + system + idle + iowait + irq + softirq + steal;
	return {
		busy: ((total - idle - iowait) * 1000) / CLOCK_TICKS_PER_SECOND,
		total: (total * 1000) / CLOCK_TICKS_PER_SECOND
	};
}

/** Where the machine's CPU went between two snapshots: the portal, its PostgreSQL backends, this process, the rest. */
interface CpuSnapshot {
	portal: number;
	backends: Map<number, number>;
	self: number;
	machine: { busy: number; total: number };
}

async function cpuSnapshot(portalPid: number, database: string): Promise<CpuSnapshot> {
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	const rows = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${database}`;
	await admin.end();
	const usage = process.cpuUsage();
	return {
		portal: cpuMsOf(portalPid),
		backends: new Map(rows.map((r) => [r.pid, cpuMsOf(r.pid)])),
		self: (usage.user + usage.system) / 1000,
		machine: machineCpuMs()
	};
}

function cpuBetween(a: CpuSnapshot, b: CpuSnapshot) {
	let postgresMs = 0;
	for (const [pid, ms] of b.backends) postgresMs += ms - (a.backends.get(pid) ?? 0);
	const portal = b.portal - a.portal;
	const self = b.self - a.self;
	const busy = b.machine.busy - a.machine.busy;
	return {
		portal,
		postgres: postgresMs,
		self,
		other: Math.max(0, busy - portal - postgresMs - self),
		idle: b.machine.total - a.machine.total - busy,
		wall: (b.machine.total - a.machine.total) / os.cpus().length
	};
}

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

const ms = (n: number) => (Number.isNaN(n) ? '—' : `${Math.round(n)} ms`).padStart(7);
const check = (ok: boolean) => (ok ? 'gehaald' : 'NIET gehaald');

// ---------------------------------------------------------------------------------------------------------------------
// The requests

interface Variant {
	method: 'GET' | 'PUT';
	path: string;
	headers: Record<string, string>;
	/** A fresh body per request (the availability updates). */
	body?: () => string;
	/** The status a correct answer has. */
	expect: number;
}

interface ApiTarget {
	token: string;
	unitId: string;
	aantalBedden: number;
}

const rng = createRng(20261205);
const html = { accept: 'text/html' };

function kaartVariants(): Variant[] {
	const words = [
		'hospice',
		'pijn',
		'rouwverwerking',
		'dementie',
		'vrijwilligers',
		'mantelzorg',
		'geestelijke verzorging',
		'thuiszorg',
		'verpleeghuizen',
		'hospise',
		'palliatief',
		'psychiatrie',
		'dak- en thuislozen',
		'tolk',
		'nachtzorg',
		'huisarts',
		'sedatie',
		'verslaving'
	];
	const pc4s = demoRegions.flatMap((r) => r.places.map((p) => p.pc4));
	const codes = (list: readonly { code: string }[]) => list.map((t) => t.code);
	const seen = new Set<string>();
	const variants: Variant[] = [{ method: 'GET', path: '/kaart', headers: html, expect: 200 }];
	for (let i = 0; variants.length < 150 && i < 2000; i++) {
		const state: SearchState = {
			...emptySearchState,
			q: rng.chance(0.7) ? rng.pick(words) : '',
			type: rng.chance(0.35) ? rng.sample(codes(organisationTypes), rng.int(1, 2)) : [],
			doelgroep: rng.chance(0.25) ? [rng.pick(codes(doelgroepen))] : [],
			expertise: rng.chance(0.2) ? [rng.pick(codes(expertiseGebieden))] : [],
			regio: rng.chance(0.2) ? [rng.pick(demoRegions).slug] : [],
			dagEnNacht: rng.chance(0.15),
			pagina: rng.chance(0.1) ? 2 : 1
		};
		if (rng.chance(0.5)) {
			state.postcode = rng.pick(pc4s);
			if (rng.chance(0.6)) state.straal = rng.pick(radiusOptions);
		}
		const query = toQueryString(state);
		if (seen.has(query)) continue;
		seen.add(query);
		variants.push({ method: 'GET', path: `/kaart${query}`, headers: html, expect: 200 });
	}
	return variants;
}

function wegwijzerVariants(): Variant[] {
	const pc4s = [...new Set(demoRegions.flatMap((r) => r.places.map((p) => p.pc4)))];
	const variants: Variant[] = [];
	for (const pc4 of pc4s) {
		variants.push({ method: 'GET', path: `/wegwijzer?postcode=${pc4}`, headers: html, expect: 200 });
		for (const vraag of rng.sample(standaardVragen, 3))
			variants.push({
				method: 'GET',
				path: `/wegwijzer?postcode=${pc4}&vraag=${vraag.slug}`,
				headers: html,
				expect: 200
			});
	}
	return variants;
}

function apiVariants(targets: ApiTarget[]): Variant[] {
	return targets.map((t) => ({
		method: 'PUT',
		path: `/api/v1/bed-units/${t.unitId}/availability`,
		headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' },
		body: () => JSON.stringify({ vrijeBedden: Math.floor(Math.random() * (t.aantalBedden + 1)) }),
		expect: 200
	}));
}

// ---------------------------------------------------------------------------------------------------------------------
// Setup: database, portal, verwijzers

async function freePort(): Promise<number> {
	const requested = option('port', 'BENCH_PORT');
	if (requested) return Number(requested);
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

async function createDatabase() {
	const name = `bench_load_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`CREATE DATABASE "${name}"`);
	const [{ server_version: version }] = await admin<{ server_version: string }[]>`show server_version`;
	const [{ max_connections: maxConnections }] = await admin<
		{ max_connections: string }[]
	>`show max_connections`;
	await admin.end();
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return { name, url: url.toString(), version, maxConnections };
}

async function dropDatabase(name: string) {
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	try {
		await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
	} finally {
		await admin.end();
	}
}

/** Demo data plus API tokens for every organisation with an active bed unit and an editor (spread over `count`). */
async function prepareData(url: string, count: number) {
	const handle = await openDatabase({ url, max: 2 });
	try {
		await migrateDatabase(handle);
		await ensureReferenceData(handle.db);
		await seedDemoData(handle.db);
		const db = handle.db;
		const rows = await db
			.select({
				organisationId: organisations.id,
				slug: organisations.slug,
				unitId: bedUnits.id,
				aantalBedden: bedUnits.aantalBedden,
				userId: users.id,
				role: users.role
			})
			.from(bedUnits)
			.innerJoin(organisations, eq(organisations.id, bedUnits.organisationId))
			.innerJoin(memberships, eq(memberships.organisationId, organisations.id))
			.innerJoin(users, eq(users.id, memberships.userId))
			.where(and(eq(bedUnits.status, 'actief'), eq(users.role, 'organisatie')))
			.orderBy(organisations.slug);
		const byOrg = new Map<string, (typeof rows)[number][]>();
		for (const row of rows) byOrg.set(row.organisationId, [...(byOrg.get(row.organisationId) ?? []), row]);
		const orgs = [...byOrg.values()];
		if (orgs.length === 0)
			throw new Error('Geen organisatie met een beddeneenheid en een redacteur in de demodata');
		const targets: ApiTarget[] = [];
		for (let i = 0; i < count; i++) {
			const units = orgs[i % orgs.length];
			const first = units[0];
			const created = await createApiToken(
				db,
				{ id: first.userId, role: first.role },
				{ organisationId: first.organisationId, naam: `Belastingtest ${i + 1}` }
			);
			if (!created.ok) throw new Error(`Kon geen API-token maken voor ${first.slug}`);
			const unit = units[Math.floor(i / orgs.length) % units.length];
			targets.push({ token: created.token, unitId: unit.unitId, aantalBedden: unit.aantalBedden });
		}
		const slugs = (
			await db
				.select({ slug: organisations.slug })
				.from(organisations)
				.where(eq(organisations.status, 'actief'))
		).map((r) => r.slug);
		return { targets, slugs, apiOrganisations: orgs.length };
	} finally {
		await handle.close();
	}
}

function startPortal(port: number, databaseUrl: string): { child: ChildProcess; stderr: string[] } {
	const env: NodeJS.ProcessEnv = { ...process.env };
	// Only the deployment's own settings: nothing from the caller's shell (Meilisearch, another ORIGIN) leaks in.
	for (const key of [
		'PGLITE_DATA_DIR',
		'MEILISEARCH_URL',
		'MEILISEARCH_API_KEY',
		'ADDRESS_HEADER',
		'XFF_DEPTH'
	])
		delete env[key];
	// --cpu-prof <dir>: a V8 CPU profile of the portal, written when it stops (open it in Chrome DevTools).
	const profileDir = option('cpu-prof');
	const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
	const child = spawn('node', [...nodeArgs, buildDir], {
		env: {
			...env,
			NODE_ENV: 'production',
			DATABASE_URL: databaseUrl,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			LOG_LEVEL
		},
		// The per-request log lines go to /dev/null (as a deployment writes them to its journal); warnings and errors are kept.
		stdio: ['ignore', 'ignore', 'pipe']
	});
	const stderr: string[] = [];
	child.stderr!.setEncoding('utf8');
	let rest = '';
	child.stderr!.on('data', (chunk: string) => {
		const lines = (rest + chunk).split('\n');
		rest = lines.pop() ?? '';
		stderr.push(...lines.filter(Boolean));
	});
	return { child, stderr };
}

async function waitForPortal(base: string, child: ChildProcess, stderr: string[]) {
	const deadline = Date.now() + 120_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`Het portaal stopte bij het starten:\n${stderr.join('\n')}`);
		const ok = await fetch(`${base}/readyz`).then(
			(r) => r.ok,
			() => false
		);
		if (ok) return;
		if (Date.now() > deadline)
			throw new Error(`Het portaal werd niet gereed binnen 120 s:\n${stderr.join('\n')}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

async function loginAs(base: string, email: string): Promise<string> {
	const response = await fetch(`${base}/inloggen`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password: DEMO_PASSWORD })
	});
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => !c.endsWith('='));
	if (response.status !== 303 || !cookie) throw new Error(`Inloggen als ${email} gaf ${response.status}`);
	return cookie;
}

/** Referrals created through the real form; the verwijzer's page of each is the "match" request. */
async function createReferrals(base: string): Promise<Variant[]> {
	const variants: Variant[] = [];
	const verwijzers = demoAccounts.filter((a) => a.role === 'verwijzer');
	for (const account of verwijzers) {
		const cookie = await loginAs(base, account.email);
		// Patients from the verwijzer's own network.
		const region = demoRegions.find((r) => r.slug === account.regionSlug) ?? demoRegions[0];
		for (let i = 0; i < 4; i++) {
			const form = new URLSearchParams({
				leeftijdscategorie: rng.pick(leeftijdscategorieen),
				pc4Verblijf: rng.pick(region.places).pc4,
				prognose: rng.pick(prognoses),
				urgentie: rng.pick(urgenties),
				maxAfstandKm: String(rng.pick([25, 50, 75]))
			});
			for (const s of i % 2 === 0 ? ['hospice'] : ['hospice', 'palliatieve_unit_vvt', 'bijna_thuis_huis'])
				form.append('settings', s);
			if (i >= 2) form.append('doelgroepen', rng.pick(doelgroepen).code);
			if (i === 3) form.append('zorgbehoeften', rng.pick(opnameVoorwaarden).code);
			const response = await fetch(`${base}/verwijzen/nieuw`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					origin: base,
					cookie,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: form
			});
			const location = response.headers.get('location') ?? '';
			if (response.status !== 303 || !/^\/verwijzen\/[0-9a-f-]{36}$/.test(location))
				throw new Error(`Verwijzing maken gaf ${response.status} (${location}): ${await response.text()}`);
			variants.push({ method: 'GET', path: location, headers: { ...html, cookie }, expect: 200 });
		}
	}
	return variants;
}

/**
 * Requests every variant once (which also warms the portal up). A page that redirects (a non-canonical URL) is replaced by
 * its target, so the load measures pages rather than redirects; anything else than the expected status stops the benchmark.
 */
async function validate(base: string, kind: Kind, variants: Variant[]): Promise<Variant[]> {
	const checked: Variant[] = [];
	for (const v of variants) {
		let current = v;
		for (let hop = 0; ; hop++) {
			const response = await fetch(base + current.path, {
				method: current.method,
				headers: current.headers,
				body: current.body?.(),
				redirect: 'manual'
			});
			await response.arrayBuffer();
			const location = response.headers.get('location');
			if (response.status >= 300 && response.status < 400 && location?.startsWith('/') && hop < 3) {
				current = { ...current, path: location };
				continue;
			}
			if (response.status !== current.expect)
				throw new Error(
					`${kind}: ${current.method} ${current.path} gaf ${response.status}, verwacht ${current.expect}`
				);
			break;
		}
		checked.push(current);
	}
	return checked;
}

// ---------------------------------------------------------------------------------------------------------------------
// A pass

interface PassResult {
	seconds: number;
	result: Pick<AutocannonResult, 'errors' | 'timeouts'>;
	/** Latency (ms) of every response per kind, any status. */
	latencies: Record<Kind, number[]>;
	/** Status counts per kind. */
	statuses: Record<Kind, Map<number, number>>;
	unexpected: Record<Kind, number>;
	errorMessages: Map<string, number>;
}

/** Per kind: latencies, status counts, unexpected statuses; error messages; and which variant comes next. */
function emptyTallies() {
	const perKind = <T>(make: () => T) => Object.fromEntries(KINDS.map((k) => [k, make()])) as Record<Kind, T>;
	return {
		latencies: perKind(() => [] as number[]),
		statuses: perKind(() => new Map<number, number>()),
		unexpected: perKind(() => 0),
		errorMessages: new Map<string, number>(),
		next: perKind(() => 0)
	};
}

function runPass(
	base: string,
	cycle: Kind[],
	variants: Record<Kind, Variant[]>,
	seconds: number,
	connections: number
) {
	const { latencies, statuses, unexpected, errorMessages, next } = emptyTallies();
	// autocannon calls a request's onResponse and then, synchronously, emits 'response' with the time: this is the kind
	// that 'response' belongs to.
	let lastKind: Kind = cycle[0];
	const requests: AutocannonRequest[] = cycle.map((kind) => ({
		setupRequest: (req) => {
			const list = variants[kind];
			const v = list[next[kind]++ % list.length];
			return { ...req, method: v.method, path: v.path, headers: { ...v.headers }, body: v.body?.() };
		},
		onResponse: (status) => {
			lastKind = kind;
			const expected = variants[kind][0].expect;
			if (status !== expected) unexpected[kind]++;
		}
	}));
	const url = new URL(base);
	return new Promise<PassResult>((resolve, reject) => {
		const instance = autocannon(
			{
				url: base,
				hostname: url.hostname,
				port: Number(url.port),
				connections,
				duration: seconds,
				requests,
				timeout: 10
			},
			(error, result) => {
				if (error) reject(error);
				else resolve({ seconds, result, latencies, statuses, unexpected, errorMessages });
			}
		);
		instance.on('response', (_client, status, _bytes, time) => {
			latencies[lastKind].push(time);
			statuses[lastKind].set(status, (statuses[lastKind].get(status) ?? 0) + 1);
		});
		instance.on('reqError', (error) => {
			const key = error.message || String(error);
			errorMessages.set(key, (errorMessages.get(key) ?? 0) + 1);
		});
	});
}

/**
 * Requests at a steady rate, evenly spaced (one every 1000/rate ms), each on its own whatever the others do: an open
 * model, as users arrive. (autocannon's own rate option sends each second's requests in a burst, which measures the
 * queue of that burst rather than the latency.) Keep-alive connections from Node's fetch.
 */
async function runSteady(
	base: string,
	cycle: Kind[],
	variants: Record<Kind, Variant[]>,
	seconds: number,
	rate: number
): Promise<PassResult> {
	const { latencies, statuses, unexpected, errorMessages, next } = emptyTallies();
	let errors = 0;
	let timeouts = 0;
	const total = Math.round(seconds * rate);
	const interval = 1000 / rate;
	const started = performance.now();
	const inFlight: Promise<void>[] = [];
	for (let i = 0; i < total; i++) {
		const wait = started + i * interval - performance.now();
		if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		const kind = cycle[i % cycle.length];
		const list = variants[kind];
		const v = list[next[kind]++ % list.length];
		const sent = performance.now();
		inFlight.push(
			fetch(new URL(v.path, base), {
				method: v.method,
				headers: v.headers,
				body: v.body?.(),
				redirect: 'manual',
				signal: AbortSignal.timeout(10_000)
			})
				.then(async (response) => {
					await response.arrayBuffer();
					latencies[kind].push(performance.now() - sent);
					statuses[kind].set(response.status, (statuses[kind].get(response.status) ?? 0) + 1);
					if (response.status !== v.expect) unexpected[kind]++;
				})
				.catch((error: unknown) => {
					const name = error instanceof Error ? error.name : '';
					if (name === 'TimeoutError') timeouts++;
					else errors++;
					const key = error instanceof Error ? error.message : String(error);
					errorMessages.set(key, (errorMessages.get(key) ?? 0) + 1);
				})
		);
	}
	await Promise.all(inFlight);
	return { seconds, result: { errors, timeouts }, latencies, statuses, unexpected, errorMessages };
}

function summarise(pass: PassResult) {
	const all = KINDS.flatMap((k) => pass.latencies[k]).sort((a, b) => a - b);
	const responses = all.length;
	let bad = 0;
	for (const k of KINDS) for (const [status, n] of pass.statuses[k]) if (status >= 400) bad += n;
	return {
		responses,
		rps: responses / pass.seconds,
		p50: percentile(all, 0.5),
		p95: percentile(all, 0.95),
		p99: percentile(all, 0.99),
		max: all[all.length - 1] ?? NaN,
		bad,
		unexpected: KINDS.reduce((n, k) => n + pass.unexpected[k], 0),
		errors: pass.result.errors,
		timeouts: pass.result.timeouts
	};
}

function printKinds(pass: PassResult) {
	console.log(
		`  ${'soort'.padEnd(36)} ${'aantal'.padStart(7)} ${'per s'.padStart(6)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)}  statussen`
	);
	for (const k of KINDS) {
		const sorted = [...pass.latencies[k]].sort((a, b) => a - b);
		if (sorted.length === 0) continue;
		const statusText = [...pass.statuses[k]]
			.sort(([a], [b]) => a - b)
			.map(([s, n]) => `${s}×${n}`)
			.join(' ');
		console.log(
			`  ${KIND_LABELS[k].padEnd(36)} ${String(sorted.length).padStart(7)} ${(sorted.length / pass.seconds).toFixed(1).padStart(6)} ${ms(percentile(sorted, 0.5))} ${ms(percentile(sorted, 0.95))} ${ms(percentile(sorted, 0.99))} ${ms(sorted[sorted.length - 1])}  ${statusText}`
		);
	}
}

// ---------------------------------------------------------------------------------------------------------------------
// Main

async function main() {
	if (!existsSync(path.join(buildDir, 'index.js')))
		throw new Error(`Geen build in ${buildDir}: draai eerst "npm run build" (of zet BUILD_DIR).`);
	const cycle = cycleOf(MIX);
	const m = machine();
	const loadBefore = loadAverage();
	const startedAt = new Date();

	console.log('Belastingtest Regiokaart Palliatieve Zorg');
	console.log(`  datum:        ${startedAt.toISOString()}`);
	console.log(`  machine:      ${m.model}, ${m.cores} cores, ${m.ramGb.toFixed(1)} GB RAM`);
	console.log(
		`  Node:         ${process.version}; autocannon ${autocannonVersion} (in hetzelfde machine, via loopback)`
	);
	console.log(`  load average: ${loadBefore} (1, 5, 15 min) vóór de opbouw`);

	const database = await createDatabase();
	console.log(
		`  PostgreSQL:   ${database.version} (max_connections ${database.maxConnections}), database ${database.name}`
	);

	let portal: { child: ChildProcess; stderr: string[] } | null = null;
	let cleaned = false;
	const cleanup = async () => {
		if (cleaned) return;
		cleaned = true;
		if (portal && portal.child.exitCode === null) {
			const exited = new Promise((r) => portal!.child.once('exit', r));
			portal.child.kill('SIGTERM');
			const timer = setTimeout(() => portal!.child.kill('SIGKILL'), 40_000);
			await exited;
			clearTimeout(timer);
		}
		if (KEEP) console.log(`\nDatabase ${database.name} blijft staan (--keep).`);
		else await dropDatabase(database.name);
	};
	for (const signal of ['SIGINT', 'SIGTERM'] as const)
		process.once(signal, () => {
			console.error(`\n${signal}: portaal stoppen en database opruimen…`);
			void cleanup().finally(() => process.exit(130));
		});

	try {
		let t = performance.now();
		const data = await prepareData(database.url, TOKENS);
		console.log(
			`\nOpbouw: migraties, referentie- en demogegevens, ${TOKENS} API-tokens voor ${data.apiOrganisations} organisaties (${Math.round(performance.now() - t)} ms)`
		);

		const port = await freePort();
		const base = `http://127.0.0.1:${port}`;
		t = performance.now();
		portal = startPortal(port, database.url);
		await waitForPortal(base, portal.child, portal.stderr);
		const pid = portal.child.pid!;
		const boot = memoryOf(pid);
		console.log(
			`Portaal: node ${buildDir.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), buildDir) : buildDir} op ${base} (pid ${pid}), gereed in ${Math.round(performance.now() - t)} ms; DATABASE_POOL_SIZE ${process.env.DATABASE_POOL_SIZE ?? '10 (standaard)'}, LOG_LEVEL ${LOG_LEVEL}`
		);

		const variants: Record<Kind, Variant[]> = {
			kaart: await validate(base, 'kaart', kaartVariants()),
			organisatie: await validate(
				base,
				'organisatie',
				data.slugs.map((slug) => ({
					method: 'GET',
					path: `/organisaties/${slug}`,
					headers: html,
					expect: 200
				}))
			),
			wegwijzer: await validate(base, 'wegwijzer', wegwijzerVariants()),
			match: await validate(base, 'match', await createReferrals(base)),
			api: await validate(base, 'api', apiVariants(data.targets))
		};
		console.log(
			`Varianten (elk één keer gecontroleerd): ${KINDS.map((k) => `${k} ${variants[k].length}`).join(', ')}`
		);
		console.log(
			`Mix per verbinding (herhaald): ${cycle.join(' → ')}\n` +
				`API-limiet: ${API_LIMIT_PER_MINUTE} verzoeken per token per minuut (niet instelbaar); ${TOKENS} tokens om de beurt ` +
				`→ tot ${((TOKENS * API_LIMIT_PER_MINUTE) / 60).toFixed(0)} API-verzoeken/s zonder 429.`
		);

		if (WARMUP > 0) {
			await runPass(base, cycle, variants, WARMUP, CONNECTIONS);
			console.log(`Opwarmen: ${WARMUP} s met ${CONNECTIONS} verbindingen (niet meegeteld).`);
		}
		const start = memoryOf(pid);
		const loadAtStart = loadAverage();

		console.log(
			`\nGemengde belasting: ${CONNECTIONS} verbindingen, ${DURATION} s (load average bij de start: ${loadAtStart})`
		);
		const cpuBefore = await cpuSnapshot(pid, database.name);
		// RSS every tenth of the pass: a plateau is a heap that has grown to its working size, a steady climb a leak.
		const rssSeries: number[] = [];
		const sampler = setInterval(() => rssSeries.push(memoryOf(pid).rss), (DURATION * 1000) / 10);
		const mixed = await runPass(base, cycle, variants, DURATION, CONNECTIONS);
		clearInterval(sampler);
		const cpuAfter = await cpuSnapshot(pid, database.name);
		const end = memoryOf(pid);
		const loadAtEnd = loadAverage();
		const s = summarise(mixed);
		const growth = ((end.rss - start.rss) / start.rss) * 100;
		const growthSinceBoot = ((end.rss - boot.rss) / boot.rss) * 100;

		console.log(`  verzoeken:        ${s.responses} in ${DURATION} s = ${s.rps.toFixed(1)} per seconde`);
		console.log(
			`  latentie (alle):  p50 ${ms(s.p50).trim()}, p95 ${ms(s.p95).trim()}, p99 ${ms(s.p99).trim()}, max ${ms(s.max).trim()}    doel p95 < 200 ms: ${check(s.p95 < 200)}`
		);
		console.log(
			`  fouten:           ${s.errors} verbindingsfouten, ${s.timeouts} time-outs, ${s.bad} antwoorden 4xx/5xx, ${s.unexpected} met een andere status dan verwacht    doel 0: ${check(s.errors + s.timeouts + s.bad + s.unexpected === 0)}`
		);
		for (const [message, n] of mixed.errorMessages) console.log(`    ${n}× ${message}`);
		console.log(
			`  geheugen (RSS):   ${boot.rss.toFixed(0)} MB na het starten, ${start.rss.toFixed(0)} MB na het opwarmen (start), ${end.rss.toFixed(0)} MB aan het eind (piek ${end.peak.toFixed(0)} MB)`
		);
		console.log(
			`  geheugengroei:    ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} % tijdens de meting (${growthSinceBoot >= 0 ? '+' : ''}${growthSinceBoot.toFixed(1)} % sinds het starten)    doel < 10 %: ${check(growth < 10)}`
		);
		console.log(
			`  RSS-verloop:      ${[start.rss, ...rssSeries.slice(0, 9), end.rss].map((x) => x.toFixed(0)).join(' → ')} MB (elke ${DURATION / 10} s)`
		);
		const cpu = cpuBetween(cpuBefore, cpuAfter);
		const share = (x: number) => `${((100 * x) / cpu.wall).toFixed(0)} %`;
		console.log(
			`  CPU (${m.cores} cores = ${m.cores * 100} %): portaal ${share(cpu.portal)}, PostgreSQL ${share(cpu.postgres)}, autocannon ${share(cpu.self)}, andere processen ${share(cpu.other)}, vrij ${share(cpu.idle)}`
		);
		console.log(
			`  CPU per verzoek:  portaal ${(cpu.portal / s.responses).toFixed(1)} ms, PostgreSQL ${(cpu.postgres / s.responses).toFixed(1)} ms`
		);
		console.log(`  load average:     ${loadAtEnd} aan het eind`);
		console.log('\n  Per soort (tijd van verzenden tot het hele antwoord binnen is):');
		printKinds(mixed);

		if (PER_KIND > 0) {
			console.log(`\nPer soort apart: ${CONNECTIONS} verbindingen, ${PER_KIND} s per soort`);
			for (const kind of KINDS) {
				if (variants[kind].length === 0) continue;
				const solo = await runPass(base, [kind], variants, PER_KIND, CONNECTIONS);
				const x = summarise(solo);
				console.log(
					`  ${KIND_LABELS[kind].padEnd(36)} ${x.rps.toFixed(1).padStart(6)}/s  p50 ${ms(x.p50)}  p95 ${ms(x.p95)}  p99 ${ms(x.p99)}  fouten ${x.errors + x.timeouts + x.bad}`
				);
			}
			const after = memoryOf(pid);
			console.log(`  geheugen (RSS) daarna: ${after.rss.toFixed(0)} MB`);
		}

		for (const RATE of RATES.filter((r) => r > 0)) {
			// Saturation (above) shows capacity: with every connection waiting for its answer, latency is mostly queueing.
			// At a steady rate below capacity the latency is what a user gets on a busy day.
			console.log(
				`\nGelijkmatige belasting: ${RATE} verzoeken per seconde, gelijk verdeeld, ${DURATION} s (load average bij de start: ${loadAverage()})`
			);
			const steady = await runSteady(base, cycle, variants, DURATION, RATE);
			const x = summarise(steady);
			console.log(`  verzoeken:        ${x.responses} in ${DURATION} s = ${x.rps.toFixed(1)} per seconde`);
			console.log(
				`  latentie (alle):  p50 ${ms(x.p50).trim()}, p95 ${ms(x.p95).trim()}, p99 ${ms(x.p99).trim()}, max ${ms(x.max).trim()}    doel p95 < 200 ms: ${check(x.p95 < 200)}`
			);
			console.log(
				`  fouten:           ${x.errors} verbindingsfouten, ${x.timeouts} time-outs, ${x.bad} antwoorden 4xx/5xx, ${x.unexpected} met een andere status dan verwacht`
			);
			printKinds(steady);
		}

		const serverProblems = portal.stderr.filter(
			(line) => /"level":"error"/.test(line) || !line.startsWith('{')
		);
		const serverWarnings = portal.stderr.filter((line) => /"level":"warn"/.test(line));
		console.log(
			`\nServerlog: ${serverProblems.length} fouten, ${serverWarnings.length} waarschuwingen${serverProblems.length ? ':' : '.'}`
		);
		for (const line of serverProblems.slice(0, 5)) console.log(`  ${line.slice(0, 300)}`);
		if (portal.child.exitCode !== null)
			throw new Error(`Het portaal is tijdens de meting gestopt (${portal.child.exitCode})`);
	} finally {
		await cleanup();
	}
	console.log(`\nKlaar; load average ${loadAverage()}.`);
}

await main();
