import { parseForm } from '$lib/forms/parse-form';
import { afwijzenSchema } from '$lib/domain/referral/verzoek-schemas';
import { getDb } from '$lib/server/db';
import { acceptRequest, declineRequest, openRequestForOrganisation } from '$lib/server/services/referrals';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const NIET_GEVONDEN = 'Dit verzoek bestaat niet of is niet aan uw organisatie gericht.';

export const load: PageServerLoad = async ({ params, locals }) => {
	const opened = await openRequestForOrganisation(getDb(), locals.user!, params.id);
	if (!opened) error(404, NIET_GEVONDEN);
	const { verzoek, verwijzing, unit, verwijzer, anderGeaccepteerd } = opened;
	return {
		verzoek: {
			id: verzoek.id,
			status: verzoek.status,
			afwijsreden: verzoek.afwijsreden,
			toelichting: verzoek.toelichting,
			intrekreden: verzoek.intrekreden,
			score: verzoek.score,
			afstandKm: verzoek.afstandKm,
			afstandNaastenKm: verzoek.afstandNaastenKm,
			redenen: verzoek.redenen,
			verzondenAt: verzoek.verzondenAt,
			beantwoordAt: verzoek.beantwoordAt,
			ingetrokkenAt: verzoek.ingetrokkenAt
		},
		verwijzing: {
			status: verwijzing.status,
			leeftijdscategorie: verwijzing.leeftijdscategorie,
			doelgroepen: verwijzing.doelgroepen,
			zorgbehoeften: verwijzing.zorgbehoeften,
			settings: verwijzing.settings,
			prognose: verwijzing.prognose,
			urgentie: verwijzing.urgentie,
			wensen: verwijzing.wensen,
			anonymisedAt: verwijzing.anonymisedAt
		},
		unit,
		verwijzer,
		anderGeaccepteerd
	};
};

export const actions: Actions = {
	accepteren: async ({ params, locals }) => {
		const result = await acceptRequest(getDb(), locals.user!, params.id);
		if (!result.ok) {
			if (result.reden === 'niet_gevonden') error(404, NIET_GEVONDEN);
			return fail(409, { melding: result.melding, geenBed: result.reden === 'geen_bed' });
		}
		return { geaccepteerd: result.unit };
	},
	afwijzen: async ({ request, params, locals }) => {
		const parsed = parseForm(afwijzenSchema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const result = await declineRequest(getDb(), locals.user!, params.id, parsed.data);
		if (!result.ok) {
			if (result.reden === 'niet_gevonden') error(404, NIET_GEVONDEN);
			return fail(409, { melding: result.melding, values: parsed.values });
		}
		return { afgewezen: true };
	}
};
