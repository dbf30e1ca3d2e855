/**
 * Capacity prognosis use cases. Reads assemble the inputs of the pure dashboard computation (domain/capacity); every
 * write runs in one transaction with one audit entry, checks that the region is the beheerder's (or one of its
 * sub-regions), and uses optimistic locking where a record is edited.
 */
import type { Role } from '../../domain/access/roles';
import { isUuid } from '../../domain/admin/common';
import {
	CBS_DEATHS_YEARS,
	DEATHS_GROWTH_RATE,
	DEFAULT_BASE_YEAR,
	DEFAULT_SETTING_SHARES
} from '../../domain/capacity/defaults';
import { type CapacityInputs, capacityRows } from '../../domain/capacity/dashboard';
import { parseExternalPrognosisCsv } from '../../domain/capacity/csv';
import { type PlannedCapacity, countRegisteredBeds } from '../../domain/capacity/gap';
import { type RealisedOccupancy, realisedOccupancyOfUnits } from '../../domain/capacity/occupancy';
import {
	type ExternalPrognosis,
	type PrognosisParameters,
	type YearOverride,
	defaultPrognosisParameters
} from '../../domain/capacity/prognosis';
import { ageWeightedGrowthRate, regionalDeaths, share75Plus } from '../../domain/capacity/region';
import type { Scenario } from '../../domain/capacity/scenario';
import {
	COUNTED_BED_SETTINGS,
	type PrognosisSetting,
	isPrognosisSetting,
	PROGNOSIS_SETTINGS,
	prognosisSettingOf
} from '../../domain/capacity/settings';
import type { ZorgSetting } from '../../domain/organisation/taxonomy';
import { audit } from '../audit';
import type { Database, Executor } from '../db/client';
import * as repo from '../repositories/capacity';
import { getRegion, listRegions, regionWithChildren } from '../repositories/regions';

export interface CapacityActor {
	id: string;
	role: Role;
	regionId: string | null;
}

export type CapacityErrorKind = 'verboden' | 'niet_gevonden' | 'conflict';

/** A refused write or read, with a Dutch message for the page. */
export class CapacityError extends Error {
	constructor(
		readonly kind: CapacityErrorKind,
		message: string
	) {
		super(message);
	}
}

export const CONFLICT_MESSAGE =
	'Iemand anders heeft dit intussen gewijzigd. De pagina toont nu de nieuwste versie; voer uw wijziging zo nodig opnieuw in.';

export interface RegionRef {
	id: string;
	slug: string;
	naam: string;
	parentId: string | null;
}

/** The current year in the Netherlands: the first year of every table. */
export function currentYear(now: Date): number {
	return Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(now));
}

// Regions

export async function findRegion(db: Executor, slug: string): Promise<RegionRef | null> {
	const region = await getRegion(db, slug);
	return region ? { id: region.id, slug: region.slug, naam: region.naam, parentId: region.parentId } : null;
}

/** All regions for the public region choice, networks with their sub-regions. */
export async function regionsForSelect(db: Executor): Promise<RegionRef[]> {
	const rows = await listRegions(db);
	return rows.map((r) => ({ id: r.id, slug: r.slug, naam: r.naam, parentId: r.parentId }));
}

/** The beheerder's network and its sub-regions, network first. */
export async function regionsOfActor(db: Executor, actor: CapacityActor): Promise<RegionRef[]> {
	if (actor.role !== 'beheerder' || !actor.regionId) return [];
	const ids = await regionWithChildren(db, actor.regionId);
	const all = await regionsForSelect(db);
	return all
		.filter((r) => ids.includes(r.id))
		.sort((a, b) => Number(a.id !== actor.regionId) - Number(b.id !== actor.regionId));
}

async function regionInScope(db: Executor, actor: CapacityActor, slug: string): Promise<RegionRef> {
	const scope = await regionsOfActor(db, actor);
	const region = scope.find((r) => r.slug === slug);
	if (!region) throw new CapacityError('verboden', 'Deze regio valt buiten uw netwerk.');
	return region;
}

