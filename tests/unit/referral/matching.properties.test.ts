import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceKm } from '$lib/domain/geo/distance';
import {
	countExclusionsByCriterium,
	hardCriteria,
	matchBedUnits,
	type BedUnitCandidate,
	type MatchRequest
} from '$lib/domain/referral/matching';
import { prognoses } from '$lib/domain/referral/options';
import {
	doelgroepen,
	expertiseGebieden,
	opnameVoorwaarden,
	zorgSettings,
	type Doelgroep,
	type OpnameVoorwaarde,
	type ZorgSetting
} from '$lib/domain/organisation/taxonomy';
import { NOW } from './fixtures';

const doelgroepCodes = doelgroepen.map((t) => t.code) as Doelgroep[];
const voorwaardeCodes = opnameVoorwaarden.map((t) => t.code) as OpnameVoorwaarde[];
const settingCodes = zorgSettings.map((t) => t.code) as ZorgSetting[];
const expertiseCodes = expertiseGebieden.map((t) => t.code) as string[];

// Around Amsterdam (0–60 km apart), so with maximum distances of 5–80 km units land on both sides of the limit.
const point = fc.record({
	lat: fc.double({ min: 52.1, max: 52.6, noNaN: true }),
	lon: fc.double({ min: 4.5, max: 5.3, noNaN: true })
});

const HOUR = 3_600_000;
// Ages around the 24-hour staleness limit are the interesting ones; a few in the future (clock skew).
const updatedAt = fc.oneof(
	fc.constant(null),
	fc.constantFrom(23.99, 24, 24.01).map((h) => new Date(NOW.getTime() - h * HOUR)),
	fc.double({ min: -1, max: 72, noNaN: true }).map((h) => new Date(NOW.getTime() - h * HOUR))
);

/** Mostly-complete profiles (everything but a few codes), so that units pass often and fail on single conditions. */
function profile<T extends string>(codes: T[]): fc.Arbitrary<T[]> {
	return fc.oneof(
		fc.subarray(codes, { maxLength: 2 }).map((missing) => codes.filter((c) => !missing.includes(c))),
		fc.subarray(codes)
	);
}

const matchRequest: fc.Arbitrary<MatchRequest> = fc.record({
	doelgroepen: fc.subarray(doelgroepCodes, { maxLength: 2 }),
	zorgbehoeften: fc.subarray(voorwaardeCodes, { maxLength: 2 }),
	settings: fc.subarray(settingCodes, { minLength: 1 }),
	prognose: fc.constantFrom(...prognoses),
	maxAfstandKm: fc.oneof(fc.integer({ min: 5, max: 80 }), fc.integer({ min: 5, max: 300 })),
	verblijf: fc.option(point, { freq: 8 }),
	naasten: fc.option(point),
	now: fc.constant(NOW)
});

/** The required codes plus random others: passes this condition. */
function fits<T extends string>(required: readonly T[], codes: T[]): fc.Arbitrary<T[]> {
	return fc.subarray(codes).map((extra) => [...new Set([...required, ...extra])]);
}

/**
 * Units for one request: most fit each condition on their own (so that many are candidates), some are random (so that
 * they fail on one or more conditions), some lie within 2 km of the distance limit, and some offer a GGZ consult day and
 * night where office hours were asked.
 */
