import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	API_RATE_LIMIT,
	createApiToken,
	readBearer,
	revokeApiToken,
	tokensOfUser,
	verifyApiToken
} from '../../src/lib/server/auth/api-tokens';
import { hashToken } from '../../src/lib/server/auth/session';
import { setDatabaseForTesting } from '../../src/lib/server/db';
import type { DatabaseHandle } from '../../src/lib/server/db/client';
import { apiTokens, auditLog, bedAvailabilityEvents, bedUnits } from '../../src/lib/server/db/schema';
import { GET, PUT } from '../../src/routes/api/v1/bed-units/[id]/availability/+server';
import { bedsWorld } from './beds-fixtures';
import { createTestDatabase } from './helpers/test-db';

let handle: DatabaseHandle;
let w: Awaited<ReturnType<typeof bedsWorld>>;

beforeAll(async () => {
	handle = await createTestDatabase();
	setDatabaseForTesting(handle);
	w = await bedsWorld(handle.db);
});
afterAll(() => handle.close());

describe('API tokens', () => {
	it('returns the token once and stores only its SHA-256; the audit entry never holds it', async () => {
		const result = await createApiToken(handle.db, w.editor, { organisationId: w.hospice.id, naam: 'ECD' });
		if (!result.ok) throw new Error('token niet aangemaakt');
		expect(result.token).toMatch(/^rkpz_[a-z2-7]{52}$/);
		const [row] = await handle.db.select().from(apiTokens).where(eq(apiTokens.id, result.id));
		expect(row.tokenHash).toBe(hashToken(result.token));
		expect(JSON.stringify(row)).not.toContain(result.token);
		const entries = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, result.id));
		expect(entries.map((e) => e.action)).toEqual(['api_token_aangemaakt']);
		expect(JSON.stringify(entries)).not.toContain(result.token);
		expect(JSON.stringify(entries)).not.toContain(row.tokenHash);
		// The list shows name and dates, never a token or hash.
		const { tokens } = await tokensOfUser(handle.db, w.editor.id);
		expect(tokens.find((t) => t.id === result.id)).toMatchObject({ naam: 'ECD', revokedAt: null });
		expect(JSON.stringify(tokens)).not.toContain(row.tokenHash);
		// Two tokens are never the same.
		const second = await createApiToken(handle.db, w.editor, { organisationId: w.hospice.id, naam: 'ECD 2' });
		expect(second.ok && second.token).not.toBe(result.token);
	});

	it('only lets members create or revoke tokens of their organisation', async () => {
		expect(await createApiToken(handle.db, w.editor, { organisationId: w.vvt.id, naam: 'Kaping' })).toEqual({
			ok: false,
			reason: 'geen_toegang'
		});
		expect(await createApiToken(handle.db, w.beheerder, { organisationId: w.hospice.id, naam: 'X' })).toEqual(
			{
				ok: false,
				reason: 'geen_toegang'
			}
		);
		const mine = await createApiToken(handle.db, w.editor, { organisationId: w.hospice.id, naam: 'Van mij' });
		expect(await revokeApiToken(handle.db, w.otherEditor, mine.ok ? mine.id : '')).toBe('niet_gevonden');
	});

	it('verifies an active token, and no longer after revoking (which is audited once)', async () => {
		const created = await createApiToken(handle.db, w.editor, {
			organisationId: w.hospice.id,
			naam: 'Intrekken'
		});
		if (!created.ok) throw new Error('token niet aangemaakt');
		expect(await verifyApiToken(handle.db, created.token)).toEqual({
			id: created.id,
			organisationId: w.hospice.id,
			naam: 'Intrekken'
		});
		const [used] = await handle.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
		expect(used.lastUsedAt).not.toBeNull();
		expect(await revokeApiToken(handle.db, w.editor, created.id)).toBe('ingetrokken');
		expect(await revokeApiToken(handle.db, w.editor, created.id)).toBe('al_ingetrokken');
		expect(await verifyApiToken(handle.db, created.token)).toBeNull();
		const actions = (await handle.db.select().from(auditLog).where(eq(auditLog.entityId, created.id))).map(
			(e) => e.action
		);
		expect(actions).toEqual(['api_token_aangemaakt', 'api_token_ingetrokken']);
		expect(await verifyApiToken(handle.db, 'rkpz_' + 'a'.repeat(52))).toBeNull();
		expect(await verifyApiToken(handle.db, 'iets anders')).toBeNull();
	});

	it('reads the token from the Authorization header only, and refuses one in the query string', () => {
		const req = (headers: Record<string, string> = {}) => new Request('http://x/', { headers });
		const url = (q = '') => new URL(`http://x/api/v1/bed-units/1/availability${q}`);
		expect(readBearer(req({ authorization: 'Bearer abc' }), url())).toEqual({ kind: 'token', token: 'abc' });
		expect(readBearer(req({ authorization: 'bearer  abc ' }), url())).toEqual({
			kind: 'token',
			token: 'abc'
		});
		expect(readBearer(req(), url())).toEqual({ kind: 'ontbreekt' });
		expect(readBearer(req({ authorization: 'Basic dXNlcjpwdw==' }), url())).toEqual({
			kind: 'ongeldig_schema'
		});
		for (const q of ['?token=abc', '?access_token=abc', '?api_key=abc', '?x=rkpz_abc'])
			expect(readBearer(req({ authorization: 'Bearer abc' }), url(q))).toEqual({ kind: 'in_query' });
		expect(readBearer(req({ authorization: 'Bearer abc' }), url('?pretty=1'))).toEqual({
			kind: 'token',
			token: 'abc'
		});
	});
});

