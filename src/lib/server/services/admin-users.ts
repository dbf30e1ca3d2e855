/**
 * Accounts as a beheerder manages them: create and invite, edit name / role / network / memberships, deactivate and
 * reactivate, make a password link. Every write is ONE transaction with ONE audit entry.
 *
 * Who may do what (the URL guard only knows the role "beheerder"; these are the object-level checks):
 * - A beheerder's scope is their region and its sub-regions, and the organisations with a location in those.
 * - VISIBLE: an account whose network is in scope, or an editor of an organisation in scope. Anything else is answered
 *   with 404, as if it did not exist (accounts are personal data; other networks' staff are none of this beheerder's business).
 * - OWNED: a visible account whose network is in scope, or an editor without a network whose organisations are all in scope.
 *   Only owned accounts can be renamed, given another role or network, deactivated, or sent a password link (a link that
 *   the beheerder may see must not open another network's account).
 * - SHARED (visible, not owned): only its memberships of organisations in scope can be switched on or off; memberships of
 *   organisations elsewhere are never touched.
 * - Nobody changes their own role or network or deactivates themselves (no locking oneself out by accident).
 *
 * Concurrency: users.version; every update names the version the form read, a mismatch is a 409.
 * Sessions: deactivation and a role change end all of the user's sessions (invalidateAllSessions).
 */
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Role } from '../../domain/access/roles';
import type { NewAccount } from '../auth/accounts';
import {
	AdminError,
	CONFLICT_MESSAGE,
	INVALID_MESSAGE,
	isUuid,
	type FieldErrors
} from '../../domain/admin/common';
import { roleRuleErrors, type EditUserInput, type MembershipsInput } from '../../domain/admin/users';
import { createAccount, createPasswordToken } from '../auth/accounts';
import { invalidateAllSessions } from '../auth/session';
import { audit } from '../audit';
import type { Database, Executor } from '../db/client';
import { memberships, organisations, passwordTokens, regions, sessions, users } from '../db/schema';
import { organisationIdsInRegion, regionWithChildren } from '../repositories/regions';
import { usersVisibleInRegion } from '../repositories/users';

export interface AdminActor {
	id: string;
	role: Role | string;
	regionId: string | null;
}

export interface AdminScope {
	regionId: string;
	regionIds: string[];
	organisationIds: string[];
}

const notFound = () => new AdminError(404, 'Deze gebruiker bestaat niet of valt buiten uw netwerk.');
const invalid = (errors: FieldErrors, message = INVALID_MESSAGE) => new AdminError(400, message, errors);
const SHARED_MESSAGE =
	'Dit account valt (ook) onder een ander netwerk. U kunt alleen de organisaties in uw netwerk aan- of uitzetten.';

/** The beheerder's region, its sub-regions and their organisations; 403 for anyone else. */
export async function adminScope(db: Executor, actor: AdminActor): Promise<AdminScope> {
	if (actor.role !== 'beheerder') throw new AdminError(403, 'Alleen een beheerder mag dit doen.');
	if (!actor.regionId) throw new AdminError(403, 'Uw account is nog niet aan een netwerk gekoppeld.');
	const [regionIds, organisationIds] = await Promise.all([
		regionWithChildren(db, actor.regionId),
		organisationIdsInRegion(db, actor.regionId)
	]);
	return { regionId: actor.regionId, regionIds, organisationIds };
}

interface ManagedUser {
	user: typeof users.$inferSelect;
	/** Memberships of organisations in scope / elsewhere. */
	inScope: string[];
	outside: string[];
	owned: boolean;
}

async function loadManagedUser(db: Executor, scope: AdminScope, userId: string): Promise<ManagedUser> {
	if (!isUuid(userId)) throw notFound();
	const [user] = await db.select().from(users).where(eq(users.id, userId));
	if (!user) throw notFound();
	const memberOf = (
		await db
			.select({ id: memberships.organisationId })
			.from(memberships)
			.where(eq(memberships.userId, userId))
	).map((r) => r.id);
	const inScopeSet = new Set(scope.organisationIds);
	const inScope = memberOf.filter((id) => inScopeSet.has(id));
	const outside = memberOf.filter((id) => !inScopeSet.has(id));
	const regionInScope = !!user.regionId && scope.regionIds.includes(user.regionId);
	if (!regionInScope && inScope.length === 0) throw notFound();
	return { user, inScope, outside, owned: regionInScope || (!user.regionId && outside.length === 0) };
}

