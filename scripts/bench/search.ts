/**
 * Search benchmark (prints figures; not a test): `npx tsx scripts/bench/search.ts`.
 *
 * 1. Builds a national-scale directory in a fresh PostgreSQL database: 15,000 services at 5,000 locations of 3,000
 *    organisations spread over the country's PC4 areas, and indexes it.
 * 2. Runs 500 realistic queries (plain words, typos, abbreviations, place names, facets, postcode with distance sort and
 *    radius, prefixes while typing) against the Postgres search engine: p50/p95/p99 of the search call.
 * 3. Starts the built app (BUILD_DIR, default build) on that database and requests /kaart with the same 500 queries:
 *    p50/p95/p99 of the whole server response.
 * 4. Loads /kaart in Chromium without and with the map and prints the JavaScript transferred.
 *
 * Environment: BENCH_DATABASE_URL (server URL; default postgres://postgres@127.0.0.1:5432/postgres; a database
 * t_search_bench is (re)created on it), BUILD_DIR (default build), BENCH_PORT (default 4201), CHROMIUM_PATH.
 * Flags: --keep (reuse the existing t_search_bench data), --skip-http, --skip-browser.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { codesOf } from '../../src/lib/domain/organisation/taxonomy';
import { emptyFilters, type SearchQuery } from '../../src/lib/domain/search/engine';
import { toQueryString, emptySearchState, type SearchState } from '../../src/lib/domain/search/url';
import { type Database, migrateDatabase, openDatabase } from '../../src/lib/server/db/client';
import {
	locations,
	organisations,
	postcodeGebieden,
	regions,
	serviceLocations,
	services
} from '../../src/lib/server/db/schema';
import { ensureReferenceData } from '../../src/lib/server/reference/load-reference-data';
import { createPostgresEngine } from '../../src/lib/server/search/postgres';
import { reindexAll } from '../../src/lib/server/search/sync';
import { createRng, type Rng } from '../../src/lib/server/seed/prng';

const SERVICES = 15_000;
const LOCATIONS = 5_000;
const ORGANISATIONS = 3_000;
const QUERIES = 500;
const DB_NAME = 't_search_bench';

const args = new Set(process.argv.slice(2));
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbUrl = (() => {
	const u = new URL(serverUrl);
	u.pathname = `/${DB_NAME}`;
	return u.toString();
})();
const buildDir = process.env.BUILD_DIR ?? 'build';
const port = Number(process.env.BENCH_PORT ?? 4201);

// ---------------------------------------------------------------------------------------------------------------------
// Data

const typeServices: Record<string, { naam: string; categorie: string; beschrijving: string }[]> = {
	hospice: [
		{
			naam: 'Verblijf in het hospice',
			categorie: 'hospice',
			beschrijving: 'Zorg dag en nacht in een huiselijke omgeving in de laatste levensfase.'
		},
		{
			naam: 'Dagopvang hospice',
			categorie: 'hospice',
			beschrijving: 'Overdag opvang en rust voor mensen die thuis wonen.'
		}
	],
	bijna_thuis_huis: [
		{
			naam: 'Logeren in het bijna-thuis-huis',
			categorie: 'hospice',
			beschrijving: 'Vrijwilligers en mantelzorgers zorgen samen, met de eigen huisarts.'
		}
	],
	vvt: [
		{
			naam: 'Palliatieve unit verpleeghuis',
			categorie: 'verpleeghuis',
			beschrijving:
				'Kamers voor palliatieve zorg in het verpleeghuis, specialist ouderengeneeskunde aanwezig.'
		},
		{
			naam: 'Wijkverpleging thuis',
			categorie: 'wijkverpleging',
			beschrijving: 'Verpleging en verzorging bij u thuis, ook in de nacht.'
		}
	],
	elv_palliatief: [
		{
			naam: 'Eerstelijnsverblijf palliatief',
			categorie: 'verpleeghuis',
			beschrijving: 'Tijdelijk verblijf als thuis niet meer gaat.'
		}
	],
	ggz: [
		{
			naam: 'Consultatie psychiatrie in de palliatieve fase',
			categorie: 'ggz',
			beschrijving: 'Advies bij ernstige psychische aandoeningen en EPA.'
		},
		{
			naam: 'Verslavingszorg',
			categorie: 'verslavingszorg',
			beschrijving: 'Hulp bij alcohol- en drugsgebruik, ook in de laatste levensfase.'
		}
	],
	maatschappelijke_opvang: [
		{
			naam: '24-uursopvang en nachtopvang',
			categorie: 'maatschappelijke_opvang',
			beschrijving: 'Een bed en begeleiding voor mensen zonder woonplek.'
		}
	],
	vptz: [
		{
			naam: 'Vrijwilligers bij u thuis',
			categorie: 'vptz',
			beschrijving: 'Getrainde vrijwilligers waken en zijn er, zodat de mantelzorger kan rusten.'
		},
		{
			naam: 'Rouwgroep voor naasten',
			categorie: 'rouwbegeleiding',
			beschrijving: 'Samen praten over verlies en rouw.'
		}
	],
	thuiszorg: [
		{
			naam: 'Wijkverpleging',
			categorie: 'wijkverpleging',
			beschrijving: 'Verpleegkundig specialist en wijkverpleegkundigen voor palliatieve zorg thuis.'
		}
	],
	huisartsenzorg: [
		{
			naam: 'Huisartsenpraktijk',
			categorie: 'huisarts',
			beschrijving: 'Uw huisarts en de praktijkondersteuner (POH), deelnemer van een PaTz-groep.'
		},
		{
			naam: 'Huisartsenpost',
			categorie: 'huisartsenpost',
			beschrijving: "Voor dringende vragen 's avonds, 's nachts en in het weekend."
		}
	],
	consultatieteam: [
		{
			naam: 'Consultatieteam palliatieve zorg',
			categorie: 'consultatie',
			beschrijving: 'Advies voor zorgverleners, aangesloten bij PZNL.'
		}
	],
	welzijn: [
		{
			naam: 'Mantelzorgondersteuning',
			categorie: 'mantelzorgondersteuning',
			beschrijving: 'Hulp en advies voor wie voor een naaste zorgt.'
		},
		{ naam: 'Sociaal werk', categorie: 'sociaal_werk', beschrijving: 'Hulp bij geld, wonen en regelzaken.' }
	],
	geestelijke_verzorging: [
		{
			naam: 'Gesprek met een geestelijk verzorger',
			categorie: 'geestelijke_verzorging',
			beschrijving: 'Over zingeving, levensvragen en afscheid.'
		}
	],
	netwerk: [
		{
			naam: 'Informatie over palliatieve zorg in de regio',
			categorie: 'informatie',
			beschrijving: 'Het netwerk palliatieve zorg (NPZ) verbindt zorgverleners.'
		}
	],
	gemeente: [
		{
			naam: 'Wmo-loket',
			categorie: 'gemeente_wmo',
			beschrijving: 'Huishoudelijke hulp en aanpassingen in huis.'
		}
	],
	apotheek: [
		{ naam: 'Dienstapotheek', categorie: 'apotheek', beschrijving: 'Medicijnen, ook buiten kantooruren.' }
	]
};
const typeWeights: [string, number][] = [
	['huisartsenzorg', 20],
	['thuiszorg', 12],
	['vvt', 12],
	['welzijn', 10],
	['apotheek', 8],
	['vptz', 6],
	['hospice', 5],
	['ggz', 5],
	['geestelijke_verzorging', 4],
	['maatschappelijke_opvang', 4],
	['gemeente', 4],
	['bijna_thuis_huis', 3],
	['elv_palliatief', 3],
	['consultatieteam', 2],
	['netwerk', 2]
];
const nameParts = [
	'De Linde',
	'Het Anker',
	'De Wending',
	'Zonnedauw',
	'De Eik',
	'Het Baken',
	'De Brug',
	'Rozenhof',
	'De Horst',
	'Kastanjehof',
	'De Vlinder',
	'Het Veer',
	'De Regenboog',
	'Lindenhof',
	'De Ster',
	'Het Licht',
	'De Haven',
	'Vivaldi',
	'Amstelrust',
	'De Meander'
];
const streets = [
	'Dorpsstraat',
	'Kerkstraat',
	'Stationsweg',
	'Molenweg',
	'Schoolstraat',
	'Lindelaan',
	'Havenstraat',
	'Julianalaan'
];

function weighted(rng: Rng, items: [string, number][]): string {
	const total = items.reduce((n, [, w]) => n + w, 0);
	let r = rng.next() * total;
	for (const [v, w] of items) if ((r -= w) < 0) return v;
	return items[0][0];
}

async function buildDirectory() {
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
	await admin.unsafe(`CREATE DATABASE "${DB_NAME}"`);
	await admin.end();

	const handle = await openDatabase({ url: dbUrl, max: 4 });
	const db = handle.db;
	await migrateDatabase(handle);
	await ensureReferenceData(db);
	const rng = createRng(20261123);
	const pc4 = await db
		.select({
			pc4: postcodeGebieden.pc4,
			lat: postcodeGebieden.lat,
			lon: postcodeGebieden.lon,
			gemeenteCode: postcodeGebieden.gemeenteCode
		})
		.from(postcodeGebieden);
	const regionIds = (await db.select({ id: regions.id }).from(regions)).map((r) => r.id);
	const doelgroepCodes = codesOf('doelgroep');
	const expertiseCodes = codesOf('expertise');

	const orgRows: (typeof organisations.$inferInsert)[] = [];
	for (let i = 0; i < ORGANISATIONS; i++) {
		const type = weighted(rng, typeWeights);
		const label =
			type === 'vvt' ? 'Zorggroep' : type === 'huisartsenzorg' ? 'Huisartsen' : type.replace(/_/g, ' ');
		orgRows.push({
			id: crypto.randomUUID(),
			slug: `bench-${i}`,
			naam: `${label[0].toUpperCase()}${label.slice(1)} ${rng.pick(nameParts)} ${i}`,
			type,
			beschrijving: `Organisatie voor ${label} in de regio. ${rng.pick(typeServices[type]).beschrijving}`
		});
	}
	// 5,000 locations: every organisation one, 2,000 a second.
	const locRows: (typeof locations.$inferInsert & { orgIndex: number })[] = [];
	for (let i = 0; i < LOCATIONS; i++) {
		const orgIndex = i < ORGANISATIONS ? i : rng.int(0, ORGANISATIONS - 1);
		const p = rng.pick(pc4);
		locRows.push({
			orgIndex,
			id: crypto.randomUUID(),
			organisationId: orgRows[orgIndex].id!,
			naam: `Locatie ${rng.pick(streets)}`,
			adres: `${rng.pick(streets)} ${rng.int(1, 200)}`,
			postcode: `${p.pc4} ${String.fromCharCode(65 + rng.int(0, 25))}${String.fromCharCode(65 + rng.int(0, 25))}`,
			pc4: p.pc4,
			gemeenteCode: p.gemeenteCode,
			lat: p.lat + rng.between(-0.01, 0.01),
			lon: p.lon + rng.between(-0.01, 0.01)
		});
	}
	const locsByOrg = new Map<number, string[]>();
	for (const l of locRows) locsByOrg.set(l.orgIndex, [...(locsByOrg.get(l.orgIndex) ?? []), l.id!]);

	// 15,000 services: five per organisation on average, each at one or two of its organisation's locations.
	const svcRows: (typeof services.$inferInsert)[] = [];
	const links: { serviceId: string; locationId: string }[] = [];
	for (let i = 0; i < SERVICES; i++) {
		const orgIndex = i < ORGANISATIONS ? i : rng.int(0, ORGANISATIONS - 1);
		const org = orgRows[orgIndex];
		const base = rng.pick(typeServices[org.type]);
		const id = crypto.randomUUID();
		svcRows.push({
			id,
			organisationId: org.id!,
			naam: rng.chance(0.5) ? base.naam : `${base.naam} ${rng.pick(nameParts)}`,
			categorie: base.categorie,
			beschrijving: base.beschrijving,
			doelgroepen: rng.sample(doelgroepCodes, rng.int(0, 2)),
			expertise: rng.sample(expertiseCodes, rng.int(0, 3)),
			dagEnNacht: rng.chance(0.25),
			voorProfessionals: rng.chance(0.1)
		});
		const orgLocs = locsByOrg.get(orgIndex)!;
		for (const locationId of rng.sample(orgLocs, Math.min(orgLocs.length, rng.chance(0.3) ? 2 : 1))) {
			links.push({ serviceId: id, locationId });
		}
	}
	const batches = async <T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) => {
		for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000));
	};
	await batches(orgRows, (b) => db.insert(organisations).values(b));
	await batches(
		locRows.map(({ orgIndex: _o, ...l }) => l),
		(b) => db.insert(locations).values(b)
	);
	await batches(svcRows, (b) => db.insert(services).values(b));
	await batches(links, (b) => db.insert(serviceLocations).values(b));
	const started = performance.now();
	const indexed = await reindexAll(db, { batchSize: 500 });
	await db.execute(sql`ANALYZE`);
	console.log(
		`Gegevens: ${orgRows.length} organisaties, ${locRows.length} locaties, ${svcRows.length} diensten; geïndexeerd (${indexed.documents} documenten) in ${Math.round(performance.now() - started)} ms`
	);
	return { handle, regionIds };
}

// ---------------------------------------------------------------------------------------------------------------------
// Queries

interface BenchQuery {
	label: string;
	state: SearchState;
}

function buildQueries(rng: Rng, pc4s: string[], regionSlugs: string[]): BenchQuery[] {
	const words = [
		'hospice',
		'vptz',
		'rouw',
		'mantelzorg',
		'verpleeghuis',
		'verpleeghuizen',
		'huisarts',
		'wijkverpleging',
		'consultatieteam',
		'psychiatrie',
		'verslaving',
		'middelengebruik',
		'dementie',
		'geestelijk verzorger',
		'apotheek',
		'nachtopvang',
		'zingeving',
		'sociaal werk',
		'hospices',
		'bijna thuis huis'
	];
	const typos = [
		'hopsice',
		'verslavng',
		'mantlezorg',
		'verpleeghius',
		'middelengebriuk',
		'wijkverplegnig',
		'demnetie',
		'psychiatire',
		'rouwbegelieding',
		'huisats'
	];
	const abbrevs = [
		'SO',
		'VS',
		'GGZ',
		'EPA',
		'PaTz',
		'ACP',
		'PZP',
		'POH',
		'ELV',
		'VVT',
		'MO',
		'CPT',
		'PZNL',
		'NPZ',
		'verpleegkundig specialist',
		'specialist ouderengeneeskunde'
	];
	const places = [
		'assen',
		'amsterdam',
		'utrecht',
		'groningen',
		'rotterdam',
		'nijmegen',
		'zwolle',
		'emmen',
		'meppel',
		'den haag'
	];
	const prefixes = ['h', 'ho', 'hos', 'vr', 'vrij', 'man', 'ver', 'rou', 'psy', 'wijk'];
	const types = codesOf('organisatietype');
	const doelgroepen = codesOf('doelgroep');
	const out: BenchQuery[] = [];
	for (let i = 0; i < QUERIES; i++) {
		const kind = i % 8;
		let state: SearchState = { ...emptySearchState };
		let label: string;
		switch (kind) {
			case 0:
				label = 'woord';
				state.q = rng.pick(words);
				break;
			case 1:
				label = 'typfout';
				state.q = rng.pick(typos);
				break;
			case 2:
				label = 'afkorting';
				state.q = rng.pick(abbrevs);
				break;
			case 3:
				label = 'woord + plaats';
				state.q = `${rng.pick(words)} ${rng.pick(places)}`;
				break;
			case 4:
				label = 'facetten';
				state = {
					...state,
					q: rng.chance(0.5) ? rng.pick(words) : '',
					type: [rng.pick(types)],
					doelgroep: rng.chance(0.5) ? [rng.pick(doelgroepen)] : [],
					dagEnNacht: rng.chance(0.3)
				};
				break;
			case 5:
				label = 'postcode + afstand';
				state = {
					...state,
					q: rng.chance(0.6) ? rng.pick(words) : '',
					postcode: rng.pick(pc4s),
					straal: rng.pick([null, 10, 25, 50])
				};
				break;
			case 6:
				label = 'prefix (typen)';
				state.q = rng.pick(prefixes);
				if (rng.chance(0.5)) state.postcode = rng.pick(pc4s);
				break;
			default:
				label = 'regio + pagina';
				state = {
					...state,
					q: rng.chance(0.5) ? rng.pick(words) : '',
					regio: [rng.pick(regionSlugs)],
					pagina: rng.int(1, 3)
				};
		}
		out.push({ label, state });
	}
	return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// Measuring

function percentiles(values: number[]) {
	const s = [...values].sort((a, b) => a - b);
	const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
	return { p50: at(50), p95: at(95), p99: at(99), max: s[s.length - 1] };
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

function report(title: string, samples: { label: string; ms: number }[]) {
	const all = percentiles(samples.map((s) => s.ms));
	console.log(
		`\n${title} (${samples.length} queries): p50 ${ms(all.p50)}  p95 ${ms(all.p95)}  p99 ${ms(all.p99)}  max ${ms(all.max)}`
	);
	const labels = [...new Set(samples.map((s) => s.label))];
	for (const label of labels) {
		const p = percentiles(samples.filter((s) => s.label === label).map((s) => s.ms));
		console.log(
			`  ${label.padEnd(20)} p50 ${ms(p.p50).padStart(9)}  p95 ${ms(p.p95).padStart(9)}  p99 ${ms(p.p99).padStart(9)}`
		);
	}
}

async function waitForServer(url: string, child: ChildProcess) {
	for (let i = 0; i < 120; i++) {
		if (child.exitCode !== null) throw new Error(`server stopte met code ${child.exitCode}`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not yet */
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error('server kwam niet op');
}

