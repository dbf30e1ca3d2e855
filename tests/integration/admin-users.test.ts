import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminError } from '../../src/lib/domain/admin/common';
import { editUserSchema } from '../../src/lib/domain/admin/users';
import { login } from '../../src/lib/server/auth/accounts';
import { createSession, generateSessionToken, validateSessionToken } from '../../src/lib/server/auth/session';
import type { DatabaseHandle } from '../../src/lib/server/db/client';
import {
	auditLog,
	memberships,
	organisations,
	passwordTokens,
	sessions,
	users
} from '../../src/lib/server/db/schema';
import { ensureReferenceData } from '../../src/lib/server/reference/load-reference-data';
import { DEMO_PASSWORD } from '../../src/lib/server/seed/demo-accounts';
import { seedDemoData } from '../../src/lib/server/seed/demo';
import {
	createPasswordLink,
	createUser,
	listUsers,
	setUserActive,
	updateMemberships,
	updateUser,
	userForAdmin,
	type AdminActor
} from '../../src/lib/server/services/admin-users';
import { createTestDatabase } from './helpers/test-db';

let handle: DatabaseHandle;
let drenthe: AdminActor;
let amsterdam: AdminActor;

async function userByEmail(email: string) {
	const [u] = await handle.db.select().from(users).where(eq(users.email, email));
	return u;
}

async function actorFor(email: string): Promise<AdminActor> {
	const u = await userByEmail(email);
	return { id: u.id, role: u.role, regionId: u.regionId };
}

async function refused(promise: Promise<unknown>): Promise<AdminError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(AdminError);
	return error as AdminError;
}

async function auditEntries(entityId: string, action?: string) {
	return handle.db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.entityId, entityId), action ? eq(auditLog.action, action) : undefined));
}

async function sessionCount(userId: string) {
	const [row] = await handle.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId));
	return Number(row.n);
}

async function orgIdBySlug(slug: string) {
	const [o] = await handle.db
		.select({ id: organisations.id })
		.from(organisations)
		.where(eq(organisations.slug, slug));
	return o.id;
}

const edit = (values: Record<string, unknown>) => editUserSchema.parse(values);

beforeAll(async () => {
	handle = await createTestDatabase();
	await ensureReferenceData(handle.db);
	await seedDemoData(handle.db, { now: new Date('2026-05-01T10:00:00Z') });
	drenthe = await actorFor('beheerder@demo.regiokaart.nl');
	amsterdam = await actorFor('beheerder.amsterdam@demo.regiokaart.nl');
}, 180_000);

afterAll(() => handle?.close());

describe('which accounts a beheerder sees', () => {
	it('lists the accounts of their own network and the editors of its organisations, not other networks', async () => {
		const emails = (await listUsers(handle.db, drenthe)).map((u) => u.email);
		expect(emails).toContain('verwijzer@demo.regiokaart.nl');
		expect(emails).toContain('redacteur.emmen@demo.regiokaart.nl');
		// Editor of a hospice in Assen and one in Amsterdam: visible to both networks.
		expect(emails).toContain('organisatie@demo.regiokaart.nl');
		expect(emails).not.toContain('beheerder.amsterdam@demo.regiokaart.nl');
		expect(emails).not.toContain('verwijzer.amsterdam@demo.regiokaart.nl');

		const amsterdamEmails = (await listUsers(handle.db, amsterdam)).map((u) => u.email);
		expect(amsterdamEmails).toContain('organisatie@demo.regiokaart.nl');
		expect(amsterdamEmails).not.toContain('verwijzer@demo.regiokaart.nl');
		expect(amsterdamEmails).not.toContain('redacteur.emmen@demo.regiokaart.nl');
	});

	it('refuses every action on an account of another network with 404, and changes nothing', async () => {
		const target = await userByEmail('verwijzer.amsterdam@demo.regiokaart.nl');
		const token = generateSessionToken();
		await createSession(handle.db, token, target.id);

		expect((await refused(userForAdmin(handle.db, drenthe, target.id))).status).toBe(404);
		expect(
			(
				await refused(
					updateUser(
						handle.db,
						drenthe,
						target.id,
						edit({
							naam: 'Gekaapt',
							role: 'beheerder',
							regionId: drenthe.regionId,
							organisationIds: [],
							version: target.version
						})
					)
				)
			).status
		).toBe(404);
		expect(
			(
				await refused(
					updateMemberships(handle.db, drenthe, target.id, { organisationIds: [], version: target.version })
				)
			).status
		).toBe(404);
		expect((await refused(setUserActive(handle.db, drenthe, target.id, false, target.version))).status).toBe(
			404
		);
		expect((await refused(createPasswordLink(handle.db, drenthe, target.id))).status).toBe(404);

		const after = await userByEmail('verwijzer.amsterdam@demo.regiokaart.nl');
		expect(after).toMatchObject({
			naam: target.naam,
			role: target.role,
			active: true,
			version: target.version
		});
		expect(await sessionCount(target.id)).toBe(1);
		const [tokens] = await handle.db
			.select({ n: count() })
			.from(passwordTokens)
			.where(eq(passwordTokens.userId, target.id));
		expect(Number(tokens.n)).toBe(0);
		expect(await auditEntries(target.id, 'gebruiker_gewijzigd')).toHaveLength(0);
	});

	it('answers 404 for an id that is not a uuid or does not exist', async () => {
		expect((await refused(userForAdmin(handle.db, drenthe, 'niet-een-id'))).status).toBe(404);
		expect(
			(await refused(userForAdmin(handle.db, drenthe, '00000000-0000-4000-8000-000000000000'))).status
		).toBe(404);
	});

	it('refuses non-beheerders outright', async () => {
		const verwijzer = await actorFor('verwijzer@demo.regiokaart.nl');
		expect((await refused(listUsers(handle.db, verwijzer))).status).toBe(403);
	});
});

