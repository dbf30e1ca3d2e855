/**
 * Benchmark of the referral matching at national scale (not a timed test): `DATABASE_URL=postgres://… npx tsx scripts/bench/match.ts`
 *
 * Creates a FRESH database next to the one in DATABASE_URL (`t_ref_bench_<time>`; the database named in the URL is only
 * used to create and drop it), loads the reference data (all PC4 areas), generates 3,000 bed units at 1,500 locations
 * with mixed settings and admission profiles, and measures:
 *  - the matching call: matchBedUnits(request, units) on units already in memory;
 *  - the whole match request: runMatch() as the referral page calls it (load all candidate units with their organisation's
 *    expertise, resolve the PC4s through postcode_gebieden, match).
 * Prints p50/p95 (ms) of each. Options: --iterations=N (default 300), --keep (do not drop the database).
 * Without DATABASE_URL it runs on an in-memory PGlite instead (and says so).
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client';
import {
	bedUnits,
	locations,
	organisations,
	postcodeGebieden,
	services
} from '../../src/lib/server/db/schema';
import {
	doelgroepen,
	expertiseGebieden,
	opnameVoorwaarden,
	zorgSettings,
	type Doelgroep,
	type OpnameVoorwaarde,
	type ZorgSetting
} from '../../src/lib/domain/organisation/taxonomy';
import { matchBedUnits } from '../../src/lib/domain/referral/matching';
import { prognoses, type Prognose } from '../../src/lib/domain/referral/options';
import { ensureReferenceData } from '../../src/lib/server/reference/load-reference-data';
import { loadBedUnitCandidates } from '../../src/lib/server/repositories/referrals';
import { matchRequestFor, runMatch } from '../../src/lib/server/services/referrals';
import { createRng } from '../../src/lib/server/seed/prng';

const LOCATIONS = 1_500;
const UNITS_PER_LOCATION = 2;
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const ITERATIONS = Number(arg('iterations') ?? 300);
const KEEP = process.argv.includes('--keep');
const WARMUP = 20;

function percentile(sorted: number[], p: number): number {
	const pos = (sorted.length - 1) * p;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function summary(label: string, samples: number[]) {
	const sorted = [...samples].sort((a, b) => a - b);
	const f = (n: number) => n.toFixed(2).padStart(8);
	console.log(
		`${label.padEnd(44)} n=${String(sorted.length).padStart(4)}  p50 ${f(percentile(sorted, 0.5))} ms  p95 ${f(percentile(sorted, 0.95))} ms  max ${f(sorted[sorted.length - 1])} ms`
	);
}

async function openFreshDatabase(): Promise<{
	handle: DatabaseHandle;
	drop: () => Promise<void>;
	label: string;
}> {
	const serverUrl = process.env.DATABASE_URL;
	if (!serverUrl) {
		console.warn('Geen DATABASE_URL: de meting draait op PGlite in het geheugen, niet op PostgreSQL.');
		const handle = await openDatabase({ dataDir: 'memory://' });
		return { handle, drop: async () => {}, label: 'PGlite (memory://)' };
	}
	const name = `t_ref_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`CREATE DATABASE "${name}"`);
	const [{ version }] = await admin<{ version: string }[]>`select version()`;
	await admin.end();
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const handle = await openDatabase({ url: url.toString(), max: 4 });
	return {
		handle,
		label: `${version.split(' on ')[0]}, database ${name}`,
		drop: async () => {
			if (KEEP) return console.log(`Database ${name} blijft bestaan (--keep).`);
			const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
			await a.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
			await a.end();
		}
	};
}

/** 1,500 organisations with one location each and two bed units per location, mixed settings and profiles. */
async function generate(handle: DatabaseHandle, now: Date) {
	const rng = createRng(20_251);
	const pc4s = await handle.db
		.select({
			pc4: postcodeGebieden.pc4,
			lat: postcodeGebieden.lat,
			lon: postcodeGebieden.lon,
			gemeenteCode: postcodeGebieden.gemeenteCode
		})
		.from(postcodeGebieden);
	if (pc4s.length < 1000) throw new Error(`Te weinig postcodegebieden geladen (${pc4s.length}).`);
	const settings = zorgSettings.map((s) => s.code);
	const settingWeights: Record<ZorgSetting, number> = {
		hospice: 0.35,
		bijna_thuis_huis: 0.15,
		palliatieve_unit_vvt: 0.4,
		elv_palliatief: 0.1
	};
	const pickSetting = () => {
		let r = rng.next();
		for (const s of settings) if ((r -= settingWeights[s]) < 0) return s;
		return settings[0];
	};
	const bijzonder = doelgroepen.map((d) => d.code).filter((c) => c !== 'algemeen');
	const voorwaarden = opnameVoorwaarden.map((v) => v.code);
	const expertise = expertiseGebieden.map((e) => e.code);

	const orgRows: (typeof organisations.$inferInsert)[] = [];
	const locRows: (typeof locations.$inferInsert)[] = [];
	const serviceRows: (typeof services.$inferInsert)[] = [];
	const unitRows: (typeof bedUnits.$inferInsert)[] = [];
	for (let i = 0; i < LOCATIONS; i++) {
		const area = rng.pick(pc4s);
		const orgId = crypto.randomUUID();
		const locId = crypto.randomUUID();
		orgRows.push({ id: orgId, slug: `bench-${i}`, naam: `Bench-organisatie ${i}`, type: 'hospice' });
		locRows.push({
			id: locId,
			organisationId: orgId,
			naam: `Locatie ${i}`,
			pc4: area.pc4,
			plaats: 'Plaats',
			gemeenteCode: area.gemeenteCode,
			lat: area.lat + rng.between(-0.003, 0.003),
			lon: area.lon + rng.between(-0.003, 0.003)
		});
		// A specialist profile (substance use, psychiatry, homelessness) for about one in six organisations.
		const specialist = rng.chance(0.16);
		serviceRows.push({
			organisationId: orgId,
			naam: 'Verblijf',
			categorie: 'hospice',
			doelgroepen: ['algemeen'],
			expertise: specialist
				? ['middelengebruik', 'psychiatrie', 'dakloosheid', ...rng.sample(expertise, 2)]
				: rng.sample(expertise, rng.int(1, 4))
		});
		for (let u = 0; u < UNITS_PER_LOCATION; u++) {
			const aantal = rng.int(2, 12);
			const stale = rng.chance(0.12);
			unitRows.push({
				organisationId: orgId,
				locationId: locId,
				naam: `Eenheid ${u + 1}`,
				setting: pickSetting(),
				aantalBedden: aantal,
				vrijeBedden: rng.chance(0.3) ? 0 : rng.int(1, Math.max(1, Math.floor(aantal / 2))),
				doelgroepen: specialist
					? ['dak_thuisloos', 'verslaving', 'epa_psychiatrie', ...rng.sample(bijzonder, 1)]
					: rng.sample(bijzonder, rng.int(0, 2)),
				voorwaarden: specialist
					? [
							'actief_middelengebruik',
							'methadon_onderhoud',
							'roken',
							'ggz_consult_dag_nacht',
							...rng.sample(voorwaarden, 3)
						]
					: rng.sample(voorwaarden, rng.int(1, 6)),
				beschikbaarheidBijgewerktOp: rng.chance(0.03)
					? null
					: new Date(now.getTime() - (stale ? rng.between(25, 200) : rng.between(0.1, 23)) * 3_600_000)
			});
		}
	}
	const batches = async <T>(rows: T[], insert: (b: T[]) => Promise<unknown>) => {
		for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
	};
	await batches(orgRows, (b) => handle.db.insert(organisations).values(b));
	await batches(locRows, (b) => handle.db.insert(locations).values(b));
	await batches(serviceRows, (b) => handle.db.insert(services).values(b));
	await batches(unitRows, (b) => handle.db.insert(bedUnits).values(b));
	await handle.db.execute(sql`analyze`);

	// Referrals as verwijzers write them: a PC4 where people live, a doelgroep or two, a few needs, one or two settings.
	const referrals = Array.from({ length: 200 }, () => ({
		doelgroepen: rng.chance(0.5) ? [] : (rng.sample(bijzonder, rng.int(1, 2)) as Doelgroep[]),
		zorgbehoeften: rng.sample(voorwaarden, rng.int(0, 2)) as OpnameVoorwaarde[],
		settings: rng.sample(settings, rng.int(1, 2)) as ZorgSetting[],
		prognose: rng.pick(prognoses) as Prognose,
		maxAfstandKm: rng.pick([25, 50, 50, 75, 100]),
		pc4Verblijf: rng.pick(pc4s).pc4,
		pc4Naasten: rng.chance(0.6) ? rng.pick(pc4s).pc4 : null
	}));
	return { units: unitRows.length, referrals };
}

