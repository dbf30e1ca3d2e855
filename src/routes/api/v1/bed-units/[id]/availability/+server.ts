import { availabilityApiSchema } from '$lib/domain/availability/schemas';
import { isStale } from '$lib/domain/availability/staleness';
import {
	API_RATE_LIMIT,
	API_RATE_WINDOW_SECONDS,
	readBearer,
	verifyApiToken,
	type VerifiedToken
} from '$lib/server/auth/api-tokens';
import { getDb } from '$lib/server/db';
import { hitRateLimit } from '$lib/server/rate-limit';
import { availabilityForToken, updateAvailability } from '$lib/server/services/beds';
import { json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { RequestHandler } from './$types';

/**
 * PUT/GET /api/v1/bed-units/{id}/availability — for systems that know their beds. Token only: a cookie session counts for
 * nothing here (locals.user is never read), so a logged-in browser cannot be tricked into changing availability.
 * Errors are JSON { code, melding, velden? } with Dutch messages; see the OpenAPI document at /api/v1/openapi.json.
 */

const WWW_AUTHENTICATE = 'Bearer realm="regiokaart"';

function fout(
	status: number,
	code: string,
	melding: string,
	extra: { velden?: Record<string, string>; headers?: Record<string, string> } = {}
) {
	return json(
		{ code, melding, ...(extra.velden ? { velden: extra.velden } : {}) },
		{ status, headers: { 'cache-control': 'no-store', ...extra.headers } }
	);
}

async function authenticate(
	event: Pick<RequestEvent, 'request' | 'url'>
): Promise<{ ok: true; token: VerifiedToken } | { ok: false; response: Response }> {
	const bearer = readBearer(event.request, event.url);
	if (bearer.kind === 'in_query')
		return {
			ok: false,
			response: fout(
				400,
				'token_in_url',
				'Stuur het token alleen in de header "Authorization: Bearer <token>", nooit in de URL. Trek dit token in en maak een nieuw: het kan in logbestanden terecht zijn gekomen.'
			)
		};
	if (bearer.kind !== 'token')
		return {
			ok: false,
			response: fout(
				401,
				'niet_geauthenticeerd',
				'Stuur een API-token in de header "Authorization: Bearer <token>".',
				{ headers: { 'www-authenticate': WWW_AUTHENTICATE } }
			)
		};
	const db = getDb();
	const token = await verifyApiToken(db, bearer.token);
	if (!token)
		return {
			ok: false,
			response: fout(401, 'ongeldig_token', 'Dit API-token is onbekend of ingetrokken.', {
				headers: { 'www-authenticate': `${WWW_AUTHENTICATE}, error="invalid_token"` }
			})
		};
	const limit = await hitRateLimit(db, `api:token:${token.id}`, API_RATE_LIMIT, API_RATE_WINDOW_SECONDS);
	if (!limit.allowed)
		return {
			ok: false,
			response: fout(
				429,
				'te_veel_verzoeken',
				`Te veel verzoeken met dit token (hoogstens ${API_RATE_LIMIT} per ${API_RATE_WINDOW_SECONDS} seconden). Probeer het over ${limit.retryAfterSeconds} seconden opnieuw.`,
				{ headers: { 'retry-after': String(Math.max(1, limit.retryAfterSeconds)) } }
			)
		};
	return { ok: true, token };
}

const notFound = () => fout(404, 'niet_gevonden', 'Deze beddeneenheid bestaat niet.');
const forbidden = () =>
	fout(403, 'geen_toegang', 'Dit API-token hoort bij een andere organisatie dan deze beddeneenheid.');

/** Field errors keyed by field name; unknown fields each get their own entry. */
function fieldErrors(error: z.ZodError): Record<string, string> {
	const velden: Record<string, string> = {};
	for (const issue of error.issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) velden[key] ??= 'Onbekend veld.';
			continue;
		}
		velden[issue.path.length ? issue.path.map(String).join('.') : '_body'] ??= issue.message;
	}
	return velden;
}

function representation(
	unit: { id: string; naam: string; setting: string; aantalBedden: number; vrijeBedden: number },
	bijgewerktOp: Date | null,
	verwacht: { verwachteOntslagen: number | null; verwachteOpnames: number | null },
	now: Date
) {
	return {
		id: unit.id,
		naam: unit.naam,
		setting: unit.setting,
		aantalBedden: unit.aantalBedden,
		vrijeBedden: unit.vrijeBedden,
		verwachteOntslagen: verwacht.verwachteOntslagen,
		verwachteOpnames: verwacht.verwachteOpnames,
		bijgewerktOp: bijgewerktOp?.toISOString() ?? null,
		verouderd: isStale(bijgewerktOp, now)
	};
}

export const GET: RequestHandler = async (event) => {
	const auth = await authenticate(event);
	if (!auth.ok) return auth.response;
	const result = await availabilityForToken(getDb(), auth.token, event.params.id);
	if (!result.ok) return result.reason === 'geen_toegang' ? forbidden() : notFound();
	const { unit, laatsteMelding } = result;
	return json(
		representation(
			unit,
			unit.beschikbaarheidBijgewerktOp,
			{
				verwachteOntslagen: laatsteMelding?.verwachteOntslagen ?? null,
				verwachteOpnames: laatsteMelding?.verwachteOpnames ?? null
			},
			new Date()
		),
		{ headers: { 'cache-control': 'no-store' } }
	);
};

export const PUT: RequestHandler = async (event) => {
	const auth = await authenticate(event);
	if (!auth.ok) return auth.response;
	const contentType = event.request.headers.get('content-type') ?? '';
	if (!/^application\/(.+\+)?json\b/i.test(contentType.trim()))
		return fout(415, 'verkeerd_inhoudstype', 'Stuur de gegevens als JSON (Content-Type: application/json).');
	let body: unknown;
	try {
		body = await event.request.json();
	} catch {
		return fout(400, 'ongeldige_json', 'De inhoud van het verzoek is geen geldige JSON.');
	}
	const parsed = availabilityApiSchema.safeParse(body);
	if (!parsed.success)
		return fout(422, 'ongeldige_invoer', 'De invoer klopt niet. Zie "velden" voor wat er mis is.', {
			velden: fieldErrors(parsed.error)
		});

	const now = new Date();
	const result = await updateAvailability(
		getDb(),
		{ kind: 'token', tokenId: auth.token.id, organisationId: auth.token.organisationId },
		event.params.id,
		parsed.data
	);
	if (result.ok) {
		const unit = await availabilityForToken(getDb(), auth.token, event.params.id);
		if (!unit.ok) return notFound();
		return json(
			representation(
				unit.unit,
				result.unit.bijgewerktOp,
				{
					verwachteOntslagen: parsed.data.verwachteOntslagen ?? null,
					verwachteOpnames: parsed.data.verwachteOpnames ?? null
				},
				now
			),
			{ headers: { 'cache-control': 'no-store' } }
		);
	}
	switch (result.reason) {
		case 'niet_gevonden':
			return notFound();
		case 'geen_toegang':
			return forbidden();
		case 'gearchiveerd':
			return fout(
				409,
				'gearchiveerd',
				'Deze beddeneenheid is gearchiveerd; de beschikbaarheid kan niet meer worden bijgewerkt.'
			);
		case 'ongeldig':
			return fout(422, 'ongeldige_invoer', 'De invoer klopt niet. Zie "velden" voor wat er mis is.', {
				velden: result.errors
			});
		case 'conflict':
			// Only form updates carry a basis; kept for completeness of the switch.
			return fout(409, 'conflict', 'De beschikbaarheid is intussen gewijzigd. Probeer het opnieuw.');
	}
};
