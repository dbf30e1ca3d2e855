import { z } from 'zod';
import {
	doelgroepen,
	opnameVoorwaarden,
	zorgSettings,
	type Doelgroep,
	type OpnameVoorwaarde,
	type ZorgSetting
} from '../organisation/taxonomy';
import {
	leeftijdscategorieen,
	MAX_AFSTAND_DEFAULT_KM,
	MAX_AFSTAND_MAX_KM,
	MAX_AFSTAND_MIN_KM,
	prognoses,
	urgenties,
	WENSEN_MAX_LENGTH
} from './options';
import { findIdentifyingData } from './privacy';

const doelgroepCodes = doelgroepen.map((t) => t.code) as [Doelgroep, ...Doelgroep[]];
const voorwaardeCodes = opnameVoorwaarden.map((t) => t.code) as [OpnameVoorwaarde, ...OpnameVoorwaarde[]];
const settingCodes = zorgSettings.map((t) => t.code) as [ZorgSetting, ...ZorgSetting[]];

/** Form fields arrive as strings; an empty field means "not filled in". */
function emptyToUndefined(value: unknown): unknown {
	if (value === null || value === undefined) return undefined;
	if (typeof value === 'string' && value.trim() === '') return undefined;
	return value;
}

/** A checkbox group arrives as nothing, one string, or an array (depending on how the caller read the form). */
function toArray(value: unknown): unknown {
	if (value === null || value === undefined) return [];
	return typeof value === 'string' ? [value] : value;
}

function unique<T>(values: T[]): T[] {
	return [...new Set(values)];
}

/**
 * Free text that may never identify a person: trimmed, at most `max` characters, refused with a Dutch explanation when it
 * contains a BSN, a date or an e-mail address. Use it for every text field of a referral.
 */
export function veiligeTekstSchema(max: number) {
	return z
		.string({ error: 'Vul tekst in.' })
		.trim()
		.max(max, { error: `Gebruik hoogstens ${max} tekens.` })
		.superRefine((text, ctx) => {
			for (const message of findIdentifyingData(text)) ctx.addIssue({ code: 'custom', message });
		});
}

/**
 * A PC4 postcode (1000–9999). A full postcode with letters is refused on purpose: together with an age it can point to one
 * person, and the matching needs no more than the four digits.
 */
export const pc4Schema = z.preprocess(
	(value) => (typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : value),
	z.string({ error: 'Vul de 4 cijfers van de postcode in.' }).superRefine((value, ctx) => {
		if (/^\d{4}\s*[a-z]{2}$/i.test(value)) {
			ctx.addIssue({
				code: 'custom',
				message: 'Vul alleen de 4 cijfers van de postcode in, zonder letters.'
			});
		} else if (!/^[1-9]\d{3}$/.test(value)) {
			ctx.addIssue({ code: 'custom', message: 'Vul een postcode van 4 cijfers in (1000 tot en met 9999).' });
		}
	})
);

export const verwijzingInputSchema = z.object({
	leeftijdscategorie: z.enum(leeftijdscategorieen, { error: 'Kies een leeftijdscategorie.' }),
	pc4Verblijf: pc4Schema,
	pc4Naasten: z.preprocess(emptyToUndefined, pc4Schema.optional()),
	doelgroepen: z.preprocess(
		toArray,
		z.array(z.enum(doelgroepCodes, { error: 'Onbekende doelgroep.' })).transform(unique)
	),
	zorgbehoeften: z.preprocess(
		toArray,
		z.array(z.enum(voorwaardeCodes, { error: 'Onbekende zorgbehoefte.' })).transform(unique)
	),
	settings: z.preprocess(
		toArray,
		z
			.array(z.enum(settingCodes, { error: 'Onbekende soort plek.' }))
			.min(1, { error: 'Kies minstens één soort plek (bijvoorbeeld hospice).' })
			.transform(unique)
	),
	prognose: z.enum(prognoses, { error: 'Kies de verwachte levensduur (prognose).' }),
	urgentie: z.enum(urgenties, { error: 'Kies hoe snel een plek nodig is.' }),
	maxAfstandKm: z.preprocess(
		(value) => {
			const v = emptyToUndefined(value);
			return typeof v === 'string' ? Number(v.trim()) : v;
		},
		z
			.number({ error: 'Vul de maximale afstand in als getal (km).' })
			.int({ error: 'Vul de maximale afstand in hele kilometers in.' })
			.min(MAX_AFSTAND_MIN_KM, { error: `De maximale afstand is minstens ${MAX_AFSTAND_MIN_KM} km.` })
			.max(MAX_AFSTAND_MAX_KM, { error: `De maximale afstand is hoogstens ${MAX_AFSTAND_MAX_KM} km.` })
			.default(MAX_AFSTAND_DEFAULT_KM)
	),
	wensen: z.preprocess(emptyToUndefined, veiligeTekstSchema(WENSEN_MAX_LENGTH).optional())
});

/** What the form (or a JSON client) may send. */
export type VerwijzingFormInput = z.input<typeof verwijzingInputSchema>;
/** The parsed, normalised referral: what matching and storage work with. */
export type VerwijzingInput = z.output<typeof verwijzingInputSchema>;
