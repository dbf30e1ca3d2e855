import { describe, expect, it } from 'vitest';
import {
	isTelefoonnummer,
	locationInputSchema,
	normaliseTijd,
	normaliseWebsite,
	openingErrorsToFields,
	openingSlots,
	organisationInputSchema,
	serviceInputSchema,
	versionSchema
} from '$lib/domain/organisation/schemas';
import { firstErrors } from '$lib/forms/parse-form';

function errorsOf(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, input: unknown) {
	const result = schema.safeParse(input);
	if (result.success) return {};
	return firstErrors(result.error as Parameters<typeof firstErrors>[0]);
}

const organisation = {
	naam: 'Hospice De Zonnedauw',
	type: 'hospice',
	beschrijving: 'Een huis voor de laatste levensfase.',
	telefoon: '0592 123 456',
	email: 'Info@Zonnedauw.nl',
	website: 'www.zonnedauw.nl'
};

const serviceId = '9b2f7c52-8c4e-4d7e-9a59-0d0c1b7f0a11';
const regionId = '0e8f7c52-8c4e-4d7e-9a59-0d0c1b7f0a22';

describe('organisationInputSchema', () => {
	it('parses form input into clean values', () => {
		expect(organisationInputSchema.parse({ ...organisation, isVoorbeeld: 'on' })).toEqual({
			naam: 'Hospice De Zonnedauw',
			type: 'hospice',
			beschrijving: 'Een huis voor de laatste levensfase.',
			telefoon: '0592 123 456',
			email: 'info@zonnedauw.nl',
			website: 'https://www.zonnedauw.nl',
			isVoorbeeld: true
		});
	});

	it('turns empty optional fields into null and an absent checkbox into false', () => {
		const parsed = organisationInputSchema.parse({
			naam: 'X-zorg',
			type: 'vvt',
			telefoon: ' ',
			email: '',
			website: ''
		});
		expect(parsed).toMatchObject({
			telefoon: null,
			email: null,
			website: null,
			beschrijving: '',
			isVoorbeeld: false
		});
	});

	it('answers in Dutch, per field', () => {
		const errors = errorsOf(organisationInputSchema, {
			naam: '  ',
			type: 'kapper',
			telefoon: '06-abc',
			email: 'geen-adres',
			website: 'javascript:alert(1)'
		});
		expect(errors).toEqual({
			naam: 'Vul de naam van de organisatie in.',
			type: 'Kies het soort organisatie.',
			telefoon: expect.stringContaining('Nederlands telefoonnummer'),
			email: expect.stringContaining('geldig e-mailadres'),
			website: expect.stringContaining('geldig webadres')
		});
	});

	it('refuses markup and spreadsheet formulas in text', () => {
		expect(errorsOf(organisationInputSchema, { ...organisation, beschrijving: 'Hallo <b>daar</b>' })).toEqual(
			{
				beschrijving: expect.stringContaining('HTML')
			}
		);
		expect(
			errorsOf(organisationInputSchema, { ...organisation, naam: '<script>alert(1)</script>' })
		).toHaveProperty('naam');
		expect(errorsOf(organisationInputSchema, { ...organisation, naam: '=HYPERLINK("http://x")' })).toEqual({
			naam: expect.stringContaining('formule')
		});
		// A lone "<" in ordinary text is fine.
		expect(
			errorsOf(organisationInputSchema, { ...organisation, beschrijving: 'Voor mensen < 18 jaar en 5 > 3' })
		).toEqual({});
	});

	it('limits the length of the name and the description', () => {
		expect(errorsOf(organisationInputSchema, { ...organisation, naam: 'x'.repeat(161) })).toHaveProperty(
			'naam'
		);
		expect(
			errorsOf(organisationInputSchema, { ...organisation, beschrijving: 'x'.repeat(4001) })
		).toHaveProperty('beschrijving');
	});
});

describe('isTelefoonnummer (loose Dutch numbers)', () => {
	it.each([
		'0592 123 456',
		'0592-123456',
		'06 12345678',
		'+31 6 1234 5678',
		'+31 (0)592 123 456',
		'0031 592 123 456',
		'(0592) 123 456',
		'0800 0123',
		'0900-1234567',
		'14 020',
		'088 123 45 67'
	])('accepts %s', (n) => expect(isTelefoonnummer(n)).toBe(true));

	it.each([
		'12345',
		'+32 2 123 45 67',
		'0592 123 456 ext 3',
		'06-1234',
		'<b>0592</b>',
		'06 1234567890123',
		'+31'
	])('refuses %s', (n) => expect(isTelefoonnummer(n)).toBe(false));
});

describe('normaliseWebsite', () => {
	it('adds https:// to a bare host and keeps http(s) addresses', () => {
		expect(normaliseWebsite('www.hospice.nl')).toBe('https://www.hospice.nl');
		expect(normaliseWebsite('http://hospice.nl/over-ons?x=1')).toBe('http://hospice.nl/over-ons?x=1');
	});
	it('refuses other schemes, hosts without a dot, credentials and markup', () => {
		for (const bad of [
			'javascript:alert(1)',
			'ftp://hospice.nl',
			'https://localhost',
			'https://a:b@hospice.nl',
			'www.x.nl/<script>'
		])
			expect(normaliseWebsite(bad), bad).toBeNull();
	});
});