function machineLoad(): string {
	const [one, five] = loadavg();
	return `load average ${one.toFixed(1)} (1 min), ${five.toFixed(1)} (5 min) on ${cpus().length} cores`;
}

async function main() {
	console.log(`Zoekbenchmark op ${dbUrl.replace(/\/\/[^@]*@/, '//')}; ${machineLoad()}`);
	let handle;
	if (args.has('--keep')) {
		handle = await openDatabase({ url: dbUrl, max: 4 });
	} else {
		handle = (await buildDirectory()).handle;
	}
	const db = handle.db;
	const rng = createRng(42);
	const pc4s = (await db.select({ pc4: postcodeGebieden.pc4 }).from(postcodeGebieden)).map((r) => r.pc4);
	const regionRows = await db.select({ id: regions.id, slug: regions.slug }).from(regions);
	const queries = buildQueries(
		rng,
		pc4s,
		regionRows.map((r) => r.slug)
	);
	const pcPoint = new Map(
		(
			await db
				.select({ pc4: postcodeGebieden.pc4, lat: postcodeGebieden.lat, lon: postcodeGebieden.lon })
				.from(postcodeGebieden)
		).map((r) => [r.pc4, { lat: r.lat, lon: r.lon }])
	);
	const regionBySlug = new Map(regionRows.map((r) => [r.slug, r.id]));

	// The search call: the engine as /kaart calls it (page of 20, facet counts on).
	const engine = createPostgresEngine(() => db);
	const toQuery = (s: SearchState): SearchQuery => {
		const origin = s.postcode ? (pcPoint.get(s.postcode) ?? null) : null;
		return {
			text: s.q,
			filters: {
				...emptyFilters,
				type: s.type,
				doelgroep: s.doelgroep,
				expertise: s.expertise,
				regionIds: s.regio.map((r) => regionBySlug.get(r)!),
				dagEnNacht: s.dagEnNacht
			},
			origin,
			radiusKm: origin ? s.straal : null,
			sort: origin ? 'afstand' : 'relevantie',
			page: s.pagina,
			pageSize: 20,
			facets: true
		};
	};
	// Warm-up, starting with the landing page (/kaart without anything), as the first visitor of the day would.
	await engine.search(toQuery(emptySearchState));
	for (const q of queries.slice(0, 50)) await engine.search(toQuery(q.state));
	const searchSamples: { label: string; ms: number }[] = [];
	let totalHits = 0;
	for (const q of queries) {
		const t = performance.now();
		const r = await engine.search(toQuery(q.state));
		searchSamples.push({ label: q.label, ms: performance.now() - t });
		totalHits += r.total;
	}
	report('Zoekaanroep (Postgres-engine, pagina + facetten)', searchSamples);
	console.log(`  gemiddeld ${Math.round(totalHits / queries.length)} resultaten per zoekvraag`);
	await handle.close();
	await measureCpu(queries.map((q) => ({ label: q.label, query: toQuery(q.state) })));

	if (!args.has('--skip-http')) {
		if (!existsSync(buildDir)) {
			console.log(`\n/kaart overgeslagen: build-map ${buildDir} ontbreekt (vite build, of BUILD_DIR=...).`);
		} else {
			const busy = await fetch(`http://localhost:${port}/healthz`).then(
				() => true,
				() => false
			);
			if (busy) throw new Error(`poort ${port} is al in gebruik; stop die server of zet BENCH_PORT`);
			const child = spawn('node', [buildDir], {
				env: {
					...process.env,
					PORT: String(port),
					ORIGIN: `http://localhost:${port}`,
					DATABASE_URL: dbUrl,
					LOG_LEVEL: 'warn',
					MEILISEARCH_URL: ''
				},
				stdio: ['ignore', 'ignore', 'inherit']
			});
			try {
				await waitForServer(`http://localhost:${port}/healthz`, child);
				const url = (s: SearchState) => `http://localhost:${port}/kaart${toQueryString(s)}`;
				await (await fetch(url(emptySearchState))).text();
				for (const q of queries.slice(0, 50)) await (await fetch(url(q.state))).text();
				const httpSamples: { label: string; ms: number }[] = [];
				for (const q of queries) {
					const t = performance.now();
					const res = await fetch(url(q.state));
					await res.text();
					if (!res.ok) throw new Error(`${url(q.state)} gaf ${res.status}`);
					httpSamples.push({ label: q.label, ms: performance.now() - t });
				}
				report('/kaart, hele serverantwoord (HTML, één verzoek tegelijk)', httpSamples);

				if (!args.has('--skip-browser')) await measureJs(`http://localhost:${port}/kaart?q=hospice`);
			} finally {
				child.kill('SIGTERM');
			}
		}
	}
}