describe('editing an account', () => {
	it('saves name, role and network in one audited write and bumps the version', async () => {
		const target = await userByEmail('verwijzer@demo.regiokaart.nl');
		const before = await auditEntries(target.id, 'gebruiker_gewijzigd');
		const result = await updateUser(
			handle.db,
			drenthe,
			target.id,
			edit({
				naam: 'Sanne Jansen-de Vries',
				role: 'verwijzer',
				regionId: target.regionId,
				organisationIds: [],
				version: target.version
			})
		);
		expect(result.version).toBe(target.version + 1);
		const after = await userByEmail('verwijzer@demo.regiokaart.nl');
		expect(after.naam).toBe('Sanne Jansen-de Vries');
		const entries = await auditEntries(target.id, 'gebruiker_gewijzigd');
		expect(entries).toHaveLength(before.length + 1);
		const entry = entries.at(-1)!;
		expect(entry.userId).toBe(drenthe.id);
		expect(entry.details).toMatchObject({ velden: ['naam'] });
		// Personal data stays out of the audit details: field names only.
		expect(JSON.stringify(entry.details)).not.toContain('Jansen-de Vries');
	});

	it('refuses a save based on an old version (someone else saved first) and keeps the other save', async () => {
		const target = await userByEmail('verwijzer@demo.regiokaart.nl');
		const stale = target.version;
		await updateUser(
			handle.db,
			drenthe,
			target.id,
			edit({
				naam: 'Eerste beheerder',
				role: 'verwijzer',
				regionId: target.regionId,
				organisationIds: [],
				version: stale
			})
		);
		const conflict = await refused(
			updateUser(
				handle.db,
				drenthe,
				target.id,
				edit({
					naam: 'Tweede beheerder',
					role: 'verwijzer',
					regionId: target.regionId,
					organisationIds: [],
					version: stale
				})
			)
		);
		expect(conflict.status).toBe(409);
		expect((await userByEmail('verwijzer@demo.regiokaart.nl')).naam).toBe('Eerste beheerder');
	});

	it('refuses a network or organisation outside the beheerder’s scope with 403', async () => {
		const target = await userByEmail('redacteur.emmen@demo.regiokaart.nl');
		const amsterdamOrg = await orgIdBySlug(
			(
				await handle.db
					.select({ slug: organisations.slug })
					.from(memberships)
					.innerJoin(organisations, eq(organisations.id, memberships.organisationId))
					.innerJoin(users, eq(users.id, memberships.userId))
					.where(eq(users.email, 'organisatie@demo.regiokaart.nl'))
			).find((o) => o.slug.includes('veerhuis'))!.slug
		);
		const wrongRegion = await refused(
			updateUser(
				handle.db,
				drenthe,
				target.id,
				edit({
					naam: target.naam,
					role: 'verwijzer',
					regionId: amsterdam.regionId,
					organisationIds: [],
					version: target.version
				})
			)
		);
		expect(wrongRegion.status).toBe(403);
		const wrongOrg = await refused(
			updateMemberships(handle.db, drenthe, target.id, {
				organisationIds: [amsterdamOrg],
				version: target.version
			})
		);
		expect(wrongOrg.status).toBe(403);
		const [m] = await handle.db
			.select({ n: count() })
			.from(memberships)
			.where(and(eq(memberships.userId, target.id), eq(memberships.organisationId, amsterdamOrg)));
		expect(Number(m.n)).toBe(0);
	});

	it('applies the role rules: an editor needs an organisation, a beheerder a network', async () => {
		const target = await userByEmail('redacteur.emmen@demo.regiokaart.nl');
		const noOrg = await refused(
			updateUser(
				handle.db,
				drenthe,
				target.id,
				edit({ naam: target.naam, role: 'organisatie', organisationIds: [], version: target.version })
			)
		);
		expect(noOrg.status).toBe(400);
		expect(noOrg.errors.organisationIds).toMatch(/minstens één organisatie/);
		const noRegion = await refused(
			updateUser(
				handle.db,
				drenthe,
				target.id,
				edit({ naam: target.naam, role: 'beheerder', organisationIds: [], version: target.version })
			)
		);
		expect(noRegion.errors.regionId).toMatch(/netwerk/);
	});

	it('does not let beheerders change their own role or deactivate themselves', async () => {
		const self = await userByEmail('beheerder@demo.regiokaart.nl');
		const ownRole = await refused(
			updateUser(
				handle.db,
				drenthe,
				self.id,
				edit({
					naam: self.naam,
					role: 'verwijzer',
					regionId: self.regionId,
					organisationIds: [],
					version: self.version
				})
			)
		);
		expect(ownRole.status).toBe(400);
		expect(ownRole.errors.role).toBeDefined();
		expect((await refused(setUserActive(handle.db, drenthe, self.id, false, self.version))).status).toBe(403);
		expect((await userByEmail('beheerder@demo.regiokaart.nl')).role).toBe('beheerder');
	});

	it('ends the sessions of a user whose role changes', async () => {
		const target = await userByEmail('redacteur.steenwijk@demo.regiokaart.nl');
		const token = generateSessionToken();
		await createSession(handle.db, token, target.id);
		const orgIds = (
			await handle.db
				.select({ id: memberships.organisationId })
				.from(memberships)
				.where(eq(memberships.userId, target.id))
		).map((r) => r.id);
		const result = await updateUser(
			handle.db,
			drenthe,
			target.id,
			edit({
				naam: target.naam,
				role: 'verwijzer',
				regionId: drenthe.regionId,
				organisationIds: [],
				version: target.version
			})
		);
		expect(result.sessiesBeeindigd).toBe(1);
		expect((await validateSessionToken(handle.db, token)).user).toBeNull();
		const [left] = await handle.db
			.select({ n: count() })
			.from(memberships)
			.where(eq(memberships.userId, target.id));
		expect(Number(left.n)).toBe(0);
		const [entry] = await auditEntries(target.id, 'gebruiker_gewijzigd');
		expect(entry.details).toMatchObject({
			rol: { van: 'organisatie', naar: 'verwijzer' },
			organisatiesVerwijderd: expect.arrayContaining(orgIds)
		});
	});
});

