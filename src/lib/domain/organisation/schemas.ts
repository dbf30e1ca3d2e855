import { z } from 'zod';
import { parsePostcode } from '../geo/postcode';
import {
	dienstCategorieen,
	doelgroepen,
	expertiseGebieden,
	organisationTypes,
	type DienstCategorie,
	type Doelgroep,
	type ExpertiseGebied,
	type OrganisationType
} from './taxonomy';

/*
 * Input schemas for organisations, locations and services: ONE schema per shape, used by the forms (through parseForm),
 * the CSV/XLSX import and any API. They accept form-style input (strings, "on" for a ticked box, a single string for a
 * checkbox group with one ticked box) as well as typed JSON, and return clean values ready for the database
 * (empty optional fields become null).
 */

export const CONFLICT_MESSAGE =
	'Iemand anders heeft dit intussen gewijzigd. Bekijk de nieuwe gegevens en voer uw wijziging opnieuw in.';

export const NAAM_MAX = 160;
export const BESCHRIJVING_MAX = 4000;
export const TOELICHTING_MAX = 1000;

export const WEEKDAGEN = [
	{ dag: 1, kort: 'ma', naam: 'maandag' },
	{ dag: 2, kort: 'di', naam: 'dinsdag' },
	{ dag: 3, kort: 'wo', naam: 'woensdag' },
	{ dag: 4, kort: 'do', naam: 'donderdag' },
	{ dag: 5, kort: 'vr', naam: 'vrijdag' },
	{ dag: 6, kort: 'za', naam: 'zaterdag' },
	{ dag: 7, kort: 'zo', naam: 'zondag' }
] as const;

export function weekdagNaam(dag: number): string {
	return WEEKDAGEN[dag - 1]?.naam ?? `dag ${dag}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// --- small building blocks -------------------------------------------------------------------------------------------

/** Form fields arrive as strings; an empty field means "not filled in". */
function emptyToNull(value: unknown): unknown {
	if (value === undefined || value === null) return null;
	if (typeof value === 'string' && value.trim() === '') return null;
	return value;
}

/** A checkbox group arrives as nothing, one string, or an array. */
function toArray(value: unknown): unknown {
	if (value === undefined || value === null || value === '') return [];
	return typeof value === 'string' ? [value] : value;
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/** Markup has no place in plain-text fields: it would be shown literally, or worse, be rendered somewhere by mistake. */
const MARKUP = /<\s*[a-z!/?]/i;
/** A cell starting like this is run as a formula when an exported CSV is opened in a spreadsheet. */
const FORMULA_START = /^[=+@]|^-[a-z=(]/i;

export const MARKUP_MESSAGE = 'Gebruik geen HTML of andere opmaakcode; gewone tekst is genoeg.';
export const FORMULA_MESSAGE = 'Begin de tekst niet met =, + of @ (een spreadsheet ziet dat als formule).';

export function hasMarkup(value: string): boolean {
	return MARKUP.test(value);
}

function plainText(max: number) {
	return z
		.string({ error: 'Vul tekst in.' })
		.trim()
		.max(max, { error: `Gebruik hoogstens ${max} tekens.` })
		.refine((v) => !hasMarkup(v), { error: MARKUP_MESSAGE })
		.refine((v) => !FORMULA_START.test(v), { error: FORMULA_MESSAGE });
}

function requiredText(max: number, missing: string) {
	return z.preprocess(
		(v) => (v === undefined || v === null ? '' : v),
		plainText(max).min(1, { error: missing })
	);
}

function optionalText(max: number) {
	return z.preprocess(emptyToNull, plainText(max).nullable());
}

/** A checkbox: ticked is "on" (HTML default), "true", "ja" or true; anything else, or absent, is false. */
const checkbox = z.preprocess(
	(v) => v === true || (typeof v === 'string' && ['on', 'true', 'ja', '1'].includes(v.trim().toLowerCase())),
	z.boolean()
);

function codeList<T extends string>(codes: readonly T[], unknown: string) {
	return z.preprocess(
		toArray,
		z
			.array(z.enum(codes as [T, ...T[]], { error: unknown }), { error: unknown })
			.max(codes.length)
			.transform(unique)
	);
}

function uuidList(message: string, max: number) {
	return z.preprocess(
		toArray,
		z
			.array(z.uuid({ error: message }), { error: message })
			.max(max, { error: `Kies hoogstens ${max}.` })
			.transform(unique)
	);
}

// --- contact fields ----------------------------------------------------------------------------------------------------

export const TELEFOON_MESSAGE =
	'Vul een Nederlands telefoonnummer in met cijfers, spaties of streepjes, bijvoorbeeld 0592 123 456 of +31 592 123 456.';

/**
 * Loose check for a Dutch phone number: digits, spaces and hyphens, optionally +31/0031 (with or without "(0)") in front,
 * or an area code between brackets. Accepts regular numbers (10 digits), 0800/0900 numbers and the gemeente number 14 0xx.
 */
export function isTelefoonnummer(value: string): boolean {
	const v = value.trim();
	if (!/^\+?[\d\s\-()]+$/.test(v)) return false;
	let compact = v.replace(/[\s-]/g, '');
	let international = false;
	if (compact.startsWith('+31') || compact.startsWith('0031')) {
		compact = compact.replace(/^(\+31|0031)/, '').replace(/^\(0\)/, '');
		international = true;
	} else if (compact.startsWith('+')) {
		return false;
	}
	// An area code between brackets, as in (0592) 123456.
	if (!international) compact = compact.replace(/^\((0\d{1,3})\)/, '$1');
	if (/[()]/.test(compact)) return false;
	if (international) return /^[1-9]\d{6,9}$/.test(compact);
	return /^0\d{7,10}$/.test(compact) || /^14\d{3,4}$/.test(compact);
}

const telefoonSchema = z.preprocess(
	emptyToNull,
	z
		.string()
		.trim()
		.max(40, { error: TELEFOON_MESSAGE })
		.refine(isTelefoonnummer, { error: TELEFOON_MESSAGE })
		// One space between groups, so "050  - 123" is stored tidily but still as the person wrote it.
		.transform((v) => v.replace(/\s+/g, ' '))
		.nullable()
);

const emailSchema = z.preprocess(
	(v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.trim().toLowerCase()) : emptyToNull(v)),
	z
		.email({ error: 'Vul een geldig e-mailadres in, bijvoorbeeld info@hospice.nl.' })
		.max(254, { error: 'Dit e-mailadres is te lang.' })
		.nullable()
);

export const WEBSITE_MESSAGE =
	'Vul een geldig webadres in, bijvoorbeeld www.hospice.nl of https://www.hospice.nl.';

/** "www.hospice.nl" → "https://www.hospice.nl"; only http(s) addresses with a real host name. */
export function normaliseWebsite(input: string): string | null {
	const trimmed = input.trim();
	if (/[\s<>"'`\\]/.test(trimmed)) return null;
	const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		return null;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
	if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.hostname) || url.username || url.password) return null;
	return withScheme;
}

