import type { BedUnitCandidate, MatchRequest } from '$lib/domain/referral/matching';

export const NOW = new Date('2025-03-10T12:00:00Z');

export function hoursAgo(hours: number): Date {
	return new Date(NOW.getTime() - hours * 3_600_000);
}

/** PC4 1012 (Amsterdam centrum). */
export const AMSTERDAM_1012 = { lat: 52.3746, lon: 4.896 };

/** A fresh hospice unit in Amsterdam with one free bed and no special profile; override what a test is about. */
export function unit(overrides: Partial<BedUnitCandidate> & { id: string }): BedUnitCandidate {
	return {
		naam: `Unit ${overrides.id}`,
		organisationId: `org-${overrides.id}`,
		organisationNaam: `Organisatie ${overrides.id}`,
		organisationSlug: `organisatie-${overrides.id}`,
		locationNaam: 'Hoofdlocatie',
		plaats: 'Amsterdam',
		gemeenteCode: 'GM0363',
		lat: AMSTERDAM_1012.lat,
		lon: AMSTERDAM_1012.lon,
		setting: 'hospice',
		aantalBedden: 6,
		vrijeBedden: 1,
		doelgroepen: [],
		voorwaarden: [],
		expertise: [],
		beschikbaarheidBijgewerktOp: hoursAgo(1),
		...overrides
	};
}

export function request(overrides: Partial<MatchRequest> = {}): MatchRequest {
	return {
		doelgroepen: [],
		zorgbehoeften: [],
		settings: ['hospice'],
		prognose: 'korter_dan_3_maanden',
		maxAfstandKm: 50,
		verblijf: AMSTERDAM_1012,
		naasten: null,
		now: NOW,
		...overrides
	};
}
