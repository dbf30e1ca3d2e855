/**
 * Indicators for a network's beheerder: aggregated figures over the referrals of their region (or a sub-region) and a
 * period. A beheerder never opens an individual referral; nothing here returns one.
 */
import { computeIndicators, type ReferralIndicators } from '../../domain/referral/indicators';
import {
	amsterdamDate,
	amsterdamMidnight,
	defaultPeriode,
	type IndicatorenQuery
} from '../../domain/referral/verzoek-schemas';
import type { Executor } from '../db/client';
import { referralsForIndicators } from '../repositories/referrals';
import { gemeenteCodesOfRegion, listRegions, regionWithChildren } from '../repositories/regions';
import type { ReferralActor } from './referrals';

export type IndicatorenResult =
	| {
			ok: true;
			regio: { id: string; slug: string; naam: string };
			/** The regions this beheerder may choose from: their network and its sub-regions. */
			regios: { id: string; slug: string; naam: string; isSubregio: boolean }[];
			van: string;
			tot: string;
			indicatoren: ReferralIndicators;
	  }
	| { ok: false; reden: 'geen_regio' | 'geen_toegang' };

export async function referralIndicators(
	db: Executor,
	user: ReferralActor,
	query: IndicatorenQuery,
	now = new Date()
): Promise<IndicatorenResult> {
	if (user.role !== 'beheerder') return { ok: false, reden: 'geen_toegang' };
	if (!user.regionId) return { ok: false, reden: 'geen_regio' };
	const allowedIds = new Set(await regionWithChildren(db, user.regionId));
	const regios = (await listRegions(db))
		.filter((r) => allowedIds.has(r.id))
		.map((r) => ({ id: r.id, slug: r.slug, naam: r.naam, isSubregio: r.id !== user.regionId }))
		.sort((a, b) => Number(a.isSubregio) - Number(b.isSubregio) || a.naam.localeCompare(b.naam, 'nl'));
	const regio = query.regio ? regios.find((r) => r.slug === query.regio) : regios.find((r) => !r.isSubregio);
	if (!regio) return { ok: false, reden: 'geen_toegang' };

	const standaard = defaultPeriode(amsterdamDate(now));
	const van = query.van ?? (query.tot && query.tot < standaard.van ? query.tot : standaard.van);
	const tot = query.tot ?? standaard.tot;
	const eindeExclusief = new Date(`${tot}T00:00:00Z`);
	eindeExclusief.setUTCDate(eindeExclusief.getUTCDate() + 1);

	const [gemeenteCodes, regionIds] = await Promise.all([
		gemeenteCodesOfRegion(db, regio.id),
		regionWithChildren(db, regio.id)
	]);
	const { referrals, requests } = await referralsForIndicators(db, {
		gemeenteCodes,
		regionIds,
		from: amsterdamMidnight(van),
		to: amsterdamMidnight(eindeExclusief.toISOString().slice(0, 10))
	});
	return {
		ok: true,
		regio: { id: regio.id, slug: regio.slug, naam: regio.naam },
		regios,
		van,
		tot,
		indicatoren: computeIndicators(referrals, requests, new Set(gemeenteCodes))
	};
}
