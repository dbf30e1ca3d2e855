import { describe, expect, it } from 'vitest';
import { haversineKm } from '$lib/domain/geo/distance';
import {
	countExclusions,
	countExclusionsByCriterium,
	matchBedUnits,
	WEIGHT_ACTUALITEIT,
	WEIGHT_AFSTAND,
	type Match,
	type Reden
} from '$lib/domain/referral/matching';
import { verwijzingInputSchema } from '$lib/domain/referral/schemas';
import { AMSTERDAM_1012, hoursAgo, NOW, request, unit } from './fixtures';

const texts = (redenen: readonly Reden[]) => redenen.map((r) => r.tekst);
const ids = (matches: readonly Match[]) => matches.map((m) => m.unit.id);

describe('acceptance: homeless patient in Amsterdam with active alcohol use', () => {
	// The verwijzer fills in the form; the route resolves the PC4s to coordinates.
	const input = verwijzingInputSchema.parse({
		leeftijdscategorie: '50-64',
		pc4Verblijf: '1012',
		pc4Naasten: '1031',
		doelgroepen: ['dak_thuisloos', 'verslaving'],
		zorgbehoeften: ['actief_middelengebruik'],
		settings: ['hospice'],
		prognose: 'korter_dan_3_maanden',
		urgentie: 'binnen_3_dagen',
		wensen: 'rookt, wil graag een hond meenemen'
	});
	const naasten1031 = { lat: 52.3906, lon: 4.9164 }; // Amsterdam-Noord

	const units = [
		unit({
			id: 'open-deur',
			naam: 'Hospice De Open Deur',
			lat: 52.3602,
			lon: 4.9302,
			doelgroepen: ['dak_thuisloos', 'verslaving', 'epa_psychiatrie'],
			voorwaarden: ['actief_middelengebruik', 'roken', 'ggz_consult_dag_nacht'],
			expertise: ['middelengebruik', 'dakloosheid', 'pijnbeleid'],
			beschikbaarheidBijgewerktOp: hoursAgo(3)
		}),
		unit({
			id: 'zaanstreek',
			naam: 'Hospice Zaanstreek',
			plaats: 'Zaandam',
			lat: 52.4386,
			lon: 4.8264,
			doelgroepen: ['dak_thuisloos', 'verslaving'],
			voorwaarden: ['actief_middelengebruik', 'ggz_consult_kantooruren'],
			expertise: ['middelengebruik'],
			beschikbaarheidBijgewerktOp: hoursAgo(20)
		}),
		unit({
			id: 'stille-haven',
			naam: 'Hospice De Stille Haven',
			lat: 52.3503,
			lon: 4.8702,
			doelgroepen: ['dak_thuisloos', 'verslaving'],
			voorwaarden: ['roken', 'palliatieve_sedatie'],
			expertise: ['dakloosheid']
		}),
		unit({
			id: 'vvt-west',
			naam: 'Palliatieve unit Amsterdam-West',
			setting: 'palliatieve_unit_vvt',
			lat: 52.3702,
			lon: 4.8402,
			doelgroepen: ['dak_thuisloos', 'verslaving'],
			voorwaarden: ['actief_middelengebruik']
		}),
		unit({
			id: 'groningen',
			naam: 'Hospice Groningen',
			plaats: 'Groningen',
			lat: 53.2194,
			lon: 6.5665,
			doelgroepen: ['dak_thuisloos', 'verslaving'],
			voorwaarden: ['actief_middelengebruik']
		})
	];

	const result = matchBedUnits({ ...input, verblijf: AMSTERDAM_1012, naasten: naasten1031, now: NOW }, units);

	it('ranks the hospice that accepts active substance use and knows the group first, with reasons', () => {
		expect(ids(result.kandidaten)).toEqual(['open-deur', 'zaanstreek']);
		const [first] = result.kandidaten;
		expect(first.verouderd).toBe(false);
		expect(first.afstandKm).toBe(2.8);
		expect(texts(first.redenen)).toEqual([
			'Hospice (gevraagde soort plek)',
			'1 van de 6 bedden vrij',
			'prognose korter dan 3 maanden',
			'staat open voor dak- en thuisloze mensen',
			'staat open voor mensen met verslaving of middelengebruik',
			'accepteert actief middelengebruik',
			'2,8 km van de verblijfplaats',
			'3,5 km van naasten',
			'expertise in dakloosheid',
			'expertise in middelengebruik',
			'GGZ-consult dag en nacht',
			'beschikbaarheid 3 uur geleden bijgewerkt'
		]);
		expect(first.redenen.every((r) => r.voldaan)).toBe(true);
		expect(first.score).toBeGreaterThan(result.kandidaten[1].score);
	});

	it('explains what the runner-up lacks', () => {
		const second = result.kandidaten[1];
		expect(texts(second.redenen)).toContain('geen expertise in dakloosheid opgegeven');
		expect(texts(second.redenen)).toContain('GGZ-consult alleen in kantooruren');
		expect(texts(second.redenen)).toContain('beschikbaarheid 20 uur geleden bijgewerkt');
	});

	it('excludes the hospice without active substance use, and says why', () => {
		const stilleHaven = result.uitgesloten.find((e) => e.unit.id === 'stille-haven');
		expect(stilleHaven?.redenen).toEqual([
			{
				criterium: 'zorgbehoefte',
				code: 'actief_middelengebruik',
				voldaan: false,
				hard: true,
				tekst: 'accepteert geen actief middelengebruik'
			}
		]);
	});

	it('excludes a setting that was not asked for and a hospice too far away', () => {
		const byId = new Map(result.uitgesloten.map((e) => [e.unit.id, texts(e.redenen)]));
		expect(byId.get('vvt-west')).toEqual(['Palliatieve unit VVT: niet gevraagde soort plek']);
		const km = Math.round(haversineKm(AMSTERDAM_1012, { lat: 53.2194, lon: 6.5665 }));
		expect(byId.get('groningen')).toEqual([`${km} km, verder dan 50 km`]);
		expect(result.uitgesloten).toHaveLength(3);
	});
});

