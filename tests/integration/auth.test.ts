import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	changePassword,
	createAccount,
	createPasswordToken,
	LOGIN_LIMIT_PER_ACCOUNT,
	login,
	usePasswordToken
} from '../../src/lib/server/auth/accounts';
import { hashPassword } from '../../src/lib/server/auth/password';
import {
	createSession,
	generateSessionToken,
	hashToken,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import type { DatabaseHandle } from '../../src/lib/server/db/client';
import { auditLog, sessions, users } from '../../src/lib/server/db/schema';
import { hitRateLimit } from '../../src/lib/server/rate-limit';
import { createTestDatabase } from './helpers/test-db';

let handle: DatabaseHandle;
let userId: string;
const password = 'een lange zin als wachtwoord';

beforeAll(async () => {
	handle = await createTestDatabase();
	const [user] = await handle.db
		.insert(users)
		.values({
			email: 'test@voorbeeld.nl',
			naam: 'Test',
			role: 'verwijzer',
			passwordHash: await hashPassword(password)
		})
		.returning();
	userId = user.id;
});
afterAll(() => handle.close());

describe('sessions (Lucia way)', () => {
	it('stores only the SHA-256 of the token and validates the token', async () => {
		const token = generateSessionToken();
		await createSession(handle.db, token, userId);
		const stored = await handle.db.select().from(sessions).where(eq(sessions.userId, userId));
		expect(stored.map((s) => s.id)).toContain(hashToken(token));
		expect(stored.map((s) => s.id)).not.toContain(token);
		const result = await validateSessionToken(handle.db, token);
		expect(result.user?.email).toBe('test@voorbeeld.nl');
		expect(await validateSessionToken(handle.db, generateSessionToken())).toEqual({
			session: null,
			user: null
		});
	});

	it('deletes an expired session and renews one in its second half', async () => {
		const expired = generateSessionToken();
		await handle.db
			.insert(sessions)
			.values({ id: hashToken(expired), userId, expiresAt: new Date(Date.now() - 1000) });
		expect((await validateSessionToken(handle.db, expired)).session).toBeNull();
		expect(
			await handle.db
				.select()
				.from(sessions)
				.where(eq(sessions.id, hashToken(expired)))
		).toHaveLength(0);

		const old = generateSessionToken();
		const soon = new Date(Date.now() + 2 * 24 * 3600_000);
		await handle.db.insert(sessions).values({ id: hashToken(old), userId, expiresAt: soon });
		const renewed = await validateSessionToken(handle.db, old, 30);
		expect(renewed.session!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600_000);
	});
});

describe('login', () => {
	it('accepts the right password, refuses a wrong one and an unknown account with the same reason', async () => {
		expect(await login(handle.db, 'TEST@voorbeeld.nl ', password, '10.0.0.1')).toMatchObject({
			ok: true,
			role: 'verwijzer'
		});
		expect(await login(handle.db, 'test@voorbeeld.nl', 'fout', '10.0.0.1')).toEqual({
			ok: false,
			reason: 'ongeldig'
		});
		expect(await login(handle.db, 'niemand@voorbeeld.nl', 'fout', '10.0.0.1')).toEqual({
			ok: false,
			reason: 'ongeldig'
		});
		const logins = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'inloggen'));
		expect(logins.length).toBeGreaterThanOrEqual(1);
	});

	it('throttles an account after too many failures, even with the right password then', async () => {
		await handle.db.insert(users).values({
			email: 'doelwit@voorbeeld.nl',
			naam: 'Doelwit',
			role: 'organisatie',
			passwordHash: await hashPassword(password)
		});
		for (let i = 0; i < LOGIN_LIMIT_PER_ACCOUNT; i++) {
			expect((await login(handle.db, 'doelwit@voorbeeld.nl', `fout-${i}`, `10.0.1.${i}`)).ok).toBe(false);
		}
		const blocked = await login(handle.db, 'doelwit@voorbeeld.nl', password, '10.0.2.1');
		expect(blocked).toMatchObject({ ok: false, reason: 'te_vaak' });
		expect(blocked.ok === false && blocked.retryAfterSeconds).toBeGreaterThan(0);
	});

	it('counts a rate-limit window atomically under concurrency', async () => {
		const results = await Promise.all(
			Array.from({ length: 12 }, () => hitRateLimit(handle.db, 'test:parallel', 10, 60))
		);
		expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(
			Array.from({ length: 12 }, (_, i) => i + 1)
		);
		expect(results.filter((r) => !r.allowed)).toHaveLength(2);
	});
});

describe('invitation and password change', () => {
	it('an invitation link sets a password once and ends existing sessions', async () => {
		const newId = await createAccount(
			handle.db,
			{ id: userId, role: 'beheerder' },
			{ email: 'Nieuw@Voorbeeld.nl', naam: 'Nieuw', role: 'verwijzer' }
		);
		const [created] = await handle.db.select().from(users).where(eq(users.id, newId));
		expect(created.email).toBe('nieuw@voorbeeld.nl');
		expect(created.passwordHash).toBeNull();
		const token = await createPasswordToken(handle.db, newId, 'uitnodiging');
		expect(await usePasswordToken(handle.db, token, 'mijn nieuwe wachtwoordzin')).toBe(true);
		expect(await usePasswordToken(handle.db, token, 'nog een keer proberen')).toBe(false);
		expect((await login(handle.db, 'nieuw@voorbeeld.nl', 'mijn nieuwe wachtwoordzin', '10.0.3.1')).ok).toBe(
			true
		);
	});

	it('changing the password needs the current one and invalidates all sessions', async () => {
		const token = generateSessionToken();
		await createSession(handle.db, token, userId);
		expect(await changePassword(handle.db, userId, 'fout', 'iets nieuws en lang')).toBe(false);
		expect((await validateSessionToken(handle.db, token)).session).not.toBeNull();
		expect(await changePassword(handle.db, userId, password, 'iets nieuws en lang')).toBe(true);
		expect((await validateSessionToken(handle.db, token)).session).toBeNull();
	});
});