const websiteSchema = z.preprocess(
	emptyToNull,
	z
		.string()
		.max(300, { error: 'Dit webadres is te lang (hoogstens 300 tekens).' })
		.transform((v, ctx) => {
			const url = normaliseWebsite(v);
			if (!url) {
				ctx.addIssue({ code: 'custom', message: WEBSITE_MESSAGE });
				return z.NEVER;
			}
			return url;
		})
		.nullable()
);

// --- organisation ------------------------------------------------------------------------------------------------------

const organisationTypeCodes = organisationTypes.map((t) => t.code) as OrganisationType[];

export const organisationInputSchema = z.object({
	naam: requiredText(NAAM_MAX, 'Vul de naam van de organisatie in.'),
	type: z.enum(organisationTypeCodes as [OrganisationType, ...OrganisationType[]], {
		error: 'Kies het soort organisatie.'
	}),
	beschrijving: z.preprocess((v) => v ?? '', plainText(BESCHRIJVING_MAX)),
	telefoon: telefoonSchema,
	email: emailSchema,
	website: websiteSchema,
	/** Demo/example data; only a beheerder may set it (the service keeps the old value for others). */
	isVoorbeeld: checkbox
});

export type OrganisationInput = z.output<typeof organisationInputSchema>;

// --- location ----------------------------------------------------------------------------------------------------------

export const POSTCODE_MESSAGE =
	'Vul een geldige postcode in, bijvoorbeeld 9401 AB (of alleen de cijfers: 9401).';

/** A decimal with a point or a Dutch comma, within a range. */
function coordinate(min: number, max: number, message: string) {
	return z.preprocess(
		(v) => {
			const e = emptyToNull(v);
			if (typeof e !== 'string') return e;
			const n = Number(e.trim().replace(',', '.'));
			return Number.isFinite(n) ? n : e;
		},
		z.number({ error: message }).min(min, { error: message }).max(max, { error: message }).nullable()
	);
}

