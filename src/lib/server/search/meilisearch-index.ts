import { Meilisearch, type Settings } from 'meilisearch';
import type { SearchDocument, SearchDocumentLocation } from '../../domain/search/document';
import { type SynonymRule, buildSynonymRules, meilisearchSynonyms } from '../../domain/search/synonyms';
import { env } from '../env';

/*
 * The Meilisearch index: one document per service (the same documents as the Postgres table), `_geo` at its first located
 * place. Meilisearch holds one point per document, so for a service at several locations the distance is to that first
 * location (the Postgres engine uses the nearest one).
 */

export interface MeiliDocument {
	id: string;
	organisationId: string;
	organisationSlug: string;
	organisationNaam: string;
	organisationType: string;
	naam: string;
	categorie: string;
	beschrijving: string;
	doelgroepen: string[];
	expertise: string[];
	dagEnNacht: boolean;
	voorProfessionals: boolean;
	telefoon: string | null;
	gemeenteCodes: string[];
	regionIds: string[];
	locaties: SearchDocumentLocation[];
	tekstA: string;
	tekstB: string;
	tekstC: string;
	_geo?: { lat: number; lng: number };
}

/** How long a write waits for Meilisearch to apply it, so the next search sees it. */
const TASK_TIMEOUT_MS = 10_000;
/** Meilisearch caps total hits at 1000 by default; the map and CSV export want every result. */
export const MEILI_MAX_TOTAL_HITS = 20_000;

export function toMeiliDocument(d: SearchDocument): MeiliDocument {
	const doc: MeiliDocument = {
		id: d.serviceId,
		organisationId: d.organisationId,
		organisationSlug: d.organisationSlug,
		organisationNaam: d.organisationNaam,
		organisationType: d.organisationType,
		naam: d.naam,
		categorie: d.categorie,
		beschrijving: d.beschrijving,
		doelgroepen: d.doelgroepen,
		expertise: d.expertise,
		dagEnNacht: d.dagEnNacht,
		voorProfessionals: d.voorProfessionals,
		telefoon: d.telefoon,
		gemeenteCodes: d.gemeenteCodes,
		regionIds: d.regionIds,
		locaties: d.locaties,
		tekstA: d.tekstA,
		tekstB: d.tekstB,
		tekstC: d.tekstC
	};
	if (d.lats.length > 0) doc._geo = { lat: d.lats[0], lng: d.lons[0] };
	return doc;
}

export function meiliSettings(synonymRules: SynonymRule[] = buildSynonymRules()): Settings {
	return {
		// Order is importance: names before taxonomy labels and places before descriptions.
		searchableAttributes: ['tekstA', 'tekstB', 'tekstC'],
		filterableAttributes: [
			'organisationId',
			'organisationType',
			'doelgroepen',
			'expertise',
			'regionIds',
			'gemeenteCodes',
			'dagEnNacht',
			'voorProfessionals',
			'_geo'
		],
		sortableAttributes: ['_geo', 'naam', 'organisationNaam'],
		synonyms: meilisearchSynonyms(synonymRules),
		// The same typo rules as the Postgres engine: one typo from 4 letters, two from 8.
		typoTolerance: {
			enabled: true,
			minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
			disableOnNumbers: true
		},
		localizedAttributes: [{ attributePatterns: ['tekstA', 'tekstB', 'tekstC'], locales: ['nld'] }],
		pagination: { maxTotalHits: MEILI_MAX_TOTAL_HITS },
		faceting: { maxValuesPerFacet: 500 }
	};
}

let client: Meilisearch | undefined;
let settingsApplied: Promise<void> | undefined;

export function meiliClient(): Meilisearch {
	const config = env();
	if (!config.MEILISEARCH_URL) throw new Error('MEILISEARCH_URL is niet ingesteld');
	client ??= new Meilisearch({
		host: config.MEILISEARCH_URL,
		apiKey: config.MEILISEARCH_API_KEY,
		timeout: 3_000
	});
	return client;
}

export function meiliIndex() {
	return meiliClient().index<MeiliDocument>(env().MEILISEARCH_INDEX);
}

/**
 * Create the index when missing and apply the settings, once per process (again after a failure). The synonyms come from
 * the taxonomy in the database (see synonyms.ts), so the caller passes how to load them.
 */
export function ensureMeiliIndex(loadRules: () => Promise<SynonymRule[]>): Promise<void> {
	settingsApplied ??= applyMeiliSettings(loadRules).catch((error) => {
		settingsApplied = undefined;
		throw error;
	});
	return settingsApplied;
}

export async function applyMeiliSettings(loadRules: () => Promise<SynonymRule[]>): Promise<void> {
	const c = meiliClient();
	const uid = env().MEILISEARCH_INDEX;
	const exists = await c
		.getRawIndex(uid)
		.then(() => true)
		.catch(() => false);
	if (!exists) await c.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT_MS });
	await c
		.index(uid)
		.updateSettings(meiliSettings(await loadRules()))
		.waitTask({ timeout: TASK_TIMEOUT_MS * 6 });
}

function idFilter(organisationIds: readonly string[]): string {
	// Ids are UUIDs from our own database; quoting keeps the filter valid whatever they are.
	return `organisationId IN [${organisationIds.map((id) => JSON.stringify(id)).join(', ')}]`;
}

export async function meiliDeleteOrganisations(
	organisationIds: readonly string[],
	loadRules: () => Promise<SynonymRule[]>
): Promise<void> {
	if (organisationIds.length === 0) return;
	await ensureMeiliIndex(loadRules);
	await meiliIndex()
		.deleteDocuments({ filter: idFilter(organisationIds) })
		.waitTask({ timeout: TASK_TIMEOUT_MS });
}

export async function meiliReplaceOrganisations(
	organisationIds: readonly string[],
	documents: readonly SearchDocument[],
	loadRules: () => Promise<SynonymRule[]>
): Promise<void> {
	await meiliDeleteOrganisations(organisationIds, loadRules);
	if (documents.length === 0) return;
	await meiliIndex()
		.addDocuments(documents.map(toMeiliDocument), { primaryKey: 'id' })
		.waitTask({ timeout: TASK_TIMEOUT_MS * 6 });
}

/** For tests and the reindex script: forget the client and the applied settings (e.g. after changing env). */
export function resetMeiliClient() {
	client = undefined;
	settingsApplied = undefined;
}
