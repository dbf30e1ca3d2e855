import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client';
import {
	bedUnits,
	locations,
	memberships,
	organisations,
	regions,
	services,
	users,
	verwijsverzoeken
} from '../../src/lib/server/db/schema';
import { standaardVragen } from '../../src/lib/domain/wegwijzer/standaard-vragen';
import { DEMO_PASSWORD } from '../../src/lib/server/seed/demo-accounts';
import { demoSlug } from '../../src/lib/server/seed/demo-dataset';
import { updateAvailability } from '../../src/lib/server/services/beds';
import { createReferral, sendRequests } from '../../src/lib/server/services/referrals';
import { dakloosMetMiddelen } from '../integration/helpers/referral-fixtures';
import { discoverActions, fingerprintDiff, fingerprintQuery, readForm } from './helpers/hostile';
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
 * Object-level access, over HTTP on the build (issue 10): for every route that reads or writes one record (an
 * organisation, location, service, bed unit, referral, request, user, region, wegwijzer question of a region) a user
 * whose role may use that kind of route asks for someone else's record, by changing the id in the URL, also mixed with
 * an id of their own. Every read and every form action gets 403 or 404, and the database is the same afterwards.
 *
 * The forms posted are the real ones: taken from the page of the record's owner (so validation would pass and only the
 * access check can refuse), and the same post with the owner's session is accepted (so the refusal is not CSRF, a
 * missing field or a wrong URL). A route with an [id] and form actions that has no case here makes the test fail.
 */

const skipReason = await localServerUnavailable();
if (skipReason) console.warn(`object-access: overgeslagen: ${skipReason}`);

const email = (local: string) => `${local}@demo.regiokaart.nl`;

/** Routes with an [id] and actions that are not about one party's record: the same for every beheerder. */
const NOT_OBJECT_SCOPED: Record<string, string> = {
	'/beheer/taxonomie/[vocabulary]/[code]':
		'de taxonomie is landelijk, één lijst voor alle netwerken (bewust door elke beheerder te wijzigen)'
};

interface Case {
	/** The route id (as in src/routes), for the coverage check. */
	route: string;
	what: string;
	attacker: string;
	/** Someone else's record, as the attacker asks for it. */
	url: string;
	owner: string;
	/** The same record as its owner sees it: where the forms are taken from. */
	ownerUrl: string;
	/** Which form actions to try ('default' for the unnamed one); discovered from the route when omitted. */
	actions?: string[];
	/** Reads that are not pages (live streams): GET only. */
	getOnly?: boolean;
}

/** The form actions of every route, from the source (see helpers/hostile.ts): route id → action names. */
const actionsByRoute = new Map<string, string[]>();
for (const key of discoverActions()) {
	const [route, action] = key.split(' ?/');
	actionsByRoute.set(route, [...(actionsByRoute.get(route) ?? []), action]);
}
const actionsOf = (route: string) => actionsByRoute.get(route) ?? [];

/** The fields a browser would send for the form of one action on a page, or null when the page has no such form. */
function formFields(html: string, action: string, pageUrl: string): URLSearchParams | null {
	const entries = readForm(html, action, pageUrl);
	return entries ? new URLSearchParams(entries) : null;
}

function actionUrl(base: string, pageUrl: string, action: string): string {
	const url = new URL(pageUrl, base);
	return action === 'default' ? url.href : `${url.href}${url.search ? '&' : '?'}/${action}`;
}

