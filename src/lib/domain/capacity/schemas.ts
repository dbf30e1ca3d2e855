/**
 * Input schemas for the capacity prognosis, shared by server and client. Shares and norms are fractions (0,8 = 80%);
 * numbers may come as strings from forms and CSV files, with a decimal comma or point (no thousands separators).
 */
import { z } from 'zod';
import { type ZorgSetting, zorgSettings } from '../organisation/taxonomy';
import { PLAN_STATUSES } from './gap';

/** Years the portal accepts for prognoses: a few years of history up to a decade past the 2030 horizon. */
export const PROGNOSIS_YEAR_MIN = 2020;
export const PROGNOSIS_YEAR_MAX = 2040;
/** Base years may lie further back: CBS data per gemeente goes back decades. */
const BASE_YEAR_MIN = 2000;
/** Growth of deaths per year outside this range is almost certainly a typo (e.g. 1 meant as 1%). */
const GROWTH_RATE_MIN = -0.05;
const GROWTH_RATE_MAX = 0.1;
const MAX_LENGTH_OF_STAY_DAYS = 365;
const MAX_SOURCE_LENGTH = 1000;
const MAX_NAME_LENGTH = 200;

const settingCodes = zorgSettings.map((s) => s.code) as [ZorgSetting, ...ZorgSetting[]];

export const settingSchema = z.enum(settingCodes, {
	error: `Kies een zorgsetting: ${settingCodes.join(', ')}.`
});

/** Empty text means "not filled in"; a decimal comma is read as a decimal point. */
function toNumberInput(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const trimmed = value.trim();
	return trimmed === '' ? undefined : Number(trimmed.replace(',', '.'));
}

function numberSchema(label: string) {
	return z.number({
		error: (issue) => (issue.input === undefined ? `${label} is verplicht.` : `${label} moet een getal zijn.`)
	});
}

/** A number field that also accepts form and CSV text; `check` adds the range rules. */
function numeric(label: string, check: (n: z.ZodNumber) => z.ZodNumber) {
	return z.preprocess(toNumberInput, check(numberSchema(label)));
}

function optionalNumeric(label: string, check: (n: z.ZodNumber) => z.ZodNumber) {
	return z.preprocess(toNumberInput, check(numberSchema(label)).optional());
}

const share = (label: string) => (n: z.ZodNumber) =>
	n
		.min(0, `${label} kan niet kleiner zijn dan 0.`)
		.max(1, `${label} is een deel van 1: vul bijvoorbeeld 0,095 in voor 9,5%.`);

const lengthOfStay = (n: z.ZodNumber) =>
	n
		.gt(0, 'De verblijfsduur moet groter zijn dan 0 dagen.')
		.max(
			MAX_LENGTH_OF_STAY_DAYS,
			`De verblijfsduur kan niet langer zijn dan ${MAX_LENGTH_OF_STAY_DAYS} dagen.`
		);

const occupancyNorm = (n: z.ZodNumber) =>
	n
		.gt(0, 'De bezettingsnorm moet groter zijn dan 0.')
		.max(1, 'De bezettingsnorm is een deel van 1: vul bijvoorbeeld 0,8 in voor 80%.');

const growthRate = (n: z.ZodNumber) =>
	n
		.min(GROWTH_RATE_MIN, 'De groei per jaar kan niet lager zijn dan -0,05 (-5%).')
		.max(GROWTH_RATE_MAX, 'De groei per jaar is een deel van 1: vul bijvoorbeeld 0,01 in voor 1%.');

const deaths = (n: z.ZodNumber) => n.min(0, 'Het aantal overledenen kan niet negatief zijn.');

const prognosisYear = (n: z.ZodNumber) =>
	n
		.int('Vul een heel jaartal in.')
		.min(PROGNOSIS_YEAR_MIN, `Het jaar moet tussen ${PROGNOSIS_YEAR_MIN} en ${PROGNOSIS_YEAR_MAX} liggen.`)
		.max(PROGNOSIS_YEAR_MAX, `Het jaar moet tussen ${PROGNOSIS_YEAR_MIN} en ${PROGNOSIS_YEAR_MAX} liggen.`);

const regioSchema = z.string({ error: 'Kies een regio.' }).trim().min(1, 'Kies een regio.');

export const bronSchema = z.object({
	tekst: z
		.string({ error: 'Vul de bron in.' })
		.trim()
		.min(1, 'Vul de bron in.')
		.max(MAX_SOURCE_LENGTH, `De bron mag hoogstens ${MAX_SOURCE_LENGTH} tekens hebben.`),
	aanname: z.boolean({ error: 'Geef aan of deze waarde een aanname is.' }).default(false)
});

