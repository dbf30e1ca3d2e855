import { and, eq, gt } from 'drizzle-orm';
import type { Role } from '../../domain/access/roles';
import { audit } from '../audit';
import type { Database } from '../db/client';
import { memberships, passwordTokens, users } from '../db/schema';
import { checkRateLimit, hitRateLimit, resetRateLimit } from '../rate-limit';
import { hashPassword, verifyPassword } from './password';
import { generateSessionToken, hashToken, invalidateAllSessions } from './session';

/** Login throttling: per account and per client address, shared by all instances through the database. */
export const LOGIN_LIMIT_PER_ACCOUNT = 5;
export const LOGIN_LIMIT_PER_ADDRESS = 20;
export const LOGIN_WINDOW_SECONDS = 15 * 60;
const TOKEN_HOURS = { uitnodiging: 72, reset: 2 } as const;

let dummyHash: Promise<string> | undefined;

export type LoginResult =
	| { ok: true; userId: string; role: Role }
	| { ok: false; reason: 'ongeldig' | 'te_vaak'; retryAfterSeconds?: number };

export async function login(
	db: Database,
	email: string,
	password: string,
	address: string
): Promise<LoginResult> {
	const normalised = email.trim().toLowerCase();
	const accountKey = `login:account:${normalised}`;
	const addressKey = `login:adres:${address}`;
	// Only failed attempts count, so colleagues behind one address can all log in, while guessing is slowed down.
	const [perAccount, perAddress] = await Promise.all([
		checkRateLimit(db, accountKey, LOGIN_LIMIT_PER_ACCOUNT),
		checkRateLimit(db, addressKey, LOGIN_LIMIT_PER_ADDRESS)
	]);
	if (!perAccount.allowed || !perAddress.allowed) {
		return {
			ok: false,
			reason: 'te_vaak',
			retryAfterSeconds: Math.max(perAccount.retryAfterSeconds, perAddress.retryAfterSeconds)
		};
	}
	const [user] = await db.select().from(users).where(eq(users.email, normalised));
	let valid = false;
	if (!user || !user.passwordHash || !user.active) {
		// Verifying against a fixed hash keeps the response time the same whether or not the account exists.
		dummyHash ??= hashPassword('geen-account-dummy');
		await verifyPassword(await dummyHash, password);
	} else {
		valid = await verifyPassword(user.passwordHash, password);
	}
	if (!valid || !user) {
		await hitRateLimit(db, accountKey, LOGIN_LIMIT_PER_ACCOUNT, LOGIN_WINDOW_SECONDS);
		await hitRateLimit(db, addressKey, LOGIN_LIMIT_PER_ADDRESS, LOGIN_WINDOW_SECONDS);
		return { ok: false, reason: 'ongeldig' };
	}
	await resetRateLimit(db, accountKey);
	await audit(
		db,
		{ id: user.id, role: user.role },
		{ action: 'inloggen', entityType: 'user', entityId: user.id }
	);
	return { ok: true, userId: user.id, role: user.role };
}

/** Creates a one-time link token (invitation or reset) and returns the raw token for the link. */
export async function createPasswordToken(db: Database, userId: string, purpose: 'uitnodiging' | 'reset') {
	const token = generateSessionToken();
	await db.delete(passwordTokens).where(eq(passwordTokens.userId, userId));
	await db.insert(passwordTokens).values({
		id: hashToken(token),
		userId,
		purpose,
		expiresAt: new Date(Date.now() + TOKEN_HOURS[purpose] * 3600_000)
	});
	return token;
}

export async function findPasswordToken(db: Database, token: string) {
	const [row] = await db
		.select({
			userId: passwordTokens.userId,
			purpose: passwordTokens.purpose,
			email: users.email,
			naam: users.naam
		})
		.from(passwordTokens)
		.innerJoin(users, eq(users.id, passwordTokens.userId))
		.where(and(eq(passwordTokens.id, hashToken(token)), gt(passwordTokens.expiresAt, new Date())));
	return row ?? null;
}

/** Sets a new password and ends every existing session of that user. */
export async function setPassword(db: Database, userId: string, password: string) {
	const passwordHash = await hashPassword(password);
	await db.transaction(async (tx) => {
		await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, userId));
		await tx.delete(passwordTokens).where(eq(passwordTokens.userId, userId));
		await invalidateAllSessions(tx, userId);
		await audit(tx, null, { action: 'wachtwoord_ingesteld', entityType: 'user', entityId: userId });
	});
}

export async function usePasswordToken(db: Database, token: string, password: string): Promise<boolean> {
	const found = await findPasswordToken(db, token);
	if (!found) return false;
	await setPassword(db, found.userId, password);
	return true;
}

export async function changePassword(db: Database, userId: string, current: string, next: string) {
	const [user] = await db.select().from(users).where(eq(users.id, userId));
	if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, current))) return false;
	await setPassword(db, userId, next);
	return true;
}

export interface NewAccount {
	email: string;
	naam: string;
	role: Role;
	regionId?: string | null;
	organisationIds?: string[];
}

export async function createAccount(db: Database, actor: { id: string; role: string }, input: NewAccount) {
	return db.transaction(async (tx) => {
		const [user] = await tx
			.insert(users)
			.values({
				email: input.email.trim().toLowerCase(),
				naam: input.naam,
				role: input.role,
				regionId: input.regionId ?? null
			})
			.returning({ id: users.id });
		if (input.organisationIds?.length) {
			await tx
				.insert(memberships)
				.values(input.organisationIds.map((organisationId) => ({ userId: user.id, organisationId })));
		}
		await audit(tx, actor, {
			action: 'account_aangemaakt',
			entityType: 'user',
			entityId: user.id,
			details: { role: input.role, organisaties: input.organisationIds?.length ?? 0 }
		});
		return user.id;
	});
}