describe('hard conditions', () => {
	it('hides a fresh unit with no free bed', () => {
		const { kandidaten, uitgesloten } = matchBedUnits(request(), [unit({ id: 'a', vrijeBedden: 0 })]);
		expect(kandidaten).toEqual([]);
		expect(texts(uitgesloten[0].redenen)).toEqual(['geen vrij bed']);
	});

	it('keeps a stale unit whatever count it last reported, flagged as verouderd', () => {
		const units = [
			unit({ id: 'oud-vol', vrijeBedden: 0, beschikbaarheidBijgewerktOp: hoursAgo(72) }),
			unit({ id: 'nooit', vrijeBedden: 0, beschikbaarheidBijgewerktOp: null }),
			unit({ id: 'oud-vrij', vrijeBedden: 2, beschikbaarheidBijgewerktOp: hoursAgo(25) })
		];
		const { kandidaten, uitgesloten } = matchBedUnits(request(), units);
		expect(uitgesloten).toEqual([]);
		expect(kandidaten.every((m) => m.verouderd)).toBe(true);
		const bed = (id: string) =>
			kandidaten.find((m) => m.unit.id === id)!.redenen.find((r) => r.criterium === 'vrij_bed')!;
		expect(bed('oud-vol')).toMatchObject({
			voldaan: true,
			onzeker: true,
			tekst: 'vrije bedden onbekend (laatst geen vrij bed gemeld, 3 dagen geleden): bel om te vragen'
		});
		expect(bed('nooit').tekst).toBe(
			'vrije bedden onbekend (beschikbaarheid nooit doorgegeven): bel om te vragen'
		);
		expect(bed('oud-vrij').tekst).toBe(
			'vrije bedden onbekend (laatst 2 vrije bedden gemeld, 25 uur geleden): bel om te vragen'
		);
	});

	it('treats availability of exactly 24 hours as fresh', () => {
		const { kandidaten, uitgesloten } = matchBedUnits(request(), [
			unit({ id: 'a', vrijeBedden: 0, beschikbaarheidBijgewerktOp: hoursAgo(24) })
		]);
		expect(kandidaten).toEqual([]);
		expect(texts(uitgesloten[0].redenen)).toEqual(['geen vrij bed']);
	});

	it('requires every requested doelgroep, but algemeen needs nothing', () => {
		const units = [
			unit({ id: 'beide', doelgroepen: ['dementie', 'epa_psychiatrie'] }),
			unit({ id: 'een', doelgroepen: ['dementie'] }),
			unit({ id: 'geen' })
		];
		const both = matchBedUnits(request({ doelgroepen: ['dementie', 'epa_psychiatrie', 'algemeen'] }), units);
		expect(ids(both.kandidaten)).toEqual(['beide']);
		const een = both.uitgesloten.find((e) => e.unit.id === 'een')!;
		expect(texts(een.redenen)).toEqual(['staat niet open voor mensen met EPA / psychiatrie']);
		expect(both.uitgesloten.find((e) => e.unit.id === 'geen')!.redenen).toHaveLength(2);

		const algemeen = matchBedUnits(request({ doelgroepen: ['algemeen'] }), units);
		expect(algemeen.kandidaten).toHaveLength(3);
	});

	it('lets a GGZ consult day and night satisfy a request for office hours, not the other way round', () => {
		const units = [
			unit({ id: 'dag-nacht', voorwaarden: ['ggz_consult_dag_nacht'] }),
			unit({ id: 'kantoor', voorwaarden: ['ggz_consult_kantooruren'] })
		];
		const kantooruren = matchBedUnits(request({ zorgbehoeften: ['ggz_consult_kantooruren'] }), units);
		expect(ids(kantooruren.kandidaten).sort()).toEqual(['dag-nacht', 'kantoor']);
		const viaDagNacht = kantooruren.kandidaten.find((m) => m.unit.id === 'dag-nacht')!;
		expect(texts(viaDagNacht.redenen)).toContain('GGZ-consult dag en nacht');

		const dagNacht = matchBedUnits(request({ zorgbehoeften: ['ggz_consult_dag_nacht'] }), units);
		expect(ids(dagNacht.kandidaten)).toEqual(['dag-nacht']);
		expect(texts(dagNacht.uitgesloten[0].redenen)).toEqual(['geen GGZ-consult dag en nacht']);
	});

	it('accepts a unit at exactly the maximum distance as shown (rounded) and excludes one further', () => {
		// Points due east of the patient at roughly 50 km and 51 km.
		const kmPerDegreeLon = haversineKm(AMSTERDAM_1012, {
			lat: AMSTERDAM_1012.lat,
			lon: AMSTERDAM_1012.lon + 1
		});
		const at = (km: number) => ({ lat: AMSTERDAM_1012.lat, lon: AMSTERDAM_1012.lon + km / kmPerDegreeLon });
		const { kandidaten, uitgesloten } = matchBedUnits(request(), [
			unit({ id: 'vijftig', ...at(50.3) }),
			unit({ id: 'eenenvijftig', ...at(51) })
		]);
		expect(ids(kandidaten)).toEqual(['vijftig']);
		expect(texts(kandidaten[0].redenen)).toContain('50 km van de verblijfplaats');
		expect(texts(uitgesloten[0].redenen)).toEqual(['51 km, verder dan 50 km']);
	});

	it('does not exclude on distance when a location is unknown, but says so', () => {
		const unknownPatient = matchBedUnits(request({ verblijf: null }), [
			unit({ id: 'a', lat: 53.2, lon: 6.56 })
		]);
		expect(unknownPatient.kandidaten[0].afstandKm).toBeNull();
		expect(unknownPatient.kandidaten[0].redenen.find((r) => r.criterium === 'afstand')).toMatchObject({
			voldaan: true,
			onzeker: true,
			tekst: 'afstand onbekend: postcode van de verblijfplaats niet gevonden'
		});
		const unknownUnit = matchBedUnits(request(), [unit({ id: 'a', lat: null, lon: null })]);
		expect(texts(unknownUnit.kandidaten[0].redenen)).toContain(
			'afstand onbekend: locatie zonder coördinaten'
		);
	});
});

