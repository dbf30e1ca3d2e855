/**
 * The expertise map of a region: for each expertise, which organisations offer it, split by organisation type or by
 * gemeente. An empty cell is the point of the table: it tells network staff where knowledge is missing.
 */
import { z } from 'zod';

/** The page's input shape (URL parameters): lenient, a bad value falls back to the default. */
export const expertiseQuerySchema = z.object({
	regio: z
		.string()
		.trim()
		.regex(/^[a-z0-9][a-z0-9-]{0,80}$/)
		.optional()
		.catch(undefined),
	weergave: z.enum(['type', 'gemeente']).catch('type')
});

export interface MatrixOrganisation {
	id: string;
	slug: string;
	naam: string;
	type: string;
	isVoorbeeld: boolean;
}

export interface MatrixService {
	id: string;
	expertise: readonly string[];
	organisation: MatrixOrganisation;
	/** Gemeenten of the region where the service is offered. */
	gemeenteCodes: readonly string[];
}

export interface MatrixColumn {
	key: string;
	label: string;
}

export interface MatrixCell {
	/** Distinct organisations, sorted by name. Empty means: missing ("ontbreekt"). */
	organisaties: Pick<MatrixOrganisation, 'slug' | 'naam' | 'isVoorbeeld'>[];
}

export interface MatrixRow {
	code: string;
	label: string;
	/** One cell per column, in column order. */
	cells: MatrixCell[];
	/** Distinct organisations in the region with this expertise (over all columns). */
	totaal: number;
}

export interface ExpertiseMatrix {
	columns: MatrixColumn[];
	rows: MatrixRow[];
	/** Expertise that no organisation in the region offers at all. */
	ontbrekend: MatrixColumn[];
	/** Number of empty cells. */
	legeCellen: number;
}

export type MatrixView = z.infer<typeof expertiseQuerySchema>['weergave'];

function sortByName<T extends { naam: string }>(items: T[]): T[] {
	return items.toSorted((a, b) => a.naam.localeCompare(b.naam, 'nl'));
}

/**
 * Build the matrix. `columnsOf` says in which columns a service counts (its organisation's type, or its gemeenten);
 * a service whose columns are not in `columns` only counts in the row total.
 */
export function buildExpertiseMatrix(
	services: readonly MatrixService[],
	expertise: readonly MatrixColumn[],
	columns: readonly MatrixColumn[],
	columnsOf: (service: MatrixService) => readonly string[]
): ExpertiseMatrix {
	const columnIndex = new Map(columns.map((c, i) => [c.key, i]));
	const rows: MatrixRow[] = expertise.map(({ key, label }) => {
		const cells = columns.map(() => new Map<string, MatrixOrganisation>());
		const all = new Set<string>();
		for (const s of services) {
			if (!s.expertise.includes(key)) continue;
			all.add(s.organisation.id);
			for (const col of columnsOf(s)) {
				const i = columnIndex.get(col);
				if (i !== undefined) cells[i].set(s.organisation.id, s.organisation);
			}
		}
		return {
			code: key,
			label,
			cells: cells.map((m) => ({
				organisaties: sortByName([...m.values()]).map(({ slug, naam, isVoorbeeld }) => ({
					slug,
					naam,
					isVoorbeeld
				}))
			})),
			totaal: all.size
		};
	});
	return {
		columns: [...columns],
		rows,
		ontbrekend: rows.filter((r) => r.totaal === 0).map((r) => ({ key: r.code, label: r.label })),
		legeCellen: rows.reduce((n, r) => n + r.cells.filter((c) => c.organisaties.length === 0).length, 0)
	};
}

/**
 * Columns for the "per organisation type" view: the types that occur among the region's organisations, in vocabulary
 * order. Types with no organisation in the region are returned apart, so the page can name them instead of showing a
 * column that is empty by definition.
 */
export function typeColumns(
	services: readonly MatrixService[],
	types: readonly MatrixColumn[]
): { columns: MatrixColumn[]; afwezig: MatrixColumn[] } {
	const present = new Set(services.map((s) => s.organisation.type));
	return {
		columns: types.filter((t) => present.has(t.key)),
		afwezig: types.filter((t) => !present.has(t.key))
	};
}

export const columnsOfView: Record<MatrixView, (s: MatrixService) => readonly string[]> = {
	type: (s) => [s.organisation.type],
	gemeente: (s) => s.gemeenteCodes
};
