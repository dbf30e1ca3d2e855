/**
 * The national vocabularies (taxonomy_terms) as beheerders keep them: label, description and synonyms of a term, and
 * switching a term off. The code of a term is never changed. See src/lib/domain/admin/taxonomy.ts for the decision that
 * every beheerder may edit them (audited, with the history visible to all beheerders, and optimistic locking).
 *
 * Every write is ONE transaction with ONE audit entry. A changed label of a searched vocabulary is in every search document
 * that uses it, so those are rebuilt inside the same transaction; synonyms are read through a short cache that is cleared
 * after the commit (and pushed to Meilisearch, when configured, on a best-effort basis).
 */
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { AdminError, CONFLICT_MESSAGE, INVALID_MESSAGE } from '../../domain/admin/common';
import { mayDeactivate, termChanges, type EditTermInput } from '../../domain/admin/taxonomy';
import { vocabularyNames, type Vocabulary } from '../../domain/organisation/taxonomy';
import { audit } from '../audit';
import type { Database, Executor } from '../db/client';
import { organisations, taxonomyTerms } from '../db/schema';
import { env } from '../env';
import { log } from '../log';
import { entityHistory } from '../repositories/audit';
import { clearLabelCache } from '../repositories/directory';
import { applyMeiliSettings } from '../search/meilisearch-index';
import { clearSearchReferenceCache } from '../search/reference';
import { syncOrganisations } from '../search/sync';
import { clearSynonymCache, loadSynonymGroups } from '../search/synonyms';
import type { AdminActor } from './admin-users';

/** Vocabularies whose labels are part of the search documents (see search/synonyms.ts). */
const SEARCHED_VOCABULARIES: readonly string[] = [
	'organisatietype',
	'doelgroep',
	'expertise',
	'dienstcategorie'
];

type TermRow = typeof taxonomyTerms.$inferSelect;

function requireBeheerder(actor: AdminActor) {
	if (actor.role !== 'beheerder') throw new AdminError(403, 'Alleen een beheerder mag dit doen.');
}

export function isVocabulary(value: string): value is Vocabulary {
	return (vocabularyNames as string[]).includes(value);
}

export async function listTerms(db: Executor) {
	const rows = await db
		.select({
			id: taxonomyTerms.id,
			vocabulary: taxonomyTerms.vocabulary,
			code: taxonomyTerms.code,
			label: taxonomyTerms.label,
			description: taxonomyTerms.description,
			synonyms: taxonomyTerms.synonyms,
			active: taxonomyTerms.active,
			sortOrder: taxonomyTerms.sortOrder
		})
		.from(taxonomyTerms)
		.orderBy(asc(taxonomyTerms.sortOrder), asc(taxonomyTerms.label));
	return vocabularyNames.map((vocabulary) => ({
		vocabulary,
		terms: rows.filter((r) => r.vocabulary === vocabulary)
	}));
}

async function findTerm(db: Executor, vocabulary: string, code: string): Promise<TermRow> {
	if (!isVocabulary(vocabulary)) throw new AdminError(404, 'Deze lijst bestaat niet.');
	const [row] = await db
		.select()
		.from(taxonomyTerms)
		.where(and(eq(taxonomyTerms.vocabulary, vocabulary), eq(taxonomyTerms.code, code)));
	if (!row) throw new AdminError(404, 'Deze term bestaat niet.');
	return row;
}

/** One term with its history (every beheerder sees who changed the national lists). */
export async function termForAdmin(db: Executor, actor: AdminActor, vocabulary: string, code: string) {
	requireBeheerder(actor);
	const term = await findTerm(db, vocabulary, code);
	const history = await entityHistory(db, 'taxonomy_term', term.id, 50);
	return { term, history, mayDeactivate: mayDeactivate(term.vocabulary) };
}

async function lockTerm(tx: Executor, id: string, version: number, values: Partial<TermRow>) {
	const [row] = await tx
		.update(taxonomyTerms)
		.set({ ...values, version: version + 1 })
		.where(and(eq(taxonomyTerms.id, id), eq(taxonomyTerms.version, version)))
		.returning();
	if (!row) throw new AdminError(409, CONFLICT_MESSAGE);
	return row;
}

