import { randomBytes } from 'node:crypto';
import { parse as devalueParse } from 'devalue';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client';
import { bedUnits, organisations, users, verwijsverzoeken } from '../../src/lib/server/db/schema';
import { DEMO_PASSWORD } from '../../src/lib/server/seed/demo-accounts';
import { demoSlug } from '../../src/lib/server/seed/demo-dataset';
import { stableUuid } from '../../src/lib/server/seed/prng';
import { createReferral, sendRequests } from '../../src/lib/server/services/referrals';
import { dakloosMetMiddelen } from '../integration/helpers/referral-fixtures';
import {
	decodeEntities,
	discoverActions,
	discoverApiEndpoints,
	fingerprintDiff,
	fingerprintQuery,
	csvCells,
	formulaCells,
	formulaInjections,
	hostileString,
	hostileSubmission,
	injectionStrings,
	markupInjections,
	multipart,
	mutateEntries,
	rawMarkupSignatures,
	readForm,
	urlencode,
	VOLATILE_TABLES,
	type BodyEntry,
	type Fingerprint,
	type FormEntries,
	type HostileSubmission
} from './helpers/hostile';
import {
	createSeededDatabase,
	freePort,
	localServerUnavailable,
	login,
	requireBuild,
	sessionCookieFrom,
	startPortal,
	type Portal,
	type SeededDatabase
} from './helpers/portal';

/**
 * Hostile input against the built portal on a real PostgreSQL, with fast-check. For every form action (discovered from
 * src/routes/**\/+page.server.ts) and every API endpoint (src/routes/api/**\/+server.ts), logged in as a role that may use
 * it, hostile submissions (the page's own form with fields replaced by injection strings, unicode, lone surrogates, null
 * bytes, long strings, arrays, files, extra fields; sent urlencoded, multipart, as JSON, as text, or without a body) must
 * (a) never give a 5xx, and a refused form answers in Dutch;
 * (b) never show stored markup as markup: after an accepted submission the page shows no injected tag, and hostile text
 *     stored through a valid form is shown escaped on the pages that show it; CSV exports neutralise formulas;
 * (c) when refused (4xx, or a form action's `fail`), change nothing: every table's rows are fingerprinted before and after,
 *     except the tables a refused request legitimately writes (helpers/hostile.ts VOLATILE_TABLES: sessions, rate limits,
 *     audit log; and api_tokens.last_used_at).
 * Reproduce a failure with HOSTILE_SEED=<seed printed at the start> (each case uses seed + its index).
 */

const skipReason = await localServerUnavailable();
if (skipReason) console.warn(`hostile-input: overgeslagen: ${skipReason}`);

const SEED = Number(process.env.HOSTILE_SEED ?? 20_260_612);
/** fast-check runs per action / endpoint: ~60 actions and ~15 endpoints stay within a few minutes on 2 cores. */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 8);

type Role = 'anoniem' | 'beheerder' | 'organisatie' | 'verwijzer';
const accounts: Record<Exclude<Role, 'anoniem'>, string> = {
	beheerder: 'beheerder@demo.regiokaart.nl',
	organisatie: 'organisatie@demo.regiokaart.nl',
	verwijzer: 'verwijzer.amsterdam@demo.regiokaart.nl'
};

/** Ids of demo records the cases post to (filled in beforeAll; demo ids are stable, the referral ones are made here). */
interface Ids {
	org: string;
	location: string;
	service: string;
	/** A bed unit of the demo editor (Assen): edited, archived, fuzzed through the API. */
	unit: string;
	/** A referral of the verwijzer that has not been sent yet, and one with a request waiting at the editor's hospice. */
	referralOpen: string;
	referralSent: string;
	request: string;
	/** A colleague in the beheerder's network (not one of the accounts this test is logged in as). */
	user: string;
}
const ids = {} as Ids;

interface Stored {
	/** The form field that gets a hostile string, the rest of the form as the page has it (plus `fill`). */
	field: string;
	fill?: Record<string, string>;
	/** Pages that show the stored text, with the role that views them ('redirect': where the action redirected to). */
	show: [Role, string | 'redirect'][];
}

interface ActionCase {
	role: Role;
	/** The page the form is on, which is also where it posts. */
	page: () => string;
	stored?: Stored;
}

const org = () => `/mijn-organisatie/${ids.org}`;
const beheerOrg = () => `/beheer/organisaties/${ids.org}`;
const publicOrg = () => `/organisaties/${ids.org}`;

/**
 * Every form action with the role that may use it. Executed in this order: actions that end something (archive, close,
 * deactivate) come after those that need it alive. A form action missing here fails the first test.
 */
