import { describe, expect, it } from 'vitest';
import {
	leesWegwijzerQuery,
	MAX_CATEGORIEEN,
	nieuweVraagSchema,
	vraagAanpassenSchema
} from '../../../src/lib/domain/wegwijzer/schemas';

const geldig = {
	titel: 'Ik zoek hulp in de nacht',
	uitleg: 'Bel de huisartsenpost als het niet kan wachten.',
	version: '2'
};

describe('vraagAanpassenSchema', () => {
	it('reads the numbered categories into their order', () => {
		const r = vraagAanpassenSchema.safeParse({
			...geldig,
			volgorde_huisarts: '2',
			volgorde_huisartsenpost: '1',
			volgorde_vptz: '',
			verborgen: 'on'
		});
		expect(r.success && r.data).toEqual({
			titel: geldig.titel,
			uitleg: geldig.uitleg,
			verborgen: true,
			version: 2,
			categorieen: ['huisartsenpost', 'huisarts']
		});
	});

	const fout = (input: Record<string, string>) => {
		const r = vraagAanpassenSchema.safeParse(input);
		return r.success ? null : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
	};

	it('asks for at least one category, each with its own number', () => {
		expect(fout(geldig)).toEqual({ categorieen: 'Kies minstens één soort hulp die deze vraag beantwoordt.' });
		expect(fout({ ...geldig, volgorde_huisarts: '1', volgorde_vptz: '1' })).toEqual({
			categorieen: 'Geef elke soort hulp een eigen nummer.'
		});
		expect(fout({ ...geldig, volgorde_huisarts: 'een' })?.categorieen).toContain('nummer');
	});

	it(`allows at most ${MAX_CATEGORIEEN} categories`, () => {
		const codes = [
			'huisarts',
			'huisartsenpost',
			'wijkverpleging',
			'vptz',
			'geestelijke_verzorging',
			'mantelzorgondersteuning',
			'sociaal_werk',
			'hospice',
			'apotheek'
		];
		const input = { ...geldig, ...Object.fromEntries(codes.map((c, i) => [`volgorde_${c}`, String(i + 1)])) };
		expect(fout(input)?.categorieen).toContain(`hoogstens ${MAX_CATEGORIEEN}`);
	});

	it('gives Dutch messages for short texts and a missing version', () => {
		const e = fout({ titel: 'kort', uitleg: 'te kort', version: '', volgorde_huisarts: '1' });
		expect(e?.titel).toBe('Schrijf de vraag in minstens 5 tekens.');
		expect(e?.uitleg).toBe('Schrijf een uitleg van minstens 10 tekens.');
	});
});

describe('nieuweVraagSchema', () => {
	it('needs a known theme', () => {
		expect(nieuweVraagSchema.safeParse({ ...geldig, thema: 'mantelzorg', volgorde_vptz: '1' }).success).toBe(
			true
		);
		const r = nieuweVraagSchema.safeParse({ ...geldig, thema: 'onbekend', volgorde_vptz: '1' });
		expect(r.success ? null : r.error.issues[0].message).toBe('Kies bij welk onderwerp de vraag hoort.');
	});
});

describe('leesWegwijzerQuery', () => {
	it('keeps short values and drops empty or overlong ones', () => {
		expect(leesWegwijzerQuery(new URLSearchParams(`postcode=8331&vraag=&moment=${'9'.repeat(101)}`))).toEqual(
			{
				plaats: undefined,
				postcode: '8331',
				gemeente: undefined,
				vraag: undefined,
				moment: undefined
			}
		);
	});
});
