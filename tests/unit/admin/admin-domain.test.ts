import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../src/lib/domain/csv';
import {
	auditFilterParams,
	auditPeriod,
	auditToCsv,
	parseAuditFilter,
	startOfAmsterdamDay
} from '../../../src/lib/domain/admin/audit';
import {
	mergeFormInput,
	mergeRegionsSchema,
	mergeShares,
	networkShareProblem,
	parseAandeel,
	resolveGemeente,
	subRegionShareProblem
} from '../../../src/lib/domain/admin/regions';
import {
	editTermSchema,
	mayDeactivate,
	parseSynonyms,
	termChanges
} from '../../../src/lib/domain/admin/taxonomy';
import {
	editUserSchema,
	editUserWithRulesSchema,
	newUserSchema,
	roleRuleErrors
} from '../../../src/lib/domain/admin/users';

const UUID = '3f0c6d1e-8a4b-4c2d-9e1f-0a1b2c3d4e5f';

describe('aandeel (share of a gemeente)', () => {
	it('reads Dutch and English decimals and percentages', () => {
		expect(parseAandeel('0,25')).toBe(0.25);
		expect(parseAandeel('0.96')).toBe(0.96);
		expect(parseAandeel('1')).toBe(1);
		expect(parseAandeel(' 97,7 % ')).toBe(0.977);
		expect(parseAandeel(',5')).toBe(0.5);
		expect(parseAandeel('0,66666')).toBe(0.667);
	});
	it('refuses zero, more than the whole gemeente, and text', () => {
		for (const bad of ['0', '0%', '1,01', '150%', '-0,5', 'half', '', '1e-1', '0,5,5'])
			expect(parseAandeel(bad), bad).toBeNull();
	});
});

describe('finding a gemeente from what was typed', () => {
	const list = [
		{ code: 'GM0106', naam: 'Assen' },
		{ code: 'GM1690', naam: 'De Wolden' },
		{ code: 'GM0373', naam: 'Bergen (NH.)' },
		{ code: 'GM0893', naam: 'Bergen (L.)' }
	];
	it('by code, name (case and accents ignored) or the datalist text', () => {
		expect(resolveGemeente('GM0106', list)?.naam).toBe('Assen');
		expect(resolveGemeente('gm1690', list)?.naam).toBe('De Wolden');
		expect(resolveGemeente('1690', list)?.naam).toBe('De Wolden');
		expect(resolveGemeente('  de  wolden ', list)?.code).toBe('GM1690');
		expect(resolveGemeente('Bergen (L.) (GM0893)', list)?.code).toBe('GM0893');
		expect(resolveGemeente('Bergen (NH.)', list)?.code).toBe('GM0373');
	});
	it('gives null for unknown or ambiguous input', () => {
		expect(resolveGemeente('Atlantis', list)).toBeNull();
		expect(resolveGemeente('GM9999', list)).toBeNull();
		expect(resolveGemeente('Bergen', list)).toBeNull();
	});
});

