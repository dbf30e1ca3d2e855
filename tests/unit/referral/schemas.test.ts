import { describe, expect, it } from 'vitest';
import {
	leeftijdscategorieOpties,
	prognoseLabels,
	urgentieOpties,
	WENSEN_MAX_LENGTH
} from '$lib/domain/referral/options';
import { privacyReasons } from '$lib/domain/referral/privacy';
import { verwijzingInputSchema } from '$lib/domain/referral/schemas';

const valid = {
	leeftijdscategorie: '65-74',
	pc4Verblijf: '1012',
	doelgroepen: ['dak_thuisloos', 'verslaving'],
	zorgbehoeften: ['actief_middelengebruik'],
	settings: ['hospice'],
	prognose: 'korter_dan_3_maanden',
	urgentie: 'binnen_3_dagen'
};

function messages(input: unknown): Record<string, string[]> {
	const result = verwijzingInputSchema.safeParse(input);
	if (result.success) return {};
	const out: Record<string, string[]> = {};
	for (const issue of result.error.issues) (out[issue.path.join('.')] ??= []).push(issue.message);
	return out;
}

describe('verwijzingInputSchema', () => {
	it('parses a complete referral and fills the default distance', () => {
		const parsed = verwijzingInputSchema.parse(valid);
		expect(parsed).toEqual({ ...valid, maxAfstandKm: 50 });
	});

	it('reads form-style values: strings for numbers, empty fields, a single checkbox', () => {
		const parsed = verwijzingInputSchema.parse({
			...valid,
			pc4Naasten: '',
			maxAfstandKm: '25',
			wensen: '  ',
			settings: 'hospice',
			zorgbehoeften: undefined
		});
		expect(parsed.maxAfstandKm).toBe(25);
		expect(parsed.pc4Naasten).toBeUndefined();
		expect(parsed.wensen).toBeUndefined();
		expect(parsed.settings).toEqual(['hospice']);
		expect(parsed.zorgbehoeften).toEqual([]);
	});

	it('removes duplicate codes and drops unknown fields such as a name', () => {
		const parsed = verwijzingInputSchema.parse({
			...valid,
			doelgroepen: ['verslaving', 'verslaving'],
			naam: 'J. Jansen'
		});
		expect(parsed.doelgroepen).toEqual(['verslaving']);
		expect(parsed).not.toHaveProperty('naam');
	});

	it('explains every missing choice in Dutch', () => {
		expect(messages({ pc4Verblijf: '1012' })).toEqual({
			leeftijdscategorie: ['Kies een leeftijdscategorie.'],
			settings: ['Kies minstens één soort plek (bijvoorbeeld hospice).'],
			prognose: ['Kies de verwachte levensduur (prognose).'],
			urgentie: ['Kies hoe snel een plek nodig is.']
		});
	});

	it('refuses unknown codes', () => {
		expect(
			messages({ ...valid, doelgroepen: ['onbekend'], zorgbehoeften: ['x'], settings: ['ziekenhuis'] })
		).toEqual({
			'doelgroepen.0': ['Onbekende doelgroep.'],
			'zorgbehoeften.0': ['Onbekende zorgbehoefte.'],
			'settings.0': ['Onbekende soort plek.']
		});
	});

	it.each([
		['0999', 'Vul een postcode van 4 cijfers in (1000 tot en met 9999).'],
		['123', 'Vul een postcode van 4 cijfers in (1000 tot en met 9999).'],
		['10123', 'Vul een postcode van 4 cijfers in (1000 tot en met 9999).'],
		['1012 AB', 'Vul alleen de 4 cijfers van de postcode in, zonder letters.'],
		['1012ab', 'Vul alleen de 4 cijfers van de postcode in, zonder letters.']
	])('refuses postcode %s', (pc4, message) => {
		expect(messages({ ...valid, pc4Verblijf: pc4 })).toEqual({ pc4Verblijf: [message] });
		expect(messages({ ...valid, pc4Naasten: pc4 })).toEqual({ pc4Naasten: [message] });
	});

	it('accepts postcodes 1000 and 9999, also as numbers', () => {
		expect(verwijzingInputSchema.parse({ ...valid, pc4Verblijf: 1000, pc4Naasten: ' 9999 ' })).toMatchObject({
			pc4Verblijf: '1000',
			pc4Naasten: '9999'
		});
	});

	it.each([
		[4, 'De maximale afstand is minstens 5 km.'],
		[301, 'De maximale afstand is hoogstens 300 km.'],
		[12.5, 'Vul de maximale afstand in hele kilometers in.'],
		['ver', 'Vul de maximale afstand in als getal (km).']
	])('refuses maximum distance %s', (km, message) => {
		expect(messages({ ...valid, maxAfstandKm: km })).toEqual({ maxAfstandKm: [message] });
	});

	it('accepts the distance bounds 5 and 300', () => {
		expect(verwijzingInputSchema.parse({ ...valid, maxAfstandKm: 5 }).maxAfstandKm).toBe(5);
		expect(verwijzingInputSchema.parse({ ...valid, maxAfstandKm: '300' }).maxAfstandKm).toBe(300);
	});

	it('limits wishes to 500 characters', () => {
		expect(
			verwijzingInputSchema.parse({ ...valid, wensen: 'a'.repeat(WENSEN_MAX_LENGTH) }).wensen
		).toHaveLength(500);
		expect(messages({ ...valid, wensen: 'a'.repeat(501) })).toEqual({
			wensen: ['Gebruik hoogstens 500 tekens.']
		});
	});

	it('accepts harmless wishes', () => {
		const wensen = 'wil graag bij het raam liggen, rookt 20 sigaretten per dag';
		expect(verwijzingInputSchema.parse({ ...valid, wensen }).wensen).toBe(wensen);
	});

	it.each([
		['bsn 111222333', privacyReasons.bsn],
		['geboren 12-03-1950', privacyReasons.datum],
		['geboren 12 maart 1950', privacyReasons.datum],
		['bel dochter via an@example.nl', privacyReasons.email]
	])('refuses wishes with identifying data: "%s"', (wensen, reason) => {
		expect(messages({ ...valid, wensen })).toEqual({ wensen: [reason] });
	});

	it('does not treat 123456789 as a BSN (it fails the elfproef)', () => {
		expect(verwijzingInputSchema.safeParse({ ...valid, wensen: 'code 123456789' }).success).toBe(true);
	});
});

describe('option labels', () => {
	it('offers every choice with a Dutch label, in form order', () => {
		expect(leeftijdscategorieOpties.map((o) => o.value)).toEqual([
			'18-29',
			'30-49',
			'50-64',
			'65-74',
			'75-84',
			'85+'
		]);
		expect(leeftijdscategorieOpties.at(-1)).toEqual({ value: '85+', label: '85 jaar of ouder' });
		expect(urgentieOpties[0]).toEqual({ value: 'vandaag', label: 'Vandaag' });
		expect(prognoseLabels.korter_dan_3_maanden).toBe('Korter dan 3 maanden');
	});
});
