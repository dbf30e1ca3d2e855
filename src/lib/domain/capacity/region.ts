/**
 * A region's starting numbers from CBS data per gemeente: its deaths and its share of people aged 75+. A gemeente that
 * is split between networks counts with its estimated share of inhabitants (`aandeel`, 0–1) in each of them.
 */

export interface GemeenteDeaths {
	gemeenteCode: string;
	/** Share of the gemeente's inhabitants that lives in this region (0–1). */
	aandeel: number;
	/** CBS deaths in the chosen year; null when the open data has no figure. */
	overledenen: number | null;
}

export interface RegionalDeaths {
	overledenen: number;
	/** Gemeenten without a figure: the total is then too low, and the dashboard should say so. */
	ontbrekend: string[];
}

/** Deaths of a region in one year: the share-weighted sum over its gemeenten. */
export function regionalDeaths(gemeenten: readonly GemeenteDeaths[]): RegionalDeaths {
	let overledenen = 0;
	const ontbrekend: string[] = [];
	for (const g of gemeenten) {
		if (g.overledenen === null) ontbrekend.push(g.gemeenteCode);
		else overledenen += g.aandeel * g.overledenen;
	}
	return { overledenen, ontbrekend };
}

export interface GemeenteAgeStructure {
	aandeel: number;
	inwoners: number | null;
	/** Share of the gemeente's inhabitants aged 75 or over (0–1). */
	aandeel75Plus: number | null;
}

/**
 * Share of inhabitants aged 75+ over a set of gemeenten, weighted by inhabitants (and by region share), so a large
 * gemeente counts for what it weighs. Gemeenten without data are left out; null when none has data.
 */
export function share75Plus(gemeenten: readonly GemeenteAgeStructure[]): number | null {
	let inwoners = 0;
	let inwoners75 = 0;
	for (const g of gemeenten) {
		if (g.inwoners === null || g.aandeel75Plus === null) continue;
		inwoners += g.aandeel * g.inwoners;
		inwoners75 += g.aandeel * g.inwoners * g.aandeel75Plus;
	}
	return inwoners > 0 ? inwoners75 / inwoners : null;
}

/**
 * Weights a national growth rate of deaths toward regions with relatively more people aged 75+:
 *
 *   regional rate = national rate × (regional share 75+ ÷ national share 75+)
 *
 * Why: most deaths occur after 75, so the growth of deaths is driven by the growth of that group, and a region where
 * that group is relatively large sees proportionally more of the growth. The base deaths themselves already reflect
 * today's age structure; only the growth is weighted. A deliberately simple, explainable rule, to be replaced by a
 * regional prognosis when one exists. Without age data the national rate is returned unchanged.
 */
export function ageWeightedGrowthRate(
	nationalRate: number,
	regionalShare75: number | null,
	nationalShare75: number | null
): number {
	if (regionalShare75 === null || nationalShare75 === null || nationalShare75 <= 0) return nationalRate;
	return nationalRate * (regionalShare75 / nationalShare75);
}