describe('an editor shared between two networks', () => {
	it('may only have the memberships of the beheerder’s own network switched; those elsewhere stay', async () => {
		const shared = await userByEmail('organisatie@demo.regiokaart.nl');
		const detail = await userForAdmin(handle.db, drenthe, shared.id);
		expect(detail.owned).toBe(false);
		expect(detail.buitenNetwerk).toBe(1);
		expect(detail.organisationIds).toHaveLength(1);

		expect(
			(
				await refused(
					updateUser(
						handle.db,
						drenthe,
						shared.id,
						edit({
							naam: 'Andere naam',
							role: 'organisatie',
							organisationIds: detail.organisationIds,
							version: shared.version
						})
					)
				)
			).status
		).toBe(403);
		expect((await refused(setUserActive(handle.db, drenthe, shared.id, false, shared.version))).status).toBe(
			403
		);
		// A password link the beheerder can read would open an account another network also relies on.
		expect((await refused(createPasswordLink(handle.db, drenthe, shared.id))).status).toBe(403);

		await updateMemberships(handle.db, drenthe, shared.id, { organisationIds: [], version: shared.version });
		const remaining = await handle.db
			.select({ id: memberships.organisationId })
			.from(memberships)
			.where(eq(memberships.userId, shared.id));
		expect(remaining).toHaveLength(1);
		// Out of Drenthe's sight now, still the Amsterdam network's editor.
		expect((await refused(userForAdmin(handle.db, drenthe, shared.id))).status).toBe(404);
		expect((await userForAdmin(handle.db, amsterdam, shared.id)).organisationIds).toEqual([remaining[0].id]);
	});
});