const SHARE_ORDER_MESSAGE = 'Het hoge aandeel moet minstens zo groot zijn als het lage aandeel.';

function shareOrderHolds(v: { aandeelLaag?: number; aandeelHoog?: number }): boolean {
	return v.aandeelLaag === undefined || v.aandeelHoog === undefined || v.aandeelLaag <= v.aandeelHoog;
}

export const yearOverrideSchema = z
	.object({
		overledenen: optionalNumeric('Het aantal overledenen', deaths),
		aandeelVerwacht: optionalNumeric('Het aandeel verwachte sterfgevallen', share('Het aandeel verwacht')),
		aandeelLaag: optionalNumeric('Het lage aandeel', share('Het lage aandeel')),
		aandeelHoog: optionalNumeric('Het hoge aandeel', share('Het hoge aandeel')),
		ligduurDagen: optionalNumeric('De verblijfsduur', lengthOfStay),
		bezettingsnorm: optionalNumeric('De bezettingsnorm', occupancyNorm),
		bron: bronSchema.optional()
	})
	.refine(shareOrderHolds, { path: ['aandeelHoog'], error: SHARE_ORDER_MESSAGE });

const YEAR_KEY_MESSAGE = 'Een jaar bestaat uit vier cijfers.';
const yearKeySchema = z.string().regex(/^\d{4}$/, YEAR_KEY_MESSAGE);

export const prognosisParametersSchema = z
	.object({
		regio: regioSchema,
		setting: settingSchema,
		basisJaar: numeric('Het basisjaar', (n) =>
			n
				.int('Vul een heel jaartal in.')
				.min(BASE_YEAR_MIN, `Het basisjaar moet tussen ${BASE_YEAR_MIN} en ${PROGNOSIS_YEAR_MAX} liggen.`)
				.max(
					PROGNOSIS_YEAR_MAX,
					`Het basisjaar moet tussen ${BASE_YEAR_MIN} en ${PROGNOSIS_YEAR_MAX} liggen.`
				)
		),
		basisOverledenen: numeric('Het aantal overledenen in het basisjaar', deaths),
		groeiPerJaar: numeric('De groei per jaar', growthRate),
		aandeelVerwacht: numeric('Het aandeel verwachte sterfgevallen', share('Het aandeel verwacht')),
		aandeelLaag: numeric('Het lage aandeel', share('Het lage aandeel')),
		aandeelHoog: numeric('Het hoge aandeel', share('Het hoge aandeel')),
		ligduurDagen: numeric('De verblijfsduur', lengthOfStay),
		bezettingsnorm: numeric('De bezettingsnorm', occupancyNorm),
		perJaar: z
			.record(yearKeySchema, yearOverrideSchema, {
				// The record reports a bad key itself; without this its message would be the English default.
				error: (issue) => (issue.code === 'invalid_key' ? YEAR_KEY_MESSAGE : undefined)
			})
			.optional(),
		bronnen: z
			.object({
				basisOverledenen: bronSchema.optional(),
				groeiPerJaar: bronSchema.optional(),
				aandeelVerwacht: bronSchema.optional(),
				aandeelSetting: bronSchema.optional(),
				ligduurDagen: bronSchema.optional(),
				bezettingsnorm: bronSchema.optional()
			})
			.default({})
	})
	.refine(shareOrderHolds, { path: ['aandeelHoog'], error: SHARE_ORDER_MESSAGE });