describe.skipIf(skipReason)('object-level access: someone else’s record by id', () => {
	let database: SeededDatabase;
	let appUrl: string;
	let sql: postgres.Sql;
	let snapshot: () => Promise<Record<string, string>>;
	let handle: DatabaseHandle;
	let portal: Portal;
	let origin: string;
	const cookies = new Map<string, string>();
	const cases: Case[] = [];
	let foreignUnitId: string;
	let ownUnitId: string;
	let ownToken: string;

	async function session(account: string): Promise<string> {
		const known = cookies.get(account);
		if (known) return known;
		const response = await login(portal.url, origin, email(account), DEMO_PASSWORD);
		expect(response.status, `inloggen als ${account}`).toBe(303);
		const cookie = sessionCookieFrom(response);
		cookies.set(account, cookie);
		return cookie;
	}

	const get = async (account: string, url: string) =>
		fetch(new URL(url, portal.url), {
			redirect: 'manual',
			headers: { cookie: await session(account), accept: 'text/html' }
		});

	const post = async (account: string, url: string, body: URLSearchParams) =>
		fetch(url, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				cookie: await session(account),
				origin,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body
		});

	beforeAll(async () => {
		requireBuild();
		database = await createSeededDatabase('t_prod_objacc');
		appUrl = database.url;
		handle = await openDatabase({ url: appUrl });
		sql = postgres(appUrl, { max: 2, onnotice: () => {} });
		snapshot = await fingerprintQuery(sql);
		const db = handle.db;

		const org = async (key: Parameters<typeof demoSlug>[0]) => {
			const [o] = await db
				.select()
				.from(organisations)
				.where(eq(organisations.slug, demoSlug(key)));
			const [location] = await db.select().from(locations).where(eq(locations.organisationId, o.id));
			const [service] = await db.select().from(services).where(eq(services.organisationId, o.id));
			const [unit] = await db.select().from(bedUnits).where(eq(bedUnits.organisationId, o.id));
			return { ...o, location, service, unit };
		};
		const user = async (account: string) =>
			(
				await db
					.select()
					.from(users)
					.where(eq(users.email, email(account)))
			)[0];

		// The editor organisatie@ edits Hospice De Zonnedauw (Assen) and Het Veerhuis (Amsterdam), not De Esch (Emmen).
		const own = await org('hospiceAssen');
		const foreign = await org('vvtEmmen');
		foreignUnitId = foreign.unit.id;
		const editor = await user('organisatie');
		const editorOrgs = (await db.select().from(memberships).where(eq(memberships.userId, editor.id))).map(
			(m) => m.organisationId
		);
		expect(editorOrgs).toContain(own.id);
		expect(editorOrgs).not.toContain(foreign.id);

		// A referral of the Amsterdam verwijzer, with a request to a bed unit of an organisation the editor is not in.
		const verwijzer = await user('verwijzer.amsterdam');
		const referral = await createReferral(
			db,
			verwijzer,
			dakloosMetMiddelen({ doelgroepen: [], zorgbehoeften: [], wensen: '' })
		);
		if (!referral.ok) throw new Error('verwijzing niet aangemaakt');
		// Hospice De Amstelroos (Amsterdam; its editor is redacteur.amsterdam@, not organisatie@) reports a free bed.
		const amsterdam = await org('hospiceAmsterdamRegulier');
		const amsterdamEditor = await user('redacteur.amsterdam');
		expect(editorOrgs).not.toContain(amsterdam.id);
		const freed = await updateAvailability(
			db,
			{ kind: 'gebruiker', user: amsterdamEditor },
			amsterdam.unit.id,
			{
				vrijeBedden: 1
			}
		);
		if (!freed.ok) throw new Error(`beschikbaarheid Amstelroos: ${JSON.stringify(freed)}`);
		const sent = await sendRequests(db, verwijzer, referral.id, { bedUnitIds: [amsterdam.unit.id] });
		if (!sent.ok) throw new Error(`verzoek aan Amstelroos: ${JSON.stringify(sent)}`);
		const [request] = await db
			.select({ id: verwijsverzoeken.id })
			.from(verwijsverzoeken)
			.where(eq(verwijsverzoeken.referralId, referral.id));
		const requestEditor = 'redacteur.amsterdam';

		// Another network's records for the beheerder of Drenthe & Steenwijkerland.
		const [amsterdamRegion] = await db.select().from(regions).where(eq(regions.slug, 'amsterdam-diemen'));
		const vraag = standaardVragen[0];

		const editorCases: Case[] = [
			{
				route: '/mijn-organisatie/[organisatie]',
				what: 'profiel',
				url: `/mijn-organisatie/${foreign.slug}`,
				ownerUrl: `/mijn-organisatie/${foreign.slug}`
			},
			{
				route: '/mijn-organisatie/[organisatie]/locaties/nieuw',
				what: 'locatie toevoegen',
				url: `/mijn-organisatie/${foreign.slug}/locaties/nieuw`,
				ownerUrl: `/mijn-organisatie/${foreign.slug}/locaties/nieuw`
			},
			{
				route: '/mijn-organisatie/[organisatie]/locaties/[locatie]',
				what: 'locatie',
				url: `/mijn-organisatie/${foreign.slug}/locaties/${foreign.location.id}`,
				ownerUrl: `/mijn-organisatie/${foreign.slug}/locaties/${foreign.location.id}`
			},
			{
				route: '/mijn-organisatie/[organisatie]/locaties/[locatie]',
				what: 'andermans locatie onder de eigen organisatie',
				url: `/mijn-organisatie/${own.slug}/locaties/${foreign.location.id}`,
				ownerUrl: `/mijn-organisatie/${foreign.slug}/locaties/${foreign.location.id}`
			},
			{
				route: '/mijn-organisatie/[organisatie]/diensten/nieuw',
				what: 'dienst toevoegen',
				url: `/mijn-organisatie/${foreign.slug}/diensten/nieuw`,
				ownerUrl: `/mijn-organisatie/${foreign.slug}/diensten/nieuw`
			},
			{
				route: '/mijn-organisatie/[organisatie]/diensten/[dienst]',
				what: 'dienst',
				url: `/mijn-organisatie/${foreign.slug}/diensten/${foreign.service.id}`,
				ownerUrl: `/mijn-organisatie/${foreign.slug}/diensten/${foreign.service.id}`
			},
			{
				route: '/mijn-organisatie/[organisatie]/diensten/[dienst]',
				what: 'andermans dienst onder de eigen organisatie',
				url: `/mijn-organisatie/${own.slug}/diensten/${foreign.service.id}`,
				ownerUrl: `/mijn-organisatie/${foreign.slug}/diensten/${foreign.service.id}`
			},
			{
				route: '/mijn-organisatie/bedden/[id]',
				what: 'beschikbaarheid van een bedden-eenheid',
				url: `/mijn-organisatie/bedden/${foreign.unit.id}`,
				ownerUrl: `/mijn-organisatie/bedden/${foreign.unit.id}`
			},
			{
				route: '/mijn-organisatie/bedden/[id]/bewerken',
				what: 'opnameprofiel van een bedden-eenheid',
				url: `/mijn-organisatie/bedden/${foreign.unit.id}/bewerken`,
				ownerUrl: `/mijn-organisatie/bedden/${foreign.unit.id}/bewerken`
			}
		].map((c) => ({ ...c, attacker: 'organisatie', owner: 'redacteur.emmen' }));

		cases.push(
			...editorCases,
			{
				route: '/mijn-organisatie/verzoeken/[id]',
				what: 'verzoek aan een andere organisatie',
				attacker: 'organisatie',
				url: `/mijn-organisatie/verzoeken/${request.id}`,
				owner: requestEditor,
				ownerUrl: `/mijn-organisatie/verzoeken/${request.id}`
			},
			{
				route: '/verwijzen/[id]',
				what: 'verwijzing van een andere verwijzer',
				attacker: 'verwijzer',
				url: `/verwijzen/${referral.id}`,
				owner: 'verwijzer.amsterdam',
				ownerUrl: `/verwijzen/${referral.id}`
			},
			{
				route: '/verwijzen/[id]/live',
				what: 'live-updates van een andere verwijzing',
				attacker: 'verwijzer',
				url: `/verwijzen/${referral.id}/live`,
				owner: 'verwijzer.amsterdam',
				ownerUrl: `/verwijzen/${referral.id}/live`,
				getOnly: true
			},
			...[
				{
					route: '/beheer/organisaties/[organisatie]',
					what: 'organisatie van een ander netwerk',
					url: `/beheer/organisaties/${amsterdam.slug}`
				},
				{
					route: '/beheer/organisaties/[organisatie]/locaties/nieuw',
					what: 'locatie toevoegen, ander netwerk',
					url: `/beheer/organisaties/${amsterdam.slug}/locaties/nieuw`
				},
				{
					route: '/beheer/organisaties/[organisatie]/locaties/[locatie]',
					what: 'locatie, ander netwerk',
					url: `/beheer/organisaties/${amsterdam.slug}/locaties/${amsterdam.location.id}`
				},
				{
					route: '/beheer/organisaties/[organisatie]/diensten/nieuw',
					what: 'dienst toevoegen, ander netwerk',
					url: `/beheer/organisaties/${amsterdam.slug}/diensten/nieuw`
				},
				{
					route: '/beheer/organisaties/[organisatie]/diensten/[dienst]',
					what: 'dienst, ander netwerk',
					url: `/beheer/organisaties/${amsterdam.slug}/diensten/${amsterdam.service.id}`
				},
				{
					route: '/beheer/gebruikers/[id]',
					what: 'gebruiker van een ander netwerk',
					url: `/beheer/gebruikers/${amsterdamEditor.id}`
				},
				{
					route: '/beheer/regios/[id]',
					what: 'regio van een ander netwerk',
					url: `/beheer/regios/${amsterdamRegion.id}`
				},
				{
					route: '/beheer/wegwijzer/[vraag]',
					what: 'wegwijzer van een ander netwerk',
					url: `/beheer/wegwijzer/${vraag.slug}?regio=${amsterdamRegion.slug}`
				}
			].map((c) => ({ ...c, attacker: 'beheerder', owner: 'beheerder.amsterdam', ownerUrl: c.url }))
		);
		// The mixed case for beheer: a Drenthe organisation with an Amsterdam location and service.
		const drenthe = own;
		cases.push(
			{
				route: '/beheer/organisaties/[organisatie]/locaties/[locatie]',
				what: 'locatie van een ander netwerk onder een eigen organisatie',
				attacker: 'beheerder',
				url: `/beheer/organisaties/${drenthe.slug}/locaties/${amsterdam.location.id}`,
				owner: 'beheerder.amsterdam',
				ownerUrl: `/beheer/organisaties/${amsterdam.slug}/locaties/${amsterdam.location.id}`
			},
			{
				route: '/beheer/organisaties/[organisatie]/diensten/[dienst]',
				what: 'dienst van een ander netwerk onder een eigen organisatie',
				attacker: 'beheerder',
				url: `/beheer/organisaties/${drenthe.slug}/diensten/${amsterdam.service.id}`,
				owner: 'beheerder.amsterdam',
				ownerUrl: `/beheer/organisaties/${amsterdam.slug}/diensten/${amsterdam.service.id}`
			}
		);

		const token = await createApiToken(db, editor, { organisationId: own.id, naam: 'objecttoegang' });
		if (!token.ok) throw new Error('token aanmaken mislukt');
		ownToken = token.token;
		ownUnitId = own.unit.id;

		const port = await freePort();
		origin = `http://127.0.0.1:${port}`;
		portal = await startPortal({ ORIGIN: origin, DATABASE_URL: appUrl, PORT: String(port) });
	}, 900_000);

	afterAll(async () => {
		await portal?.stop(20_000);
		await sql?.end();
		await handle?.close();
		await database?.drop();
	});

	it('every route with an id and form actions has a case here (or a reason it is not about one party)', () => {
		const covered = new Set(cases.map((c) => c.route));
		const missing = [...actionsByRoute.keys()]
			.filter((route) => route.includes('['))
			.filter((route) => !covered.has(route) && !(route in NOT_OBJECT_SCOPED));
		expect(missing, `Routes zonder geval in tests/production/object-access.test.ts`).toEqual([]);
	});

	it('reads of someone else’s record: 403 or 404, while its owner gets it', async () => {
		const problems: string[] = [];
		for (const c of cases) {
			const owner = await get(c.owner, c.ownerUrl);
			if (owner.status !== 200) problems.push(`${c.what}: eigenaar ${c.owner} kreeg ${owner.status}`);
			await owner.body?.cancel();
			const attacker = await get(c.attacker, c.url);
			if (![403, 404].includes(attacker.status))
				problems.push(`${c.what}: ${c.attacker} kreeg ${attacker.status} voor ${c.url}`);
			await attacker.body?.cancel();
		}
		expect(problems).toEqual([]);
	});

	it('every form action on someone else’s record: 403 or 404, and the database is unchanged', async () => {
		const before = await snapshot();
		const problems: string[] = [];
		const tried: string[] = [];
		let withOwnersForm = 0;
		for (const c of cases.filter((c) => !c.getOnly)) {
			const ownerPage = await (await get(c.owner, c.ownerUrl)).text();
			for (const action of c.actions ?? actionsOf(c.route)) {
				// The owner's own form where the page shows it; else (a state the record is not in) only the action name.
				const form = formFields(ownerPage, action, c.ownerUrl);
				if (form) withOwnersForm++;
				const fields = form ?? new URLSearchParams();
				const response = await post(c.attacker, actionUrl(portal.url, c.url, action), fields);
				tried.push(`${c.route} ?/${action}`);
				if (![403, 404].includes(response.status))
					problems.push(`${c.what} ?/${action}: ${c.attacker} kreeg ${response.status}`);
				await response.body?.cancel();
			}
		}
		expect(problems).toEqual([]);
		console.log(
			`object-access: ${tried.length} acties geprobeerd, ${withOwnersForm} met het formulier van de eigenaar`
		);
		expect(tried.length).toBeGreaterThan(30);
		expect(withOwnersForm).toBeGreaterThan(tried.length / 2);
		expect(fingerprintDiff(before, await snapshot())).toEqual([]);
	});

	it('the posts that were refused are accepted from the owner: the refusal was about the record, nothing else', async () => {
		// One harmless save per kind of owner, with the form exactly as taken from the page.
		const controls = [
			cases.find((c) => c.route === '/mijn-organisatie/[organisatie]')!,
			cases.find((c) => c.route === '/beheer/regios/[id]')!,
			cases.find((c) => c.route === '/mijn-organisatie/bedden/[id]')!
		];
		for (const c of controls) {
			const ownerPage = await (await get(c.owner, c.ownerUrl)).text();
			const action = actionsOf(c.route)[0];
			const fields = formFields(ownerPage, action, c.ownerUrl);
			expect(fields, `formulier ?/${action} op ${c.ownerUrl}`).not.toBeNull();
			const response = await post(c.owner, actionUrl(portal.url, c.ownerUrl, action), fields!);
			expect([200, 303], `${c.what} ?/${action} door ${c.owner}`).toContain(response.status);
			expect(await response.text()).not.toMatch(/Niet alles is goed ingevuld|geen toegang/i);
		}
	});

	it('an API token changes only its own organisation’s bed units', async () => {
		const before = await snapshot();
		const put = (unitId: string) =>
			fetch(`${portal.url}/api/v1/bed-units/${unitId}/availability`, {
				method: 'PUT',
				headers: { authorization: `Bearer ${ownToken}`, 'content-type': 'application/json' },
				body: JSON.stringify({ vrijeBedden: 1 })
			});
		const refused = await put(foreignUnitId);
		expect([403, 404]).toContain(refused.status);
		expect(refused.headers.get('content-type')).toContain('application/json');
		expect(await snapshot()).toEqual(before);
		// The same token on its own organisation's unit is accepted.
		expect((await put(ownUnitId)).status).toBe(200);
	});
});
