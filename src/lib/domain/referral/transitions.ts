/**
 * The status rules of referrals (verwijzingen) and their requests (verwijsverzoeken), as declarative tables plus named
 * guards. Services ask {@link checkVerzoekTransition} / {@link checkVerwijzingTransition} before every change and store
 * nothing the tables do not allow; the database adds a partial unique index so a second acceptance is impossible even
 * if a service forgot to ask.
 *
 * Final states are immutable: no transition leaves them.
 */

// ---- Statuses ----------------------------------------------------------------------------------------------------------

export const verwijzingStatussen = ['open', 'geplaatst', 'afgesloten'] as const;
export type VerwijzingStatus = (typeof verwijzingStatussen)[number];

export const verwijzingStatusLabels: Record<VerwijzingStatus, string> = {
	open: 'Zoekt een plek',
	geplaatst: 'Geplaatst',
	afgesloten: 'Afgesloten'
};

export const verzoekStatussen = ['verzonden', 'geaccepteerd', 'afgewezen', 'ingetrokken'] as const;
export type VerzoekStatus = (typeof verzoekStatussen)[number];

export const verzoekStatusLabels: Record<VerzoekStatus, string> = {
	verzonden: 'Verzonden, wacht op antwoord',
	geaccepteerd: 'Geaccepteerd',
	afgewezen: 'Afgewezen',
	ingetrokken: 'Ingetrokken'
};

/** Why an organisation declines; a fixed list so the network can count them. */
export const afwijsredenen = [
	'geen_bed_meer',
	'zorgzwaarte',
	'gedrag_veiligheid',
	'middelengebruik',
	'psychiatrie',
	'ontbrekende_expertise',
	'anders'
] as const;
export type Afwijsreden = (typeof afwijsredenen)[number];

export const afwijsredenLabels: Record<Afwijsreden, string> = {
	geen_bed_meer: 'Geen bed meer vrij',
	zorgzwaarte: 'Zorgzwaarte past niet',
	gedrag_veiligheid: 'Gedrag of veiligheid',
	middelengebruik: 'Middelengebruik',
	psychiatrie: 'Psychiatrie',
	ontbrekende_expertise: 'Ontbrekende expertise',
	anders: 'Anders'
};

/** Why a request was withdrawn. */
export const intrekredenen = ['elders_geaccepteerd', 'door_verwijzer', 'verwijzing_afgesloten'] as const;
export type Intrekreden = (typeof intrekredenen)[number];

export const intrekredenLabels: Record<Intrekreden, string> = {
	elders_geaccepteerd: 'Elders geaccepteerd',
	door_verwijzer: 'Ingetrokken door de verwijzer',
	verwijzing_afgesloten: 'Verwijzing afgesloten'
};

/** Who makes a change: the referring verwijzer, an editor of the addressed organisation, or the system itself. */
export type Actor = 'verwijzer' | 'organisatie' | 'systeem';

// ---- Guards ------------------------------------------------------------------------------------------------------------

/** What the guards need to know; services fill it from the locked rows. */
export interface VerzoekContext {
	verwijzingStatus: VerwijzingStatus;
	/** Another request of the same referral is already accepted. */
	anderGeaccepteerd: boolean;
	afwijsreden?: Afwijsreden | null;
	toelichting?: string | null;
}

export type VerzoekGuard = 'verwijzing_open' | 'geen_andere_acceptatie' | 'afwijsreden_gegeven';

/** Each guard: a predicate and the Dutch message shown when it fails. */
export const verzoekGuards: Record<VerzoekGuard, { test: (c: VerzoekContext) => boolean; melding: string }> =
	{
		verwijzing_open: {
			test: (c) => c.verwijzingStatus === 'open',
			melding:
				'Deze verwijzing is al afgerond: de patiënt is elders geplaatst of de verwijzer heeft haar afgesloten.'
		},
		geen_andere_acceptatie: {
			test: (c) => !c.anderGeaccepteerd,
			melding: 'Een andere organisatie heeft deze verwijzing al geaccepteerd.'
		},
		afwijsreden_gegeven: {
			test: (c) =>
				!!c.afwijsreden &&
				(afwijsredenen as readonly string[]).includes(c.afwijsreden) &&
				(c.afwijsreden !== 'anders' || !!c.toelichting?.trim()),
			melding: 'Kies een reden om af te wijzen (bij "anders" met een toelichting).'
		}
	};

export interface Transition<S extends string, G extends string> {
	from: S;
	to: S;
	/** Who may make this step. */
	actors: readonly Actor[];
	/** Checked in this order; the first that fails gives the message. */
	guards: readonly G[];
}

