/**
 * Finding a gemeente from what a visitor types: case and accents do not matter ("sudwest-fryslan" finds "Súdwest-Fryslân"),
 * nor do hyphens, apostrophes or the word "gemeente". Near misses get suggestions instead of a dead end.
 */

export interface GemeenteNaam {
	code: string;
	naam: string;
}

/** Everyday names that differ from the CBS name. */
const BIJNAMEN: Record<string, string> = {
	'den haag': 's gravenhage',
	'den bosch': 's hertogenbosch',
	hertogenbosch: 's hertogenbosch'
};

/** Lower case, no accents, only letters and digits separated by single spaces. */
export function normaliseerNaam(tekst: string): string {
	const basis = tekst
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim()
		.replace(/^gemeente /, '');
	return BIJNAMEN[basis] ?? basis;
}

/** Levenshtein distance, stopping early once it exceeds `max` (returns max + 1 then). */
export function bewerkingsafstand(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	let vorige = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const huidige = [i];
		let kleinste = i;
		for (let j = 1; j <= b.length; j++) {
			const kosten = a[i - 1] === b[j - 1] ? 0 : 1;
			huidige[j] = Math.min(vorige[j] + 1, huidige[j - 1] + 1, vorige[j - 1] + kosten);
			kleinste = Math.min(kleinste, huidige[j]);
		}
		if (kleinste > max) return max + 1;
		vorige = huidige;
	}
	return vorige[b.length];
}

export const MAX_SUGGESTIES = 5;

export interface GemeenteZoekresultaat<G extends GemeenteNaam> {
	/** The gemeente meant, when the name matches exactly (apart from case, accents and punctuation). */
	gevonden: G | null;
	/** Close names, best first; empty when `gevonden` is set. */
	suggesties: G[];
}

/**
 * Looks a name up among the gemeenten. Suggestions, best first: names that start with what was typed ("Steenwijk" →
 * Steenwijkerland), then names with a small typing error (up to one error per four letters, at least one), then names that
 * contain the text.
 */
export function zoekGemeente<G extends GemeenteNaam>(
	invoer: string,
	gemeenten: readonly G[]
): GemeenteZoekresultaat<G> {
	const gezocht = normaliseerNaam(invoer);
	if (gezocht.length === 0) return { gevonden: null, suggesties: [] };
	const genormaliseerd = gemeenten.map((g) => ({ g, n: normaliseerNaam(g.naam) }));
	const exact = genormaliseerd.find(
		(x) => x.n === gezocht || x.n.replace(/ /g, '') === gezocht.replace(/ /g, '')
	);
	if (exact) return { gevonden: exact.g, suggesties: [] };

	const maxFouten = Math.max(1, Math.floor(gezocht.length / 4));
	const scores: { g: G; score: number }[] = [];
	for (const { g, n } of genormaliseerd) {
		let score: number | null = null;
		if (gezocht.length >= 3 && n.startsWith(gezocht)) score = 0;
		else {
			const fouten = bewerkingsafstand(gezocht, n, maxFouten);
			if (fouten <= maxFouten) score = fouten;
			else if (gezocht.length >= 4 && n.includes(gezocht)) score = maxFouten + 1;
			else if (gezocht.length >= 4 && n.length >= 4 && gezocht.startsWith(n)) score = maxFouten + 1;
		}
		if (score !== null) scores.push({ g, score });
	}
	scores.sort((a, b) => a.score - b.score || a.g.naam.localeCompare(b.g.naam, 'nl'));
	return { gevonden: null, suggesties: scores.slice(0, MAX_SUGGESTIES).map((s) => s.g) };
}
