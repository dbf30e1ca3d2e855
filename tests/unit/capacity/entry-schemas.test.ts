import { describe, expect, it } from 'vitest';
import {
	blockingTargetSchema,
	externalPrognosisEntrySchema,
	plannedCapacityFormSchema,
	scenarioNameSchema
} from '$domain/capacity/schemas';

describe('externalPrognosisEntrySchema', () => {
	const row = { regio: 'drenthe-steenwijkerland', jaar: '2030', setting: 'hospice', laag: '31', hoog: '35' };

	it('stores a band of beds needed as entered', () => {
		expect(externalPrognosisEntrySchema.parse({ ...row, bron: 'Eigen prognose', basisBedden: '' })).toEqual({
			...row,
			jaar: 2030,
			laag: 31,
			hoog: 35,
			bron: 'Eigen prognose'
		});
	});

	it('turns a published expansion into the band needed, keeping the published figures in the source', () => {
		const entry = externalPrognosisEntrySchema.parse({
			...row,
			laag: '11',
			hoog: '15',
			basisBedden: '20',
			bron: 'Regionaal akkoord'
		});
		expect([entry.laag, entry.hoog]).toEqual([31, 35]);
		expect(entry.bron).toBe(
			'Regionaal akkoord (uitbreiding van 11 tot 15 bedden bovenop 20 bestaande bedden)'
		);
	});

	it('wants a source for an expansion and a sensible number of existing beds', () => {
		const noSource = externalPrognosisEntrySchema.safeParse({ ...row, basisBedden: '20' });
		expect(noSource.error?.issues.map((i) => i.message)).toEqual([
			'Vul de bron in: waar staat de uitbreiding die u invult?'
		]);
		const negative = externalPrognosisEntrySchema.safeParse({ ...row, basisBedden: '-1', bron: 'x' });
		expect(negative.error?.issues[0]).toMatchObject({
			path: ['basisBedden'],
			message: 'Het aantal bestaande bedden kan niet negatief zijn.'
		});
		const reversed = externalPrognosisEntrySchema.safeParse({ ...row, laag: '15', hoog: '11' });
		expect(reversed.error?.issues[0].message).toBe('Laag mag niet groter zijn dan hoog.');
	});
});

describe('plannedCapacityFormSchema', () => {
	const valid = {
		naam: 'Hospice De Linde',
		regio: 'drenthe-steenwijkerland',
		setting: 'hospice',
		bedden: '6',
		verwachteOpening: '2027-03-01',
		status: 'plan'
	};

	it('takes an optional link to a location', () => {
		expect(plannedCapacityFormSchema.parse({ ...valid, locationId: '' }).locationId).toBeUndefined();
		const id = '0b8f7f0e-4a56-4d0c-9a59-7c1c0f6f3d11';
		expect(plannedCapacityFormSchema.parse({ ...valid, locationId: id }).locationId).toBe(id);
		expect(plannedCapacityFormSchema.safeParse({ ...valid, locationId: 'x' }).error?.issues[0].message).toBe(
			'Kies een locatie uit de lijst.'
		);
	});
});

describe('scenario name and blocking target', () => {
	it('need a name and a target between 0 and 1', () => {
		expect(scenarioNameSchema.safeParse('  ').error?.issues[0].message).toBe('Geef het scenario een naam.');
		expect(blockingTargetSchema.parse('0,05')).toBe(0.05);
		expect(blockingTargetSchema.safeParse('10').error?.issues[0].message).toMatch(/0,1 in voor 10%/);
		expect(blockingTargetSchema.safeParse('0').error?.issues[0].message).toBe(
			'De doelkans moet groter zijn dan 0.'
		);
	});
});