const actionCases: Record<string, ActionCase> = {
	'/inloggen ?/default': { role: 'anoniem', page: () => '/inloggen' },
	'/uitloggen ?/default': { role: 'anoniem', page: () => '/uitloggen' },
	'/wachtwoord/nieuw ?/default': { role: 'anoniem', page: () => '/wachtwoord/nieuw?token=ongeldig' },
	'/account/wachtwoord ?/default': { role: 'verwijzer', page: () => '/account/wachtwoord' },
	'/verwijzen/nieuw ?/default': {
		role: 'verwijzer',
		page: () => '/verwijzen/nieuw',
		stored: {
			field: 'wensen',
			fill: {
				pc4Verblijf: '1012',
				pc4Naasten: '1053',
				leeftijdscategorie: '50-64',
				maxAfstandKm: '50',
				settings: 'hospice',
				prognose: 'korter_dan_3_maanden',
				urgentie: 'binnen_3_dagen'
			},
			show: [['verwijzer', 'redirect']]
		}
	},
	'/verwijzen/[id] ?/versturen': { role: 'verwijzer', page: () => `/verwijzen/${ids.referralOpen}` },
	'/verwijzen/[id] ?/intrekken': { role: 'verwijzer', page: () => `/verwijzen/${ids.referralOpen}` },
	'/mijn-organisatie/verzoeken/[id] ?/afwijzen': {
		role: 'organisatie',
		page: () => `/mijn-organisatie/verzoeken/${ids.request}`
	},
	'/mijn-organisatie/verzoeken/[id] ?/accepteren': {
		role: 'organisatie',
		page: () => `/mijn-organisatie/verzoeken/${ids.request}`
	},
	'/verwijzen/[id] ?/afsluiten': { role: 'verwijzer', page: () => `/verwijzen/${ids.referralSent}` },
	'/mijn-organisatie/[organisatie] ?/opslaan': {
		role: 'organisatie',
		page: org,
		stored: {
			field: 'beschrijving',
			show: [
				['anoniem', '/organisaties/ORG'],
				['organisatie', '/mijn-organisatie/ORG']
			]
		}
	},
	'/mijn-organisatie/[organisatie]/diensten/nieuw ?/default': {
		role: 'organisatie',
		page: () => `${org()}/diensten/nieuw`,
		stored: { field: 'naam', show: [['anoniem', '/organisaties/ORG']] }
	},
	'/mijn-organisatie/[organisatie]/diensten/[dienst] ?/opslaan': {
		role: 'organisatie',
		page: () => `${org()}/diensten/${ids.service}`,
		stored: { field: 'naam', show: [['anoniem', '/organisaties/ORG']] }
	},
	'/mijn-organisatie/[organisatie]/locaties/nieuw ?/default': {
		role: 'organisatie',
		page: () => `${org()}/locaties/nieuw`
	},
	'/mijn-organisatie/[organisatie]/locaties/[locatie] ?/opslaan': {
		role: 'organisatie',
		page: () => `${org()}/locaties/${ids.location}`,
		stored: { field: 'naam', show: [['anoniem', '/organisaties/ORG']] }
	},
	'/mijn-organisatie/api-tokens ?/aanmaken': {
		role: 'organisatie',
		page: () => '/mijn-organisatie/api-tokens',
		stored: { field: 'naam', show: [['organisatie', '/mijn-organisatie/api-tokens']] }
	},
	'/mijn-organisatie/api-tokens ?/intrekken': {
		role: 'organisatie',
		page: () => '/mijn-organisatie/api-tokens'
	},
	'/mijn-organisatie/bedden ?/beschikbaarheid': {
		role: 'organisatie',
		page: () => '/mijn-organisatie/bedden'
	},
	'/mijn-organisatie/bedden/nieuw ?/default': {
		role: 'organisatie',
		page: () => '/mijn-organisatie/bedden/nieuw',
		stored: {
			field: 'naam',
			fill: { aantalBedden: '4' },
			show: [['organisatie', '/mijn-organisatie/bedden']]
		}
	},
	'/mijn-organisatie/bedden/[id] ?/beschikbaarheid': {
		role: 'organisatie',
		page: () => `/mijn-organisatie/bedden/${ids.unit}`
	},
	'/mijn-organisatie/bedden/[id]/bewerken ?/opslaan': {
		role: 'organisatie',
		page: () => `/mijn-organisatie/bedden/${ids.unit}/bewerken`
	},
	'/mijn-organisatie/[organisatie]/diensten/[dienst] ?/status': {
		role: 'organisatie',
		page: () => `${org()}/diensten/${ids.service}`
	},
	'/mijn-organisatie/[organisatie]/locaties/[locatie] ?/status': {
		role: 'organisatie',
		page: () => `${org()}/locaties/${ids.location}`
	},
	'/mijn-organisatie/bedden/[id]/bewerken ?/archiveren': {
		role: 'organisatie',
		page: () => `/mijn-organisatie/bedden/${ids.unit}/bewerken`
	},
	'/mijn-organisatie/bedden/[id]/bewerken ?/terugzetten': {
		role: 'organisatie',
		page: () => `/mijn-organisatie/bedden/${ids.unit}/bewerken`
	},
	'/beheer/organisaties/nieuw ?/default': {
		role: 'beheerder',
		page: () => '/beheer/organisaties/nieuw',
		stored: {
			field: 'naam',
			fill: { type: 'hospice', gemeente: 'Assen' },
			show: [['beheerder', '/beheer/organisaties']]
		}
	},
	'/beheer/organisaties/[organisatie] ?/opslaan': {
		role: 'beheerder',
		page: beheerOrg,
		stored: { field: 'beschrijving', show: [['anoniem', '/organisaties/ORG']] }
	},
	'/beheer/organisaties/[organisatie]/diensten/nieuw ?/default': {
		role: 'beheerder',
		page: () => `${beheerOrg()}/diensten/nieuw`
	},
	'/beheer/organisaties/[organisatie]/diensten/[dienst] ?/opslaan': {
		role: 'beheerder',
		page: () => `${beheerOrg()}/diensten/${ids.service}`
	},
	'/beheer/organisaties/[organisatie]/locaties/nieuw ?/default': {
		role: 'beheerder',
		page: () => `${beheerOrg()}/locaties/nieuw`
	},
	'/beheer/organisaties/[organisatie]/locaties/[locatie] ?/opslaan': {
		role: 'beheerder',
		page: () => `${beheerOrg()}/locaties/${ids.location}`
	},
	'/beheer/organisaties/[organisatie]/diensten/[dienst] ?/status': {
		role: 'beheerder',
		page: () => `${beheerOrg()}/diensten/${ids.service}`
	},
	'/beheer/organisaties/[organisatie]/locaties/[locatie] ?/status': {
		role: 'beheerder',
		page: () => `${beheerOrg()}/locaties/${ids.location}`
	},
	'/beheer/import ?/controleren': { role: 'beheerder', page: () => '/beheer/import' },
	'/beheer/import ?/importeren': { role: 'beheerder', page: () => '/beheer/import' },
	'/beheer/taxonomie/[vocabulary]/[code] ?/opslaan': {
		role: 'beheerder',
		page: () => '/beheer/taxonomie/doelgroep/dementie'
	},
	'/beheer/taxonomie/[vocabulary]/[code] ?/uitzetten': {
		role: 'beheerder',
		page: () => '/beheer/taxonomie/doelgroep/dementie'
	},
	'/beheer/taxonomie/[vocabulary]/[code] ?/aanzetten': {
		role: 'beheerder',
		page: () => '/beheer/taxonomie/doelgroep/dementie'
	},
	'/beheer/regios ?/subregio': {
		role: 'beheerder',
		page: () => '/beheer/regios',
		stored: { field: 'naam', show: [['beheerder', '/beheer/regios']] }
	},
	'/beheer/regios ?/samenvoegen': { role: 'beheerder', page: () => '/beheer/regios' },
	'/beheer/regios/[id] ?/naam': { role: 'beheerder', page: () => '/beheer/regios/drenthe-steenwijkerland' },
	'/beheer/regios/[id] ?/toevoegen': {
		role: 'beheerder',
		page: () => '/beheer/regios/drenthe-steenwijkerland'
	},
	'/beheer/regios/[id] ?/aandeel': {
		role: 'beheerder',
		page: () => '/beheer/regios/drenthe-steenwijkerland'
	},
	'/beheer/regios/[id] ?/verwijderen': {
		role: 'beheerder',
		page: () => '/beheer/regios/drenthe-steenwijkerland'
	},
	'/beheer/wegwijzer ?/nieuw': { role: 'beheerder', page: () => '/beheer/wegwijzer' },
	'/beheer/wegwijzer/[vraag] ?/opslaan': {
		role: 'beheerder',
		page: () => '/beheer/wegwijzer/zorg-voor-partner-kan-het-niet-meer-aan'
	},
	'/beheer/wegwijzer/[vraag] ?/standaard': {
		role: 'beheerder',
		page: () => '/beheer/wegwijzer/zorg-voor-partner-kan-het-niet-meer-aan'
	},
	'/beheer/prognose ?/parameters': { role: 'beheerder', page: () => '/beheer/prognose' },
	'/beheer/prognose ?/extern': { role: 'beheerder', page: () => '/beheer/prognose' },
	'/beheer/prognose ?/externVerwijderen': { role: 'beheerder', page: () => '/beheer/prognose' },
	'/beheer/prognose ?/importeren': { role: 'beheerder', page: () => '/beheer/prognose' },
	'/beheer/prognose ?/gepland': { role: 'beheerder', page: () => '/beheer/prognose' },
	'/beheer/prognose ?/geplandWijzigen': { role: 'beheerder', page: () => '/beheer/prognose' },
	'/beheer/prognose ?/geplandVerwijderen': { role: 'beheerder', page: () => '/beheer/prognose' },
	'/beheer/prognose ?/scenarioOpslaan': { role: 'beheerder', page: () => '/beheer/prognose' },
	'/beheer/prognose ?/scenarioVerwijderen': { role: 'beheerder', page: () => '/beheer/prognose' },
	'/beheer/gebruikers ?/aanmaken': {
		role: 'beheerder',
		page: () => '/beheer/gebruikers',
		stored: {
			field: 'naam',
			fill: { email: `hostile-${randomBytes(3).toString('hex')}@example.org`, role: 'verwijzer' },
			show: [['beheerder', '/beheer/gebruikers']]
		}
	},
	'/beheer/gebruikers ?/resetlink': { role: 'beheerder', page: () => '/beheer/gebruikers' },
	'/beheer/gebruikers/[id] ?/opslaan': { role: 'beheerder', page: () => `/beheer/gebruikers/${ids.user}` },
	'/beheer/gebruikers/[id] ?/organisaties': {
		role: 'beheerder',
		page: () => `/beheer/gebruikers/${ids.user}`
	},
	'/beheer/gebruikers/[id] ?/resetlink': { role: 'beheerder', page: () => `/beheer/gebruikers/${ids.user}` },
	'/beheer/gebruikers/[id] ?/deactiveren': {
		role: 'beheerder',
		page: () => `/beheer/gebruikers/${ids.user}`
	},
	'/beheer/gebruikers/[id] ?/activeren': { role: 'beheerder', page: () => `/beheer/gebruikers/${ids.user}` },
	'/beheer/organisaties/[organisatie] ?/status': { role: 'beheerder', page: beheerOrg }
};

