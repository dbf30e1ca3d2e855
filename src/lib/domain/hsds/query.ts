/**
 * Query parameters of the HSDS API (the subset of the HSDS 3.0 OpenAPI parameters the portal supports), validated with zod.
 * Unknown parameters are ignored, as the OpenAPI description allows; known ones with a wrong value give a 400 in Dutch.
 */
import { z } from 'zod';

export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 200;

const bool = z
	.enum(['true', 'false', '1', '0'], { error: 'Gebruik true of false.' })
	.transform((v) => v === 'true' || v === '1');

const uuid = z.uuid({ error: 'Dit is geen geldige id (UUID).' });

export const hsdsListQuerySchema = z.object({
	page: z.coerce
		.number({ error: 'page moet een getal zijn.' })
		.int({ error: 'page moet een heel getal zijn.' })
		.min(1, { error: 'page begint bij 1.' })
		.max(100_000, { error: 'page is te groot.' })
		.default(1),
	per_page: z.coerce
		.number({ error: 'per_page moet een getal zijn.' })
		.int({ error: 'per_page moet een heel getal zijn.' })
		.min(1, { error: 'per_page is minimaal 1.' })
		.max(MAX_PER_PAGE, { error: `per_page is hoogstens ${MAX_PER_PAGE}.` })
		.default(DEFAULT_PER_PAGE),
	search: z.string().trim().max(200, { error: 'De zoekterm is te lang.' }).optional(),
	format: z.literal('json', { error: 'Alleen format=json wordt ondersteund.' }).optional(),
	full: bool.optional(),
	full_service: bool.optional(),
	organization_id: uuid.optional(),
	taxonomy_id: uuid.optional(),
	taxonomy_term_id: uuid.optional(),
	modified_after: z
		.string()
		.trim()
		.refine(
			(v) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) && !isNaN(Date.parse(v)),
			{
				error: 'modified_after moet een datum of tijdstip zijn (ISO 8601), bijvoorbeeld 2025-01-31.'
			}
		)
		.transform((v) => new Date(v))
		.optional()
});

export type HsdsListQuery = z.infer<typeof hsdsListQuerySchema>;

export type ParsedQuery = { ok: true; query: HsdsListQuery } | { ok: false; message: string };

/** Parse URL search parameters (first value of each name; empty values count as absent). */
export function parseHsdsQuery(params: URLSearchParams): ParsedQuery {
	const raw: Record<string, string> = {};
	for (const key of params.keys()) {
		const value = params.get(key);
		if (value !== null && value.trim() !== '' && !(key in raw)) raw[key] = value;
	}
	const result = hsdsListQuerySchema.safeParse(raw);
	if (result.success) return { ok: true, query: result.data };
	const issue = result.error.issues[0];
	return { ok: false, message: `${String(issue.path[0] ?? 'query')}: ${issue.message}` };
}

export const hsdsIdSchema = uuid;