function requireSetting(setting: string): PrognosisSetting {
	if (!isPrognosisSetting(setting)) {
		throw new CapacityError(
			'niet_gevonden',
			'Voor deze zorgsetting is er geen prognose. Bijna-thuis-huizen tellen mee onder hospicezorg.'
		);
	}
	return setting;
}

// Base numbers from CBS

export interface RegionBase {
	/** Share-weighted deaths per CBS year, and gemeenten without a figure. */
	overledenen: Record<number, number>;
	ontbrekend: Record<number, string[]>;
	gemeenten: number;
	aandeel75Plus: number | null;
	aandeel75PlusNederland: number | null;
	/** The national assumed growth weighted toward the region's share of people aged 75+. */
	groeiGewogen: number;
}

export async function regionBase(db: Executor, regionId: string): Promise<RegionBase> {
	const [members, national] = await Promise.all([
		repo.regionGemeentenWithCbs(db, regionId),
		repo.nationalAgeStructure(db)
	]);
	const overledenen: Record<number, number> = {};
	const ontbrekend: Record<number, string[]> = {};
	for (const jaar of CBS_DEATHS_YEARS) {
		const column = `overledenen${jaar}` as const;
		const result = regionalDeaths(
			members.map((m) => ({ gemeenteCode: m.gemeenteCode, aandeel: m.aandeel, overledenen: m[column] }))
		);
		overledenen[jaar] = result.overledenen;
		ontbrekend[jaar] = result.ontbrekend;
	}
	const aandeel75Plus = share75Plus(
		members.map((m) => ({ aandeel: m.aandeel, inwoners: m.inwoners, aandeel75Plus: m.aandeel75plus }))
	);
	const aandeel75PlusNederland = share75Plus(
		national.map((g) => ({ aandeel: 1, inwoners: g.inwoners, aandeel75Plus: g.aandeel75plus }))
	);
	return {
		overledenen,
		ontbrekend,
		gemeenten: members.length,
		aandeel75Plus,
		aandeel75PlusNederland,
		groeiGewogen: ageWeightedGrowthRate(DEATHS_GROWTH_RATE, aandeel75Plus, aandeel75PlusNederland)
	};
}

/** The documented defaults for a region; null for a setting without a published share (it must be entered). */
export function defaultParametersFor(
	region: RegionRef,
	setting: PrognosisSetting,
	base: RegionBase
): PrognosisParameters | null {
	if (!DEFAULT_SETTING_SHARES[setting]) return null;
	return defaultPrognosisParameters({
		regio: region.slug,
		setting,
		basisJaar: DEFAULT_BASE_YEAR,
		basisOverledenen: base.overledenen[DEFAULT_BASE_YEAR] ?? 0,
		groeiPerJaar: base.groeiGewogen
	});
}

function parametersFromRow(region: RegionRef, row: repo.PrognosisParametersRow): PrognosisParameters {
	const perJaar: Record<number, YearOverride> = {};
	for (const [jaar, override] of Object.entries(row.perJaar ?? {})) perJaar[Number(jaar)] = override;
	return {
		regio: region.slug,
		setting: row.setting as ZorgSetting,
		basisJaar: row.basisJaar,
		basisOverledenen: row.basisOverledenen,
		groeiPerJaar: row.groeiPerJaar,
		aandeelVerwacht: row.aandeelVerwacht,
		aandeelLaag: row.aandeelLaag,
		aandeelHoog: row.aandeelHoog,
		ligduurDagen: row.ligduurDagen,
		bezettingsnorm: row.bezettingsnorm,
		perJaar,
		bronnen: row.bronnen ?? {}
	};
}

// The dashboard's inputs

export interface PlannedEntry extends PlannedCapacity {
	id: string;
	regionId: string;
	/** The setting as entered (the prognosis setting is in `setting`). */
	zorgsetting: string;
	locationId: string | null;
	locatieNaam: string | null;
	version: number;
	/** Registered beds at the linked location in the counted settings: an 'open' entry would count them twice. */
	geregistreerdOpLocatie: number;
}

export interface ExternalEntry extends ExternalPrognosis {
	id: string;
	updatedAt: Date;
}

