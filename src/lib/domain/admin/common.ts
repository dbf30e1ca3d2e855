import { z } from 'zod';
import { CONFLICT_MESSAGE, FORMULA_MESSAGE, hasMarkup, MARKUP_MESSAGE } from '../organisation/schemas';

/*
 * Small building blocks shared by the beheer forms (users, regions, taxonomy, audit filter). Messages are Dutch and say
 * what to do, not what went wrong in technical terms.
 */

export { CONFLICT_MESSAGE };

export const INVALID_MESSAGE = 'Niet alles is goed ingevuld. Verbeter de gemarkeerde velden.';

/** A cell starting like this runs as a formula when an exported CSV is opened in a spreadsheet. */
export const FORMULA_START = /^[=+@]|^-[a-z=(]/i;

/** Trimmed plain text: no markup, no spreadsheet formula at the start. */
export function plainText(min: number, max: number, emptyMessage: string) {
	return z
		.string({ error: emptyMessage })
		.trim()
		.min(min, { error: emptyMessage })
		.max(max, { error: `Gebruik hoogstens ${max} tekens.` })
		.refine((v) => !hasMarkup(v), { error: MARKUP_MESSAGE })
		.refine((v) => !FORMULA_START.test(v), { error: FORMULA_MESSAGE });
}

/** Optional plain text: an empty field becomes null. */
export function optionalText(max: number) {
	return z.preprocess(
		(v) => (typeof v === 'string' && v.trim() === '' ? null : (v ?? null)),
		z
			.string()
			.trim()
			.max(max, { error: `Gebruik hoogstens ${max} tekens.` })
			.refine((v) => !hasMarkup(v), { error: MARKUP_MESSAGE })
			.refine((v) => !FORMULA_START.test(v), { error: FORMULA_MESSAGE })
			.nullable()
	);
}

/** The version the form read (hidden field), for optimistic locking. */
export const versionField = z.coerce
	.number({ error: 'De versie van het formulier ontbreekt. Laad de pagina opnieuw.' })
	.int({ error: 'De versie van het formulier ontbreekt. Laad de pagina opnieuw.' })
	.min(1, { error: 'De versie van het formulier ontbreekt. Laad de pagina opnieuw.' });

/** A checkbox group arrives as nothing, one string, or an array. */
export function toArray(value: unknown): unknown {
	if (value === undefined || value === null || value === '') return [];
	return typeof value === 'string' ? [value] : value;
}

/** An optional select: the empty option means "none". */
export function emptyToUndefined(value: unknown): unknown {
	return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
	return typeof value === 'string' && UUID_PATTERN.test(value);
}

export type FieldErrors = Record<string, string>;

/**
 * A refused beheer action. 400: invalid input (field errors), 403: not allowed (outside the beheerder's network),
 * 404: no such record (or one the beheerder may not know about), 409: someone else saved first.
 */
export class AdminError extends Error {
	constructor(
		readonly status: 400 | 403 | 404 | 409,
		message: string,
		readonly errors: FieldErrors = {}
	) {
		super(message);
		this.name = 'AdminError';
	}
}
