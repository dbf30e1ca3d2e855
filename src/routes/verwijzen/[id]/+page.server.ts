import { parseForm } from '$lib/forms/parse-form';
import { versturenSchema } from '$lib/domain/referral/verzoek-schemas';
import { getDb } from '$lib/server/db';
import {
	closeReferral,
	openReferralForVerwijzer,
	sendRequests,
	withdrawRequest
} from '$lib/server/services/referrals';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

/** Near misses shown to the verwijzer; the rest is summarised as a count. */
const UITGESLOTEN_TONEN = 15;

const NIET_GEVONDEN = 'Deze verwijzing bestaat niet of is niet van u.';

export const load: PageServerLoad = async ({ params, locals }) => {
	const opened = await openReferralForVerwijzer(getDb(), locals.user!, params.id);
	if (!opened) error(404, NIET_GEVONDEN);
	const { verwijzing, verzoeken, match } = opened;
	const unitOf = (u: NonNullable<typeof match>['kandidaten'][number]['unit']) => ({
		id: u.id,
		naam: u.naam,
		organisationNaam: u.organisationNaam,
		organisationSlug: u.organisationSlug,
		plaats: u.plaats,
		setting: u.setting,
		aantalBedden: u.aantalBedden,
		vrijeBedden: u.vrijeBedden
	});
	return {
		verwijzing: {
			id: verwijzing.id,
			status: verwijzing.status,
			leeftijdscategorie: verwijzing.leeftijdscategorie,
			pc4Verblijf: verwijzing.pc4Verblijf,
			pc4Naasten: verwijzing.pc4Naasten,
			doelgroepen: verwijzing.doelgroepen,
			zorgbehoeften: verwijzing.zorgbehoeften,
			settings: verwijzing.settings,
			prognose: verwijzing.prognose,
			urgentie: verwijzing.urgentie,
			maxAfstandKm: verwijzing.maxAfstandKm,
			wensen: verwijzing.wensen,
			createdAt: verwijzing.createdAt,
			closedAt: verwijzing.closedAt,
			anonymisedAt: verwijzing.anonymisedAt
		},
		verzoeken,
		match: match
			? {
					kandidaten: match.kandidaten.map((k) => ({
						unit: unitOf(k.unit),
						score: k.score,
						afstandKm: k.afstandKm,
						afstandNaastenKm: k.afstandNaastenKm,
						verouderd: k.verouderd,
						redenen: k.redenen
					})),
					uitgesloten: match.uitgesloten.slice(0, UITGESLOTEN_TONEN).map((u) => ({
						unit: unitOf(u.unit),
						afstandKm: u.afstandKm,
						redenen: u.redenen
					})),
					aantalUitgesloten: match.uitgesloten.length
				}
			: null
	};
};

export const actions: Actions = {
	versturen: async ({ request, params, locals }) => {
		const parsed = parseForm(versturenSchema, await request.formData(), ['bedUnitIds']);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const result = await sendRequests(getDb(), locals.user!, params.id, parsed.data);
		if (!result.ok) {
			if (result.reden === 'niet_gevonden') error(404, NIET_GEVONDEN);
			return fail(409, { melding: result.melding, errors: result.errors, values: parsed.values });
		}
		return { verzonden: result.verzonden };
	},
	intrekken: async ({ request, locals }) => {
		const verzoekId = String((await request.formData()).get('verzoekId') ?? '');
		const result = await withdrawRequest(getDb(), locals.user!, verzoekId);
		if (!result.ok) {
			if (result.reden === 'niet_gevonden') error(404, NIET_GEVONDEN);
			return fail(409, { melding: result.melding });
		}
		return { ingetrokken: true };
	},
	afsluiten: async ({ params, locals }) => {
		const result = await closeReferral(getDb(), locals.user!, params.id);
		if (!result.ok) {
			if (result.reden === 'niet_gevonden') error(404, NIET_GEVONDEN);
			return fail(409, { melding: result.melding });
		}
		return { afgesloten: true };
	}
};
