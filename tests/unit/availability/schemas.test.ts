import { describe, expect, it } from 'vitest';
import {
	apiTokenCreateSchema,
	availabilityApiSchema,
	availabilityFormSchema,
	bedUnitEditSchema,
	bedUnitSchema,
	checkAvailability,
	MAX_BEDDEN_PER_EENHEID
} from '$lib/domain/availability/schemas';

const unitId = '3f6c2b1e-9d4a-4c1b-8e2f-1a2b3c4d5e6f';
const locationId = '7a1b2c3d-4e5f-4a6b-9c8d-0e1f2a3b4c5d';

function messages(result: {
	success: boolean;
	error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
	return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('availabilityApiSchema (JSON API body)', () => {
	it('accepts a count alone and with the optional expectations', () => {
		expect(availabilityApiSchema.parse({ vrijeBedden: 0 })).toEqual({ vrijeBedden: 0 });
		expect(
			availabilityApiSchema.parse({ vrijeBedden: 3, verwachteOntslagen: 1, verwachteOpnames: null })
		).toEqual({
			vrijeBedden: 3,
			verwachteOntslagen: 1,
			verwachteOpnames: null
		});
	});

	it.each([
		[{}, 'vrijeBedden'],
		[{ vrijeBedden: -1 }, 'vrijeBedden'],
		[{ vrijeBedden: 2.5 }, 'vrijeBedden'],
		[{ vrijeBedden: '3' }, 'vrijeBedden'],
		[{ vrijeBedden: null }, 'vrijeBedden'],
		[{ vrijeBedden: MAX_BEDDEN_PER_EENHEID + 1 }, 'vrijeBedden'],
		[{ vrijeBedden: 1, verwachteOpnames: -2 }, 'verwachteOpnames']
	])('refuses %j on field %s with a Dutch message', (body, field) => {
		const result = availabilityApiSchema.safeParse(body);
		expect(result.success).toBe(false);
		expect(messages(result)[field]).toMatch(/bedden|getal|negatief|hoogstens|opnames/i);
	});

	it('refuses unknown fields, so a typo does not silently do nothing', () => {
		const result = availabilityApiSchema.safeParse({ vrijebedden: 2, vrijeBedden: 2 });
		expect(result.success).toBe(false);
		expect(result.error!.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['vrijebedden'] });
	});

	it('refuses a body that is not an object', () => {
		expect(availabilityApiSchema.safeParse([1]).success).toBe(false);
		expect(availabilityApiSchema.safeParse('2').success).toBe(false);
	});
});

describe('availabilityFormSchema (phone form)', () => {
	it('reads numbers from text and treats empty optional fields as not given', () => {
		expect(
			availabilityFormSchema.parse({
				bedUnitId: unitId,
				vrijeBedden: ' 2 ',
				verwachteOntslagen: '',
				verwachteOpnames: '1',
				basis: ''
			})
		).toEqual({ bedUnitId: unitId, vrijeBedden: 2, verwachteOpnames: 1 });
	});

	it('asks for the count when it is empty and for a whole number when it is not one', () => {
		expect(
			messages(availabilityFormSchema.safeParse({ bedUnitId: unitId, vrijeBedden: '' })).vrijeBedden
		).toBe('Vul in hoeveel bedden nu vrij zijn.');
		expect(
			messages(availabilityFormSchema.safeParse({ bedUnitId: unitId, vrijeBedden: '1.5' })).vrijeBedden
		).toBe('Vul bij vrije bedden een heel getal in.');
		expect(
			messages(availabilityFormSchema.safeParse({ bedUnitId: unitId, vrijeBedden: '-1' })).vrijeBedden
		).toBe('Het aantal vrije bedden kan niet negatief zijn.');
	});
});

describe('checkAvailability (needs the unit)', () => {
	it('allows 0 up to and including the number of beds', () => {
		expect(checkAvailability({ vrijeBedden: 0 }, 6)).toBeNull();
		expect(checkAvailability({ vrijeBedden: 6 }, 6)).toBeNull();
		expect(checkAvailability({ vrijeBedden: 2, verwachteOntslagen: 4, verwachteOpnames: 6 }, 6)).toBeNull();
	});

	it('refuses more free beds than beds', () => {
		expect(checkAvailability({ vrijeBedden: 7 }, 6)).toEqual({
			vrijeBedden: 'Deze eenheid heeft 6 bedden; er kunnen niet meer bedden vrij zijn.'
		});
		expect(checkAvailability({ vrijeBedden: 2 }, 1)?.vrijeBedden).toBe(
			'Deze eenheid heeft 1 bed; er kunnen niet meer bedden vrij zijn.'
		);
	});

	it('refuses more expected discharges than occupied beds, and more admissions than beds', () => {
		expect(checkAvailability({ vrijeBedden: 5, verwachteOntslagen: 2 }, 6)).toEqual({
			verwachteOntslagen: 'Er is 1 bed bezet; meer ontslagen kunnen er niet zijn.'
		});
		expect(checkAvailability({ vrijeBedden: 0, verwachteOpnames: 7 }, 6)?.verwachteOpnames).toMatch(
			/6 bedden/
		);
	});
});

describe('bedUnitSchema', () => {
	const valid = {
		locationId,
		naam: ' Hospicekamers ',
		setting: 'hospice',
		aantalBedden: '6',
		doelgroepen: ['verslaving', 'verslaving', 'dak_thuisloos'],
		voorwaarden: 'roken',
		toelichting: '  '
	};

	it('normalises form input: trimmed name, number of beds, unique arrays, one checkbox as array, empty text dropped', () => {
		expect(bedUnitSchema.parse(valid)).toEqual({
			locationId,
			naam: 'Hospicekamers',
			setting: 'hospice',
			aantalBedden: 6,
			doelgroepen: ['verslaving', 'dak_thuisloos'],
			voorwaarden: ['roken']
		});
		expect(bedUnitSchema.parse({ ...valid, doelgroepen: undefined, voorwaarden: undefined })).toMatchObject({
			doelgroepen: [],
			voorwaarden: []
		});
	});

	it('refuses unknown codes, no beds and an unknown setting', () => {
		const result = bedUnitSchema.safeParse({
			...valid,
			setting: 'ziekenhuis',
			aantalBedden: '0',
			voorwaarden: ['zwembad']
		});
		expect(messages(result)).toMatchObject({
			setting: 'Kies een setting.',
			aantalBedden: 'Een beddeneenheid heeft minstens 1 bed.',
			'voorwaarden.0': 'Onbekende opnamevoorwaarde.'
		});
	});

	it('needs the version that was read when editing', () => {
		expect(bedUnitEditSchema.safeParse(valid).success).toBe(false);
		expect(bedUnitEditSchema.parse({ ...valid, version: '3' }).version).toBe(3);
	});
});

describe('apiTokenCreateSchema', () => {
	it('needs an organisation and a name', () => {
		expect(messages(apiTokenCreateSchema.safeParse({ organisationId: 'x', naam: ' ' }))).toEqual({
			organisationId: 'Kies een organisatie.',
			naam: 'Geef de koppeling een naam, bijvoorbeeld "ECD Nedap".'
		});
	});
});