describe('shares of a network and its sub-regions', () => {
	it('a sub-region stays within the network, alone and together with its siblings', () => {
		const base = { gemeenteNaam: 'De Wolden', siblingShares: [0.333] };
		expect(subRegionShareProblem({ ...base, share: 0.667, parentShare: 1 })).toBeNull();
		expect(subRegionShareProblem({ ...base, share: 0.7, parentShare: 1 })).toMatch(/andere subregio/);
		expect(subRegionShareProblem({ ...base, siblingShares: [], share: 0.9, parentShare: 0.8 })).toMatch(
			/groter dan dat van het netwerk/
		);
		expect(subRegionShareProblem({ ...base, share: 0.5, parentShare: undefined })).toMatch(
			/hoort niet bij het netwerk/
		);
	});
	it('a network may not drop below its sub-regions together', () => {
		expect(
			networkShareProblem({ share: 1, childShares: [0.667, 0.333], gemeenteNaam: 'De Wolden' })
		).toBeNull();
		expect(
			networkShareProblem({ share: 0.9, childShares: [0.667, 0.333], gemeenteNaam: 'De Wolden' })
		).toMatch(/minstens 1/);
	});
	it('merging adds the shares of a gemeente in both, capped at the network’s share', () => {
		const merged = mergeShares(
			[
				{ gemeenteCode: 'GM1690', aandeel: 0.333 },
				{ gemeenteCode: 'GM0119', aandeel: 1 }
			],
			[
				{ gemeenteCode: 'GM1690', aandeel: 0.667 },
				{ gemeenteCode: 'GM0118', aandeel: 0.6 }
			],
			new Map([
				['GM1690', 1],
				['GM0119', 1],
				['GM0118', 0.5]
			])
		);
		expect(merged).toEqual([
			{ gemeenteCode: 'GM0118', aandeel: 0.5 },
			{ gemeenteCode: 'GM0119', aandeel: 1 },
			{ gemeenteCode: 'GM1690', aandeel: 1 }
		]);
	});
	it('the merge form needs two different sub-regions and carries a version per region', () => {
		const other = '4f0c6d1e-8a4b-4c2d-9e1f-0a1b2c3d4e5f';
		const input = mergeFormInput({
			keepId: UUID,
			mergeId: other,
			[`versie_${UUID}`]: '3',
			[`versie_${other}`]: '7'
		});
		expect(mergeRegionsSchema.parse(input).versions).toEqual({ [UUID]: 3, [other]: 7 });
		const same = mergeRegionsSchema.safeParse(mergeFormInput({ keepId: UUID, mergeId: UUID }));
		expect(same.success).toBe(false);
	});
});

describe('account forms', () => {
	it('reads the empty network option as no choice and a single ticked box as a list', () => {
		const parsed = newUserSchema.parse({
			email: ' A@B.nl ',
			naam: 'Ab Cd',
			role: 'organisatie',
			regionId: '',
			organisationIds: UUID
		});
		expect(parsed).toMatchObject({ email: 'a@b.nl', regionId: undefined, organisationIds: [UUID] });
	});
	it('refuses markup in a name and a missing version', () => {
		const result = editUserSchema.safeParse({ naam: '<b>x</b>', role: 'verwijzer', organisationIds: [] });
		expect(result.success).toBe(false);
		const paths = result.success ? [] : result.error.issues.map((i) => i.path[0]);
		expect(paths).toEqual(expect.arrayContaining(['naam', 'version']));
	});
	it('reports the role rules together with the other field problems, so the form shows them all at once', () => {
		const result = editUserWithRulesSchema.safeParse({
			naam: '',
			role: 'beheerder',
			regionId: '',
			organisationIds: [],
			version: '1'
		});
		const paths = result.success ? [] : result.error.issues.map((i) => i.path[0]);
		expect(paths).toEqual(['naam', 'regionId']);
	});
	it('role rules', () => {
		expect(
			roleRuleErrors({ role: 'beheerder', regionId: null, membershipCount: 0, requestedMemberships: 0 })
		).toHaveProperty('regionId');
		expect(
			roleRuleErrors({ role: 'organisatie', regionId: null, membershipCount: 0, requestedMemberships: 0 })
		).toHaveProperty('organisationIds');
		// An editor may keep memberships elsewhere while none are ticked here.
		expect(
			roleRuleErrors({ role: 'organisatie', regionId: null, membershipCount: 1, requestedMemberships: 0 })
		).toEqual({});
		expect(
			roleRuleErrors({ role: 'verwijzer', regionId: UUID, membershipCount: 1, requestedMemberships: 1 })
		).toHaveProperty('organisationIds');
	});
});

