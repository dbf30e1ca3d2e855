import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { bedUnits, locations, organisations } from '../db/schema';

export interface PublicBedCount {
	id: string;
	vrijeBedden: number;
	aantalBedden: number;
	/** ISO time of the last report, or null. */
	bijgewerktOp: string | null;
}

/**
 * The live part of the public organisation page: free beds per active bed unit, under the same visibility rule as the page
 * (an active organisation, active units at active locations). Null for an unknown or archived organisation.
 */
export async function publicBedCounts(
	db: Executor,
	slug: string
): Promise<{ bedden: PublicBedCount[] } | null> {
	const [organisation] = await db
		.select({ id: organisations.id })
		.from(organisations)
		.where(and(eq(organisations.slug, slug), eq(organisations.status, 'actief')));
	if (!organisation) return null;
	const rows = await db
		.select({
			id: bedUnits.id,
			vrijeBedden: bedUnits.vrijeBedden,
			aantalBedden: bedUnits.aantalBedden,
			bijgewerktOp: bedUnits.beschikbaarheidBijgewerktOp
		})
		.from(bedUnits)
		.innerJoin(locations, eq(locations.id, bedUnits.locationId))
		.where(
			and(
				eq(bedUnits.organisationId, organisation.id),
				eq(bedUnits.status, 'actief'),
				eq(locations.status, 'actief')
			)
		)
		.orderBy(asc(bedUnits.id));
	return { bedden: rows.map((r) => ({ ...r, bijgewerktOp: r.bijgewerktOp?.toISOString() ?? null })) };
}