// --- reading -----------------------------------------------------------------------------------------------------------

export async function listUsers(db: Executor, actor: AdminActor) {
	const scope = await adminScope(db, actor);
	const rows = await usersVisibleInRegion(db, scope.regionIds, scope.organisationIds);
	return rows;
}

/** What the create form offers: the organisations and regions of the beheerder's scope. */
export async function formOptions(db: Executor, scope: AdminScope) {
	const [organisaties, regios] = await Promise.all([
		scope.organisationIds.length
			? db
					.select({ id: organisations.id, naam: organisations.naam, status: organisations.status })
					.from(organisations)
					.where(inArray(organisations.id, scope.organisationIds))
					.orderBy(asc(organisations.naam))
			: Promise.resolve([]),
		db
			.select({ id: regions.id, naam: regions.naam, parentId: regions.parentId })
			.from(regions)
			.where(inArray(regions.id, scope.regionIds))
	]);
	// The network first, then its sub-regions by name.
	regios.sort(
		(a, b) =>
			Number(a.id !== scope.regionId) - Number(b.id !== scope.regionId) || a.naam.localeCompare(b.naam, 'nl')
	);
	return { organisaties, regios };
}

/** One account for its edit page; 404 when it is not visible to this beheerder. */
export async function userForAdmin(db: Executor, actor: AdminActor, userId: string) {
	const scope = await adminScope(db, actor);
	const managed = await loadManagedUser(db, scope, userId);
	const [options, [sessies], regio] = await Promise.all([
		formOptions(db, scope),
		db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId)),
		managed.user.regionId
			? db
					.select({ naam: regions.naam })
					.from(regions)
					.where(eq(regions.id, managed.user.regionId))
					.then((r) => r[0]?.naam ?? null)
			: Promise.resolve(null)
	]);
	const { passwordHash, ...user } = managed.user;
	return {
		user: { ...user, heeftWachtwoord: !!passwordHash, regioNaam: regio },
		organisationIds: managed.inScope,
		/** How many organisations outside this network the account edits (names are not shown: not this beheerder's). */
		buitenNetwerk: managed.outside.length,
		owned: managed.owned,
		isSelf: managed.user.id === actor.id,
		actieveSessies: Number(sessies?.n ?? 0),
		...options
	};
}

// --- writing -----------------------------------------------------------------------------------------------------------

function checkInScope(scope: AdminScope, input: { regionId?: string | null; organisationIds: string[] }) {
	if (input.regionId && !scope.regionIds.includes(input.regionId))
		throw new AdminError(403, 'Dit netwerk valt buiten uw beheer.');
	const allowed = new Set(scope.organisationIds);
	if (input.organisationIds.some((id) => !allowed.has(id)))
		throw new AdminError(403, 'Een van de gekozen organisaties valt buiten uw netwerk.');
}

function isUniqueViolation(error: unknown): boolean {
	const e = error as { code?: string; cause?: { code?: string } };
	return e?.code === '23505' || e?.cause?.code === '23505';
}

export interface CreatedUser {
	userId: string;
	email: string;
	naam: string;
	/** The raw invitation token, for the link (only its hash is stored). */
	token: string;
}

/** Creates an account with its memberships and an invitation token, in one transaction (audited as account_aangemaakt). */
export async function createUser(
	db: Database,
	actor: AdminActor,
	input: NewAccount & { organisationIds: string[] }
): Promise<CreatedUser> {
	const scope = await adminScope(db, actor);
	// Without a network, an account that edits no organisation here would vanish from every beheerder's list at once.
	const regionId = input.regionId ?? scope.regionId;
	checkInScope(scope, { regionId, organisationIds: input.organisationIds });
	const errors = roleRuleErrors({
		role: input.role,
		regionId,
		membershipCount: input.organisationIds.length,
		requestedMemberships: input.organisationIds.length
	});
	if (Object.keys(errors).length) throw invalid(errors);
	const email = input.email.trim().toLowerCase();
	const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
	if (existing) throw invalid({ email: 'Er is al een account met dit e-mailadres.' });
	try {
		return await db.transaction(async (tx) => {
			const userId = await createAccount(tx, actor, { ...input, email, regionId });
			const token = await createPasswordToken(tx, userId, 'uitnodiging');
			return { userId, email, naam: input.naam, token };
		});
	} catch (error) {
		if (isUniqueViolation(error)) throw invalid({ email: 'Er is al een account met dit e-mailadres.' });
		throw error;
	}
}

