import { describe, expect, it } from 'vitest';
import {
	afwijsredenen,
	checkVerwijzingTransition,
	checkVerzoekTransition,
	finalVerwijzingStatussen,
	finalVerzoekStatussen,
	possibleVerzoekSteps,
	verwijzingStatussen,
	verwijzingTransitions,
	verzoekStatussen,
	verzoekTransitions,
	type Actor,
	type VerzoekContext
} from '$lib/domain/referral/transitions';

const open: VerzoekContext = { verwijzingStatus: 'open', anderGeaccepteerd: false };
const actors: Actor[] = ['verwijzer', 'organisatie', 'systeem'];

describe('request transitions (table)', () => {
	it('lets an addressed organisation accept an open request', () => {
		expect(checkVerzoekTransition('verzonden', 'geaccepteerd', 'organisatie', open)).toEqual({ ok: true });
	});

	it('refuses acceptance by anyone but the organisation', () => {
		for (const actor of ['verwijzer', 'systeem'] as const) {
			const result = checkVerzoekTransition('verzonden', 'geaccepteerd', actor, open);
			expect(result).toMatchObject({ ok: false, reden: 'niet_bevoegd' });
		}
	});

	it('refuses a second acceptance within one referral, with a Dutch message', () => {
		const result = checkVerzoekTransition('verzonden', 'geaccepteerd', 'organisatie', {
			...open,
			anderGeaccepteerd: true
		});
		expect(result).toMatchObject({ ok: false, reden: 'guard', guard: 'geen_andere_acceptatie' });
		expect(!result.ok && result.melding).toContain('al geaccepteerd');
	});

	it('refuses acceptance when the referral is no longer open', () => {
		for (const verwijzingStatus of ['geplaatst', 'afgesloten'] as const) {
			const result = checkVerzoekTransition('verzonden', 'geaccepteerd', 'organisatie', {
				...open,
				verwijzingStatus
			});
			expect(result).toMatchObject({ ok: false, guard: 'verwijzing_open' });
		}
	});

	it('needs a listed reason to decline, and a text with "anders"', () => {
		expect(checkVerzoekTransition('verzonden', 'afgewezen', 'organisatie', open)).toMatchObject({
			ok: false,
			guard: 'afwijsreden_gegeven'
		});
		expect(
			checkVerzoekTransition('verzonden', 'afgewezen', 'organisatie', {
				...open,
				afwijsreden: 'bestaat_niet' as never
			})
		).toMatchObject({ ok: false, guard: 'afwijsreden_gegeven' });
		expect(
			checkVerzoekTransition('verzonden', 'afgewezen', 'organisatie', { ...open, afwijsreden: 'anders' })
		).toMatchObject({ ok: false, guard: 'afwijsreden_gegeven' });
		expect(
			checkVerzoekTransition('verzonden', 'afgewezen', 'organisatie', {
				...open,
				afwijsreden: 'anders',
				toelichting: '  wachtlijst  '
			})
		).toEqual({ ok: true });
		for (const afwijsreden of afwijsredenen.filter((r) => r !== 'anders'))
			expect(
				checkVerzoekTransition('verzonden', 'afgewezen', 'organisatie', { ...open, afwijsreden })
			).toEqual({ ok: true });
	});

	it('lets the verwijzer and the system withdraw, not the organisation', () => {
		expect(checkVerzoekTransition('verzonden', 'ingetrokken', 'verwijzer', open)).toEqual({ ok: true });
		expect(checkVerzoekTransition('verzonden', 'ingetrokken', 'systeem', open)).toEqual({ ok: true });
		expect(checkVerzoekTransition('verzonden', 'ingetrokken', 'organisatie', open)).toMatchObject({
			ok: false,
			reden: 'niet_bevoegd'
		});
	});

	it('never leaves a final state, for any target, actor or context', () => {
		for (const from of finalVerzoekStatussen)
			for (const to of verzoekStatussen)
				for (const actor of actors) {
					const result = checkVerzoekTransition(from, to, actor, {
						...open,
						afwijsreden: 'zorgzwaarte'
					});
					expect(result).toMatchObject({ ok: false, reden: 'eindstatus' });
				}
	});

	it('has no table row that starts in a final state or goes to the same state', () => {
		for (const t of verzoekTransitions) {
			expect(finalVerzoekStatussen).not.toContain(t.from);
			expect(t.to).not.toBe(t.from);
		}
		for (const t of verwijzingTransitions) {
			expect(finalVerwijzingStatussen).not.toContain(t.from);
			expect(t.to).not.toBe(t.from);
		}
	});

	it('refuses every pair that is not in the table', () => {
		const listed = new Set(verzoekTransitions.map((t) => `${t.from}>${t.to}`));
		for (const from of verzoekStatussen.filter((s) => !finalVerzoekStatussen.includes(s)))
			for (const to of verzoekStatussen)
				if (!listed.has(`${from}>${to}`))
					expect(checkVerzoekTransition(from, to, 'systeem', open)).toMatchObject({
						ok: false,
						reden: 'niet_toegestaan'
					});
	});

	it('offers each actor only its own next steps', () => {
		expect(possibleVerzoekSteps('verzonden', 'organisatie').sort()).toEqual(['afgewezen', 'geaccepteerd']);
		expect(possibleVerzoekSteps('verzonden', 'verwijzer')).toEqual(['ingetrokken']);
		expect(possibleVerzoekSteps('geaccepteerd', 'organisatie')).toEqual([]);
	});
});

describe('referral transitions (table)', () => {
	it('places a referral only with exactly one acceptance, by the system', () => {
		expect(checkVerwijzingTransition('open', 'geplaatst', 'systeem', { aantalGeaccepteerd: 1 })).toEqual({
			ok: true
		});
		expect(
			checkVerwijzingTransition('open', 'geplaatst', 'systeem', { aantalGeaccepteerd: 2 })
		).toMatchObject({
			ok: false,
			guard: 'precies_een_acceptatie'
		});
		expect(
			checkVerwijzingTransition('open', 'geplaatst', 'verwijzer', { aantalGeaccepteerd: 1 })
		).toMatchObject({
			ok: false,
			reden: 'niet_bevoegd'
		});
	});

	it('lets the verwijzer close an open referral that nobody accepted', () => {
		expect(checkVerwijzingTransition('open', 'afgesloten', 'verwijzer', { aantalGeaccepteerd: 0 })).toEqual({
			ok: true
		});
		expect(
			checkVerwijzingTransition('open', 'afgesloten', 'verwijzer', { aantalGeaccepteerd: 1 })
		).toMatchObject({ ok: false, guard: 'geen_acceptatie' });
	});

	it('keeps placed and closed referrals as they are', () => {
		for (const from of finalVerwijzingStatussen)
			for (const to of verwijzingStatussen)
				for (const actor of actors)
					expect(checkVerwijzingTransition(from, to, actor, { aantalGeaccepteerd: 1 })).toMatchObject({
						ok: false,
						reden: 'eindstatus'
					});
	});
});
