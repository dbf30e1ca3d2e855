/**
 * Reads the bundled CBS open data for the capacity tests. Tests may do I/O; the domain functions they feed stay pure.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

const OPEN_DATA = fileURLToPath(new URL('../../../static/open-data/', import.meta.url));

function readCsv(file: string): Record<string, string>[] {
	const parsed = Papa.parse<Record<string, string>>(readFileSync(OPEN_DATA + file, 'utf8'), {
		header: true,
		skipEmptyLines: true
	});
	if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0].message}`);
	return parsed.data;
}

export interface GemeenteRow {
	code: string;
	naam: string;
	inwoners2023: number;
	overledenen: Record<2021 | 2022 | 2023, number>;
}

export interface AgeRow {
	code: string;
	inwoners: number;
	aandeel75Plus: number;
}

export interface NetworkMember {
	netwerk: string;
	gemeenteCode: string;
	aandeel: number;
}

export function gemeenten(): Map<string, GemeenteRow> {
	return new Map(
		readCsv('bevolking_gemeenten.csv').map((r) => [
			r.gemeente_code,
			{
				code: r.gemeente_code,
				naam: r.gemeente_naam,
				inwoners2023: Number(r.bevolking_1jan2023),
				overledenen: {
					2021: Number(r.overledenen_2021),
					2022: Number(r.overledenen_2022),
					2023: Number(r.overledenen_2023)
				}
			}
		])
	);
}

/** Share 75+ = share 75–84 + share 85+; inhabitants as summed from PC4 (the base of those shares). */
export function ageStructure(): Map<string, AgeRow> {
	return new Map(
		readCsv('leeftijd_gemeenten_2021.csv').map((r) => [
			r.gemeente_code,
			{
				code: r.gemeente_code,
				inwoners: Number(r.som_pc4_inwoners_2021),
				aandeel75Plus: Number(r.aandeel_75_84) + Number(r.aandeel_85plus)
			}
		])
	);
}

export function networkMembers(): NetworkMember[] {
	return readCsv('netwerken.csv').map((r) => ({
		netwerk: r.netwerk_id,
		gemeenteCode: r.gemeente_code,
		aandeel: Number(r.aandeel_schatting)
	}));
}