const started = performance.now();
const { handle, drop, label } = await openFreshDatabase();
try {
	await migrateDatabase(handle);
	const reference = await ensureReferenceData(handle.db);
	const now = new Date();
	const { units, referrals } = await generate(handle, now);
	console.log(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}`);
	console.log(`Database: ${label}`);
	console.log(
		`Gegevens: ${units} beddeneenheden op ${LOCATIONS} locaties, ${reference.inserted?.postcodeGebieden ?? '?'} postcodegebieden; opbouw ${Math.round(performance.now() - started)} ms`
	);

	// The matching call alone, on units already in memory (requests resolved beforehand).
	const candidates = await loadBedUnitCandidates(handle.db);
	const requests = await Promise.all(referrals.map((r) => matchRequestFor(handle.db, r, now)));
	const pure: number[] = [];
	const pureCpu: number[] = [];
	let kandidaten = 0;
	for (let i = 0; i < WARMUP + ITERATIONS; i++) {
		const request = requests[i % requests.length];
		const cpu = process.cpuUsage();
		const t = performance.now();
		const result = matchBedUnits(request, candidates);
		const ms = performance.now() - t;
		const used = process.cpuUsage(cpu);
		if (i >= WARMUP) {
			pure.push(ms);
			// CPU time of this process: what the call costs on an idle core, whatever else the machine is doing.
			pureCpu.push((used.user + used.system) / 1000);
			kandidaten += result.kandidaten.length;
		}
	}

	// The whole match request as the referral page runs it: DB load of all units + PC4 resolution + matching.
	const whole: number[] = [];
	const wholeCpu: number[] = [];
	const load: number[] = [];
	for (let i = 0; i < WARMUP + ITERATIONS; i++) {
		const referral = referrals[i % referrals.length];
		const cpu = process.cpuUsage();
		const t = performance.now();
		await runMatch(handle.db, referral, now);
		const ms = performance.now() - t;
		const used = process.cpuUsage(cpu);
		if (i >= WARMUP) {
			whole.push(ms);
			wholeCpu.push((used.user + used.system) / 1000);
		}
		if (i >= WARMUP && i % 3 === 0) {
			const t2 = performance.now();
			await loadBedUnitCandidates(handle.db);
			load.push(performance.now() - t2);
		}
	}

	const loadavg = os
		.loadavg()
		.map((n) => n.toFixed(1))
		.join(' ');
	console.log(`Belasting van de machine (load average 1/5/15 min): ${loadavg}`);
	console.log('');
	summary('matchBedUnits (3.000 eenheden), wandklok', pure);
	summary('matchBedUnits, CPU-tijd van dit proces', pureCpu);
	summary('loadBedUnitCandidates (alleen DB), wandklok', load);
	summary('runMatch (hele matchaanvraag), wandklok', whole);
	summary('runMatch, CPU-tijd van dit proces (zonder DB)', wholeCpu);
	console.log(`Gemiddeld ${(kandidaten / ITERATIONS).toFixed(1)} kandidaten per verwijzing.`);
	const p95 = percentile(
		[...pure].sort((a, b) => a - b),
		0.95
	);
	console.log(`Doel matching p95 < 25 ms: ${p95 < 25 ? 'gehaald' : 'NIET gehaald'} (${p95.toFixed(2)} ms).`);
} finally {
	await handle.close();
	await drop();
}
