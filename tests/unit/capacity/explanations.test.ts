import { describe, expect, it } from 'vitest';
import { explainBlocking, explainOccupancyNorm } from '$domain/capacity/explanations';

describe('explainOccupancyNorm', () => {
	it('explains the norm with the numbers of the prognosis', () => {
		// 409 patients × 22 days ÷ 365 = 24.6 beds in use on an average day; ÷ 0.8 = 30.8 → 31 beds.
		const text = explainOccupancyNorm({ bezettingsnorm: 0.8, ligduurDagen: 22, opnamesPerJaar: 408.76 });
		expect(text).toMatch(/^Bij een bezettingsnorm van 80% is gemiddeld 8 van de 10 bedden bezet/);
		expect(text).toContain('ongeveer 409 opnames per jaar');
		expect(text).toContain('gemiddelde verblijfsduur van 22 dagen');
		expect(text).toContain('24,6 bedden bezet');
		expect(text).toContain('Om de bezetting op 80% te houden zijn 31 bedden nodig.');
	});

	it('writes Dutch decimals and singular forms', () => {
		// 1 patient × 22.5 days ÷ 365 = 0.06 beds; ÷ 0.75 = 0.08 → 1 bed.
		const text = explainOccupancyNorm({ bezettingsnorm: 0.75, ligduurDagen: 22.5, opnamesPerJaar: 1 });
		expect(text).toContain('7,5 van de 10 bedden');
		expect(text).toContain('1 opname per jaar');
		expect(text).toContain('22,5 dagen');
		expect(text).toContain('is 1 bed nodig.');
	});
});

describe('explainBlocking', () => {
	it('gives the chance of no free bed and the beds for the target', () => {
		// B(9, 6.6) = 10.3%, about 1 in 10 requests; the 1% target needs 13 beds (see erlang.test.ts).
		const text = explainBlocking({ bedden: 9, aanbod: 6.6, doelKans: 0.01 });
		expect(text).toMatch(/^De kans dat er geen bed vrij is als iemand een bed nodig heeft, is met 9 bedden/);
		expect(text).toContain('ongeveer 10,3% (ongeveer 1 op de 10 aanvragen)');
		expect(text).toContain('Om die kans op hoogstens 1% te houden, zijn minstens 13 bedden nodig.');
		expect(text).toContain('Erlang-B');
	});

	it('does not show false precision for tiny chances', () => {
		expect(explainBlocking({ bedden: 807, aanbod: 645, doelKans: 0.1 })).toContain('minder dan 0,1%');
	});
});