describe('prognosis rule', () => {
	const units = [
		unit({ id: 'hospice' }),
		unit({ id: 'bth', setting: 'bijna_thuis_huis' }),
		unit({ id: 'vvt', setting: 'palliatieve_unit_vvt' }),
		unit({ id: 'elv', setting: 'elv_palliatief' })
	];
	const allSettings = request({
		settings: ['hospice', 'bijna_thuis_huis', 'palliatieve_unit_vvt', 'elv_palliatief']
	});

	it('excludes hospice and bijna-thuis-huis with a prognosis of 3 months or more', () => {
		const { kandidaten, uitgesloten } = matchBedUnits({ ...allSettings, prognose: '3_tot_6_maanden' }, units);
		expect(ids(kandidaten).sort()).toEqual(['elv', 'vvt']);
		const byId = new Map(uitgesloten.map((e) => [e.unit.id, texts(e.redenen)]));
		expect(byId.get('hospice')).toEqual([
			'een hospice neemt op bij een levensverwachting korter dan 3 maanden (prognose: 3 tot 6 maanden)'
		]);
		expect(byId.get('bth')).toEqual([
			'een bijna-thuis-huis neemt op bij een levensverwachting korter dan 3 maanden (prognose: 3 tot 6 maanden)'
		]);
		const langer = matchBedUnits({ ...allSettings, prognose: 'langer_dan_6_maanden' }, units);
		expect(ids(langer.kandidaten).sort()).toEqual(['elv', 'vvt']);
	});

	it('keeps them with an unknown prognosis, with the note to ask', () => {
		const { kandidaten } = matchBedUnits({ ...allSettings, prognose: 'onbekend' }, units);
		expect(kandidaten).toHaveLength(4);
		const hospice = kandidaten.find((m) => m.unit.id === 'hospice')!;
		expect(hospice.redenen.find((r) => r.criterium === 'prognose')).toMatchObject({
			voldaan: true,
			hard: true,
			onzeker: true,
			tekst: 'prognose navragen: een hospice neemt op bij een levensverwachting korter dan 3 maanden'
		});
		const vvt = kandidaten.find((m) => m.unit.id === 'vvt')!;
		expect(vvt.redenen.some((r) => r.criterium === 'prognose')).toBe(false);
	});
});