/** Every allowed step of a request. Anything not listed here is refused. */
export const verzoekTransitions: readonly Transition<VerzoekStatus, VerzoekGuard>[] = [
	{
		from: 'verzonden',
		to: 'geaccepteerd',
		actors: ['organisatie'],
		guards: ['verwijzing_open', 'geen_andere_acceptatie']
	},
	{ from: 'verzonden', to: 'afgewezen', actors: ['organisatie'], guards: ['afwijsreden_gegeven'] },
	// The verwijzer withdraws one request, or the system withdraws the others when one is accepted or the referral closes.
	{ from: 'verzonden', to: 'ingetrokken', actors: ['verwijzer', 'systeem'], guards: [] }
];

export interface VerwijzingContext {
	/** Number of accepted requests of this referral (after the change that triggers the transition). */
	aantalGeaccepteerd: number;
}

export type VerwijzingGuard = 'precies_een_acceptatie' | 'geen_acceptatie';

export const verwijzingGuards: Record<
	VerwijzingGuard,
	{ test: (c: VerwijzingContext) => boolean; melding: string }
> = {
	precies_een_acceptatie: {
		test: (c) => c.aantalGeaccepteerd === 1,
		melding: 'Een verwijzing is geplaatst als precies één organisatie haar accepteerde.'
	},
	geen_acceptatie: {
		test: (c) => c.aantalGeaccepteerd === 0,
		melding: 'Deze verwijzing is al geaccepteerd en kan niet meer worden afgesloten.'
	}
};

export const verwijzingTransitions: readonly Transition<VerwijzingStatus, VerwijzingGuard>[] = [
	// Follows an acceptance, in the same transaction.
	{ from: 'open', to: 'geplaatst', actors: ['systeem'], guards: ['precies_een_acceptatie'] },
	// The verwijzer no longer needs a place (found one elsewhere, patient went home or died): open requests are withdrawn.
	{ from: 'open', to: 'afgesloten', actors: ['verwijzer'], guards: ['geen_acceptatie'] }
];

export const finalVerzoekStatussen: readonly VerzoekStatus[] = ['geaccepteerd', 'afgewezen', 'ingetrokken'];
export const finalVerwijzingStatussen: readonly VerwijzingStatus[] = ['geplaatst', 'afgesloten'];

// ---- Checking ----------------------------------------------------------------------------------------------------------

export type TransitionCheck<G extends string> =
	| { ok: true }
	| { ok: false; reden: 'eindstatus' | 'niet_toegestaan' | 'niet_bevoegd'; melding: string }
	| { ok: false; reden: 'guard'; guard: G; melding: string };

function check<S extends string, G extends string, C>(
	table: readonly Transition<S, G>[],
	guards: Record<G, { test: (c: C) => boolean; melding: string }>,
	finals: readonly S[],
	labels: Record<S, string>,
	from: S,
	to: S,
	actor: Actor,
	context: C
): TransitionCheck<G> {
	if (finals.includes(from))
		return {
			ok: false,
			reden: 'eindstatus',
			melding: `Dit kan niet meer: de status is al "${labels[from].toLowerCase()}" en verandert niet meer.`
		};
	const steps = table.filter((t) => t.from === from && t.to === to);
	if (steps.length === 0)
		return {
			ok: false,
			reden: 'niet_toegestaan',
			melding: `Van "${labels[from].toLowerCase()}" naar "${labels[to].toLowerCase()}" is geen toegestane stap.`
		};
	const step = steps.find((t) => t.actors.includes(actor));
	if (!step) return { ok: false, reden: 'niet_bevoegd', melding: 'U mag deze stap niet zetten.' };
	for (const guard of step.guards) {
		if (!guards[guard].test(context))
			return { ok: false, reden: 'guard', guard, melding: guards[guard].melding };
	}
	return { ok: true };
}

export function checkVerzoekTransition(
	from: VerzoekStatus,
	to: VerzoekStatus,
	actor: Actor,
	context: VerzoekContext
): TransitionCheck<VerzoekGuard> {
	return check(
		verzoekTransitions,
		verzoekGuards,
		finalVerzoekStatussen,
		verzoekStatusLabels,
		from,
		to,
		actor,
		context
	);
}

export function checkVerwijzingTransition(
	from: VerwijzingStatus,
	to: VerwijzingStatus,
	actor: Actor,
	context: VerwijzingContext
): TransitionCheck<VerwijzingGuard> {
	return check(
		verwijzingTransitions,
		verwijzingGuards,
		finalVerwijzingStatussen,
		verwijzingStatusLabels,
		from,
		to,
		actor,
		context
	);
}

/** The steps an actor could take from a status (before guards): what the UI offers. */
export function possibleVerzoekSteps(from: VerzoekStatus, actor: Actor): VerzoekStatus[] {
	return verzoekTransitions.filter((t) => t.from === from && t.actors.includes(actor)).map((t) => t.to);
}
