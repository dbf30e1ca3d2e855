import type { LabelLookup } from '../../domain/search/document';
import type { Executor } from '../db/client';
import { eq, isNull } from 'drizzle-orm';
import { gemeenten, regionGemeenten, regions } from '../db/schema';
import { loadLabels } from './documents';

/**
 * Small reference lists the search page needs on every request (labels, regions, gemeente names), cached per process for a
 * minute: they change rarely and reading them each time would cost more than the search itself.
 */

const CACHE_MS = 60_000;

export interface RegionRef {
	id: string;
	slug: string;
	naam: string;
	parentId: string | null;
}

export interface SearchReference {
	label: LabelLookup;
	regions: RegionRef[];
	regionById: Map<string, RegionRef>;
	regionBySlug: Map<string, RegionRef>;
	gemeenteNaam: Map<string, string>;
}

let cached: { at: number; value: Promise<SearchReference> } | undefined;

export function loadSearchReference(db: Executor, now = Date.now()): Promise<SearchReference> {
	if (cached && now - cached.at < CACHE_MS) return cached.value;
	const value = (async () => {
		const [label, regionRows, gemeenteRows] = await Promise.all([
			loadLabels(db),
			db
				.select({ id: regions.id, slug: regions.slug, naam: regions.naam, parentId: regions.parentId })
				.from(regions),
			db.select({ code: gemeenten.code, naam: gemeenten.naam }).from(gemeenten)
		]);
		regionRows.sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
		return {
			label,
			regions: regionRows,
			regionById: new Map(regionRows.map((r) => [r.id, r])),
			regionBySlug: new Map(regionRows.map((r) => [r.slug, r])),
			gemeenteNaam: new Map(gemeenteRows.map((g) => [g.code, g.naam]))
		};
	})();
	value.catch(() => {
		if (cached?.value === value) cached = undefined;
	});
	cached = { at: now, value };
	return value;
}

export function clearSearchReferenceCache() {
	cached = undefined;
}

/** The networks (top level) with their gemeenten, for drawing region outlines on the map. */
export async function regionMemberships(
	db: Executor
): Promise<{ slug: string; naam: string; gemeenten: string[] }[]> {
	const rows = await db
		.select({ slug: regions.slug, naam: regions.naam, gemeenteCode: regionGemeenten.gemeenteCode })
		.from(regions)
		.innerJoin(regionGemeenten, eq(regionGemeenten.regionId, regions.id))
		.where(isNull(regions.parentId));
	const bySlug = new Map<string, { slug: string; naam: string; gemeenten: string[] }>();
	for (const r of rows) {
		const region = bySlug.get(r.slug) ?? { slug: r.slug, naam: r.naam, gemeenten: [] };
		region.gemeenten.push(r.gemeenteCode);
		bySlug.set(r.slug, region);
	}
	return [...bySlug.values()].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
}