export interface CapacityData {
	region: RegionRef;
	setting: PrognosisSetting;
	geteldeSettings: readonly ZorgSetting[];
	vanafJaar: number;
	/** Null when the setting has no share yet (only hospice has a default). */
	inputs: CapacityInputs | null;
	/** The stored parameters row; null while the defaults apply. */
	opgeslagen: { version: number; updatedAt: Date } | null;
	/** What the parameter form starts from when nothing is stored (also for settings without a default share). */
	standaard: PrognosisParameters | null;
	base: RegionBase;
	eenheden: { aantal: number; bedden: number };
	extern: ExternalEntry[];
	gepland: PlannedEntry[];
	bezetting: RealisedOccupancy | null;
	bezettingPeriode: { van: Date; tot: Date } | null;
}

/** The reports in force at the start of the year are found by looking back this far. */
const OCCUPANCY_LOOKBACK_MS = 365 * 86_400_000;

async function occupancyThisYear(db: Executor, unitIds: string[], jaar: number, now: Date) {
	const van = new Date(Date.UTC(jaar, 0, 1));
	if (now.getTime() <= van.getTime() || unitIds.length === 0) return { bezetting: null, periode: null };
	const events = await repo.availabilityEventsOfUnits(
		db,
		unitIds,
		new Date(van.getTime() - OCCUPANCY_LOOKBACK_MS),
		now
	);
	const perUnit = new Map<string, { at: Date; aantalBedden: number; vrijeBedden: number }[]>();
	for (const id of unitIds) perUnit.set(id, []);
	for (const e of events) perUnit.get(e.bedUnitId)?.push(e);
	const periode = { van, tot: now };
	return { bezetting: realisedOccupancyOfUnits([...perUnit.values()], periode), periode };
}

/** Everything the dashboard of one region and setting needs; the rows follow from `inputs` with `capacityRows`. */
export async function loadCapacityData(
	db: Executor,
	region: RegionRef,
	settingCode: string,
	now: Date
): Promise<CapacityData> {
	const setting = requireSetting(settingCode);
	const vanafJaar = currentYear(now);
	const geteldeSettings = COUNTED_BED_SETTINGS[setting];
	const regionIds = await regionWithChildren(db, region.id);
	const [base, stored, units, externRows, plannedRows] = await Promise.all([
		regionBase(db, region.id),
		repo.getParameters(db, region.id, setting),
		repo.bedUnitsInRegion(db, region.id, geteldeSettings),
		repo.listExternalPrognoses(db, region.id, setting),
		repo.listPlannedCapacity(db, regionIds)
	]);

	const standaard = defaultParametersFor(region, setting, base);
	const parameters = stored ? parametersFromRow(region, stored) : standaard;

	const extern: ExternalEntry[] = externRows.map((e) => ({
		id: e.id,
		regio: region.slug,
		jaar: e.jaar,
		setting,
		laag: e.laag,
		hoog: e.hoog,
		...(e.bron ? { bron: e.bron } : {}),
		updatedAt: e.updatedAt
	}));

	const relevant = plannedRows.filter((p) => prognosisSettingOf(p.setting) === setting);
	const bedsAtLocations = await repo.registeredBedsAtLocations(
		db,
		relevant.flatMap((p) => (p.locationId ? [p.locationId] : [])),
		geteldeSettings
	);
	const gepland: PlannedEntry[] = relevant.map((p) => ({
		id: p.id,
		regionId: p.regionId,
		naam: p.naam,
		// Counted in the viewed region (sub-regions' plans are part of the network's), under the prognosis setting.
		regio: region.slug,
		setting,
		zorgsetting: p.setting,
		bedden: p.bedden,
		verwachteOpening: p.verwachteOpening,
		status: p.status,
		locationId: p.locationId,
		locatieNaam: p.locatieNaam,
		version: p.version,
		geregistreerdOpLocatie: p.locationId ? (bedsAtLocations.get(p.locationId) ?? 0) : 0
	}));

	const geregistreerd = countRegisteredBeds(units, geteldeSettings);
	const occupancy = await occupancyThisYear(
		db,
		units.map((u) => u.id),
		vanafJaar,
		now
	);

	const inputs: CapacityInputs | null = parameters
		? {
				parameters,
				extern: extern.map(({ id: _id, updatedAt: _u, ...e }) => e),
				gepland: gepland.map((p) => ({
					naam: p.naam,
					regio: p.regio,
					setting: p.setting,
					bedden: p.bedden,
					verwachteOpening: p.verwachteOpening,
					status: p.status
				})),
				geregistreerd,
				vanafJaar,
				bezettingDitJaar: occupancy.bezetting?.bezettingsgraad ?? null
			}
		: null;

	return {
		region,
		setting,
		geteldeSettings,
		vanafJaar,
		inputs,
		opgeslagen: stored ? { version: stored.version, updatedAt: stored.updatedAt } : null,
		standaard,
		base,
		eenheden: { aantal: units.length, bedden: geregistreerd },
		extern,
		gepland,
		bezetting: occupancy.bezetting,
		bezettingPeriode: occupancy.periode
	};
}