export const locationInputSchema = z
	.object({
		// No semicolon: a service lists its locations by name, separated by semicolons, in the import file.
		naam: requiredText(NAAM_MAX, 'Vul de naam van de locatie in.').refine((v) => !v.includes(';'), {
			error: 'Gebruik geen puntkomma (;) in de naam van een locatie.'
		}),
		adres: optionalText(200),
		/** Stored as "9401 AB" or, when only the digits are known, "9401". */
		postcode: z.preprocess(
			emptyToNull,
			z
				.string()
				.transform((v, ctx) => {
					const parsed = parsePostcode(v);
					if (!parsed) {
						ctx.addIssue({ code: 'custom', message: POSTCODE_MESSAGE });
						return z.NEVER;
					}
					return parsed.volledig ?? parsed.pc4;
				})
				.nullable()
		),
		plaats: optionalText(100),
		// The Netherlands with a margin; a point outside it is almost always a swapped lat/lon or a typo.
		lat: coordinate(50.6, 53.7, 'Vul een breedtegraad in Nederland in, bijvoorbeeld 52,99.'),
		lon: coordinate(3.2, 7.3, 'Vul een lengtegraad in Nederland in, bijvoorbeeld 6,56.')
	})
	.superRefine((v, ctx) => {
		if ((v.lat === null) !== (v.lon === null)) {
			ctx.addIssue({
				code: 'custom',
				path: [v.lat === null ? 'lat' : 'lon'],
				message: 'Vul de breedtegraad én de lengtegraad in, of laat ze allebei leeg.'
			});
		}
	});

export type LocationInput = z.output<typeof locationInputSchema>;

// --- service -----------------------------------------------------------------------------------------------------------

const TIJD = /^([01]?\d|2[0-4])[:.]([0-5]\d)$/;

/** "9:00", "09.00", "0900"? → "09:00"; null when it is no time of day. "24:00" is allowed as an end time. */
export function normaliseTijd(input: string): string | null {
	const v = input.trim();
	const match = TIJD.exec(v) ?? /^([01]\d|2[0-4])([0-5]\d)$/.exec(v);
	if (!match) return null;
	const h = Number(match[1]);
	const m = Number(match[2]);
	if (h > 24 || (h === 24 && m > 0)) return null;
	return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function tijd(which: 'begintijd' | 'eindtijd') {
	const message = `Vul een ${which} in als uu:mm, bijvoorbeeld ${which === 'begintijd' ? '09:00' : '17:00'}.`;
	return z.preprocess(
		(v) => (typeof v === 'string' ? (normaliseTijd(v) ?? v) : v),
		z.string({ error: message }).regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: message })
	);
}

export const openingstijdSchema = z.object({
	dag: z.coerce.number().int().min(1).max(7, { error: 'Kies een dag van de week.' }),
	van: tijd('begintijd'),
	tot: tijd('eindtijd')
});

export type Openingstijd = z.output<typeof openingstijdSchema>;

/** Form field names for opening hours: per weekday a few numbered slots, "tijd_<dag>_<n>_van" and "..._tot". */
const SLOT_FIELD = /^tijd_([1-7])_(\d{1,2})_(van|tot)$/;

export interface OpeningSlot {
	/** "tijd_3_0": the prefix of the slot's two fields. */
	key: string;
	dag: number;
	van: string;
	tot: string;
}

/**
 * The filled-in opening-hour slots of a form, in weekday and slot order (empty slots skipped). The schema builds its
 * `openingstijden` from exactly this list, so an error on openingstijden.<i> belongs to slot <i> of it.
 */
export function openingSlots(values: Record<string, unknown>): OpeningSlot[] {
	const slots = new Map<string, OpeningSlot>();
	for (const [name, raw] of Object.entries(values)) {
		const match = SLOT_FIELD.exec(name);
		if (!match) continue;
		const key = `tijd_${match[1]}_${match[2]}`;
		const slot = slots.get(key) ?? { key, dag: Number(match[1]), van: '', tot: '' };
		slot[match[3] as 'van' | 'tot'] = typeof raw === 'string' ? raw.trim() : '';
		slots.set(key, slot);
	}
	return [...slots.values()]
		.filter((s) => s.van !== '' || s.tot !== '')
		.sort((a, b) => a.dag - b.dag || Number(a.key.split('_')[2]) - Number(b.key.split('_')[2]));
}