function unitsFor(r: MatchRequest): fc.Arbitrary<BedUnitCandidate[]> {
	const nearLimit = r.verblijf
		? [
				fc.double({ min: -2, max: 2, noNaN: true }).map((d) => ({
					lat: r.verblijf!.lat + (r.maxAfstandKm + d) / 111.2,
					lon: r.verblijf!.lon
				}))
			]
		: [];
	const ggzSwapped = r.zorgbehoeften.map((z) =>
		z === 'ggz_consult_kantooruren' ? ('ggz_consult_dag_nacht' as const) : z
	);
	const unitProfile = fc.record({
		location: fc.oneof(point, fc.constant(null), ...nearLimit, ...nearLimit),
		setting: fc.oneof(
			fc.constantFrom(...r.settings),
			fc.constantFrom(...r.settings),
			fc.constantFrom(...settingCodes)
		),
		aantalBedden: fc.integer({ min: 1, max: 8 }),
		vrijeBedden: fc.integer({ min: 0, max: 3 }),
		doelgroepen: fc.oneof(fits(r.doelgroepen, doelgroepCodes), profile(doelgroepCodes)),
		voorwaarden: fc.oneof(
			fits(r.zorgbehoeften, voorwaardeCodes),
			fits(ggzSwapped, voorwaardeCodes),
			profile(voorwaardeCodes)
		),
		expertise: profile(expertiseCodes),
		beschikbaarheidBijgewerktOp: updatedAt
	});
	return fc.array(unitProfile, { maxLength: 40, size: 'medium' }).map((profiles) =>
		profiles.map(({ location, ...p }, i): BedUnitCandidate => ({
			...p,
			vrijeBedden: Math.min(p.vrijeBedden, p.aantalBedden),
			// Unique ids: the last tie-break of the ordering.
			id: `unit-${String(i).padStart(3, '0')}`,
			naam: `Unit ${i}`,
			organisationId: `org-${i % 7}`,
			organisationNaam: `Organisatie ${i % 7}`,
			organisationSlug: `organisatie-${i % 7}`,
			locationNaam: 'Locatie',
			plaats: 'Ergens',
			gemeenteCode: null,
			lat: location?.lat ?? null,
			lon: location?.lon ?? null
		}))
	);
}

/** A request with units made for it. */
const scenario = matchRequest.chain((r) => fc.tuple(fc.constant(r), unitsFor(r)));

/** Independent statement of the hard conditions (see the header of matching.ts). */
function meetsHardConditions(r: MatchRequest, u: BedUnitCandidate): boolean {
	if (!r.settings.includes(u.setting as ZorgSetting)) return false;
	const stale =
		u.beschikbaarheidBijgewerktOp === null ||
		NOW.getTime() - u.beschikbaarheidBijgewerktOp.getTime() > 24 * HOUR;
	if (!stale && u.vrijeBedden <= 0) return false;
	if (!r.doelgroepen.every((d) => d === 'algemeen' || u.doelgroepen.includes(d))) return false;
	const offered = (z: string) =>
		u.voorwaarden.includes(z) ||
		(z === 'ggz_consult_kantooruren' && u.voorwaarden.includes('ggz_consult_dag_nacht'));
	if (!r.zorgbehoeften.every(offered)) return false;
	if (r.verblijf && u.lat !== null && u.lon !== null) {
		if (distanceKm(r.verblijf, { lat: u.lat, lon: u.lon }) > r.maxAfstandKm) return false;
	}
	if (
		(u.setting === 'hospice' || u.setting === 'bijna_thuis_huis') &&
		!['korter_dan_3_maanden', 'onbekend'].includes(r.prognose)
	) {
		return false;
	}
	return true;
}

const candidateIds = (r: MatchRequest, us: BedUnitCandidate[]) =>
	new Set(matchBedUnits(r, us).kandidaten.map((m) => m.unit.id));

function isSubset(a: Set<string>, b: Set<string>): boolean {
	return [...a].every((id) => b.has(id));
}