describe('score', () => {
	it('follows the weights, scaled to the parts that apply', () => {
		// No naasten, no doelgroepen: only distance (35) and freshness (15) apply, so 50 points are the maximum.
		const { kandidaten } = matchBedUnits(request(), [
			unit({ id: 'a', beschikbaarheidBijgewerktOp: hoursAgo(6) })
		]);
		const [m] = kandidaten;
		expect(m.scoreOnderdelen).toEqual({
			afstand: WEIGHT_AFSTAND,
			afstandNaasten: 0,
			expertise: 0,
			ggzConsult: 0,
			actualiteit: WEIGHT_ACTUALITEIT * 0.75,
			maximaal: WEIGHT_AFSTAND + WEIGHT_ACTUALITEIT
		});
		expect(m.score).toBe(93); // 100 × (35 + 11.25) / 50 = 92.5
	});

	it('gives a stale unit no freshness points and a far unit fewer distance points', () => {
		const { kandidaten } = matchBedUnits(request(), [
			unit({ id: 'vers' }),
			unit({ id: 'oud', beschikbaarheidBijgewerktOp: hoursAgo(48) }),
			unit({ id: 'ver', lat: 52.0907, lon: 5.1214 }) // Utrecht, 35 km
		]);
		// Distance weighs more than freshness: 35 of 50 km away costs more than stale availability.
		expect(ids(kandidaten)).toEqual(['vers', 'oud', 'ver']);
		const oud = kandidaten.find((m) => m.unit.id === 'oud')!;
		expect(oud.scoreOnderdelen.actualiteit).toBe(0);
		expect(oud.score).toBe(70); // 100 × 35 / 50
		const ver = kandidaten.find((m) => m.unit.id === 'ver')!;
		expect(ver.scoreOnderdelen.afstand).toBeCloseTo(WEIGHT_AFSTAND * (1 - 35 / 50), 10);
		expect(texts(oud.redenen)).toContain('beschikbaarheid 2 dagen geleden bijgewerkt: verouderd');
		expect(kandidaten.every((m) => Number.isInteger(m.score) && m.score >= 0 && m.score <= 100)).toBe(true);
	});

	it('rewards declared expertise for the requested doelgroepen', () => {
		const r = request({ doelgroepen: ['dementie', 'taal_cultuur'] });
		const profile = { doelgroepen: ['dementie', 'taal_cultuur'] };
		const { kandidaten } = matchBedUnits(r, [
			unit({ id: 'a', ...profile }),
			unit({ id: 'b', ...profile, expertise: ['dementie'] }),
			unit({ id: 'c', ...profile, expertise: ['dementie', 'cultuursensitieve_zorg'] })
		]);
		expect(ids(kandidaten)).toEqual(['c', 'b', 'a']);
		expect(kandidaten.map((m) => m.scoreOnderdelen.expertise)).toEqual([25, 12.5, 0]);
		expect(texts(kandidaten[0].redenen)).toContain('expertise in cultuursensitieve zorg');
		// GGZ consult only counts for doelgroepen where it matters.
		expect(kandidaten[0].redenen.some((r) => r.criterium === 'ggz_consult')).toBe(false);
	});
});

