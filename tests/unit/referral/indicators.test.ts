import { describe, expect, it } from 'vitest';
import {
	computeIndicators,
	indicatorRows,
	quantile,
	spreiding,
	toCsv,
	type IndicatorReferral,
	type IndicatorRequest
} from '$lib/domain/referral/indicators';
import {
	amsterdamDate,
	amsterdamMidnight,
	defaultPeriode,
	indicatorenQuerySchema,
	versturenSchema,
	afwijzenSchema
} from '$lib/domain/referral/verzoek-schemas';

const T0 = new Date('2025-03-01T08:00:00Z');
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);

function referral(id: string, o: Partial<IndicatorReferral> = {}): IndicatorReferral {
	return {
		id,
		doelgroepen: [],
		createdAt: T0,
		status: 'open',
		aantalKandidaten: 3,
		uitsluitingen: [],
		...o
	};
}

function request(referralId: string, o: Partial<IndicatorRequest> = {}): IndicatorRequest {
	return {
		referralId,
		status: 'verzonden',
		afwijsreden: null,
		gemeenteCode: 'GM0363',
		afstandNaastenKm: null,
		beantwoordAt: null,
		...o
	};
}

describe('quantiles', () => {
	it('interpolates between order statistics like a spreadsheet', () => {
		expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
		expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
		expect(quantile([7], 0.75)).toBe(7);
		expect(spreiding([])).toBeNull();
		expect(spreiding([4, 1, 3, 2])).toEqual({ aantal: 4, mediaan: 2.5, p25: 1.8, p75: 3.3, min: 1, max: 4 });
	});
});

describe('computeIndicators', () => {
	const regio = new Set(['GM0363']);

	it('measures time to acceptance, placements within the region and distance to naasten from accepted requests', () => {
		const refs = [
			referral('a', { status: 'geplaatst' }),
			referral('b', { status: 'geplaatst' }),
			referral('c', { status: 'geplaatst' }),
			referral('d')
		];
		const reqs = [
			request('a', { status: 'geaccepteerd', beantwoordAt: hours(2), afstandNaastenKm: 3 }),
			request('a', { status: 'ingetrokken' }),
			request('b', {
				status: 'geaccepteerd',
				beantwoordAt: hours(10),
				gemeenteCode: 'GM0106',
				afstandNaastenKm: 40
			}),
			request('c', { status: 'geaccepteerd', beantwoordAt: hours(6), afstandNaastenKm: 12 }),
			// A request of a referral outside the selection is ignored.
			request('x', { status: 'geaccepteerd', beantwoordAt: hours(100) })
		];
		const i = computeIndicators(refs, reqs, regio);
		expect(i.aantalVerwijzingen).toBe(4);
		expect(i.aantalGeplaatst).toBe(3);
		expect(i.tijdTotAcceptatieUren).toEqual({ aantal: 3, mediaan: 6, p25: 4, p75: 8, min: 2, max: 10 });
		expect(i.plaatsingen).toEqual({ binnenRegio: 2, buitenRegio: 1, onbekend: 0 });
		expect(i.afstandNaasten.spreiding?.mediaan).toBe(12);
		expect(i.afstandNaasten.banden.map((b) => b.aantal)).toEqual([1, 1, 0, 1]);
	});

	it('counts declines by reason (all reasons listed) and by doelgroep, "geen bijzondere doelgroep" included', () => {
		const refs = [referral('a', { doelgroepen: ['verslaving', 'dak_thuisloos'] }), referral('b')];
		const reqs = [
			request('a', { status: 'afgewezen', afwijsreden: 'middelengebruik' }),
			request('a', { status: 'afgewezen', afwijsreden: 'middelengebruik' }),
			request('b', { status: 'afgewezen', afwijsreden: 'geen_bed_meer' })
		];
		const i = computeIndicators(refs, reqs, regio);
		expect(i.afwijzingenPerReden).toHaveLength(7);
		expect(i.afwijzingenPerReden.find((r) => r.code === 'middelengebruik')?.aantal).toBe(2);
		expect(i.afwijzingenPerReden.find((r) => r.code === 'psychiatrie')?.aantal).toBe(0);
		expect(i.afwijzingenPerDoelgroep).toEqual([
			{ code: 'dak_thuisloos', label: 'Dak- of thuisloos', aantal: 2 },
			{ code: 'verslaving', label: 'Verslaving / middelengebruik', aantal: 2 },
			{ code: 'algemeen', label: 'Geen bijzondere doelgroep', aantal: 1 }
		]);
		expect(i.tijdTotAcceptatieUren).toBeNull();
	});

	it('attributes referrals without any candidate to the conditions that alone excluded units', () => {
		const refs = [
			referral('a', {
				aantalKandidaten: 0,
				uitsluitingen: [
					{ criterium: 'zorgbehoefte', code: 'actief_middelengebruik', aantal: 5, aantalAlleenDoorDeze: 3 },
					{ criterium: 'afstand', code: null, aantal: 9, aantalAlleenDoorDeze: 0 }
				]
			}),
			referral('b', {
				aantalKandidaten: 0,
				uitsluitingen: [
					{ criterium: 'zorgbehoefte', code: 'actief_middelengebruik', aantal: 2, aantalAlleenDoorDeze: 1 },
					{ criterium: 'vrij_bed', code: null, aantal: 4, aantalAlleenDoorDeze: 4 }
				]
			}),
			// Has candidates: not counted, whatever excluded other units.
			referral('c', {
				uitsluitingen: [{ criterium: 'vrij_bed', code: null, aantal: 8, aantalAlleenDoorDeze: 8 }]
			})
		];
		const i = computeIndicators(refs, [], regio);
		expect(i.aantalZonderKandidaat).toBe(2);
		expect(i.zonderKandidaatPerKnelpunt).toEqual([
			{
				criterium: 'zorgbehoefte',
				code: 'actief_middelengebruik',
				label: 'Zorgbehoefte niet geboden: actief middelengebruik toegestaan',
				verwijzingen: 2,
				eenheden: 4
			},
			{ criterium: 'vrij_bed', code: null, label: 'Geen vrij bed', verwijzingen: 1, eenheden: 4 }
		]);
	});
});

