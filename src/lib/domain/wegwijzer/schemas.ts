import { z } from 'zod';
import { dienstCategorieen } from '../organisation/taxonomy';
import { themaCodes } from './themas';

/** Form field that holds the position (1, 2, …) of a service category in a question's answer; empty = not used. */
export function volgordeVeld(categorie: string): string {
	return `volgorde_${categorie}`;
}

export const TITEL_MAX = 120;
export const UITLEG_MAX = 1200;
export const MAX_CATEGORIEEN = 8;

const categorieCodes = dienstCategorieen.map((c) => c.code);

const volgordeVelden = Object.fromEntries(
	categorieCodes.map((code) => [volgordeVeld(code), z.string().trim().optional()])
) as Record<string, z.ZodOptional<z.ZodString>>;

const basis = z.object({
	titel: z
		.string({ error: 'Vul de vraag in.' })
		.trim()
		.min(5, { error: 'Schrijf de vraag in minstens 5 tekens.' })
		.max(TITEL_MAX, { error: `Houd de vraag kort: hoogstens ${TITEL_MAX} tekens.` }),
	uitleg: z
		.string({ error: 'Vul de uitleg in.' })
		.trim()
		.min(10, { error: 'Schrijf een uitleg van minstens 10 tekens.' })
		.max(UITLEG_MAX, { error: `Houd de uitleg kort: hoogstens ${UITLEG_MAX} tekens.` }),
	verborgen: z
		.string()
		.optional()
		.transform((v) => v === 'on' || v === 'ja' || v === 'true'),
	...volgordeVelden
});

/** Reads the `volgorde_<code>` fields into the ordered list of categories, with Dutch messages for what cannot be read. */
function metCategorieen<T extends Record<string, unknown>>(data: T, ctx: z.RefinementCtx) {
	const gekozen: { code: string; positie: number }[] = [];
	for (const code of categorieCodes) {
		const waarde = data[volgordeVeld(code)];
		if (typeof waarde !== 'string' || waarde === '') continue;
		const positie = Number(waarde);
		if (!Number.isInteger(positie) || positie < 1 || positie > categorieCodes.length) {
			ctx.addIssue({
				code: 'custom',
				path: ['categorieen'],
				message: 'Kies voor elke dienst een nummer uit de lijst.'
			});
			return z.NEVER;
		}
		gekozen.push({ code, positie });
	}
	if (gekozen.length === 0) {
		ctx.addIssue({
			code: 'custom',
			path: ['categorieen'],
			message: 'Kies minstens één soort hulp die deze vraag beantwoordt.'
		});
		return z.NEVER;
	}
	if (gekozen.length > MAX_CATEGORIEEN) {
		ctx.addIssue({
			code: 'custom',
			path: ['categorieen'],
			message: `Kies hoogstens ${MAX_CATEGORIEEN} soorten hulp, zodat het antwoord overzichtelijk blijft.`
		});
		return z.NEVER;
	}
	if (new Set(gekozen.map((g) => g.positie)).size !== gekozen.length) {
		ctx.addIssue({
			code: 'custom',
			path: ['categorieen'],
			message: 'Geef elke soort hulp een eigen nummer.'
		});
		return z.NEVER;
	}
	return gekozen.sort((a, b) => a.positie - b.positie).map((g) => g.code);
}

const versie = z.coerce
	.number({ error: 'De versie ontbreekt. Laad de pagina opnieuw.' })
	.int()
	.min(0, { error: 'De versie ontbreekt. Laad de pagina opnieuw.' });

/** Changing a question for a region (or an own question of the region). `version` is what the editor read (0 = none yet). */
export const vraagAanpassenSchema = basis.extend({ version: versie }).transform((data, ctx) => {
	const categorieen = metCategorieen(data, ctx);
	return {
		titel: data.titel,
		uitleg: data.uitleg,
		verborgen: data.verborgen,
		version: data.version,
		categorieen
	};
});

/** A new question of a region. */
export const nieuweVraagSchema = basis
	.extend({ thema: z.enum(themaCodes, { error: 'Kies bij welk onderwerp de vraag hoort.' }) })
	.transform((data, ctx) => {
		const categorieen = metCategorieen(data, ctx);
		return { thema: data.thema, titel: data.titel, uitleg: data.uitleg, categorieen };
	});

/** Going back to the standard text: only the version that was read. */
export const terugNaarStandaardSchema = z.object({ version: versie });

export type VraagAanpassenInput = z.output<typeof vraagAanpassenSchema>;
export type NieuweVraagInput = z.output<typeof nieuweVraagSchema>;

const kortVeld = z
	.string()
	.trim()
	.max(100)
	.optional()
	.catch(undefined)
	.transform((v) => (v ? v : undefined));

/** The wegwijzer's URL parameters. Anything odd is dropped rather than refused: the page then asks again. */
export const wegwijzerQuerySchema = z.object({
	/** What the visitor typed in the one search field: a postcode or a gemeente name. */
	plaats: kortVeld,
	postcode: kortVeld,
	gemeente: kortVeld,
	vraag: kortVeld,
	/** "2026-11-21T03:00": see how it is at that moment (night ordering). */
	moment: kortVeld
});

export type WegwijzerQuery = z.output<typeof wegwijzerQuerySchema>;

export function leesWegwijzerQuery(params: URLSearchParams): WegwijzerQuery {
	return wegwijzerQuerySchema.parse({
		plaats: params.get('plaats') ?? undefined,
		postcode: params.get('postcode') ?? undefined,
		gemeente: params.get('gemeente') ?? undefined,
		vraag: params.get('vraag') ?? undefined,
		moment: params.get('moment') ?? undefined
	});
}
