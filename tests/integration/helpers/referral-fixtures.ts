import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import {
	type DatabaseHandle,
	type Executor,
	migrateDatabase,
	openDatabase
} from '../../../src/lib/server/db/client';
import {
	bedUnits,
	gemeenten,
	locations,
	memberships,
	organisations,
	postcodeGebieden,
	regionGemeenten,
	regions,
	services,
	users
} from '../../../src/lib/server/db/schema';
import type { ReferralActor } from '../../../src/lib/server/services/referrals';
import type { VerwijzingInput } from '../../../src/lib/domain/referral/schemas';

/**
 * A fresh database for the referral tests: PGlite in memory, or (with DATABASE_URL) a new database `t_ref_<time>_<random>`
 * on that server, dropped on close. `max` sets the postgres.js pool size (the concurrency test needs one connection per
 * concurrent transaction to make them really concurrent).
 */
export async function createReferralTestDatabase(
	opts: { max?: number; driver?: 'auto' | 'pglite' } = {}
): Promise<DatabaseHandle> {
	const serverUrl = opts.driver === 'pglite' ? undefined : process.env.DATABASE_URL;
	if (!serverUrl) {
		const handle = await openDatabase({ dataDir: 'memory://' });
		await migrateDatabase(handle);
		return handle;
	}
	const name = `t_ref_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`CREATE DATABASE "${name}"`);
	await admin.end();
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const handle = await openDatabase({ url: url.toString(), max: opts.max ?? 4 });
	await migrateDatabase(handle);
	let closing: Promise<void> | undefined;
	return {
		...handle,
		close: () =>
			(closing ??= (async () => {
				await handle.close();
				const drop = postgres(serverUrl, { max: 1, onnotice: () => {} });
				await drop.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
				await drop.end();
			})())
	};
}

export interface ReferralWorld {
	regionAmsterdam: string;
	regionDrenthe: string;
	verwijzer: ReferralActor;
	andereVerwijzer: ReferralActor;
	beheerder: ReferralActor;
	/** Editor of Het Veerhuis (accepts active substance use). */
	redacteurVeerhuis: ReferralActor;
	/** Editor of Hospice Zuid (also accepts substance use, farther away). */
	redacteurZuid: ReferralActor;
	/** Editor of De Amstelroos (no substance use). */
	redacteurAmstelroos: ReferralActor;
	veerhuis: { organisationId: string; unitId: string };
	zuid: { organisationId: string; unitId: string };
	amstelroos: { organisationId: string; unitId: string };
}

const MIDDELEN_PROFIEL = {
	doelgroepen: ['dak_thuisloos', 'verslaving', 'epa_psychiatrie'],
	voorwaarden: ['actief_middelengebruik', 'roken', 'ggz_consult_dag_nacht', 'toezicht_24u']
};

async function user(db: Executor, email: string, role: ReferralActor['role'], regionId: string | null) {
	const [row] = await db
		.insert(users)
		.values({ email, naam: email.split('@')[0], role, regionId })
		.returning({ id: users.id });
	return { id: row.id, role, regionId };
}

export async function addHospice(
	db: Executor,
	o: {
		slug: string;
		naam: string;
		pc4: string;
		lat: number;
		lon: number;
		gemeenteCode: string;
		aantalBedden: number;
		vrijeBedden: number;
		doelgroepen: string[];
		voorwaarden: string[];
		expertise: string[];
		now: Date;
	}
) {
	const [org] = await db
		.insert(organisations)
		.values({ slug: o.slug, naam: o.naam, type: 'hospice' })
		.returning({ id: organisations.id });
	const [loc] = await db
		.insert(locations)
		.values({
			organisationId: org.id,
			naam: o.naam,
			plaats: 'Amsterdam',
			pc4: o.pc4,
			gemeenteCode: o.gemeenteCode,
			lat: o.lat,
			lon: o.lon
		})
		.returning({ id: locations.id });
	await db.insert(services).values({
		organisationId: org.id,
		naam: 'Verblijf',
		categorie: 'hospice',
		doelgroepen: ['algemeen', ...o.doelgroepen],
		expertise: o.expertise
	});
	const [unit] = await db
		.insert(bedUnits)
		.values({
			organisationId: org.id,
			locationId: loc.id,
			naam: 'Hospicekamers',
			setting: 'hospice',
			aantalBedden: o.aantalBedden,
			vrijeBedden: o.vrijeBedden,
			doelgroepen: o.doelgroepen,
			voorwaarden: o.voorwaarden,
			beschikbaarheidBijgewerktOp: new Date(o.now.getTime() - 3_600_000)
		})
		.returning({ id: bedUnits.id });
	return { organisationId: org.id, unitId: unit.id };
}

/** Minimal reference data (two gemeenten, four PC4s, two networks), three Amsterdam hospices and the users around them. */
export async function buildReferralWorld(db: Executor, now = new Date()): Promise<ReferralWorld> {
	await db.insert(gemeenten).values([
		{ code: 'GM0363', naam: 'Amsterdam', provincieCode: 'PV27', provincieNaam: 'Noord-Holland' },
		{ code: 'GM0106', naam: 'Assen', provincieCode: 'PV22', provincieNaam: 'Drenthe' }
	]);
	await db.insert(postcodeGebieden).values([
		{ pc4: '1012', lat: 52.3746, lon: 4.896, gemeenteCode: 'GM0363' },
		{ pc4: '1092', lat: 52.3569, lon: 4.9256, gemeenteCode: 'GM0363' },
		{ pc4: '1053', lat: 52.3668, lon: 4.8663, gemeenteCode: 'GM0363' },
		{ pc4: '1102', lat: 52.3127, lon: 4.9585, gemeenteCode: 'GM0363' },
		{ pc4: '9401', lat: 52.9936, lon: 6.5625, gemeenteCode: 'GM0106' }
	]);
	const [ams] = await db
		.insert(regions)
		.values({ slug: 'amsterdam-diemen', naam: 'Amsterdam-Diemen' })
		.returning({ id: regions.id });
	const [dre] = await db
		.insert(regions)
		.values({ slug: 'drenthe', naam: 'Drenthe' })
		.returning({ id: regions.id });
	await db.insert(regionGemeenten).values([
		{ regionId: ams.id, gemeenteCode: 'GM0363' },
		{ regionId: dre.id, gemeenteCode: 'GM0106' }
	]);

	const veerhuis = await addHospice(db, {
		slug: 'veerhuis',
		naam: 'Hospice Het Veerhuis',
		pc4: '1092',
		lat: 52.3569,
		lon: 4.9256,
		gemeenteCode: 'GM0363',
		aantalBedden: 6,
		vrijeBedden: 2,
		...MIDDELEN_PROFIEL,
		expertise: ['middelengebruik', 'dakloosheid', 'psychiatrie'],
		now
	});
	const zuid = await addHospice(db, {
		slug: 'zuid',
		naam: 'Hospice Zuidoost',
		pc4: '1102',
		lat: 52.3127,
		lon: 4.9585,
		gemeenteCode: 'GM0363',
		aantalBedden: 4,
		vrijeBedden: 1,
		...MIDDELEN_PROFIEL,
		expertise: [],
		now
	});
	const amstelroos = await addHospice(db, {
		slug: 'amstelroos',
		naam: 'Hospice De Amstelroos',
		pc4: '1053',
		lat: 52.3668,
		lon: 4.8663,
		gemeenteCode: 'GM0363',
		aantalBedden: 8,
		vrijeBedden: 3,
		doelgroepen: [],
		voorwaarden: ['palliatieve_sedatie', 'toezicht_24u'],
		expertise: ['pijnbeleid'],
		now
	});

	const world: ReferralWorld = {
		regionAmsterdam: ams.id,
		regionDrenthe: dre.id,
		verwijzer: await user(db, 'verwijzer@test.nl', 'verwijzer', ams.id),
		andereVerwijzer: await user(db, 'andere.verwijzer@test.nl', 'verwijzer', ams.id),
		beheerder: await user(db, 'beheerder@test.nl', 'beheerder', ams.id),
		redacteurVeerhuis: await user(db, 'veerhuis@test.nl', 'organisatie', null),
		redacteurZuid: await user(db, 'zuid@test.nl', 'organisatie', null),
		redacteurAmstelroos: await user(db, 'amstelroos@test.nl', 'organisatie', null),
		veerhuis,
		zuid,
		amstelroos
	};
	await db.insert(memberships).values([
		{ userId: world.redacteurVeerhuis.id, organisationId: veerhuis.organisationId },
		{ userId: world.redacteurZuid.id, organisationId: zuid.organisationId },
		{ userId: world.redacteurAmstelroos.id, organisationId: amstelroos.organisationId }
	]);
	return world;
}

/** The example: homeless, active alcohol use, prognosis under three months, staying in PC4 1012. */
export function dakloosMetMiddelen(overrides: Partial<VerwijzingInput> = {}): VerwijzingInput {
	return {
		leeftijdscategorie: '50-64',
		pc4Verblijf: '1012',
		pc4Naasten: '1053',
		doelgroepen: ['dak_thuisloos', 'verslaving'],
		zorgbehoeften: ['actief_middelengebruik'],
		settings: ['hospice'],
		prognose: 'korter_dan_3_maanden',
		urgentie: 'binnen_3_dagen',
		maxAfstandKm: 50,
		wensen: 'Wil graag kunnen roken.',
		...overrides
	};
}
