import type { SortOrder } from './engine';

/** One plain sentence about the results (also read out by screen readers after each search). */
export function describeResults(input: {
	total: number;
	q: string;
	origin: { postcode: string; gemeente: string | null } | null;
	straal: number | null;
	sort: SortOrder;
	filters: number;
}): string {
	const { total, q, origin, straal, sort, filters } = input;
	const parts = [
		total === 0
			? 'Geen resultaten'
			: total === 1
				? '1 resultaat'
				: `${total.toLocaleString('nl-NL')} resultaten`
	];
	if (q) parts.push(`voor “${q}”`);
	if (origin) {
		const waar = `postcode ${origin.postcode}${origin.gemeente ? ` (${origin.gemeente})` : ''}`;
		parts.push(straal !== null ? `binnen ${straal} km van ${waar}` : `bij ${waar}`);
	}
	if (filters > 0) parts.push(filters === 1 ? 'met 1 filter' : `met ${filters} filters`);
	let sentence = parts.join(' ');
	if (total > 1)
		sentence += sort === 'afstand' ? ', dichtstbij eerst' : q ? ', beste overeenkomst eerst' : ', op naam';
	return `${sentence}.`;
}