/** The public summary: per setting that has a prognosis, the aggregated rows only (no names of planned locations). */
export async function publicCapacitySummary(db: Executor, region: RegionRef, now: Date) {
	const settings = [];
	for (const setting of PROGNOSIS_SETTINGS) {
		const data = await loadCapacityData(db, region, setting, now);
		if (!data.inputs) continue;
		settings.push({
			setting,
			geteldeSettings: data.geteldeSettings,
			parameters: data.inputs.parameters,
			rows: capacityRows(data.inputs)
		});
	}
	return { region, vanafJaar: currentYear(now), settings };
}

// Writes

export async function saveParameters(
	db: Database,
	actor: CapacityActor,
	parameters: PrognosisParameters,
	expectedVersion: number
) {
	const region = await regionInScope(db, actor, parameters.regio);
	const setting = requireSetting(parameters.setting);
	const values: repo.ParameterValues = {
		basisJaar: parameters.basisJaar,
		basisOverledenen: parameters.basisOverledenen,
		groeiPerJaar: parameters.groeiPerJaar,
		aandeelVerwacht: parameters.aandeelVerwacht,
		aandeelLaag: parameters.aandeelLaag,
		aandeelHoog: parameters.aandeelHoog,
		ligduurDagen: parameters.ligduurDagen,
		bezettingsnorm: parameters.bezettingsnorm,
		perJaar: Object.fromEntries(Object.entries(parameters.perJaar ?? {}).map(([k, v]) => [String(k), v])),
		bronnen: parameters.bronnen
	};
	return db.transaction(async (tx) => {
		const row =
			expectedVersion === 0
				? await repo.insertParameters(tx, region.id, setting, values, actor.id)
				: await repo.updateParameters(tx, region.id, setting, expectedVersion, values, actor.id);
		if (!row) throw new CapacityError('conflict', CONFLICT_MESSAGE);
		await audit(tx, actor, {
			action: 'prognose_parameters_opgeslagen',
			entityType: 'prognosis_parameters',
			entityId: row.id,
			regionId: region.id,
			details: {
				setting,
				version: row.version,
				jarenIngevoerd: Object.keys(values.perJaar),
				aannames: Object.entries(values.bronnen)
					.filter(([, b]) => b?.aanname)
					.map(([k]) => k)
			}
		});
		return row;
	});
}

function externalScopeCheck(scope: RegionRef[]) {
	return (row: ExternalPrognosis): string[] => {
		const errors: string[] = [];
		if (!scope.some((r) => r.slug === row.regio))
			errors.push(`Regio ${row.regio} valt buiten uw netwerk of bestaat niet.`);
		if (!isPrognosisSetting(row.setting))
			errors.push(
				`Voor ${row.setting} is er geen aparte prognose: bijna-thuis-huizen tellen mee onder hospice.`
			);
		return errors;
	};
}

function externalValues(scope: RegionRef[], row: ExternalPrognosis): repo.ExternalValues {
	return {
		regionId: scope.find((r) => r.slug === row.regio)!.id,
		setting: row.setting,
		jaar: row.jaar,
		laag: row.laag,
		hoog: row.hoog,
		bron: row.bron ?? null
	};
}