describe('deactivating and reactivating', () => {
	it('ends all sessions at once, voids password links, blocks login, and is audited', async () => {
		const target = await userByEmail('redacteur.emmen@demo.regiokaart.nl');
		const tokens = [generateSessionToken(), generateSessionToken()];
		for (const t of tokens) await createSession(handle.db, t, target.id);
		expect((await validateSessionToken(handle.db, tokens[0])).user?.id).toBe(target.id);
		await createPasswordLink(handle.db, drenthe, target.id);

		const result = await setUserActive(handle.db, drenthe, target.id, false, target.version);
		expect(result.sessiesBeeindigd).toBe(2);
		expect(await sessionCount(target.id)).toBe(0);
		for (const t of tokens) expect((await validateSessionToken(handle.db, t)).user).toBeNull();
		const [links] = await handle.db
			.select({ n: count() })
			.from(passwordTokens)
			.where(eq(passwordTokens.userId, target.id));
		expect(Number(links.n)).toBe(0);
		expect((await login(handle.db, target.email, DEMO_PASSWORD, '203.0.113.7')).ok).toBe(false);
		const [entry] = await auditEntries(target.id, 'gebruiker_gedeactiveerd');
		expect(entry).toMatchObject({ userId: drenthe.id, entityType: 'user', regionId: drenthe.regionId });
		expect(entry.details).toMatchObject({ sessiesBeeindigd: 2 });
		// No password link for a deactivated account.
		expect((await refused(createPasswordLink(handle.db, drenthe, target.id))).status).toBe(400);

		const deactivated = await userByEmail(target.email);
		await setUserActive(handle.db, drenthe, target.id, true, deactivated.version);
		expect((await login(handle.db, target.email, DEMO_PASSWORD, '203.0.113.7')).ok).toBe(true);
		expect(await auditEntries(target.id, 'gebruiker_geheractiveerd')).toHaveLength(1);
	});

	it('refuses a deactivation based on an old version', async () => {
		const target = await userByEmail('verwijzer@demo.regiokaart.nl');
		const error = await refused(setUserActive(handle.db, drenthe, target.id, false, target.version - 1));
		expect(error.status).toBe(409);
		expect((await userByEmail(target.email)).active).toBe(true);
	});
});

describe('creating an account', () => {
	it('creates the account, its invitation link and one audit entry in one go, in the beheerder’s network by default', async () => {
		const created = await createUser(handle.db, drenthe, {
			email: 'Nieuwe.Verwijzer@Example.nl',
			naam: 'Nieuwe Verwijzer',
			role: 'verwijzer',
			organisationIds: []
		});
		const user = await userByEmail('nieuwe.verwijzer@example.nl');
		expect(user.regionId).toBe(drenthe.regionId);
		expect(created.token.length).toBeGreaterThan(10);
		const [links] = await handle.db
			.select({ n: count() })
			.from(passwordTokens)
			.where(eq(passwordTokens.userId, user.id));
		expect(Number(links.n)).toBe(1);
		expect(await auditEntries(user.id, 'account_aangemaakt')).toHaveLength(1);
	});

	it('refuses a duplicate e-mail address and choices outside the network', async () => {
		const duplicate = await refused(
			createUser(handle.db, drenthe, {
				email: 'verwijzer@demo.regiokaart.nl',
				naam: 'Dubbel',
				role: 'verwijzer',
				organisationIds: []
			})
		);
		expect(duplicate.errors.email).toMatch(/al een account/);
		const outside = await refused(
			createUser(handle.db, drenthe, {
				email: 'buiten@example.nl',
				naam: 'Buiten',
				role: 'beheerder',
				regionId: amsterdam.regionId,
				organisationIds: []
			})
		);
		expect(outside.status).toBe(403);
		expect(await userByEmail('buiten@example.nl')).toBeUndefined();
	});
});