describe('CSV export', () => {
	it('writes semicolon CSV with Dutch decimals, the same figures as the tables, and defuses formulas', () => {
		const i = computeIndicators(
			[referral('a', { status: 'geplaatst' })],
			[request('a', { status: 'geaccepteerd', beantwoordAt: hours(1.5) })],
			new Set(['GM0363'])
		);
		const rows = indicatorRows(i, { regio: 'Amsterdam', van: '2025-01-01', tot: '2025-12-31' });
		expect(rows[0]).toEqual(['indicator', 'onderdeel', 'waarde', 'eenheid', 'regio', 'van', 'tot en met']);
		expect(rows).toContainEqual([
			'Tijd tot acceptatie',
			'mediaan',
			'1,5',
			'uur',
			'Amsterdam',
			'2025-01-01',
			'2025-12-31'
		]);
		const csv = toCsv([
			['a;b', 'zei "ja"'],
			['=SUM(A1)', 'gewoon']
		]);
		expect(csv).toBe('"a;b";"zei ""ja"""\r\n\'=SUM(A1);gewoon\r\n');
	});
});

describe('input schemas around requests', () => {
	it('needs at least one unit to send to, and only uuids', () => {
		expect(versturenSchema.safeParse({}).success).toBe(false);
		expect(versturenSchema.safeParse({ bedUnitIds: 'x' }).success).toBe(false);
		const id = crypto.randomUUID();
		expect(versturenSchema.parse({ bedUnitIds: [id, id.toUpperCase()] })).toEqual({ bedUnitIds: [id] });
	});

	it('declines with a reason; "anders" needs a text; the text passes the privacy guard', () => {
		expect(afwijzenSchema.safeParse({ afwijsreden: 'zorgzwaarte' }).success).toBe(true);
		const anders = afwijzenSchema.safeParse({ afwijsreden: 'anders', toelichting: ' ' });
		expect(anders.error?.issues[0].path).toEqual(['toelichting']);
		const bsn = afwijzenSchema.safeParse({ afwijsreden: 'zorgzwaarte', toelichting: 'bsn 111222333' });
		expect(bsn.success).toBe(false);
		expect(afwijzenSchema.safeParse({ afwijsreden: 'onbekend' }).success).toBe(false);
	});

	it('reads the indicator period from the URL and refuses impossible dates', () => {
		expect(indicatorenQuerySchema.parse({ van: '2025-01-01', tot: '2025-03-31' })).toEqual({
			regio: undefined,
			van: '2025-01-01',
			tot: '2025-03-31'
		});
		expect(indicatorenQuerySchema.safeParse({ van: '2025-02-30' }).success).toBe(false);
		expect(indicatorenQuerySchema.safeParse({ van: '2025-05-01', tot: '2025-04-01' }).success).toBe(false);
		expect(indicatorenQuerySchema.safeParse({ van: '2015-01-01', tot: '2025-01-01' }).success).toBe(false);
		expect(defaultPeriode('2025-03-10')).toEqual({ van: '2024-03-11', tot: '2025-03-10' });
	});

	it('uses Dutch calendar days, in winter and summer time', () => {
		expect(amsterdamMidnight('2025-01-15').toISOString()).toBe('2025-01-14T23:00:00.000Z');
		expect(amsterdamMidnight('2025-07-15').toISOString()).toBe('2025-07-14T22:00:00.000Z');
		expect(amsterdamDate(new Date('2025-07-14T22:30:00Z'))).toBe('2025-07-15');
	});
});