/** Every API endpoint: how to reach an existing record, and whether it needs the bearer token. */
const apiCases: Record<string, { path: () => string; token?: boolean }> = {
	'GET /api/v1/openapi.json': { path: () => '/api/v1/openapi.json' },
	'GET /api/v1/hsds': { path: () => '/api/v1/hsds' },
	'GET /api/v1/hsds/organizations': { path: () => '/api/v1/hsds/organizations' },
	'GET /api/v1/hsds/organizations/[id]': {
		path: () => `/api/v1/hsds/organizations/${stableUuid(`organisation:${ids.org}`)}`
	},
	'GET /api/v1/hsds/services': { path: () => '/api/v1/hsds/services' },
	'GET /api/v1/hsds/services/[id]': { path: () => `/api/v1/hsds/services/${ids.service}` },
	'GET /api/v1/hsds/service_at_locations': { path: () => '/api/v1/hsds/service_at_locations' },
	'GET /api/v1/hsds/service_at_locations/[id]': { path: () => '/api/v1/hsds/service_at_locations/x' },
	'GET /api/v1/hsds/taxonomies': { path: () => '/api/v1/hsds/taxonomies' },
	'GET /api/v1/hsds/taxonomies/[id]': { path: () => '/api/v1/hsds/taxonomies/x' },
	'GET /api/v1/hsds/taxonomy_terms': { path: () => '/api/v1/hsds/taxonomy_terms' },
	'GET /api/v1/hsds/taxonomy_terms/[id]': { path: () => '/api/v1/hsds/taxonomy_terms/x' },
	'GET /api/v1/bed-units/[id]/availability': {
		path: () => `/api/v1/bed-units/${ids.unit}/availability`,
		token: true
	},
	'PUT /api/v1/bed-units/[id]/availability': {
		path: () => `/api/v1/bed-units/${ids.unit}/availability`,
		token: true
	}
};

