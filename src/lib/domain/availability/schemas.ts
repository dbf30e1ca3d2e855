import { z } from 'zod';
import {
	doelgroepen,
	opnameVoorwaarden,
	zorgSettings,
	type Doelgroep,
	type OpnameVoorwaarde,
	type ZorgSetting
} from '../organisation/taxonomy';

/**
 * Input shapes of bed units and availability, shared by the editor forms, the JSON API and the services.
 * The invariant of every bed unit: 0 ≤ vrijeBedden ≤ aantalBedden (also a CHECK constraint in the database).
 */

/** Upper bound on beds in one unit: a typo guard (a palliative unit of 500 beds does not exist). */
export const MAX_BEDDEN_PER_EENHEID = 200;
export const NAAM_MAX = 120;
export const TOELICHTING_MAX = 1000;
export const TOKEN_NAAM_MAX = 80;

const doelgroepCodes = doelgroepen.map((t) => t.code) as [Doelgroep, ...Doelgroep[]];
const voorwaardeCodes = opnameVoorwaarden.map((t) => t.code) as [OpnameVoorwaarde, ...OpnameVoorwaarde[]];
const settingCodes = zorgSettings.map((t) => t.code) as [ZorgSetting, ...ZorgSetting[]];

/** Form fields arrive as strings; an empty field means "not filled in". */
function emptyToUndefined(value: unknown): unknown {
	if (value === null || value === undefined) return undefined;
	if (typeof value === 'string' && value.trim() === '') return undefined;
	return value;
}

/** A number from a form field ("3", " 3 ", "2.5"); anything else stays as it is so zod reports it. */
function formNumber(value: unknown): unknown {
	const v = emptyToUndefined(value);
	if (typeof v === 'string' && Number.isFinite(Number(v))) return Number(v);
	return v;
}

