import { describe, expect, it } from 'vitest';
import { matchBedUnits, type BedUnitCandidate, type MatchRequest } from '$lib/domain/referral/matching';
import {
	doelgroepen,
	expertiseGebieden,
	opnameVoorwaarden,
	zorgSettings
} from '$lib/domain/organisation/taxonomy';
import { AMSTERDAM_1012, NOW } from './fixtures';

/** Small deterministic PRNG (mulberry32), so every run measures the same data. */
function prng(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function someOf(codes: readonly string[], chance: number, random: () => number): string[] {
	return codes.filter(() => random() < chance);
}

function nationalUnits(count: number): BedUnitCandidate[] {
	const random = prng(2025);
	const settings = zorgSettings.map((t) => t.code);
	return Array.from({ length: count }, (_, i) => ({
		id: `unit-${String(i).padStart(5, '0')}`,
		naam: `Unit ${i}`,
		organisationId: `org-${i % 900}`,
		organisationNaam: `Organisatie ${i % 900}`,
		organisationSlug: `organisatie-${i % 900}`,
		locationNaam: 'Locatie',
		plaats: 'Plaats',
		gemeenteCode: null,
		lat: 50.75 + random() * 2.75,
		lon: 3.4 + random() * 3.8,
		setting: settings[Math.floor(random() * settings.length)],
		aantalBedden: 6,
		vrijeBedden: Math.floor(random() * 3),
		doelgroepen: someOf(
			doelgroepen.map((t) => t.code),
			0.6,
			random
		),
		voorwaarden: someOf(
			opnameVoorwaarden.map((t) => t.code),
			0.6,
			random
		),
		expertise: someOf(
			expertiseGebieden.map((t) => t.code),
			0.5,
			random
		),
		beschikbaarheidBijgewerktOp: random() < 0.1 ? null : new Date(NOW.getTime() - random() * 72 * 3_600_000)
	}));
}

function medianMs(run: () => void, times: number): number {
	for (let i = 0; i < 5; i++) run(); // warm up the JIT
	const samples: number[] = [];
	for (let i = 0; i < times; i++) {
		const start = performance.now();
		run();
		samples.push(performance.now() - start);
	}
	samples.sort((a, b) => a - b);
	return samples[Math.floor(times / 2)];
}

describe('matching performance', () => {
	const units = nationalUnits(3000);

	it.each<[string, Partial<MatchRequest>]>([
		[
			'the acceptance referral, nationwide',
			{
				doelgroepen: ['dak_thuisloos', 'verslaving'],
				zorgbehoeften: ['actief_middelengebruik'],
				settings: ['hospice']
			}
		],
		// Worst case: (nearly) every unit is a candidate and gets every score reason.
		[
			'a broad referral where most units are candidates',
			{
				doelgroepen: ['algemeen', 'epa_psychiatrie'],
				settings: zorgSettings.map((t) => t.code),
				prognose: 'onbekend',
				naasten: { lat: 52.09, lon: 5.12 }
			}
		]
	])('matches 3,000 units well within 25 ms: %s', (_name, overrides) => {
		const request: MatchRequest = {
			doelgroepen: [],
			zorgbehoeften: [],
			settings: ['hospice'],
			prognose: 'korter_dan_3_maanden',
			maxAfstandKm: 300,
			verblijf: AMSTERDAM_1012,
			naasten: null,
			now: NOW,
			...overrides
		};
		const result = matchBedUnits(request, units);
		expect(result.kandidaten.length + result.uitgesloten.length).toBe(3000);
		expect(result.kandidaten.length).toBeGreaterThan(50);
		const ms = medianMs(() => matchBedUnits(request, units), 21);
		expect(ms).toBeLessThan(25);
	});
});
