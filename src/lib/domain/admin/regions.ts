import { z } from 'zod';
import { optionalText, plainText, versionField, isUuid } from './common';

/*
 * Regions (Netwerken Palliatieve Zorg and their sub-regions) and the gemeenten they cover, as the beheerder edits them.
 *
 * Shares (aandeel): the estimated part of a gemeente's inhabitants that falls in the region, greater than 0 and at most 1.
 * A gemeente split between networks is in each with its own share. Within a network the sub-regions divide the network's
 * share: each sub-region's share of a gemeente is at most the network's, and together they do not exceed it.
 */

export const REGION_NAAM_MAX = 120;
export const COORDINATOR_MAX = 200;
/** Rounding slack for shares that were entered with three decimals (2/3 + 1/3 = 0,667 + 0,333). */
export const SHARE_TOLERANCE = 0.0015;

export const AANDEEL_MESSAGE = 'Vul een aandeel in groter dan 0 en hoogstens 1, bijvoorbeeld 0,25 of 1.';

/**
 * Reads a share as people type it: "0,25", "0.25", "1", or a percentage "25%" / "25 %". Returns null when it is not a
 * number in (0, 1].
 */
export function parseAandeel(input: unknown): number | null {
	if (typeof input === 'number') return input > 0 && input <= 1 ? input : null;
	if (typeof input !== 'string') return null;
	const text = input.trim().replace(/\s+/g, '');
	const percent = text.endsWith('%');
	const body = (percent ? text.slice(0, -1) : text).replace(',', '.');
	if (!/^(\d+(\.\d*)?|\.\d+)$/.test(body)) return null;
	let value = Number(body);
	if (percent) value = value / 100;
	if (!Number.isFinite(value) || value <= 0 || value > 1) return null;
	// Shares are estimates; more than three decimals only adds noise.
	return Math.round(value * 1000) / 1000;
}

/** A share as Dutch text: 0.96 → "0,96". */
export function formatAandeel(value: number): string {
	return String(Math.round(value * 1000) / 1000).replace('.', ',');
}

/** A share as a percentage for people: 0.96 → "96%". */
export function formatPercentage(value: number): string {
	return `${String(Math.round(value * 1000) / 10).replace('.', ',')}%`;
}

const aandeelField = z.unknown().transform((v, ctx) => {
	const value = parseAandeel(v);
	if (value === null) {
		ctx.addIssue({ code: 'custom', message: AANDEEL_MESSAGE });
		return z.NEVER;
	}
	return value;
});

const gemeenteCodeField = z
	.string({ error: 'Kies een gemeente.' })
	.trim()
	.regex(/^GM\d{4}$/, { error: 'Kies een gemeente uit de lijst.' });

export const renameRegionSchema = z.object({
	naam: plainText(2, REGION_NAAM_MAX, 'Vul een naam in (minstens 2 tekens).'),
	coordinator: optionalText(COORDINATOR_MAX),
	version: versionField
});
export type RenameRegionInput = z.output<typeof renameRegionSchema>;

export const addGemeenteSchema = z.object({
	/** What the beheerder typed or picked: a CBS code ("GM0106"), a name ("Assen") or "Assen (GM0106)". */
	gemeente: z.string({ error: 'Kies een gemeente.' }).trim().min(1, { error: 'Kies een gemeente.' }).max(120),
	aandeel: aandeelField,
	version: versionField
});
export type AddGemeenteInput = z.output<typeof addGemeenteSchema>;

export const updateGemeenteSchema = z.object({
	gemeenteCode: gemeenteCodeField,
	aandeel: aandeelField,
	version: versionField
});
export type UpdateGemeenteInput = z.output<typeof updateGemeenteSchema>;

export const removeGemeenteSchema = z.object({
	gemeenteCode: gemeenteCodeField,
	version: versionField
});
export type RemoveGemeenteInput = z.output<typeof removeGemeenteSchema>;

export const newSubRegionSchema = z.object({
	naam: plainText(2, REGION_NAAM_MAX, 'Vul een naam in voor de subregio (minstens 2 tekens).')
});
export type NewSubRegionInput = z.output<typeof newSubRegionSchema>;

export const mergeRegionsSchema = z
	.object({
		/** The sub-region that stays. */
		keepId: z.string().refine(isUuid, { error: 'Kies de subregio die blijft.' }),
		/** The sub-region that is taken up in keepId and then removed. */
		mergeId: z.string().refine(isUuid, { error: 'Kies de subregio die erin opgaat.' }),
		/** Versions of both, as "<id>:<version>" pairs are awkward in a form: the page sends one hidden field per region. */
		versions: z.record(z.string(), z.coerce.number().int().min(1)).default({})
	})
	.refine((v) => v.keepId !== v.mergeId, {
		message: 'Kies twee verschillende subregio’s.',
		path: ['mergeId']
	});