/** Enters (or replaces, for the same region, setting and year) one external band. */
export async function addExternalPrognosis(db: Database, actor: CapacityActor, row: ExternalPrognosis) {
	const scope = await regionsOfActor(db, actor);
	const problems = externalScopeCheck(scope)(row);
	if (problems.length > 0) throw new CapacityError('verboden', problems.join(' '));
	const values = externalValues(scope, row);
	return db.transaction(async (tx) => {
		const result = await repo.upsertExternalPrognoses(tx, [values], actor.id);
		await audit(tx, actor, {
			action: 'externe_prognose_ingevoerd',
			entityType: 'external_prognosis',
			regionId: values.regionId,
			details: { setting: row.setting, jaar: row.jaar, laag: row.laag, hoog: row.hoog, ...result }
		});
		return result;
	});
}

export type ImportResult =
	{ ok: true; inserted: number; replaced: number; rows: number } | { ok: false; errors: string[] };

/** CSV import: every row is validated first; nothing is written unless all rows are valid. */
export async function importExternalPrognoses(
	db: Database,
	actor: CapacityActor,
	csv: string
): Promise<ImportResult> {
	const scope = await regionsOfActor(db, actor);
	if (scope.length === 0)
		throw new CapacityError('verboden', 'Uw account is niet aan een netwerk gekoppeld.');
	const parsed = parseExternalPrognosisCsv(csv, { checkRow: externalScopeCheck(scope) });
	if (!parsed.ok) return parsed;
	const values = parsed.rows.map((row) => externalValues(scope, row));
	return db.transaction(async (tx) => {
		const result = await repo.upsertExternalPrognoses(tx, values, actor.id);
		await audit(tx, actor, {
			action: 'externe_prognoses_geimporteerd',
			entityType: 'external_prognosis',
			regionId: actor.regionId,
			details: {
				regels: values.length,
				...result,
				regios: [...new Set(parsed.rows.map((r) => r.regio))],
				jaren: [...new Set(parsed.rows.map((r) => r.jaar))].sort()
			}
		});
		return { ok: true as const, rows: values.length, ...result };
	});
}

export async function removeExternalPrognosis(db: Database, actor: CapacityActor, id: string) {
	// An id from a form that is no uuid matches no row (and would make the query itself fail).
	if (!isUuid(id))
		throw new CapacityError('niet_gevonden', 'Deze prognose bestaat niet (meer) of valt buiten uw netwerk.');
	const scope = await regionsOfActor(db, actor);
	return db.transaction(async (tx) => {
		const row = await repo.deleteExternalPrognosis(
			tx,
			id,
			scope.map((r) => r.id)
		);
		if (!row)
			throw new CapacityError(
				'niet_gevonden',
				'Deze prognose bestaat niet (meer) of valt buiten uw netwerk.'
			);
		await audit(tx, actor, {
			action: 'externe_prognose_verwijderd',
			entityType: 'external_prognosis',
			entityId: row.id,
			regionId: row.regionId,
			details: { setting: row.setting, jaar: row.jaar, laag: row.laag, hoog: row.hoog }
		});
		return row;
	});
}

export interface PlannedInput {
	naam: string;
	regio: string;
	setting: string;
	bedden: number;
	verwachteOpening: string;
	status: PlannedCapacity['status'];
	locationId?: string;
}

async function plannedValues(
	db: Executor,
	actor: CapacityActor,
	input: PlannedInput
): Promise<repo.PlannedValues> {
	const region = await regionInScope(db, actor, input.regio);
	if (input.locationId) {
		const known = await repo.locationsInRegion(db, region.id);
		if (!known.some((l) => l.id === input.locationId))
			throw new CapacityError('verboden', 'Deze locatie ligt niet in de gekozen regio.');
	}
	return {
		regionId: region.id,
		naam: input.naam,
		setting: input.setting,
		bedden: input.bedden,
		verwachteOpening: input.verwachteOpening,
		status: input.status,
		locationId: input.locationId ?? null
	};
}

export async function addPlannedCapacity(db: Database, actor: CapacityActor, input: PlannedInput) {
	const values = await plannedValues(db, actor, input);
	return db.transaction(async (tx) => {
		const row = await repo.insertPlannedCapacity(tx, values, actor.id);
		await audit(tx, actor, {
			action: 'geplande_capaciteit_toegevoegd',
			entityType: 'planned_capacity',
			entityId: row.id,
			regionId: row.regionId,
			details: {
				setting: row.setting,
				bedden: row.bedden,
				verwachteOpening: row.verwachteOpening,
				status: row.status
			}
		});
		return row;
	});
}

