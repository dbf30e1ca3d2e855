import type { FacetCount, SearchFacets } from './engine';
import type { FilterKey, SearchState } from './url';

/** One checkbox of a facet: value, label, how many results it gives, whether it is ticked. */
export interface FacetOption {
	value: string;
	label: string;
	count: number;
	selected: boolean;
}

export interface FacetGroup {
	key: FilterKey;
	legend: string;
	options: FacetOption[];
	/** Options left out because the list would be too long to use (see limitFacetOptions). */
	hidden: number;
}

export interface LabelledFacets {
	groups: FacetGroup[];
	dagEnNacht: { count: number; selected: boolean };
}

export const facetLegends: Record<FilterKey, string> = {
	type: 'Soort organisatie',
	doelgroep: 'Doelgroep',
	expertise: 'Expertise',
	regio: 'Regio (netwerk palliatieve zorg)',
	gemeente: 'Gemeente'
};

/**
 * Facet counts with labels, in a stable order (most results first). Ticked values stay visible even at zero results, so a
 * filter can always be unticked; values without a label (unknown code) are left out.
 */
export function labelFacetGroup(
	key: FilterKey,
	counts: readonly FacetCount[],
	selected: readonly string[],
	label: (value: string) => string | null
): FacetGroup {
	const byValue = new Map(counts.map((c) => [c.value, c.count]));
	const values = [...new Set([...counts.map((c) => c.value), ...selected])];
	const options: FacetOption[] = [];
	for (const value of values) {
		const l = label(value);
		if (l === null) continue;
		options.push({ value, label: l, count: byValue.get(value) ?? 0, selected: selected.includes(value) });
	}
	options.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'nl'));
	return { key, legend: facetLegends[key], options, hidden: 0 };
}

/**
 * Long facets (342 gemeenten, 70 networks) are cut to the values with the most results, plus every ticked value: a list of
 * hundreds of checkboxes helps nobody and makes every page heavy. A postcode with a radius is the way to a place.
 */
export function limitFacetOptions(group: FacetGroup, max: number): FacetGroup {
	if (group.options.length <= max) return group;
	const kept = group.options.filter((o, i) => i < max || o.selected);
	return { ...group, options: kept, hidden: group.options.length - kept.length };
}

export function labelFacets(
	facets: SearchFacets,
	state: SearchState,
	labels: Record<FilterKey, (value: string) => string | null>,
	/** Facet values as the engine counts them may differ from URL values (region ids vs slugs). */
	toUrlValue: Partial<Record<FilterKey, (engineValue: string) => string | null>> = {},
	maxOptions: Partial<Record<FilterKey, number>> = { regio: 20, gemeente: 20 }
): LabelledFacets {
	const keys: FilterKey[] = ['type', 'doelgroep', 'expertise', 'regio', 'gemeente'];
	const groups = keys.map((key) => {
		const convert = toUrlValue[key];
		const counts = convert
			? facets[key].flatMap((c) => {
					const v = convert(c.value);
					return v === null ? [] : [{ value: v, count: c.count }];
				})
			: facets[key];
		const group = labelFacetGroup(key, counts, state[key], labels[key]);
		return maxOptions[key] ? limitFacetOptions(group, maxOptions[key]) : group;
	});
	return { groups, dagEnNacht: { count: facets.dagEnNacht, selected: state.dagEnNacht } };
}