/**
 * CPU time per search: the database backend's user+system time (getrusage, reported by log_*_stats) plus this process's.
 * On a shared, busy machine wall-clock times mostly measure waiting for a core; CPU time is what a search costs and is close
 * to its latency on an otherwise idle machine (all data is in memory). Needs a superuser connection.
 */
async function measureCpu(queries: { label: string; query: SearchQuery }[]) {
	let last = '';
	const client = postgres(dbUrl, {
		max: 1,
		onnotice: (n) => {
			const m = /\[([\d.]+) s user, ([\d.]+) s system total\]/.exec(String(n.detail ?? ''));
			if (m) last = `${m[1]} ${m[2]}`;
		},
		connection: {
			client_min_messages: 'log',
			log_parser_stats: 'on',
			log_planner_stats: 'on',
			log_executor_stats: 'on'
		}
	});
	const { drizzle } = await import('drizzle-orm/postgres-js');
	const schema = await import('../../src/lib/server/db/schema');
	const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Database;
	const engine = createPostgresEngine(() => db);
	const backendCpu = async () => {
		await client`SELECT 1`;
		const [user, system] = last.split(' ').map(Number);
		return (user + system) * 1000;
	};
	for (const q of queries.slice(0, 50)) await engine.search(q.query);
	const samples: { label: string; ms: number }[] = [];
	for (const q of queries) {
		const before = await backendCpu();
		const own = process.cpuUsage();
		await engine.search(q.query);
		const node = process.cpuUsage(own);
		const after = await backendCpu();
		samples.push({ label: q.label, ms: after - before + (node.user + node.system) / 1000 });
	}
	await client.end();
	report('CPU-tijd per zoekaanroep (database + Node; ≈ duur op een lege machine)', samples);
}