describe('matching properties', () => {
	it('generates a useful mix of candidates and exclusions on every condition (guards the generators)', () => {
		let kandidaten = 0;
		const excluded = { setting: 0, vrij_bed: 0, prognose: 0, doelgroep: 0, zorgbehoefte: 0, afstand: 0 };
		fc.assert(
			fc.property(scenario, ([r, us]) => {
				const result = matchBedUnits(r, us);
				kandidaten += result.kandidaten.length;
				const counts = countExclusionsByCriterium(result.uitgesloten);
				for (const c of hardCriteria) excluded[c] += counts[c];
			}),
			{ seed: 42 }
		);
		expect(kandidaten).toBeGreaterThan(400);
		for (const c of hardCriteria) expect(excluded[c], c).toBeGreaterThan(100);
	});

	it('splits the units exactly by the hard conditions, with a failed reason for every exclusion', () => {
		fc.assert(
			fc.property(scenario, ([r, us]) => {
				const { kandidaten, uitgesloten } = matchBedUnits(r, us);
				expect(kandidaten.length + uitgesloten.length).toBe(us.length);
				for (const m of kandidaten) {
					expect(meetsHardConditions(r, m.unit)).toBe(true);
					expect(m.redenen.filter((x) => x.hard).every((x) => x.voldaan)).toBe(true);
					expect(Number.isInteger(m.score) && m.score >= 0 && m.score <= 100).toBe(true);
				}
				for (const e of uitgesloten) {
					expect(meetsHardConditions(r, e.unit)).toBe(false);
					expect(e.redenen.length).toBeGreaterThan(0);
					expect(e.redenen.every((x) => x.hard && !x.voldaan && x.tekst.length > 0)).toBe(true);
				}
			})
		);
	});

	it('never loses a candidate when a unit gets a free bed (reported now or not)', () => {
		fc.assert(
			fc.property(scenario, fc.nat(), fc.boolean(), ([r, us], pick, reportedNow) => {
				fc.pre(us.length > 0);
				const i = pick % us.length;
				const more = us.map((u, j) =>
					j === i
						? {
								...u,
								vrijeBedden: u.vrijeBedden + 1,
								aantalBedden: Math.max(u.aantalBedden, u.vrijeBedden + 1),
								beschikbaarheidBijgewerktOp: reportedNow ? NOW : u.beschikbaarheidBijgewerktOp
							}
						: u
				);
				expect(isSubset(candidateIds(r, us), candidateIds(r, more))).toBe(true);
			})
		);
	});

	it('never gains a candidate when a condition is tightened', () => {
		const tightening = fc.oneof(
			fc.constantFrom(...voorwaardeCodes).map((z) => (r: MatchRequest) => ({
				...r,
				zorgbehoeften: [...r.zorgbehoeften, z]
			})),
			fc.constantFrom(...doelgroepCodes).map((d) => (r: MatchRequest) => ({
				...r,
				doelgroepen: [...r.doelgroepen, d]
			})),
			fc.integer({ min: 0, max: 295 }).map((less) => (r: MatchRequest) => ({
				...r,
				maxAfstandKm: Math.max(5, r.maxAfstandKm - less)
			})),
			fc.nat().map((k) => (r: MatchRequest) => ({
				...r,
				settings:
					r.settings.length > 1 ? r.settings.filter((_, j) => j !== k % r.settings.length) : r.settings
			}))
		);
		fc.assert(
			fc.property(scenario, tightening, ([r, us], tighten) => {
				expect(isSubset(candidateIds(tighten(r), us), candidateIds(r, us))).toBe(true);
			})
		);
	});

	it('gives the same result for the same input, in any unit order', () => {
		fc.assert(
			fc.property(
				scenario.chain(([r, us]) =>
					fc.tuple(fc.constant(r), fc.constant(us), fc.shuffledSubarray(us, { minLength: us.length }))
				),
				([r, us, shuffled]) => {
					const first = matchBedUnits(r, us);
					expect(matchBedUnits(r, us)).toEqual(first);
					expect(matchBedUnits(r, shuffled)).toEqual(first);
				}
			)
		);
	});

	it('orders candidates by score, then distance, then id', () => {
		fc.assert(
			fc.property(scenario, ([r, us]) => {
				const { kandidaten } = matchBedUnits(r, us);
				for (let i = 1; i < kandidaten.length; i++) {
					const [a, b] = [kandidaten[i - 1], kandidaten[i]];
					expect(a.score).toBeGreaterThanOrEqual(b.score);
					if (a.score === b.score) {
						const da = a.afstandKm ?? Infinity;
						const db = b.afstandKm ?? Infinity;
						expect(da).toBeLessThanOrEqual(db);
						if (da === db) expect(a.unit.id < b.unit.id).toBe(true);
					}
				}
			})
		);
	});
});