/** One row of an external prognosis (also a CSV line: regio, jaar, setting, laag, hoog and optionally bron). */
export const externalPrognosisRowSchema = z
	.object({
		regio: regioSchema,
		jaar: numeric('Het jaar', prognosisYear),
		setting: settingSchema,
		laag: numeric('Laag', (n) => n.min(0, 'Laag kan niet negatief zijn.')),
		hoog: numeric('Hoog', (n) => n.min(0, 'Hoog kan niet negatief zijn.')),
		bron: z.preprocess(
			(v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
			z
				.string()
				.trim()
				.max(MAX_SOURCE_LENGTH, `De bron mag hoogstens ${MAX_SOURCE_LENGTH} tekens hebben.`)
				.optional()
		)
	})
	.refine((row) => row.laag <= row.hoog, { path: ['hoog'], error: 'Laag mag niet groter zijn dan hoog.' });

export const planStatusSchema = z.enum(PLAN_STATUSES, {
	error: 'Kies een status: plan, vergund, in_aanbouw of open.'
});

export const plannedCapacitySchema = z.object({
	naam: z
		.string({ error: 'Vul een naam in.' })
		.trim()
		.min(1, 'Vul een naam in.')
		.max(MAX_NAME_LENGTH, `De naam mag hoogstens ${MAX_NAME_LENGTH} tekens hebben.`),
	regio: regioSchema,
	setting: settingSchema,
	bedden: numeric('Het aantal bedden', (n) =>
		n.int('Vul een heel aantal bedden in.').gt(0, 'Het aantal bedden moet groter zijn dan 0.')
	),
	verwachteOpening: z.iso.date({ error: 'Vul de verwachte opening in als datum (JJJJ-MM-DD).' }),
	status: planStatusSchema
});

/** A what-if: every field optional, empty form fields mean "keep the stored value". */
export const scenarioSchema = z
	.object({
		naam: z.preprocess(
			(v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
			z
				.string()
				.trim()
				.max(MAX_NAME_LENGTH, `De naam mag hoogstens ${MAX_NAME_LENGTH} tekens hebben.`)
				.optional()
		),
		bezettingsnorm: optionalNumeric('De bezettingsnorm', occupancyNorm),
		ligduurDagen: optionalNumeric('De verblijfsduur', lengthOfStay),
		aandeelLaag: optionalNumeric('Het lage aandeel', share('Het lage aandeel')),
		aandeelHoog: optionalNumeric('Het hoge aandeel', share('Het hoge aandeel')),
		groeiPerJaar: optionalNumeric('De groei per jaar', growthRate)
	})
	.refine(shareOrderHolds, { path: ['aandeelHoog'], error: SHARE_ORDER_MESSAGE });

export type PrognosisParametersInput = z.input<typeof prognosisParametersSchema>;
export type ExternalPrognosisRowInput = z.input<typeof externalPrognosisRowSchema>;
export type PlannedCapacityInput = z.input<typeof plannedCapacitySchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;

const optionalUuid = (message: string) =>
	z.preprocess(
		(v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
		z.uuid({ error: message }).optional()
	);

/**
 * The entry form for an external prognosis: a CSV row, plus an optional number of existing beds. Regional agreements
 * often publish an expansion ("11 to 15 extra hospice beds by 2030") rather than the total need; with `basisBedden`
 * the form adds the beds the agreement starts from, so what is stored is still a band of beds needed, and the source
 * text keeps the published figures.
 */
export const externalPrognosisEntrySchema = z
	.object({
		...externalPrognosisRowSchema.shape,
		basisBedden: optionalNumeric('Het aantal bestaande bedden', (n) =>
			n.int('Vul een heel aantal bedden in.').min(0, 'Het aantal bestaande bedden kan niet negatief zijn.')
		)
	})
	.refine((row) => row.laag <= row.hoog, { path: ['hoog'], error: 'Laag mag niet groter zijn dan hoog.' })
	.refine((row) => row.basisBedden === undefined || (row.bron ?? '') !== '', {
		path: ['bron'],
		error: 'Vul de bron in: waar staat de uitbreiding die u invult?'
	})
	.transform(({ basisBedden, ...row }) => {
		if (basisBedden === undefined) return row;
		const uitbreiding = row.laag === row.hoog ? `${row.laag}` : `${row.laag} tot ${row.hoog}`;
		return {
			...row,
			laag: basisBedden + row.laag,
			hoog: basisBedden + row.hoog,
			bron: `${row.bron} (uitbreiding van ${uitbreiding} bedden bovenop ${basisBedden} bestaande bedden)`
		};
	});

/** The planned-capacity form: the planned location, optionally linked to a location that is already on the map. */
export const plannedCapacityFormSchema = z.object({
	...plannedCapacitySchema.shape,
	locationId: optionalUuid('Kies een locatie uit de lijst.')
});

/** Saving a scenario needs a name; the values themselves are checked by `scenarioSchema`. */
export const scenarioNameSchema = z
	.string({ error: 'Geef het scenario een naam.' })
	.trim()
	.min(1, 'Geef het scenario een naam.')
	.max(MAX_NAME_LENGTH, `De naam mag hoogstens ${MAX_NAME_LENGTH} tekens hebben.`);

/** The chance of finding no free bed a network plans against (Erlang-B target), as a fraction. */
export const blockingTargetSchema = numeric('De doelkans', (n) =>
	n
		.gt(0, 'De doelkans moet groter zijn dan 0.')
		.lt(1, 'De doelkans is een deel van 1: vul bijvoorbeeld 0,1 in voor 10%.')
);

export type ExternalPrognosisEntryInput = z.input<typeof externalPrognosisEntrySchema>;
export type PlannedCapacityFormInput = z.input<typeof plannedCapacityFormSchema>;