/** Form keys "openingstijden.<i>.van" → "tijd_<dag>_<n>_van", so an error shows at the field the user typed in. */
export function openingErrorsToFields(
	errors: Record<string, string>,
	values: Record<string, unknown>
): Record<string, string> {
	const slots = openingSlots(values);
	const out: Record<string, string> = {};
	for (const [key, message] of Object.entries(errors)) {
		const match = /^openingstijden\.(\d+)(?:\.(van|tot|dag))?$/.exec(key);
		const slot = match ? slots[Number(match[1])] : undefined;
		const field = slot ? `${slot.key}_${match![2] === 'van' ? 'van' : 'tot'}` : key;
		out[field] ??= message;
	}
	return out;
}

/** Form input has slot fields instead of an `openingstijden` array; typed input (import, API) passes through. */
function fromFormShape(input: unknown): unknown {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
	const record = input as Record<string, unknown>;
	if (record.openingstijden !== undefined) return record;
	const slots = openingSlots(record);
	return { ...record, openingstijden: slots.map(({ dag, van, tot }) => ({ dag, van, tot })) };
}

function toMinutes(t: string): number {
	const [h, m] = t.split(':').map(Number);
	return h * 60 + m;
}

const categorieCodes = dienstCategorieen.map((t) => t.code) as DienstCategorie[];

export const serviceInputSchema = z.preprocess(
	fromFormShape,
	z
		.object({
			naam: requiredText(NAAM_MAX, 'Vul de naam van de dienst in.'),
			beschrijving: z.preprocess((v) => v ?? '', plainText(BESCHRIJVING_MAX)),
			categorie: z.enum(categorieCodes as [DienstCategorie, ...DienstCategorie[]], {
				error: 'Kies wat voor dienst dit is.'
			}),
			doelgroepen: codeList(doelgroepen.map((t) => t.code) as Doelgroep[], 'Kies doelgroepen uit de lijst.'),
			expertise: codeList(
				expertiseGebieden.map((t) => t.code) as ExpertiseGebied[],
				'Kies expertise uit de lijst.'
			),
			telefoon: telefoonSchema,
			email: emailSchema,
			website: websiteSchema,
			dagEnNacht: checkbox,
			openingstijden: z
				.array(openingstijdSchema, { error: 'Vul geldige openingstijden in.' })
				.max(35, { error: 'Vul hoogstens 5 tijdvakken per dag in.' }),
			bereikbaarheidToelichting: optionalText(TOELICHTING_MAX),
			voorProfessionals: checkbox,
			locationIds: uuidList('Kies locaties uit de lijst.', 200),
			regionIds: uuidList('Kies regio’s uit de lijst.', 100)
		})
		.superRefine((v, ctx) => {
			v.openingstijden.forEach((p, i) => {
				if (toMinutes(p.van) >= toMinutes(p.tot)) {
					ctx.addIssue({
						code: 'custom',
						path: ['openingstijden', i, 'tot'],
						message: `${capitalise(weekdagNaam(p.dag))}: de eindtijd moet later zijn dan de begintijd. Loopt het door na middernacht? Vul dan tot 24:00 in, en de volgende dag vanaf 00:00.`
					});
				}
			});
			// Two periods on one day may not overlap (09:00–17:00 and 12:00–14:00 is a typo, not a schedule).
			v.openingstijden.forEach((p, i) => {
				const overlapping = v.openingstijden.findIndex(
					(q, j) =>
						j < i &&
						q.dag === p.dag &&
						toMinutes(p.van) < toMinutes(q.tot) &&
						toMinutes(q.van) < toMinutes(p.tot)
				);
				if (overlapping >= 0) {
					ctx.addIssue({
						code: 'custom',
						path: ['openingstijden', i, 'van'],
						message: `${capitalise(weekdagNaam(p.dag))}: dit tijdvak overlapt met ${v.openingstijden[overlapping].van}–${v.openingstijden[overlapping].tot}.`
					});
				}
			});
		})
		.transform((v) => ({
			...v,
			openingstijden: [...v.openingstijden].sort(
				(a, b) => a.dag - b.dag || toMinutes(a.van) - toMinutes(b.van)
			)
		}))
);

export type ServiceInput = z.output<typeof serviceInputSchema>;

// --- versions and status -----------------------------------------------------------------------------------------------

/** The version a form was loaded with (hidden field), for optimistic locking. */
export const versionSchema = z.coerce
	.number({ error: 'Het formulier mist zijn versie; laad de pagina opnieuw.' })
	.int()
	.min(1, { error: 'Het formulier mist zijn versie; laad de pagina opnieuw.' });

export const recordStatusSchema = z.enum(['actief', 'gearchiveerd'], {
	error: 'Kies actief of gearchiveerd.'
});