export type MergeRegionsInput = z.output<typeof mergeRegionsSchema>;

/** Hidden fields `versie_<regionId>` of the merge form, turned into the `versions` record the schema expects. */
export function mergeFormInput(values: Record<string, string | string[]>) {
	const versions: Record<string, string> = {};
	for (const [key, value] of Object.entries(values))
		if (key.startsWith('versie_') && typeof value === 'string') versions[key.slice(7)] = value;
	return { keepId: values.keepId, mergeId: values.mergeId, versions };
}

/**
 * Finds a gemeente from what was typed: the code ("GM0106", "gm0106", "0106"), the name (case- and accent-insensitive), or the
 * datalist text "Assen (GM0106)".
 */
export function resolveGemeente<T extends { code: string; naam: string }>(
	input: string,
	gemeenten: readonly T[]
): T | null {
	const text = input.trim();
	const inBrackets = /\((GM\d{4})\)\s*$/i.exec(text);
	const codeText = inBrackets?.[1] ?? text;
	const codeMatch = /^(?:GM)?(\d{4})$/i.exec(codeText);
	if (codeMatch) {
		const code = `GM${codeMatch[1]}`;
		return gemeenten.find((g) => g.code === code) ?? null;
	}
	const key = fold(text);
	const byName = gemeenten.filter((g) => fold(g.naam) === key);
	return byName.length === 1 ? byName[0] : null;
}

function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * Checks a sub-region's share of a gemeente against its network: at most the network's share, and with the other
 * sub-regions' shares of that gemeente together at most the network's share. Returns a Dutch message, or null when fine.
 */
export function subRegionShareProblem(input: {
	share: number;
	/** The network's share of the gemeente; undefined when the network does not cover it. */
	parentShare: number | undefined;
	/** The shares of the same gemeente in the network's other sub-regions. */
	siblingShares: readonly number[];
	gemeenteNaam: string;
}): string | null {
	if (input.parentShare === undefined)
		return `${input.gemeenteNaam} hoort niet bij het netwerk. Voeg de gemeente eerst aan het netwerk zelf toe.`;
	if (input.share > input.parentShare + SHARE_TOLERANCE)
		return `Het aandeel is groter dan dat van het netwerk in ${input.gemeenteNaam} (${formatAandeel(input.parentShare)}).`;
	const total = input.siblingShares.reduce((a, b) => a + b, 0) + input.share;
	if (total > input.parentShare + SHARE_TOLERANCE)
		return `Samen met de andere subregio’s komt ${input.gemeenteNaam} op ${formatAandeel(total)}, meer dan het netwerk (${formatAandeel(input.parentShare)}). Verlaag eerst het aandeel van een andere subregio.`;
	return null;
}

/**
 * Checks a network's share of a gemeente against its sub-regions: lowering it below what the sub-regions together hold is
 * refused. Returns a Dutch message, or null when fine.
 */
export function networkShareProblem(input: {
	share: number;
	childShares: readonly number[];
	gemeenteNaam: string;
}): string | null {
	const total = input.childShares.reduce((a, b) => a + b, 0);
	if (input.share + SHARE_TOLERANCE < total)
		return `De subregio’s hebben samen ${formatAandeel(total)} van ${input.gemeenteNaam}. Verlaag eerst hun aandeel, of kies minstens ${formatAandeel(total)}.`;
	return null;
}

/**
 * The gemeenten of two merged sub-regions: the union, shares of a gemeente in both added up and capped at the network's
 * share of it (and at 1).
 */
export function mergeShares(
	keep: readonly { gemeenteCode: string; aandeel: number }[],
	absorbed: readonly { gemeenteCode: string; aandeel: number }[],
	parentShares: ReadonlyMap<string, number>
): { gemeenteCode: string; aandeel: number }[] {
	const shares = new Map<string, number>();
	for (const g of [...keep, ...absorbed])
		shares.set(g.gemeenteCode, (shares.get(g.gemeenteCode) ?? 0) + g.aandeel);
	return [...shares]
		.map(([gemeenteCode, aandeel]) => ({
			gemeenteCode,
			aandeel: Math.min(1, parentShares.get(gemeenteCode) ?? 1, Math.round(aandeel * 1000) / 1000)
		}))
		.sort((a, b) => a.gemeenteCode.localeCompare(b.gemeenteCode));
}