/** Bumps the version (optimistic lock) and sets the given fields; 409 when someone else saved first. */
async function lockUser(
	tx: Executor,
	userId: string,
	version: number,
	values: Partial<Pick<typeof users.$inferInsert, 'naam' | 'role' | 'regionId' | 'active'>>
) {
	const [row] = await tx
		.update(users)
		.set({ ...values, version: version + 1 })
		.where(and(eq(users.id, userId), eq(users.version, version)))
		.returning({ version: users.version });
	if (!row) throw new AdminError(409, CONFLICT_MESSAGE);
	return row.version;
}

async function replaceMemberships(tx: Executor, userId: string, current: string[], wanted: string[]) {
	const added = wanted.filter((id) => !current.includes(id));
	const removed = current.filter((id) => !wanted.includes(id));
	if (removed.length)
		await tx
			.delete(memberships)
			.where(and(eq(memberships.userId, userId), inArray(memberships.organisationId, removed)));
	if (added.length)
		await tx
			.insert(memberships)
			.values(added.map((organisationId) => ({ userId, organisationId })))
			.onConflictDoNothing();
	return { added, removed };
}

async function endSessions(tx: Executor, userId: string): Promise<number> {
	const [row] = await tx.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId));
	await invalidateAllSessions(tx, userId);
	return Number(row?.n ?? 0);
}

/** Name, role, network and memberships (in scope) of an owned account. */
export async function updateUser(db: Database, actor: AdminActor, userId: string, input: EditUserInput) {
	const scope = await adminScope(db, actor);
	return db.transaction(async (tx) => {
		const managed = await loadManagedUser(tx, scope, userId);
		const { user } = managed;
		if (!managed.owned) throw new AdminError(403, SHARED_MESSAGE);
		const regionId = input.regionId ?? null;
		checkInScope(scope, { regionId, organisationIds: input.organisationIds });
		const errors: FieldErrors = {};
		if (user.id === actor.id) {
			if (input.role !== user.role) errors.role = 'U kunt uw eigen rol niet wijzigen.';
			if (regionId !== user.regionId) errors.regionId = 'U kunt uw eigen netwerk niet wijzigen.';
		}
		Object.assign(
			errors,
			roleRuleErrors({
				role: input.role,
				regionId,
				membershipCount: input.organisationIds.length + managed.outside.length,
				requestedMemberships: input.organisationIds.length
			})
		);
		if (input.role !== 'organisatie' && managed.outside.length > 0)
			errors.role = 'Dit account bewerkt ook organisaties buiten uw netwerk en blijft daarom redacteur.';
		if (!regionId && input.organisationIds.length === 0 && !errors.organisationIds)
			errors.regionId =
				'Zonder netwerk en zonder organisatie in uw netwerk verdwijnt dit account uit uw beheer. Kies een netwerk.';
		if (Object.keys(errors).length) throw invalid(errors);

		const velden = (['naam', 'role', 'regionId'] as const).filter(
			(k) => (k === 'regionId' ? regionId : input[k]) !== user[k]
		);
		const version = await lockUser(tx, user.id, input.version, {
			naam: input.naam,
			role: input.role,
			regionId
		});
		const { added, removed } = await replaceMemberships(tx, user.id, managed.inScope, input.organisationIds);
		// A new role changes what the person may open; making them log in again avoids pages that no longer fit.
		const sessiesBeeindigd = input.role !== user.role ? await endSessions(tx, user.id) : 0;
		await audit(tx, actor, {
			action: 'gebruiker_gewijzigd',
			entityType: 'user',
			entityId: user.id,
			regionId: regionId ?? scope.regionId,
			details: {
				velden: [...velden, ...(added.length || removed.length ? ['organisaties'] : [])],
				...(input.role !== user.role ? { rol: { van: user.role, naar: input.role } } : {}),
				...(added.length ? { organisatiesToegevoegd: added } : {}),
				...(removed.length ? { organisatiesVerwijderd: removed } : {}),
				...(sessiesBeeindigd ? { sessiesBeeindigd } : {}),
				versie: version
			}
		});
		return { version, sessiesBeeindigd };
	});
}