function toArray(value: unknown): unknown {
	if (value === null || value === undefined) return [];
	return typeof value === 'string' ? [value] : value;
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/** A count of beds: `veld` names the field inside a sentence, `onderwerp` starts one. */
function count(veld: string, onderwerp: string, max: number) {
	return z
		.number({ error: `Vul bij ${veld} een heel getal in.` })
		.int({ error: `Vul bij ${veld} een heel getal in.` })
		.min(0, { error: `${onderwerp} kan niet negatief zijn.` })
		.max(max, { error: `${onderwerp} kan hoogstens ${max} zijn.` });
}

// ---------------------------------------------------------------------------------------------------------------------
// Availability ("nu beschikbaar: N bedden")

const vrijeBedden = count('vrije bedden', 'Het aantal vrije bedden', MAX_BEDDEN_PER_EENHEID);
const verwachteOntslagen = count(
	'verwachte ontslagen',
	'Het aantal verwachte ontslagen',
	MAX_BEDDEN_PER_EENHEID
);
const verwachteOpnames = count('geplande opnames', 'Het aantal geplande opnames', MAX_BEDDEN_PER_EENHEID);

/**
 * The JSON API body of `PUT /api/v1/bed-units/{id}/availability`. Strict: numbers must be JSON numbers, unknown fields are
 * refused (a typo like "vrijebedden" must not silently do nothing).
 */
export const availabilityApiSchema = z.strictObject(
	{
		vrijeBedden: vrijeBedden.describe(
			'Aantal bedden dat nu vrij is (0 tot en met het aantal bedden van de eenheid).'
		),
		verwachteOntslagen: verwachteOntslagen
			.nullable()
			.optional()
			.describe('Optioneel: verwachte ontslagen of overlijdens in de komende 7 dagen.'),
		verwachteOpnames: verwachteOpnames
			.nullable()
			.optional()
			.describe('Optioneel: geplande opnames in de komende 7 dagen.')
	},
	{ error: (issue) => (issue.code === 'unrecognized_keys' ? 'Onbekend veld.' : 'Stuur een JSON-object.') }
);

/** The same update from the phone form: numbers arrive as text; `basis` is the last event the editor saw (see services). */
export const availabilityFormSchema = z.object({
	bedUnitId: z.uuid({ error: 'Onbekende beddeneenheid.' }),
	vrijeBedden: z.preprocess(
		formNumber,
		z.number({ error: 'Vul in hoeveel bedden nu vrij zijn.' }).pipe(vrijeBedden)
	),
	verwachteOntslagen: z.preprocess(formNumber, verwachteOntslagen.optional()),
	verwachteOpnames: z.preprocess(formNumber, verwachteOpnames.optional()),
	basis: z.preprocess(emptyToUndefined, z.uuid().optional())
});

export type AvailabilityInput = {
	vrijeBedden: number;
	verwachteOntslagen?: number | null;
	verwachteOpnames?: number | null;
};

export type FieldErrors = Record<string, string>;

/**
 * The checks that need the unit: free beds at most the beds there are, expected discharges at most the occupied beds
 * (nobody can leave an empty bed), planned admissions at most the beds there are. Returns null when all is well.
 */
export function checkAvailability(input: AvailabilityInput, aantalBedden: number): FieldErrors | null {
	const errors: FieldErrors = {};
	if (input.vrijeBedden > aantalBedden)
		errors.vrijeBedden =
			aantalBedden === 1
				? 'Deze eenheid heeft 1 bed; er kunnen niet meer bedden vrij zijn.'
				: `Deze eenheid heeft ${aantalBedden} bedden; er kunnen niet meer bedden vrij zijn.`;
	const bezet = aantalBedden - input.vrijeBedden;
	if (!errors.vrijeBedden && input.verwachteOntslagen != null && input.verwachteOntslagen > bezet)
		errors.verwachteOntslagen = `Er ${bezet === 1 ? 'is 1 bed' : `zijn ${bezet} bedden`} bezet; meer ontslagen kunnen er niet zijn.`;
	if (input.verwachteOpnames != null && input.verwachteOpnames > aantalBedden)
		errors.verwachteOpnames = `Deze eenheid heeft ${aantalBedden} bedden; meer opnames tegelijk passen er niet.`;
	return Object.keys(errors).length ? errors : null;
}

// ---------------------------------------------------------------------------------------------------------------------
// Bed unit profile (setting, beds, admission profile)

export const bedUnitSchema = z.object({
	locationId: z.uuid({ error: 'Kies een locatie.' }),
	naam: z
		.string({ error: 'Vul een naam in.' })
		.trim()
		.min(2, { error: 'Vul een naam in, bijvoorbeeld "Hospicekamers".' })
		.max(NAAM_MAX, { error: `De naam is te lang (hoogstens ${NAAM_MAX} tekens).` }),
	setting: z.enum(settingCodes, { error: 'Kies een setting.' }),
	aantalBedden: z.preprocess(
		formNumber,
		z
			.number({ error: 'Vul het aantal bedden in.' })
			.int({ error: 'Vul bij aantal bedden een heel getal in.' })
			.min(1, { error: 'Een beddeneenheid heeft minstens 1 bed.' })
			.max(MAX_BEDDEN_PER_EENHEID, {
				error: `Hoogstens ${MAX_BEDDEN_PER_EENHEID} bedden per eenheid; verdeel een grotere afdeling in eenheden.`
			})
	),
	doelgroepen: z.preprocess(
		toArray,
		z
			.array(z.enum(doelgroepCodes, { error: 'Onbekende doelgroep.' }))
			.max(doelgroepCodes.length)
			.transform(unique)
	),
	voorwaarden: z.preprocess(
		toArray,
		z
			.array(z.enum(voorwaardeCodes, { error: 'Onbekende opnamevoorwaarde.' }))
			.max(voorwaardeCodes.length)
			.transform(unique)
	),
	toelichting: z.preprocess(
		emptyToUndefined,
		z
			.string()
			.trim()
			.max(TOELICHTING_MAX, { error: `De toelichting is te lang (hoogstens ${TOELICHTING_MAX} tekens).` })
			.optional()
	)
});

const versionField = z.preprocess(
	formNumber,
	z.number({ error: 'Versie ontbreekt.' }).int().min(1).max(2_147_483_647)
);

/** Editing adds the version that was read (optimistic locking). */
export const bedUnitEditSchema = bedUnitSchema.extend({ version: versionField });

/** Archiving or restoring a bed unit: only the version that was read. */
export const bedUnitArchiveSchema = z.object({ version: versionField });

export type BedUnitInput = z.output<typeof bedUnitSchema>;
export type BedUnitEditInput = z.output<typeof bedUnitEditSchema>;

// ---------------------------------------------------------------------------------------------------------------------
// API tokens

export const apiTokenCreateSchema = z.object({
	organisationId: z.uuid({ error: 'Kies een organisatie.' }),
	naam: z
		.string({ error: 'Geef de koppeling een naam.' })
		.trim()
		.min(2, { error: 'Geef de koppeling een naam, bijvoorbeeld "ECD Nedap".' })
		.max(TOKEN_NAAM_MAX, { error: `De naam is te lang (hoogstens ${TOKEN_NAAM_MAX} tekens).` })
});

export type ApiTokenCreateInput = z.output<typeof apiTokenCreateSchema>;
