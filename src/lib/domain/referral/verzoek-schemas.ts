import { z } from 'zod';
import { veiligeTekstSchema } from './schemas';
import { afwijsredenen } from './transitions';

/** Input shapes around the requests of a referral (sending, declining) and the indicator filter. Dutch messages. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const TOELICHTING_MAX_LENGTH = 500;

function toArray(value: unknown): unknown {
	if (value === null || value === undefined) return [];
	return typeof value === 'string' ? [value] : value;
}

function emptyToUndefined(value: unknown): unknown {
	return typeof value === 'string' && value.trim() === '' ? undefined : (value ?? undefined);
}

/** The verwijzer's choice of candidates ("Verstuur verzoek"). */
export const versturenSchema = z.object({
	bedUnitIds: z.preprocess(
		toArray,
		z
			.array(z.string().regex(UUID, { error: 'Onbekende plek.' }), { error: 'Onbekende plek.' })
			.min(1, { error: 'Kies minstens één plek om het verzoek naar te sturen.' })
			.max(20, { error: 'Stuur het verzoek naar hoogstens 20 plekken tegelijk.' })
			.transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))])
	)
});
export type VersturenInput = z.output<typeof versturenSchema>;

/** An organisation declines: a reason from the list, and a text (required with "anders"), privacy-guarded. */
export const afwijzenSchema = z
	.object({
		afwijsreden: z.enum(afwijsredenen, { error: 'Kies een reden.' }),
		toelichting: z.preprocess(emptyToUndefined, veiligeTekstSchema(TOELICHTING_MAX_LENGTH).optional())
	})
	.superRefine((value, ctx) => {
		if (value.afwijsreden === 'anders' && !value.toelichting)
			ctx.addIssue({
				code: 'custom',
				path: ['toelichting'],
				message: 'Licht toe waarom u afwijst als u "anders" kiest.'
			});
	});
export type AfwijzenInput = z.output<typeof afwijzenSchema>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const datum = (label: string) =>
	z.preprocess(
		emptyToUndefined,
		z
			.string()
			.regex(DATE, { error: `Vul ${label} in als jjjj-mm-dd.` })
			.refine(isRealDate, { error: `${label[0].toUpperCase()}${label.slice(1)} bestaat niet.` })
			.optional()
	);

/** Longest period the indicators cover at once (about five years). */
export const MAX_PERIODE_DAGEN = 5 * 366;

/** The indicator page's URL parameters: ?regio=<slug>&van=2025-01-01&tot=2025-12-31 (all optional). */
export const indicatorenQuerySchema = z
	.object({
		regio: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
		van: datum('de begindatum'),
		tot: datum('de einddatum')
	})
	.superRefine((value, ctx) => {
		if (value.van && value.tot) {
			if (value.van > value.tot)
				ctx.addIssue({ code: 'custom', path: ['tot'], message: 'De einddatum ligt vóór de begindatum.' });
			const days = (Date.parse(value.tot) - Date.parse(value.van)) / 86_400_000;
			if (days > MAX_PERIODE_DAGEN)
				ctx.addIssue({ code: 'custom', path: ['van'], message: 'Kies een periode van hoogstens vijf jaar.' });
		}
	});
export type IndicatorenQuery = z.output<typeof indicatorenQuerySchema>;

/** Default period: the last twelve months up to and including `today` (yyyy-mm-dd). */
export function defaultPeriode(today: string): { van: string; tot: string } {
	const d = new Date(`${today}T00:00:00Z`);
	d.setUTCFullYear(d.getUTCFullYear() - 1);
	d.setUTCDate(d.getUTCDate() + 1);
	return { van: d.toISOString().slice(0, 10), tot: today };
}

/** The calendar date in the Netherlands (yyyy-mm-dd) of an instant. */
export function amsterdamDate(at: Date): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Amsterdam',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(at);
}

/** The instant of midnight at the start of a calendar date in the Netherlands (handles summer and winter time). */
export function amsterdamMidnight(date: string): Date {
	const utcMidnight = Date.parse(`${date}T00:00:00Z`);
	// The Amsterdam offset at that moment (+1 or +2 h); midnight local is that much earlier in UTC.
	const parts = new Intl.DateTimeFormat('en-GB', {
		timeZone: 'Europe/Amsterdam',
		hour: '2-digit',
		hourCycle: 'h23'
	}).formatToParts(new Date(utcMidnight));
	const offsetHours = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
	return new Date(utcMidnight - offsetHours * 3_600_000);
}