/** Memberships of organisations in scope, for any visible account (the only edit allowed on a shared one). */
export async function updateMemberships(
	db: Database,
	actor: AdminActor,
	userId: string,
	input: MembershipsInput
) {
	const scope = await adminScope(db, actor);
	return db.transaction(async (tx) => {
		const managed = await loadManagedUser(tx, scope, userId);
		checkInScope(scope, { organisationIds: input.organisationIds });
		const errors = roleRuleErrors({
			role: managed.user.role,
			regionId: managed.user.regionId,
			membershipCount: input.organisationIds.length + managed.outside.length,
			requestedMemberships: input.organisationIds.length
		});
		if (Object.keys(errors).length) throw invalid(errors);
		const version = await lockUser(tx, userId, input.version, {});
		const { added, removed } = await replaceMemberships(tx, userId, managed.inScope, input.organisationIds);
		await audit(tx, actor, {
			action: 'gebruiker_gewijzigd',
			entityType: 'user',
			entityId: userId,
			regionId: scope.regionId,
			details: {
				velden: added.length || removed.length ? ['organisaties'] : [],
				...(added.length ? { organisatiesToegevoegd: added } : {}),
				...(removed.length ? { organisatiesVerwijderd: removed } : {}),
				versie: version
			}
		});
		return { version };
	});
}

/** Deactivate (ends every session, voids open password links) or reactivate an owned account. */
export async function setUserActive(
	db: Database,
	actor: AdminActor,
	userId: string,
	active: boolean,
	version: number
) {
	const scope = await adminScope(db, actor);
	return db.transaction(async (tx) => {
		const managed = await loadManagedUser(tx, scope, userId);
		if (!managed.owned) throw new AdminError(403, SHARED_MESSAGE);
		if (managed.user.id === actor.id) throw new AdminError(403, 'U kunt uw eigen account niet deactiveren.');
		if (managed.user.active === active)
			throw new AdminError(409, active ? 'Dit account is al actief.' : 'Dit account is al gedeactiveerd.');
		const newVersion = await lockUser(tx, userId, version, { active });
		let sessiesBeeindigd = 0;
		if (!active) {
			sessiesBeeindigd = await endSessions(tx, userId);
			await tx.delete(passwordTokens).where(eq(passwordTokens.userId, userId));
		}
		await audit(tx, actor, {
			action: active ? 'gebruiker_geheractiveerd' : 'gebruiker_gedeactiveerd',
			entityType: 'user',
			entityId: userId,
			regionId:
				managed.user.regionId && scope.regionIds.includes(managed.user.regionId)
					? managed.user.regionId
					: scope.regionId,
			details: { ...(active ? {} : { sessiesBeeindigd }), versie: newVersion }
		});
		return { version: newVersion, sessiesBeeindigd };
	});
}

/** A new invitation (no password yet) or reset link for an owned, active account; the raw token is returned once. */
export async function createPasswordLink(db: Database, actor: AdminActor, userId: string) {
	const scope = await adminScope(db, actor);
	return db.transaction(async (tx) => {
		const managed = await loadManagedUser(tx, scope, userId);
		if (!managed.owned)
			throw new AdminError(
				403,
				'Dit account valt onder een ander netwerk; de beheerder daar kan een wachtwoordlink maken.'
			);
		if (!managed.user.active) throw new AdminError(400, 'Dit account is gedeactiveerd. Activeer het eerst.');
		const purpose = managed.user.passwordHash ? 'reset' : 'uitnodiging';
		const token = await createPasswordToken(tx, userId, purpose);
		await audit(tx, actor, {
			action: 'wachtwoordlink_gemaakt',
			entityType: 'user',
			entityId: userId,
			regionId: scope.regionId,
			details: { soort: purpose }
		});
		return { token, purpose, email: managed.user.email, naam: managed.user.naam };
	});
}