/** CSV exports that hold text people typed (names, descriptions, audit details), checked for formulas at the end. */
const csvExports: [Role, string][] = [
	['beheerder', '/beheer/organisaties/export.csv'],
	['beheerder', '/beheer/audit/export.csv'],
	['beheerder', '/beheer/indicatoren/export.csv'],
	['beheerder', '/beheer/prognose/export.csv'],
	['anoniem', '/capaciteit/export.csv'],
	['anoniem', '/kaart/export.csv']
];

/** English messages zod and SvelteKit give when nobody wrote a Dutch one. */
const ENGLISH =
	/\b(Invalid input|Expected|Required|Too (big|small)|Invalid (uuid|email|option|enum|string|date)|received|must be|Unsupported Media Type|Not Found|Internal Error)\b/;
const DUTCH =
	/\b(de|het|een|is|niet|geen|of|en|van|voor|bij|kies|vul|moet|mag|deze|dit|uw|u|te|zijn|bestaat|ongeldige?|onbekend|klopt|alleen|gebruik|hoogstens|minstens|maximaal|tekens|verwacht|ontving|lang|kort|groot)\b|(heid|ende|lijk|ijk|ingen)\b/i;

describe.skipIf(skipReason)('hostile input against every form action and API endpoint', () => {
	let database: SeededDatabase;
	let appUrl: string;
	let sql: postgres.Sql;
	let handle: DatabaseHandle;
	let portal: Portal;
	let ORIGIN: string;
	let fingerprint: () => Promise<Fingerprint>;
	let token: string;
	const cookies: Partial<Record<Role, string>> = {};
	/** Counts over the whole file, so the checks are shown not to be vacuous. */
	const tally = { requests: 0, refused: 0, accepted: 0, dutchChecked: 0 };
	/** Formulas stored in fields of the organisation export (so its check below is not vacuous). */
	let formulasInOrganisationExport = 0;

	beforeAll(async () => {
		requireBuild();
		console.log(
			`hostile-input: fast-check seed ${SEED} (HOSTILE_SEED), ${RUNS} runs per case (HOSTILE_RUNS)`
		);
		database = await createSeededDatabase('hostile');
		appUrl = database.url;
		sql = postgres(appUrl, { max: 2, onnotice: () => {} });
		handle = await openDatabase({ url: appUrl, max: 2 });
		const db = handle.db;

		ids.org = demoSlug('hospiceAssen');
		ids.location = stableUuid(`location:${ids.org}:0`);
		ids.service = stableUuid(`service:${ids.org}:0`);
		ids.user = stableUuid('user:redacteur.steenwijk@demo.regiokaart.nl');
		const unitOf = async (slug: string) => {
			const [o] = await db.select().from(organisations).where(eq(organisations.slug, slug));
			const [u] = await db.select().from(bedUnits).where(eq(bedUnits.organisationId, o.id));
			return { org: o, unit: u };
		};
		const assen = await unitOf(ids.org);
		ids.unit = assen.unit.id;
		const amsterdam = await unitOf(demoSlug('hospiceAmsterdamMiddelen'));

		// Referrals of the verwijzer: one not sent yet, one with a request waiting at the editor's hospice in Amsterdam.
		const [verwijzer] = await db.select().from(users).where(eq(users.email, accounts.verwijzer));
		const open = await createReferral(db, verwijzer, dakloosMetMiddelen());
		const sent = await createReferral(db, verwijzer, dakloosMetMiddelen());
		if (!open.ok || !sent.ok) throw new Error('verwijzingen aanmaken mislukt');
		const sendResult = await sendRequests(db, verwijzer, sent.id, { bedUnitIds: [amsterdam.unit.id] });
		if (!sendResult.ok) throw new Error(`verzoek versturen mislukt: ${JSON.stringify(sendResult)}`);
		ids.referralOpen = open.id;
		ids.referralSent = sent.id;
		const [request] = await db
			.select()
			.from(verwijsverzoeken)
			.where(eq(verwijsverzoeken.referralId, sent.id));
		ids.request = request.id;

		const [editor] = await db.select().from(users).where(eq(users.email, accounts.organisatie));
		const created = await createApiToken(db, editor, { organisationId: assen.org.id, naam: 'hostile' });
		if (!created.ok) throw new Error('token aanmaken mislukt');
		token = created.token;

		const port = await freePort();
		ORIGIN = `http://127.0.0.1:${port}`;
		// The client address from X-Forwarded-For, so the fuzzed login form (throttled per address) cannot lock out ours.
		portal = await startPortal({
			ORIGIN,
			PORT: String(port),
			DATABASE_URL: appUrl,
			ADDRESS_HEADER: 'X-Forwarded-For',
			XFF_DEPTH: '1'
		});
		for (const role of Object.keys(accounts) as (keyof typeof accounts)[]) {
			const response = await login(
				portal.url,
				ORIGIN,
				accounts[role],
				DEMO_PASSWORD,
				`198.51.100.${10 + role.length}`
			);
			if (response.status !== 303) throw new Error(`inloggen als ${role} gaf ${response.status}`);
			cookies[role] = sessionCookieFrom(response);
		}
		fingerprint = await fingerprintQuery(sql);
	}, 900_000);

	afterAll(async () => {
		console.log(
			`hostile-input: ${JSON.stringify(tally)}; niet in de vingerafdruk: ${VOLATILE_TABLES.join(', ')}`
		);
		const exit = await portal?.stop(20_000);
		await sql?.end({ timeout: 1 });
		await handle?.close();
		await database?.drop();
		if (exit) expect(exit).toEqual({ code: 0, signal: null });
	});

	const headersFor = (role: Role, extra: Record<string, string> = {}) => ({
		...(role === 'anoniem' ? {} : { cookie: cookies[role]! }),
		'x-forwarded-for': '192.0.2.77',
		...extra
	});

	async function getPage(role: Role, path: string, retry = true): Promise<{ status: number; html: string }> {
		try {
			const response = await fetch(portal.url + path, { headers: headersFor(role), redirect: 'manual' });
			return { status: response.status, html: await response.text() };
		} catch (e) {
			// After a body refused unread (413) the server closes the connection; fetch may have reused it already.
			if (!retry || !portal.running()) throw e;
			return getPage(role, path, false);
		}
	}

	function expectNoRawMarkup(html: string, where: string) {
		const found = rawMarkupSignatures.filter((s) => html.includes(s));
		expect(found, `Ongeëscapete markup in ${where}`).toEqual([]);
	}

	/** Strings under message-like keys of an action's failure data. */
	function messagesOf(value: unknown, isMessage = false): string[] {
		if (typeof value === 'string') return isMessage ? [value] : [];
		if (!value || typeof value !== 'object') return [];
		// A message is a string under message/melding/fout, or any field's entry in errors/velden.
		return Object.entries(value).flatMap(([k, v]) =>
			/^(errors|fouten|velden)$/i.test(k) && v && typeof v === 'object'
				? Object.values(v).flatMap((e) => messagesOf(e, true))
				: messagesOf(v, /^(message|melding|fout)$/i.test(k))
		);
	}

	function expectDutch(messages: string[], where: string) {
		for (const m of messages) {
			expect(m, `Engelse melding in ${where}`).not.toMatch(ENGLISH);
			expect(m, `Geen Nederlandse melding in ${where}`).toMatch(DUTCH);
		}
		if (messages.length) tally.dutchChecked++;
	}

	type Outcome =
		| { kind: 'accepted'; status: number; location?: string }
		| { kind: 'refused'; status: number; messages: string[] }
		| { kind: 'error'; status: number; body: string };

	/** Posts to a form action as a browser would (`enhanced`: as use:enhance does) and classifies the answer. */
	async function postAction(
		role: Role,
		page: string,
		action: string,
		body: { entries: BodyEntry[]; encoding: HostileSubmission['encoding'] } | { raw: BodyInit; type: string },
		enhanced: boolean
	): Promise<Outcome> {
		const url = new URL(portal.url + page);
		if (action !== 'default') url.search += (url.search ? '&' : '?') + '/' + action;
		const headers: Record<string, string> = headersFor(role, {
			origin: ORIGIN,
			accept: enhanced ? 'application/json' : 'text/html'
		});
		if (enhanced) headers['x-sveltekit-action'] = 'true';
		let payload: BodyInit | undefined;
		if ('raw' in body) {
			payload = body.raw;
			headers['content-type'] = body.type;
		} else if (body.encoding === 'urlencoded') {
			payload = urlencode(body.entries);
			headers['content-type'] = 'application/x-www-form-urlencoded';
		} else if (body.encoding === 'multipart') payload = multipart(body.entries);
		else if (body.encoding === 'json') {
			payload = JSON.stringify(body.entries.length % 2 ? body.entries : Object.fromEntries(body.entries));
			headers['content-type'] = 'application/json';
		} else if (body.encoding === 'text') {
			payload = urlencode(body.entries);
			headers['content-type'] = 'text/plain;charset=UTF-8';
		}
		tally.requests++;
		const response = await fetch(url, { method: 'POST', headers, body: payload, redirect: 'manual' });
		const text = await response.text();
		if (response.status >= 500) return { kind: 'error', status: response.status, body: text.slice(0, 2000) };
		const location = response.headers.get('location') ?? undefined;
		if ((response.headers.get('content-type') ?? '').includes('application/json') && enhanced) {
			const result = JSON.parse(text) as {
				type: string;
				status?: number;
				data?: string;
				error?: unknown;
				location?: string;
			};
			if (result.type === 'failure')
				return {
					kind: 'refused',
					status: result.status ?? 400,
					messages: messagesOf(devalueParse(result.data ?? '""'), false)
				};
			if (result.type === 'error')
				return response.status >= 500
					? { kind: 'error', status: response.status, body: text.slice(0, 2000) }
					: { kind: 'refused', status: response.status, messages: messagesOf({ error: result.error }) };
			return { kind: 'accepted', status: response.status, location: result.location ?? location };
		}
		if (response.status >= 400) {
			const messages = /^\s*\{/.test(text) ? messagesOf(JSON.parse(text)) : [];
			if (/<html/i.test(text))
				expect(text, `${page} ${action}: foutpagina niet in het Nederlands`).toMatch(/<html[^>]*lang="nl"/);
			return { kind: 'refused', status: response.status, messages };
		}
		return { kind: 'accepted', status: response.status, location };
	}

	/** The checks every hostile request gets: no 5xx; refused → nothing changed and a Dutch message; accepted → page escapes. */
	async function checkedPost(
		key: string,
		c: ActionCase,
		action: string,
		body: Parameters<typeof postAction>[3],
		enhanced: boolean
	): Promise<Outcome> {
		const before = await fingerprint();
		const outcome = await postAction(c.role, c.page(), action, body, enhanced);
		if (outcome.kind === 'error')
			throw new Error(`${key}: ${outcome.status}\n${outcome.body}\n${portal.output().slice(-3000)}`);
		if (c.role !== 'anoniem' && outcome.kind === 'accepted')
			expect(outcome.location ?? '', `${key}: sessie kwijt`).not.toMatch(/^\/inloggen/);
		if (outcome.kind === 'refused') {
			tally.refused++;
			expect(outcome.status, key).toBeGreaterThanOrEqual(400);
			expect(outcome.status, key).toBeLessThan(500);
			const changed = fingerprintDiff(before, await fingerprint());
			expect(changed, `${key}: geweigerd (${outcome.status}) maar tabellen gewijzigd`).toEqual([]);
			expectDutch(outcome.messages, key);
		} else {
			tally.accepted++;
			const shown = await getPage(c.role, c.page());
			expectNoRawMarkup(shown.html, c.page());
		}
		return outcome;
	}

	it('every form action and API endpoint of the app has a case here', () => {
		const actions = discoverActions();
		expect(actions.length).toBeGreaterThan(40);
		expect(
			actions.filter((a) => !(a in actionCases)),
			'Formulieracties zonder geval in hostile-input.test.ts'
		).toEqual([]);
		expect(
			Object.keys(actionCases).filter((a) => !actions.includes(a)),
			'Gevallen voor acties die niet bestaan'
		).toEqual([]);
		const endpoints = discoverApiEndpoints();
		expect(
			endpoints.filter((e) => !(e in apiCases)),
			'API-endpoints zonder geval'
		).toEqual([]);
		expect(
			Object.keys(apiCases).filter((e) => !endpoints.includes(e)),
			'Gevallen voor endpoints die niet bestaan'
		).toEqual([]);
	});

	it('API: hostile paths, query strings, methods and bodies never give a 5xx; refused calls change nothing', async () => {
		const keys = Object.keys(apiCases);
		for (const [index, key] of keys.entries()) {
			const c = apiCases[key];
			const method = key.split(' ')[0];
			const arbitrary = fc.record({
				segment: fc.option(hostileString, { nil: undefined }),
				query: fc.array(
					fc.tuple(
						fc.oneof(fc.constantFrom('page', 'per_page', 'search', 'q', 'id', 'regio'), hostileString),
						hostileString
					),
					{
						maxLength: 3
					}
				),
				body: fc.oneof(
					fc.constantFrom('[]', 'null', '"tekst"', '42', 'true', '{', '{"vrijeBedden":', '\u0000'),
					fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
					fc
						.record(
							{
								vrijeBedden: fc.oneof(
									fc.integer({ min: -5, max: 50 }),
									fc.double(),
									hostileString,
									fc.constant(null),
									fc.array(fc.integer())
								),
								verwachteOntslagen: fc.oneof(fc.integer({ min: -1, max: 5 }), hostileString),
								verwachteOpnames: fc.oneof(fc.integer({ min: -1, max: 5 }), fc.constant(1e308)),
								toelichting: hostileString
							},
							{ requiredKeys: [] }
						)
						.map((o) => JSON.stringify(o))
				),
				contentType: fc.constantFrom(
					'application/json',
					'application/json',
					'text/plain',
					'application/x-www-form-urlencoded',
					'application/vnd.api+json',
					''
				),
				otherMethod: fc.constantFrom(method, method, method, 'POST', 'DELETE', 'PATCH')
			});
			await fc.assert(
				fc.asyncProperty(arbitrary, async (input) => {
					let path = c.path();
					if (input.segment !== undefined) {
						const parts = path.split('/');
						parts[parts.length - (key.endsWith('/availability') ? 2 : 1)] = encodeURIComponent(
							input.segment.replace(/[\ud800-\udfff]/g, '\ufffd')
						);
						path = parts.join('/');
					}
					const url = new URL(portal.url + path);
					for (const [k, v] of input.query) url.searchParams.append(k, v);
					const send = input.otherMethod;
					const headers: Record<string, string> = { 'x-forwarded-for': '192.0.2.78' };
					if (c.token) headers.authorization = `Bearer ${token}`;
					const withBody = send !== 'GET' && send !== 'HEAD';
					if (withBody && input.contentType) headers['content-type'] = input.contentType;
					const before = await fingerprint();
					tally.requests++;
					const response = await fetch(url, {
						method: send,
						headers,
						body: withBody ? input.body : undefined
					});
					const text = await response.text();
					expect(
						response.status,
						`${key} ${send} ${url.pathname}${url.search}: ${text.slice(0, 500)}`
					).toBeLessThan(500);
					if (response.status >= 400) {
						tally.refused++;
						expect(
							fingerprintDiff(before, await fingerprint()),
							`${key}: geweigerd maar tabellen gewijzigd`
						).toEqual([]);
						if ((response.headers.get('content-type') ?? '').includes('json'))
							expectDutch(messagesOf(JSON.parse(text)), key);
					} else tally.accepted++;
				}),
				{ seed: SEED + index, numRuns: c.token && method === 'PUT' ? RUNS * 3 : RUNS, endOnFailure: true }
			);
		}
	});

	it('API tokens in the query string are refused with a Dutch JSON message, also next to a valid header', async () => {
		const path = apiCases['PUT /api/v1/bed-units/[id]/availability'].path();
		for (const param of ['token', 'access_token', 'api_key']) {
			for (const method of ['GET', 'PUT']) {
				const before = await fingerprint();
				const response = await fetch(`${portal.url}${path}?${param}=${encodeURIComponent(token)}`, {
					method,
					headers: {
						authorization: `Bearer ${token}`,
						'content-type': 'application/json',
						'x-forwarded-for': '192.0.2.79'
					},
					body: method === 'PUT' ? JSON.stringify({ vrijeBedden: 0 }) : undefined
				});
				expect([400, 401], `${method} ?${param}=`).toContain(response.status);
				const body = (await response.json()) as { code: string; melding: string };
				expect(body.melding).toMatch(/header/);
				expectDutch([body.melding], `?${param}=`);
				expect(fingerprintDiff(before, await fingerprint())).toEqual([]);
			}
		}
	});

	it('an oversized body (1 MB) to a form action and to the API gives a 4xx and changes nothing', async () => {
		const big = 'x'.repeat(1024 * 1024);
		const c = actionCases['/mijn-organisatie/[organisatie] ?/opslaan'];
		for (const enhanced of [true, false]) {
			const outcome = await checkedPost(
				'1 MB formulier',
				c,
				'opslaan',
				{ entries: [['beschrijving', big]], encoding: 'urlencoded' },
				enhanced
			);
			expect(outcome.kind).toBe('refused');
			const multi = await checkedPost(
				'1 MB multipart',
				c,
				'opslaan',
				{ entries: [['beschrijving', { file: big }]], encoding: 'multipart' },
				enhanced
			);
			expect(multi.kind).toBe('refused');
		}
		const before = await fingerprint();
		const response = await fetch(portal.url + apiCases['PUT /api/v1/bed-units/[id]/availability'].path(), {
			method: 'PUT',
			headers: {
				authorization: `Bearer ${token}`,
				'content-type': 'application/json',
				'x-forwarded-for': '192.0.2.80'
			},
			body: JSON.stringify({ vrijeBedden: 1, toelichting: big })
		});
		expect(response.status).toBeGreaterThanOrEqual(400);
		expect(response.status).toBeLessThan(500);
		expect(fingerprintDiff(before, await fingerprint())).toEqual([]);
	});

	it('hostile text stored through a valid form is shown escaped, never as markup', async () => {
		let storedCount = 0;
		for (const [index, [key, c]] of Object.entries(actionCases).entries()) {
			if (!c.stored) continue;
			const stored = c.stored;
			const action = key.split(' ?/')[1];
			await fc.assert(
				fc.asyncProperty(fc.constantFrom(...markupInjections, ...formulaInjections), async (hostile) => {
					const { html } = await getPage(c.role, c.page());
					const base = readForm(html, action, c.page());
					expect(base, `${key}: formulier niet gevonden op ${c.page()}`).not.toBeNull();
					const value = `${hostile} ${randomBytes(3).toString('hex')}`;
					const entries: FormEntries = (base as FormEntries).filter(
						([n]) => n !== stored.field && !(n in (stored.fill ?? {}))
					);
					for (const [n, v] of Object.entries(stored.fill ?? {}))
						entries.push([n, n === 'email' ? v.replace('@', `-${storedCount}@`) : v]);
					entries.push([stored.field, value]);
					const outcome = await checkedPost(key, c, action, { entries, encoding: 'urlencoded' }, true);
					// The app may refuse markup or formulas (with a Dutch message, changing nothing: checkedPost checked that);
					// what it accepts must be shown as text.
					if (outcome.kind === 'refused') return;
					storedCount++;
					if (formulaInjections.includes(hostile) && /organisatie|diensten|locaties/.test(key))
						formulasInOrganisationExport++;
					for (const [role, where] of stored.show) {
						const path =
							where === 'redirect'
								? (outcome as { location?: string }).location!
								: where.replace('ORG', ids.org);
						const shown = await getPage(role, path);
						expect(shown.status, path).toBe(200);
						expectNoRawMarkup(shown.html, path);
						expect(decodeEntities(shown.html), `${path} toont de opgeslagen tekst niet`).toContain(
							value.trim()
						);
					}
				}),
				{ seed: SEED + 1000 + index, numRuns: 4, endOnFailure: true }
			);
		}
		expect(storedCount).toBeGreaterThan(8);
	});

	it('every form action: hostile submissions never give a 5xx; refused ones change nothing and answer in Dutch', async () => {
		const keys = Object.keys(actionCases);
		for (const [index, key] of keys.entries()) {
			const c = actionCases[key];
			const action = key.split(' ?/')[1];
			await fc.assert(
				fc.asyncProperty(hostileSubmission, async (submission) => {
					const { html } = await getPage(c.role, c.page());
					const base = readForm(html, action, c.page()) ?? [];
					const entries = mutateEntries(base.length ? base : [['x', '']], submission);
					await checkedPost(key, c, action, { entries, encoding: submission.encoding }, submission.enhanced);
				}),
				{ seed: SEED + index, numRuns: RUNS, endOnFailure: true }
			);
		}
		expect(tally.refused).toBeGreaterThan(100);
		expect(tally.dutchChecked).toBeGreaterThan(50);
	});

	it('no page shows stored markup and no CSV export holds a formula afterwards', async () => {
		const pages: [Role, string][] = [
			['anoniem', publicOrg()],
			['anoniem', '/kaart?q=hospice'],
			['organisatie', org()],
			['organisatie', '/mijn-organisatie/bedden'],
			['organisatie', '/mijn-organisatie/verzoeken'],
			['verwijzer', '/verwijzen'],
			['beheerder', '/beheer/organisaties'],
			['beheerder', '/beheer/gebruikers'],
			['beheerder', '/beheer/regios'],
			['beheerder', '/beheer/audit'],
			['beheerder', '/beheer/prognose']
		];
		for (const [role, path] of pages) {
			const { status, html } = await getPage(role, path);
			// The fuzzing may have archived the demo organisation (its public page is then 404).
			expect(status, path).toBeLessThan(500);
			expectNoRawMarkup(html, path);
		}
		for (const [role, path] of csvExports) {
			const { status, html: csv } = await getPage(role, path);
			expect(status, path).toBe(200);
			expect(formulaCells(csv), `${path}: cellen die een spreadsheet als formule uitvoert`).toEqual([]);
		}
		// The organisation export holds the formulas stored above (if any field took one), neutralised.
		const { html: orgCsv } = await getPage('beheerder', '/beheer/organisaties/export.csv');
		if (formulasInOrganisationExport > 0)
			expect(
				csvCells(orgCsv).some((c) => /^'[=+\-@\t\r].*hx7q/s.test(c)),
				'geneutraliseerde formule in de export'
			).toBe(true);
		// Our accounts are still logged in: nothing in the fuzzing logged them out or locked them.
		for (const role of Object.keys(accounts) as Role[]) {
			const home =
				role === 'beheerder' ? '/beheer' : role === 'organisatie' ? '/mijn-organisatie' : '/verwijzen';
			expect((await getPage(role, home)).status, role).toBe(200);
		}
		expect(injectionStrings.length).toBeGreaterThan(30);
	});
});
