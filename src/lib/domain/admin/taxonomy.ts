import { z } from 'zod';
import type { Vocabulary } from '../organisation/taxonomy';
import { FORMULA_START, optionalText, plainText, versionField } from './common';
import { hasMarkup } from '../organisation/schemas';

/*
 * Editing the vocabularies (taxonomy_terms).
 *
 * Decision: the vocabularies are NATIONAL (one list for all networks), and any beheerder may edit the label, the description
 * and the synonyms of a term. Reason: there is no national role in the portal, and a wrong or outdated label must be fixable
 * by the people who see it. The safeguards are: every change is audited with the old and the new text and shown to every
 * beheerder on the term's page (who changed what, when); two beheerders editing one term do not overwrite each other
 * (optimistic locking); the code never changes (it is what the data, the matching and the API refer to); and the terms
 * whose code drives behaviour (organisation types, bed settings) cannot be deactivated.
 */

export const vocabularyLabels: Record<Vocabulary, string> = {
	organisatietype: 'Organisatietypen',
	doelgroep: 'Doelgroepen',
	expertise: 'Expertisegebieden',
	dienstcategorie: 'Dienstcategorieën (wegwijzer)',
	zorgsetting: 'Zorgsettings (bedden)',
	opnamevoorwaarde: 'Opnamevoorwaarden en zorgbehoeften'
};

export const vocabularyHelp: Record<Vocabulary, string> = {
	organisatietype: 'Het soort organisatie, op de kaart en in filters.',
	doelgroep: 'Voor wie een dienst bedoeld is.',
	expertise: 'Waar een organisatie of dienst in gespecialiseerd is.',
	dienstcategorie: 'De soorten hulp die de wegwijzer aanraadt.',
	zorgsetting: 'Het soort bedden (hospice, bijna-thuis-huis, ...), ook in de capaciteitsprognose.',
	opnamevoorwaarde:
		'Wat een beddenunit accepteert of biedt; de verwijzer kiest dezelfde termen als zorgbehoefte.'
};

/**
 * Vocabularies whose codes the code itself relies on (beds per organisation type, capacity per setting): their terms can be
 * renamed but not switched off.
 */
export const STRUCTURAL_VOCABULARIES: readonly Vocabulary[] = ['organisatietype', 'zorgsetting'];

export function mayDeactivate(vocabulary: string): boolean {
	return !(STRUCTURAL_VOCABULARIES as readonly string[]).includes(vocabulary);
}

export const LABEL_MAX = 120;
export const DESCRIPTION_MAX = 1000;
export const SYNONYM_MAX = 60;
export const SYNONYMS_MAX = 30;

/** Synonyms as typed in the textarea: one per line (commas also separate), trimmed, without duplicates (case-insensitive). */
export function parseSynonyms(input: unknown): string[] {
	if (Array.isArray(input)) return parseSynonyms(input.join('\n'));
	if (typeof input !== 'string') return [];
	const seen = new Set<string>();
	const result: string[] = [];
	for (const raw of input.split(/[\n,;]/)) {
		const synonym = raw.trim().replace(/\s+/g, ' ');
		if (!synonym) continue;
		const key = synonym.toLocaleLowerCase('nl');
		if (seen.has(key)) continue;
		seen.add(key);
		result.push(synonym);
	}
	return result;
}

export const editTermSchema = z.object({
	label: plainText(2, LABEL_MAX, 'Vul een label in (minstens 2 tekens).'),
	description: optionalText(DESCRIPTION_MAX),
	synonyms: z.preprocess(
		parseSynonyms,
		z
			.array(z.string())
			.max(SYNONYMS_MAX, { error: `Gebruik hoogstens ${SYNONYMS_MAX} synoniemen.` })
			.superRefine((list, ctx) => {
				for (const s of list) {
					if (s.length > SYNONYM_MAX)
						ctx.addIssue({
							code: 'custom',
							message: `Een synoniem is hoogstens ${SYNONYM_MAX} tekens (“${s.slice(0, 20)}…” is te lang).`
						});
					else if (hasMarkup(s) || FORMULA_START.test(s))
						ctx.addIssue({
							code: 'custom',
							message: `Gebruik gewone woorden als synoniem (“${s}” kan niet).`
						});
				}
			})
	),
	version: versionField
});
export type EditTermInput = z.output<typeof editTermSchema>;

export const termStatusSchema = z.object({ version: versionField });

/** Which fields differ, with old and new values (the vocabularies hold no personal data, so values may be audited). */
export function termChanges(
	before: { label: string; description: string | null; synonyms: readonly string[] },
	after: { label: string; description: string | null; synonyms: readonly string[] }
): Record<string, { van: unknown; naar: unknown }> {
	const changes: Record<string, { van: unknown; naar: unknown }> = {};
	if (before.label !== after.label) changes.label = { van: before.label, naar: after.label };
	if ((before.description ?? null) !== (after.description ?? null))
		changes.description = { van: before.description, naar: after.description };
	if (JSON.stringify(before.synonyms) !== JSON.stringify(after.synonyms))
		changes.synonyms = { van: [...before.synonyms], naar: [...after.synonyms] };
	return changes;
}
