import { describe, expect, it } from 'vitest';
import { ordenAntwoord, type OrdenbareDienst } from '../../../src/lib/domain/wegwijzer/ordening';
import { leesMoment } from '../../../src/lib/domain/wegwijzer/tijd';

const werkdagen = [1, 2, 3, 4, 5].map((dag) => ({ dag, van: '08:00', tot: '17:00' }));

function dienst(naam: string, categorie: string, extra: Partial<OrdenbareDienst> = {}): OrdenbareDienst {
	return {
		naam,
		categorie,
		voorProfessionals: false,
		afstandKm: null,
		dagEnNacht: false,
		openingstijden: werkdagen,
		...extra
	};
}

const diensten: OrdenbareDienst[] = [
	dienst('Steunpunt Mantelzorg', 'mantelzorgondersteuning', { afstandKm: 1.2 }),
	dienst('VPTZ ver weg', 'vptz', { afstandKm: 14 }),
	dienst('VPTZ dichtbij', 'vptz', { afstandKm: 2 }),
	dienst('Huisartsen Steenwijk', 'huisarts', { afstandKm: 0.4 }),
	dienst('Huisartsenpost', 'huisartsenpost', { afstandKm: 20, dagEnNacht: true, openingstijden: [] }),
	dienst('VPTZ nachtwacht', 'vptz', { afstandKm: 30, dagEnNacht: true, openingstijden: [] }),
	dienst('Consultatieteam', 'consultatie', { voorProfessionals: true, afstandKm: 5, dagEnNacht: true }),
	dienst('Hospice (niet gevraagd)', 'hospice', { afstandKm: 3 })
];
const vraag = ['mantelzorgondersteuning', 'vptz', 'huisarts', 'huisartsenpost'];
const namen = (groepen: { diensten: { naam: string }[] }[]) =>
	groepen.map((g) => g.diensten.map((d) => d.naam));

describe('ordenAntwoord', () => {
	it('in office hours follows the question, nearest first within a category', () => {
		const a = ordenAntwoord(diensten, vraag, leesMoment('2026-11-19T10:00'));
		expect(a.buitenKantoortijd).toBe(false);
		expect(a.groepen.map((g) => g.categorie)).toEqual(vraag);
		expect(namen(a.groepen)).toEqual([
			['Steunpunt Mantelzorg'],
			['VPTZ dichtbij', 'VPTZ ver weg', 'VPTZ nachtwacht'],
			['Huisartsen Steenwijk'],
			['Huisartsenpost']
		]);
		expect(a.groepen[0].diensten[0].nuBereikbaar).toBe(true);
	});

	it('at night puts the day-and-night lines first, keeping the question order otherwise', () => {
		const a = ordenAntwoord(diensten, vraag, leesMoment('2026-11-21T03:00'));
		expect(a.buitenKantoortijd).toBe(true);
		expect(a.groepen.map((g) => g.categorie)).toEqual([
			'vptz',
			'huisartsenpost',
			'mantelzorgondersteuning',
			'huisarts'
		]);
		expect(a.groepen[0].diensten.map((d) => d.naam)).toEqual([
			'VPTZ nachtwacht',
			'VPTZ dichtbij',
			'VPTZ ver weg'
		]);
		// The first service of every group that moved up is a day-and-night line that is reachable now.
		for (const groep of a.groepen.slice(0, 2))
			expect(groep.diensten[0]).toMatchObject({ dagEnNacht: true, nuBereikbaar: true });
		expect(
			a.groepen
				.slice(2)
				.flatMap((g) => g.diensten)
				.some((d) => d.nuBereikbaar)
		).toBe(false);
	});

	it('keeps consultation lines for professionals apart, never in the groups', () => {
		const a = ordenAntwoord(diensten, [...vraag, 'consultatie'], leesMoment('2026-11-19T10:00'));
		expect(a.voorProfessionals.map((d) => d.naam)).toEqual(['Consultatieteam']);
		expect(a.groepen.flatMap((g) => g.diensten).some((d) => d.voorProfessionals)).toBe(false);
		expect(a.groepen.find((g) => g.categorie === 'consultatie')?.diensten).toEqual([]);
	});

	it('leaves out categories the question does not ask for, and keeps empty ones so the page can say so', () => {
		const a = ordenAntwoord(diensten, ['huisarts', 'rouwbegeleiding'], leesMoment('2026-11-19T10:00'));
		expect(namen(a.groepen)).toEqual([['Huisartsen Steenwijk'], []]);
	});

	it('without a moment (the printed card) orders by question and distance only', () => {
		const a = ordenAntwoord(diensten, vraag, null);
		expect(a.buitenKantoortijd).toBe(false);
		expect(a.groepen.map((g) => g.categorie)).toEqual(vraag);
		expect(a.groepen.flatMap((g) => g.diensten).every((d) => d.bereikbaarheid === null)).toBe(true);
	});

	it('puts services with an unknown distance after the known ones', () => {
		const a = ordenAntwoord(
			[
				dienst('B zonder adres', 'vptz'),
				dienst('A zonder adres', 'vptz'),
				dienst('C', 'vptz', { afstandKm: 40 })
			],
			['vptz'],
			null
		);
		expect(namen(a.groepen)).toEqual([['C', 'A zonder adres', 'B zonder adres']]);
	});
});