describe('taxonomy edits', () => {
	it('synonyms: one per line or comma, trimmed, without duplicates', () => {
		expect(parseSynonyms(' BTH \nbijna thuis huis, bth\n\n  hospice  zorg ')).toEqual([
			'BTH',
			'bijna thuis huis',
			'hospice zorg'
		]);
	});
	it('refuses formulas and markup in synonyms and labels', () => {
		expect(
			editTermSchema.safeParse({ label: 'Goed', synonyms: '=HYPERLINK("x")', version: '1' }).success
		).toBe(false);
		expect(editTermSchema.safeParse({ label: '<i>x</i>', synonyms: '', version: '1' }).success).toBe(false);
		expect(editTermSchema.parse({ label: 'Goed', description: '', synonyms: '', version: '2' })).toEqual({
			label: 'Goed',
			description: null,
			synonyms: [],
			version: 2
		});
	});
	it('structural vocabularies cannot be switched off', () => {
		expect(mayDeactivate('organisatietype')).toBe(false);
		expect(mayDeactivate('zorgsetting')).toBe(false);
		expect(mayDeactivate('doelgroep')).toBe(true);
	});
	it('lists only what changed', () => {
		expect(
			termChanges(
				{ label: 'A', description: null, synonyms: ['x'] },
				{ label: 'A', description: null, synonyms: ['x', 'y'] }
			)
		).toEqual({ synonyms: { van: ['x'], naar: ['x', 'y'] } });
	});
});

describe('audit filter', () => {
	it('keeps valid values, drops invalid ones with a message, and round-trips through the URL', () => {
		const { filter, errors } = parseAuditFilter(
			new URLSearchParams({
				gebruiker: UUID.toUpperCase(),
				organisatie: 'x',
				actie: 'gebruiker_gewijzigd',
				van: '2026-02-30',
				tot: '2026-03-05',
				pagina: '3'
			})
		);
		expect(filter).toEqual({ userId: UUID, action: 'gebruiker_gewijzigd', tot: '2026-03-05', page: 3 });
		expect(Object.keys(errors).sort()).toEqual(['organisatie', 'van']);
		expect(parseAuditFilter(new URLSearchParams(auditFilterParams(filter))).filter).toEqual(filter);
		expect(auditFilterParams({ page: 1 })).toBe('');
	});
	it('refuses an end before the start', () => {
		const { filter, errors } = parseAuditFilter(
			new URLSearchParams({ van: '2026-03-05', tot: '2026-03-01' })
		);
		expect(filter.tot).toBeUndefined();
		expect(errors.tot).toMatch(/vóór/);
	});
	it('days start at Amsterdam midnight, also across the clock changes', () => {
		expect(startOfAmsterdamDay('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
		expect(startOfAmsterdamDay('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
		// 29 March 2026: clocks go forward at 02:00; the day itself starts at 00:00 CET.
		expect(auditPeriod({ van: '2026-03-29', tot: '2026-03-29' })).toEqual({
			from: new Date('2026-03-28T23:00:00Z'),
			until: new Date('2026-03-29T22:00:00Z')
		});
		expect(auditPeriod({ tot: '2026-10-25' }).until?.toISOString()).toBe('2026-10-25T23:00:00.000Z');
	});
});

describe('audit CSV', () => {
	it('neutralises spreadsheet formulas and quotes separators', () => {
		expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
		expect(csvCell('-1+2')).toBe("'-1+2");
		expect(csvCell('@cmd')).toBe("'@cmd");
		expect(csvCell('a;b')).toBe('"a;b"');
		expect(csvCell('zei "ja"')).toBe('"zei ""ja"""');
		expect(csvCell('regel\nnieuw')).toBe('"regel\nnieuw"');
	});
	it('writes a BOM, a header and one line per entry with the time in Amsterdam', () => {
		const csv = auditToCsv([
			{
				at: new Date('2026-07-01T10:00:00Z'),
				actorNaam: 'Marieke Hoekstra',
				actorEmail: 'm@example.nl',
				role: 'beheerder',
				action: 'gebruiker_gedeactiveerd',
				entityType: 'user',
				entityId: UUID,
				organisationNaam: null,
				organisationId: null,
				regionNaam: 'Drenthe & Steenwijkerland',
				details: { sessiesBeeindigd: 2 }
			}
		]);
		expect(csv.startsWith('\uFEFFTijdstip')).toBe(true);
		const lines = csv.slice(1).trimEnd().split('\r\n');
		expect(lines).toHaveLength(2);
		expect(lines[1]).toBe(
			`2026-07-01 12:00:00;Marieke Hoekstra;m@example.nl;beheerder;Gebruiker gedeactiveerd;gebruiker_gedeactiveerd;Gebruiker;${UUID};;;Drenthe & Steenwijkerland;"{""sessiesBeeindigd"":2}"`
		);
	});
});