describe('ordering', () => {
	it('breaks score ties on distance, then on id', () => {
		const near = { lat: 52.38, lon: 4.9 };
		const { kandidaten } = matchBedUnits(request({ maxAfstandKm: 300 }), [
			unit({ id: 'c', ...near, beschikbaarheidBijgewerktOp: NOW }),
			unit({ id: 'a', ...near, beschikbaarheidBijgewerktOp: NOW }),
			unit({ id: 'b', beschikbaarheidBijgewerktOp: NOW })
		]);
		// All score 100 (rounded); b is nearest, then a before c on id.
		expect(kandidaten.map((m) => m.score)).toEqual([100, 100, 100]);
		expect(ids(kandidaten)).toEqual(['b', 'a', 'c']);
	});

	it('lists the closest misses first among the excluded', () => {
		const { uitgesloten } = matchBedUnits(request({ zorgbehoeften: ['roken', 'huisdier'] }), [
			unit({ id: 'a', voorwaarden: [] }),
			unit({ id: 'b', voorwaarden: ['roken'] })
		]);
		expect(uitgesloten.map((e) => e.unit.id)).toEqual(['b', 'a']);
	});
});

describe('exclusion counts for indicators', () => {
	const { uitgesloten } = matchBedUnits(
		request({ doelgroepen: ['verslaving'], zorgbehoeften: ['actief_middelengebruik', 'roken'] }),
		[
			unit({ id: 'a', doelgroepen: ['verslaving'], voorwaarden: ['roken'] }),
			unit({ id: 'b', doelgroepen: ['verslaving'], voorwaarden: ['roken'], vrijeBedden: 0 }),
			unit({ id: 'c', doelgroepen: [], voorwaarden: [] }),
			unit({ id: 'd', doelgroepen: ['verslaving'], voorwaarden: ['roken', 'actief_middelengebruik'] })
		]
	);

	it('counts each excluded unit once per failed criterium', () => {
		expect(countExclusionsByCriterium(uitgesloten)).toEqual({
			setting: 0,
			vrij_bed: 1,
			prognose: 0,
			doelgroep: 1,
			zorgbehoefte: 3,
			afstand: 0
		});
	});

	it('counts per condition and code, and which condition alone excluded a unit', () => {
		expect(countExclusions(uitgesloten)).toEqual([
			{ criterium: 'zorgbehoefte', code: 'actief_middelengebruik', aantal: 3, aantalAlleenDoorDeze: 1 },
			{ criterium: 'vrij_bed', code: null, aantal: 1, aantalAlleenDoorDeze: 0 },
			{ criterium: 'doelgroep', code: 'verslaving', aantal: 1, aantalAlleenDoorDeze: 0 },
			{ criterium: 'zorgbehoefte', code: 'roken', aantal: 1, aantalAlleenDoorDeze: 0 }
		]);
	});
});
