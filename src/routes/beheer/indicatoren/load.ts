import { indicatorenQuerySchema } from '$lib/domain/referral/verzoek-schemas';
import { firstErrors } from '$lib/forms/parse-form';
import { getDb } from '$lib/server/db';
import { referralIndicators } from '$lib/server/services/referral-indicators';
import type { SessionUser } from '$lib/server/auth/session';
import { error } from '@sveltejs/kit';

/** Shared by the page and the CSV export: the same filter gives the same numbers. */
export async function loadIndicatoren(url: URL, user: SessionUser) {
	const parsed = indicatorenQuerySchema.safeParse(Object.fromEntries(url.searchParams));
	const errors = parsed.success ? null : firstErrors(parsed.error);
	const result = await referralIndicators(getDb(), user, parsed.success ? parsed.data : {});
	if (!result.ok) {
		if (result.reden === 'geen_regio') return { ok: false as const, errors };
		error(403, 'U kunt alleen de indicatoren van uw eigen netwerk bekijken.');
	}
	return { ...result, errors };
}
