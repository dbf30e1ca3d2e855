/**
 * Per-organisation API tokens for systems that know their beds. Like sessions: a random token is shown once, only its
 * SHA-256 is stored, so a database leak gives nobody a working token. A token is accepted from the
 * `Authorization: Bearer` header only: query strings end up in proxy logs, browser history and Referer headers.
 */
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { ApiTokenCreateInput } from '../../domain/availability/schemas';
import { audit } from '../audit';
import type { Database, Executor } from '../db/client';
import {
	findApiTokenByHash,
	getApiToken,
	insertApiToken,
	listApiTokens,
	revokeApiTokenRow,
	touchApiToken
} from '../repositories/beds';
import { isMember, organisationsOfUser } from '../repositories/users';
import { hashToken } from './session';

/** Recognisable prefix, so secret scanners and people can tell what a leaked string is. */
export const API_TOKEN_PREFIX = 'rkpz_';
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^rkpz_[a-z2-7]{52}$/;

/** Requests per token per minute on the API; enough for a system that reports every few seconds. */
export const API_RATE_LIMIT = 60;
export const API_RATE_WINDOW_SECONDS = 60;

/** Query parameter names that look like credentials; a request carrying one is refused outright. */
const CREDENTIAL_PARAM =
	/^(access[_-]?token|api[_-]?token|api[_-]?key|apikey|token|key|bearer|authorization)$/i;

export interface TokenUser {
	id: string;
	role: string;
}

export function generateApiToken(): string {
	const bytes = new Uint8Array(TOKEN_BYTES);
	crypto.getRandomValues(bytes);
	return API_TOKEN_PREFIX + encodeBase32LowerCaseNoPadding(bytes);
}

export type CreateTokenResult =
	| { ok: true; id: string; token: string; naam: string; organisationId: string }
	| { ok: false; reason: 'geen_toegang' };

/** Creates a token for one of the user's organisations. The plain token is in the result and nowhere else: show it once. */
export async function createApiToken(
	db: Database,
	user: TokenUser,
	input: ApiTokenCreateInput
): Promise<CreateTokenResult> {
	if (user.role !== 'organisatie' || !(await isMember(db, user.id, input.organisationId)))
		return { ok: false, reason: 'geen_toegang' };
	const token = generateApiToken();
	return db.transaction(async (tx) => {
		const row = await insertApiToken(tx, {
			organisationId: input.organisationId,
			naam: input.naam,
			tokenHash: hashToken(token),
			createdBy: user.id
		});
		// The audit entry names the token by id and name: never the token, never its hash.
		await audit(tx, user, {
			action: 'api_token_aangemaakt',
			entityType: 'api_token',
			entityId: row.id,
			organisationId: input.organisationId,
			details: { naam: input.naam }
		});
		return { ok: true as const, id: row.id, token, naam: input.naam, organisationId: input.organisationId };
	});
}

export type RevokeTokenResult = 'ingetrokken' | 'al_ingetrokken' | 'niet_gevonden';

/** Revokes a token of one of the user's organisations; a token of another organisation is 'niet_gevonden'. */
export async function revokeApiToken(
	db: Database,
	user: TokenUser,
	tokenId: string,
	now = new Date()
): Promise<RevokeTokenResult> {
	if (!/^[0-9a-f-]{36}$/i.test(tokenId)) return 'niet_gevonden';
	return db.transaction(async (tx) => {
		const token = await getApiToken(tx, tokenId);
		if (!token || user.role !== 'organisatie' || !(await isMember(tx, user.id, token.organisationId)))
			return 'niet_gevonden';
		if (!(await revokeApiTokenRow(tx, tokenId, now))) return 'al_ingetrokken';
		await audit(tx, user, {
			action: 'api_token_ingetrokken',
			entityType: 'api_token',
			entityId: tokenId,
			organisationId: token.organisationId,
			details: { naam: token.naam }
		});
		return 'ingetrokken';
	});
}

/** The tokens of all organisations of the user (never a hash or a token: they are not selected). */
export async function tokensOfUser(db: Executor, userId: string) {
	const organisaties = await organisationsOfUser(db, userId);
	return {
		organisaties,
		tokens: await listApiTokens(
			db,
			organisaties.map((o) => o.id)
		)
	};
}

export type BearerResult =
	| { kind: 'token'; token: string }
	| { kind: 'ontbreekt' }
	| { kind: 'ongeldig_schema' }
	| { kind: 'in_query' };

/**
 * Reads the token from `Authorization: Bearer <token>`. A credential in the query string is refused even when a header is
 * also present: the point is that nobody gets used to putting it there.
 */
export function readBearer(request: Request, url: URL): BearerResult {
	for (const [name, value] of url.searchParams)
		if (CREDENTIAL_PARAM.test(name) || value.startsWith(API_TOKEN_PREFIX)) return { kind: 'in_query' };
	const header = request.headers.get('authorization');
	if (!header) return { kind: 'ontbreekt' };
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
	if (!match) return { kind: 'ongeldig_schema' };
	return { kind: 'token', token: match[1] };
}

export interface VerifiedToken {
	id: string;
	organisationId: string;
	naam: string;
}

/**
 * The active token with this value, or null (unknown, malformed or revoked). Records when it was last used, at most once
 * a minute, so a chatty system does not turn every call into a write.
 */
export async function verifyApiToken(
	db: Executor,
	token: string,
	now = new Date()
): Promise<VerifiedToken | null> {
	if (!TOKEN_PATTERN.test(token)) return null;
	const row = await findApiTokenByHash(db, hashToken(token));
	if (!row || row.revokedAt) return null;
	if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000)
		await touchApiToken(db, row.id, now);
	return { id: row.id, organisationId: row.organisationId, naam: row.naam };
}
