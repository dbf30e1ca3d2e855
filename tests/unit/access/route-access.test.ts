import { describe, expect, it } from 'vitest';
import { decideAccess } from '../../../src/lib/domain/access/route-access';

describe('decideAccess', () => {
	it('lets everyone open public pages', () => {
		for (const role of [null, 'beheerder', 'organisatie', 'verwijzer'] as const) {
			expect(decideAccess('/kaart', role)).toBe('allow');
			expect(decideAccess('/', role)).toBe('allow');
		}
	});

	it('sends anonymous visitors of a protected area to the login', () => {
		expect(decideAccess('/beheer', null)).toBe('login');
		expect(decideAccess('/verwijzen/nieuw', null)).toBe('login');
		expect(decideAccess('/account/wachtwoord', null)).toBe('login');
	});

	it('gives each role only its own area', () => {
		expect(decideAccess('/beheer/gebruikers', 'beheerder')).toBe('allow');
		expect(decideAccess('/beheer/gebruikers', 'organisatie')).toBe('forbidden');
		expect(decideAccess('/mijn-organisatie', 'organisatie')).toBe('allow');
		expect(decideAccess('/mijn-organisatie', 'verwijzer')).toBe('forbidden');
		expect(decideAccess('/verwijzen', 'verwijzer')).toBe('allow');
		expect(decideAccess('/verwijzen', 'beheerder')).toBe('forbidden');
	});

	it('matches whole path segments, not string prefixes', () => {
		expect(decideAccess('/beheerders-info', null)).toBe('allow');
		expect(decideAccess('/verwijzende-instanties', null)).toBe('allow');
	});
});
