/**
 * CSV of a result list, for a spreadsheet. Semicolons and a byte-order mark, because Dutch Excel opens that correctly with
 * a double click; cells that a spreadsheet would run as a formula are neutralised.
 */
import { csvCell } from '../csv';

export interface CsvHit {
	naam: string;
	organisation: { slug: string; naam: string };
	typeLabel: string;
	categorieLabel: string;
	doelgroepLabels: string[];
	expertiseLabels: string[];
	dagEnNacht: boolean;
	voorProfessionals: boolean;
	telefoon: string | null;
	locaties: { naam: string; adres: string | null; postcode: string | null; plaats: string | null }[];
	afstandKm: number | null;
}

export const csvColumns = [
	'Dienst',
	'Organisatie',
	'Soort organisatie',
	'Soort hulp',
	'Doelgroepen',
	'Expertise',
	'Dag en nacht bereikbaar',
	'Alleen voor zorgverleners',
	'Telefoon',
	'Adressen',
	'Afstand (km)',
	'Organisatiepagina'
] as const;

function address(l: CsvHit['locaties'][number]): string {
	return [l.adres, [l.postcode, l.plaats].filter(Boolean).join(' ')].filter(Boolean).join(', ') || l.naam;
}

export function hitsToCsv(hits: readonly CsvHit[], origin: string): string {
	const rows = hits.map((h) => [
		h.naam,
		h.organisation.naam,
		h.typeLabel,
		h.categorieLabel,
		h.doelgroepLabels.join(', '),
		h.expertiseLabels.join(', '),
		h.dagEnNacht ? 'ja' : 'nee',
		h.voorProfessionals ? 'ja' : 'nee',
		h.telefoon ?? '',
		h.locaties.map(address).join(' | '),
		h.afstandKm === null ? '' : String(h.afstandKm).replace('.', ','),
		`${origin}/organisaties/${h.organisation.slug}`
	]);
	return '\uFEFF' + [[...csvColumns], ...rows].map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