describe('locationInputSchema', () => {
	it('normalises the postcode and reads Dutch decimal commas', () => {
		expect(
			locationInputSchema.parse({
				naam: 'Hoofdlocatie',
				postcode: '9401ab',
				lat: '52,99',
				lon: '6,56',
				adres: '',
				plaats: 'Assen'
			})
		).toEqual({
			naam: 'Hoofdlocatie',
			adres: null,
			postcode: '9401 AB',
			plaats: 'Assen',
			lat: 52.99,
			lon: 6.56
		});
		expect(locationInputSchema.parse({ naam: 'X', postcode: ' 9401 ' }).postcode).toBe('9401');
	});

	it('wants both coordinates or neither, inside the Netherlands', () => {
		expect(errorsOf(locationInputSchema, { naam: 'X', lat: '52.9' })).toEqual({
			lon: expect.stringContaining('allebei')
		});
		expect(errorsOf(locationInputSchema, { naam: 'X', lat: '6.5', lon: '52.9' })).toMatchObject({
			lat: expect.stringContaining('breedtegraad'),
			lon: expect.stringContaining('lengtegraad')
		});
	});

	it('refuses an invalid postcode and a semicolon in the name', () => {
		expect(errorsOf(locationInputSchema, { naam: 'A;B', postcode: '0123 AB' })).toEqual({
			naam: expect.stringContaining('puntkomma'),
			postcode: expect.stringContaining('geldige postcode')
		});
	});
});

describe('time of day', () => {
	it('normalises common spellings', () => {
		expect(normaliseTijd('9:00')).toBe('09:00');
		expect(normaliseTijd('9.30')).toBe('09:30');
		expect(normaliseTijd('0830')).toBe('08:30');
		expect(normaliseTijd('24:00')).toBe('24:00');
		expect(normaliseTijd('24:30')).toBeNull();
		expect(normaliseTijd('25:00')).toBeNull();
		expect(normaliseTijd('9')).toBeNull();
	});
});

describe('serviceInputSchema', () => {
	const base = { naam: 'Hospicezorg', categorie: 'hospice' };

	it('reads a form: checkbox groups, ticked boxes and opening-hour slots', () => {
		const parsed = serviceInputSchema.parse({
			...base,
			doelgroepen: 'verslaving',
			expertise: ['pijnbeleid', 'pijnbeleid', 'palliatieve_sedatie'],
			dagEnNacht: 'on',
			tijd_2_0_van: '9:00',
			tijd_2_0_tot: '17:00',
			tijd_1_1_van: '13:00',
			tijd_1_1_tot: '17:00',
			tijd_1_0_van: '08:30',
			tijd_1_0_tot: '12:00',
			tijd_3_0_van: '',
			tijd_3_0_tot: '',
			locationIds: serviceId,
			regionIds: [regionId]
		});
		expect(parsed).toMatchObject({
			doelgroepen: ['verslaving'],
			expertise: ['pijnbeleid', 'palliatieve_sedatie'],
			dagEnNacht: true,
			voorProfessionals: false,
			locationIds: [serviceId],
			regionIds: [regionId],
			openingstijden: [
				{ dag: 1, van: '08:30', tot: '12:00' },
				{ dag: 1, van: '13:00', tot: '17:00' },
				{ dag: 2, van: '09:00', tot: '17:00' }
			]
		});
	});

	it('takes typed input (import, API) as it is', () => {
		const parsed = serviceInputSchema.parse({
			...base,
			openingstijden: [{ dag: 7, van: '10:00', tot: '24:00' }]
		});
		expect(parsed.openingstijden).toEqual([{ dag: 7, van: '10:00', tot: '24:00' }]);
	});

	it('wants the start before the end, and no overlapping periods on one day', () => {
		const result = serviceInputSchema.safeParse({
			...base,
			openingstijden: [
				{ dag: 3, van: '17:00', tot: '09:00' },
				{ dag: 4, van: '09:00', tot: '17:00' },
				{ dag: 4, van: '12:00', tot: '14:00' }
			]
		});
		expect(result.success).toBe(false);
		const errors = firstErrors(result.error!);
		expect(errors['openingstijden.0.tot']).toMatch(/^Woensdag: de eindtijd moet later zijn/);
		expect(errors['openingstijden.2.van']).toMatch(/^Donderdag: dit tijdvak overlapt met 09:00–17:00/);
	});

	it('refuses unknown codes, markup in contact fields and malformed ids', () => {
		const errors = errorsOf(serviceInputSchema, {
			...base,
			categorie: 'kapper',
			doelgroepen: ['onbekend'],
			telefoon: '<a>06</a>',
			locationIds: ['niet-een-id']
		});
		expect(Object.keys(errors).sort()).toEqual(['categorie', 'doelgroepen.0', 'locationIds.0', 'telefoon']);
	});

	it('maps slot errors back to the field the user typed in', () => {
		const values = {
			...base,
			tijd_1_0_van: '09:00',
			tijd_1_0_tot: '17:00',
			tijd_5_1_van: '18:00',
			tijd_5_1_tot: '8:00'
		};
		const result = serviceInputSchema.safeParse(values);
		expect(result.success).toBe(false);
		const mapped = openingErrorsToFields(firstErrors(result.error!), values);
		expect(Object.keys(mapped)).toEqual(['tijd_5_1_tot']);
		expect(mapped.tijd_5_1_tot).toMatch(/^Vrijdag/);
		expect(openingSlots(values).map((s) => s.key)).toEqual(['tijd_1_0', 'tijd_5_1']);
	});

	it('reports a half-filled slot at its empty field', () => {
		const values = { ...base, tijd_2_0_van: '09:00', tijd_2_0_tot: '' };
		const result = serviceInputSchema.safeParse(values);
		const mapped = openingErrorsToFields(firstErrors(result.error!), values);
		expect(mapped).toEqual({ tijd_2_0_tot: expect.stringContaining('eindtijd') });
	});
});

describe('versionSchema', () => {
	it('reads the hidden version field', () => {
		expect(versionSchema.parse('3')).toBe(3);
		expect(versionSchema.safeParse('').success).toBe(false);
		expect(versionSchema.safeParse('0').success).toBe(false);
	});
});
