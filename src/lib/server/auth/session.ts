import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Cookies } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Role } from '../../domain/access/roles';
import type { Executor } from '../db/client';
import { sessions, users } from '../db/schema';

// Sessions the Lucia way (lucia-auth.com, "Basic session API"): a random token in the cookie, its SHA-256 in the database.
export const SESSION_COOKIE = 'sessie';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface SessionUser {
	id: string;
	email: string;
	naam: string;
	role: Role;
	regionId: string | null;
}

export interface Session {
	id: string;
	userId: string;
	expiresAt: Date;
}

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(
	db: Executor,
	token: string,
	userId: string,
	days = 30
): Promise<Session> {
	const session: Session = { id: hashToken(token), userId, expiresAt: new Date(Date.now() + days * DAY_MS) };
	await db.insert(sessions).values(session);
	return session;
}

export async function validateSessionToken(
	db: Executor,
	token: string,
	days = 30
): Promise<{ session: Session; user: SessionUser } | { session: null; user: null }> {
	const sessionId = hashToken(token);
	const [row] = await db
		.select({
			session: { id: sessions.id, userId: sessions.userId, expiresAt: sessions.expiresAt },
			user: {
				id: users.id,
				email: users.email,
				naam: users.naam,
				role: users.role,
				regionId: users.regionId,
				active: users.active
			}
		})
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.where(eq(sessions.id, sessionId));
	if (!row) return { session: null, user: null };
	const { session, user } = row;
	if (Date.now() >= session.expiresAt.getTime() || !user.active) {
		await db.delete(sessions).where(eq(sessions.id, session.id));
		return { session: null, user: null };
	}
	// Sliding expiry: renew when less than half the lifetime is left.
	if (Date.now() >= session.expiresAt.getTime() - (days / 2) * DAY_MS) {
		session.expiresAt = new Date(Date.now() + days * DAY_MS);
		await db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, session.id));
	}
	return {
		session,
		user: { id: user.id, email: user.email, naam: user.naam, role: user.role, regionId: user.regionId }
	};
}

export async function invalidateSession(db: Executor, sessionId: string) {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateAllSessions(db: Executor, userId: string) {
	await db.delete(sessions).where(eq(sessions.userId, userId));
}

/**
 * Secure everywhere except plain-http localhost (the demo and the tests), where browsers and HTTP clients may drop a
 * Secure cookie. Behind a TLS proxy the URL is https (ORIGIN / PROTOCOL_HEADER), so production cookies are Secure.
 */
export function cookieSecure(url: URL): boolean {
	return url.protocol === 'https:' || !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date, secure: boolean) {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure,
		expires: expiresAt,
		path: '/'
	});
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean) {
	cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, maxAge: 0, path: '/' });
}