async function measureJs(url: string) {
	const { chromium } = await import('@playwright/test');
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-quic',
			'--no-first-run',
			'--enable-unsafe-swiftshader',
			'--use-angle=swiftshader'
		]
	});
	const measure = async (withMap: boolean) => {
		// The map is on by default on a wide screen and off on a phone-sized one.
		const page = await browser.newPage({
			viewport: withMap ? { width: 1400, height: 1000 } : { width: 390, height: 844 }
		});
		const files: { url: string; bytes: number; gzip: number }[] = [];
		page.on('response', async (res) => {
			const type = res.headers()['content-type'] ?? '';
			if (!/javascript/.test(type) && !/\.m?js(\?|$)/.test(res.url())) return;
			const body = await res.body().catch(() => Buffer.alloc(0));
			files.push({ url: res.url(), bytes: body.length, gzip: gzipSync(body).length });
		});
		await page.goto(url, { waitUntil: 'networkidle' });
		if (withMap) await page.waitForSelector('[data-kaart-status="klaar"]', { timeout: 60_000 });
		await page.waitForTimeout(500);
		await page.close();
		const sum = (k: 'bytes' | 'gzip') => files.reduce((n, f) => n + f[k], 0);
		return { files: files.length, bytes: sum('bytes'), gzip: sum('gzip') };
	};
	const without = await measure(false);
	const withMap = await measure(true);
	const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
	console.log(
		'\nJavaScript voor /kaart (zoals verstuurd; de server comprimeert niet, gzip ter vergelijking):'
	);
	console.log(
		`  zonder kaart: ${kb(without.bytes)} in ${without.files} bestanden (gzip ${kb(without.gzip)})`
	);
	console.log(
		`  met kaart:    ${kb(withMap.bytes)} in ${withMap.files} bestanden (gzip ${kb(withMap.gzip)}), waarvan MapLibre + worker ${kb(withMap.bytes - without.bytes)}`
	);
	await browser.close();
}

await main();
console.log(`\nKlaar; ${machineLoad()}.`);