async function plannedInScope(db: Executor, actor: CapacityActor, id: string) {
	const scope = await regionsOfActor(db, actor);
	const row = isUuid(id) ? await repo.getPlannedCapacity(db, id) : null;
	if (!row || !scope.some((r) => r.id === row.regionId))
		throw new CapacityError(
			'niet_gevonden',
			'Deze geplande locatie bestaat niet (meer) of valt buiten uw netwerk.'
		);
	return row;
}

/** A version from a form that is no row version (NaN, a fraction, beyond int4) cannot match: a conflict, not a query error. */
function checkVersion(version: number) {
	if (!Number.isInteger(version) || version < 1 || version > 2_147_483_647)
		throw new CapacityError('conflict', CONFLICT_MESSAGE);
}

export async function editPlannedCapacity(
	db: Database,
	actor: CapacityActor,
	id: string,
	version: number,
	input: PlannedInput
) {
	await plannedInScope(db, actor, id);
	checkVersion(version);
	const values = await plannedValues(db, actor, input);
	return db.transaction(async (tx) => {
		const row = await repo.updatePlannedCapacity(tx, id, version, values);
		if (!row) throw new CapacityError('conflict', CONFLICT_MESSAGE);
		await audit(tx, actor, {
			action: 'geplande_capaciteit_gewijzigd',
			entityType: 'planned_capacity',
			entityId: row.id,
			regionId: row.regionId,
			details: {
				version: row.version,
				setting: row.setting,
				bedden: row.bedden,
				verwachteOpening: row.verwachteOpening,
				status: row.status
			}
		});
		return row;
	});
}

export async function removePlannedCapacity(db: Database, actor: CapacityActor, id: string, version: number) {
	await plannedInScope(db, actor, id);
	checkVersion(version);
	return db.transaction(async (tx) => {
		const row = await repo.deletePlannedCapacity(tx, id, version);
		if (!row) throw new CapacityError('conflict', CONFLICT_MESSAGE);
		await audit(tx, actor, {
			action: 'geplande_capaciteit_verwijderd',
			entityType: 'planned_capacity',
			entityId: row.id,
			regionId: row.regionId,
			details: { naam: row.naam, bedden: row.bedden, verwachteOpening: row.verwachteOpening }
		});
		return row;
	});
}

export async function listSavedScenarios(db: Executor, region: RegionRef, setting: PrognosisSetting) {
	return repo.listScenarios(db, region.id, setting);
}

export async function saveScenario(
	db: Database,
	actor: CapacityActor,
	regionSlug: string,
	settingCode: string,
	naam: string,
	scenario: Scenario
) {
	const region = await regionInScope(db, actor, regionSlug);
	const setting = requireSetting(settingCode);
	const { naam: _naam, ...parameters } = scenario;
	return db.transaction(async (tx) => {
		const row = await repo.insertScenario(tx, { regionId: region.id, setting, naam, parameters }, actor.id);
		if (!row) return null;
		await audit(tx, actor, {
			action: 'scenario_opgeslagen',
			entityType: 'capacity_scenario',
			entityId: row.id,
			regionId: region.id,
			details: { setting, naam, ...parameters }
		});
		return row;
	});
}

export async function removeScenario(db: Database, actor: CapacityActor, id: string) {
	if (!isUuid(id))
		throw new CapacityError('niet_gevonden', 'Dit scenario bestaat niet (meer) of valt buiten uw netwerk.');
	const scope = await regionsOfActor(db, actor);
	return db.transaction(async (tx) => {
		const row = await repo.deleteScenario(
			tx,
			id,
			scope.map((r) => r.id)
		);
		if (!row)
			throw new CapacityError('niet_gevonden', 'Dit scenario bestaat niet (meer) of valt buiten uw netwerk.');
		await audit(tx, actor, {
			action: 'scenario_verwijderd',
			entityType: 'capacity_scenario',
			entityId: row.id,
			regionId: row.regionId,
			details: { naam: row.naam, setting: row.setting }
		});
		return row;
	});
}