describe('PUT /api/v1/bed-units/{id}/availability (the handler itself)', () => {
	let token: string;
	let otherToken: string;

	beforeAll(async () => {
		const a = await createApiToken(handle.db, w.editor, {
			organisationId: w.hospice.id,
			naam: 'Hospice-systeem'
		});
		const b = await createApiToken(handle.db, w.otherEditor, {
			organisationId: w.vvt.id,
			naam: 'VVT-systeem'
		});
		if (!a.ok || !b.ok) throw new Error('tokens niet aangemaakt');
		token = a.token;
		otherToken = b.token;
	});

	function call(
		handler: typeof PUT,
		id: string,
		init: {
			token?: string;
			body?: unknown;
			raw?: string;
			query?: string;
			contentType?: string;
			method?: string;
		} = {}
	) {
		const url = new URL(`http://localhost/api/v1/bed-units/${id}/availability${init.query ?? ''}`);
		const headers: Record<string, string> = {
			'content-type': init.contentType ?? 'application/json',
			// A browser session cookie is present on purpose: it must count for nothing.
			cookie: 'sessie=wat-dan-ook'
		};
		if (init.token) headers.authorization = `Bearer ${init.token}`;
		const request = new Request(url, {
			method: init.method ?? 'PUT',
			headers,
			body: init.method === 'GET' ? undefined : (init.raw ?? JSON.stringify(init.body ?? {}))
		});
		const event = {
			request,
			url,
			params: { id },
			// Even a logged-in editor of this very organisation in locals does not authorise the call.
			locals: { user: { ...w.editor, email: 'x', naam: 'x', regionId: null }, session: null, requestId: 't' },
			getClientAddress: () => '127.0.0.1'
		};
		return handler(event as unknown as Parameters<typeof PUT>[0]);
	}

	async function body(response: Response) {
		return response.json() as Promise<Record<string, unknown>>;
	}

	it('updates with a valid token and records an "api" event with the token id', async () => {
		const response = await call(PUT, w.unitHospice.id, {
			token,
			body: { vrijeBedden: 4, verwachteOntslagen: 1 }
		});
		expect(response.status).toBe(200);
		expect(await body(response)).toMatchObject({
			id: w.unitHospice.id,
			aantalBedden: 6,
			vrijeBedden: 4,
			verwachteOntslagen: 1,
			verwachteOpnames: null,
			verouderd: false
		});
		const [event] = await handle.db
			.select()
			.from(bedAvailabilityEvents)
			.where(eq(bedAvailabilityEvents.bedUnitId, w.unitHospice.id));
		expect(event).toMatchObject({ bron: 'api', vrijeBedden: 4, userId: null });
		expect(event.apiTokenId).not.toBeNull();
		const get = await call(GET, w.unitHospice.id, { token, method: 'GET' });
		expect(get.status).toBe(200);
		expect(await body(get)).toMatchObject({ vrijeBedden: 4, verwachteOntslagen: 1 });
	});

	it('refuses without a token (401, Bearer challenge) even with a session cookie and a logged-in user', async () => {
		const response = await call(PUT, w.unitHospice.id, { body: { vrijeBedden: 1 } });
		expect(response.status).toBe(401);
		expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
		expect(await body(response)).toMatchObject({
			code: 'niet_geauthenticeerd',
			melding: expect.stringMatching(/API-token/)
		});
	});

	it('refuses a wrong or revoked token (401)', async () => {
		const wrong = await call(PUT, w.unitHospice.id, {
			token: 'rkpz_' + 'b'.repeat(52),
			body: { vrijeBedden: 1 }
		});
		expect(wrong.status).toBe(401);
		expect(await body(wrong)).toMatchObject({ code: 'ongeldig_token' });
		const revoked = await createApiToken(handle.db, w.editor, { organisationId: w.hospice.id, naam: 'Weg' });
		if (!revoked.ok) throw new Error();
		await revokeApiToken(handle.db, w.editor, revoked.id);
		expect(
			(await call(PUT, w.unitHospice.id, { token: revoked.token, body: { vrijeBedden: 1 } })).status
		).toBe(401);
	});

	it('refuses a token of another organisation (403) and leaves the unit as it was', async () => {
		const response = await call(PUT, w.unitHospice.id, { token: otherToken, body: { vrijeBedden: 0 } });
		expect(response.status).toBe(403);
		expect(await body(response)).toMatchObject({ code: 'geen_toegang' });
		expect((await call(GET, w.unitHospice.id, { token: otherToken, method: 'GET' })).status).toBe(403);
		const [row] = await handle.db.select().from(bedUnits).where(eq(bedUnits.id, w.unitHospice.id));
		expect(row.vrijeBedden).toBe(4);
	});

	it('refuses a token in the query string with 400, even a valid one', async () => {
		const response = await call(PUT, w.unitHospice.id, {
			query: `?token=${token}`,
			body: { vrijeBedden: 1 }
		});
		expect(response.status).toBe(400);
		expect(await body(response)).toMatchObject({ code: 'token_in_url' });
	});

	it('answers 404 for an unknown unit, 415 without JSON, 400 for broken JSON', async () => {
		expect((await call(PUT, crypto.randomUUID(), { token, body: { vrijeBedden: 1 } })).status).toBe(404);
		expect((await call(PUT, 'geen-uuid', { token, body: { vrijeBedden: 1 } })).status).toBe(404);
		expect(
			(
				await call(PUT, w.unitHospice.id, {
					token,
					raw: 'vrijeBedden=1',
					contentType: 'application/x-www-form-urlencoded'
				})
			).status
		).toBe(415);
		const broken = await call(PUT, w.unitHospice.id, { token, raw: '{"vrijeBedden": ' });
		expect(broken.status).toBe(400);
		expect(await body(broken)).toMatchObject({ code: 'ongeldige_json' });
	});

	it('explains invalid input per field in Dutch (422)', async () => {
		const shape = await call(PUT, w.unitHospice.id, { token, body: { vrijeBedden: -1, verwachtOpnames: 2 } });
		expect(shape.status).toBe(422);
		expect(await body(shape)).toEqual({
			code: 'ongeldige_invoer',
			melding: 'De invoer klopt niet. Zie "velden" voor wat er mis is.',
			velden: {
				vrijeBedden: 'Het aantal vrije bedden kan niet negatief zijn.',
				verwachtOpnames: 'Onbekend veld.'
			}
		});
		const tooMany = await call(PUT, w.unitHospice.id, { token, body: { vrijeBedden: 7 } });
		expect(tooMany.status).toBe(422);
		expect(await body(tooMany)).toMatchObject({
			velden: { vrijeBedden: 'Deze eenheid heeft 6 bedden; er kunnen niet meer bedden vrij zijn.' }
		});
	});

	it(`limits each token to ${API_RATE_LIMIT} calls a minute: 429 with Retry-After`, async () => {
		const fresh = await createApiToken(handle.db, w.editor, { organisationId: w.hospice.id, naam: 'Druk' });
		if (!fresh.ok) throw new Error();
		let last: Response | undefined;
		for (let i = 0; i <= API_RATE_LIMIT; i++)
			last = await call(GET, w.unitHospice.id, { token: fresh.token, method: 'GET' });
		expect(last!.status).toBe(429);
		expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		expect(await body(last!)).toMatchObject({ code: 'te_veel_verzoeken' });
		// Another token of the same organisation has its own budget.
		expect((await call(GET, w.unitHospice.id, { token, method: 'GET' })).status).toBe(200);
	});
});