async function reindexEverything(tx: Executor): Promise<number> {
	const ids = (await tx.select({ id: organisations.id }).from(organisations)).map((r) => r.id);
	for (let i = 0; i < ids.length; i += 250) await syncOrganisations(tx, ids.slice(i, i + 250));
	return ids.length;
}

/** After the commit: caches that hold labels or synonyms, and Meilisearch's synonym settings when it is used. */
async function refreshSearchSettings(db: Database, synonymsChanged: boolean) {
	clearSynonymCache();
	clearSearchReferenceCache();
	clearLabelCache();
	if (!synonymsChanged || !env().MEILISEARCH_URL) return;
	try {
		await applyMeiliSettings(() => loadSynonymGroups(db));
	} catch (error) {
		// The edit is saved; Meilisearch catches up at the next reindex.
		log('warn', 'meilisearch synoniemen bijwerken mislukt; herstel met npm run search:reindex', {
			fout: error instanceof Error ? error.message : String(error)
		});
	}
}

export async function updateTerm(
	db: Database,
	actor: AdminActor,
	vocabulary: string,
	code: string,
	input: EditTermInput
) {
	requireBeheerder(actor);
	const result = await db.transaction(async (tx) => {
		const before = await findTerm(tx, vocabulary, code);
		const [sameLabel] = await tx
			.select({ code: taxonomyTerms.code })
			.from(taxonomyTerms)
			.where(
				and(
					eq(taxonomyTerms.vocabulary, before.vocabulary),
					ne(taxonomyTerms.id, before.id),
					sql`lower(${taxonomyTerms.label}) = lower(${input.label})`
				)
			);
		if (sameLabel)
			throw new AdminError(400, INVALID_MESSAGE, {
				label: `Een andere term in deze lijst heet al zo (code ${sameLabel.code}). Kies een label dat te onderscheiden is.`
			});
		const changes = termChanges(before, input);
		const row = await lockTerm(tx, before.id, input.version, {
			label: input.label,
			description: input.description,
			synonyms: input.synonyms
		});
		const reindexed =
			changes.label && SEARCHED_VOCABULARIES.includes(before.vocabulary) ? await reindexEverything(tx) : 0;
		await audit(tx, actor, {
			action: 'taxonomieterm_gewijzigd',
			entityType: 'taxonomy_term',
			entityId: row.id,
			details: {
				vocabulary: row.vocabulary,
				code: row.code,
				wijzigingen: changes,
				...(reindexed ? { organisatiesOpnieuwGeindexeerd: reindexed } : {}),
				versie: row.version
			}
		});
		return { term: row, changes };
	});
	await refreshSearchSettings(db, !!result.changes.synonyms || !!result.changes.label);
	return result;
}

export async function setTermActive(
	db: Database,
	actor: AdminActor,
	vocabulary: string,
	code: string,
	active: boolean,
	version: number
) {
	requireBeheerder(actor);
	const row = await db.transaction(async (tx) => {
		const before = await findTerm(tx, vocabulary, code);
		if (!active && !mayDeactivate(before.vocabulary))
			throw new AdminError(
				403,
				'Termen uit deze lijst kunnen niet worden uitgezet: de portal rekent met deze codes. Wijzig zo nodig het label.'
			);
		if (before.active === active)
			throw new AdminError(409, active ? 'Deze term staat al aan.' : 'Deze term staat al uit.');
		const row = await lockTerm(tx, before.id, version, { active });
		await audit(tx, actor, {
			action: active ? 'taxonomieterm_geactiveerd' : 'taxonomieterm_gedeactiveerd',
			entityType: 'taxonomy_term',
			entityId: row.id,
			details: { vocabulary: row.vocabulary, code: row.code, versie: row.version }
		});
		return row;
	});
	await refreshSearchSettings(db, false);
	return row;
}
