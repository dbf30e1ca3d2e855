import { z } from 'zod';
import { roles, type Role } from '../access/roles';
import { newAccountSchema } from '../account/schemas';
import { emptyToUndefined, plainText, toArray, versionField } from './common';

/*
 * The beheerder's forms for an existing account: name, role, network and memberships; deactivate / reactivate.
 * The e-mail address is the login name and is not edited here.
 */

export const NAAM_MAX = 120;
export const MAX_MEMBERSHIPS = 50;

export const editUserSchema = z.object({
	naam: plainText(2, NAAM_MAX, 'Vul een naam in (minstens 2 tekens).'),
	role: z.enum(roles, { error: 'Kies een rol.' }),
	/** Empty: no network (allowed for editors and verwijzers, not for beheerders; the service checks that). */
	regionId: z.preprocess(emptyToUndefined, z.uuid({ error: 'Kies een geldig netwerk.' }).optional()),
	organisationIds: z.preprocess(
		toArray,
		z
			.array(z.uuid({ error: 'Kies een geldige organisatie.' }))
			.max(MAX_MEMBERSHIPS, { error: `Kies hoogstens ${MAX_MEMBERSHIPS} organisaties.` })
			.transform((ids) => [...new Set(ids)])
	),
	version: versionField
});

/**
 * The role rules that need nothing from the database, checked with the other fields so the form shows every problem at
 * once (the service checks them again, together with the memberships outside the network).
 */
function checkRoleFields(
	v: { role: Role; regionId?: string; organisationIds: string[] },
	ctx: z.RefinementCtx
) {
	const errors = roleRuleErrors({
		role: v.role,
		regionId: v.regionId,
		membershipCount: Math.max(1, v.organisationIds.length),
		requestedMemberships: v.organisationIds.length
	});
	for (const [path, message] of Object.entries(errors))
		ctx.addIssue({ code: 'custom', path: [path], message });
}
export const editUserWithRulesSchema = editUserSchema.superRefine(checkRoleFields);
export type EditUserInput = z.output<typeof editUserSchema>;

export const userStatusSchema = z.object({ version: versionField });

/** The rules that depend on the role, as Dutch field errors; pure so the form and the service agree. */
export function roleRuleErrors(input: {
	role: Role;
	regionId: string | null | undefined;
	/** All memberships the account would have (in and outside the beheerder's network). */
	membershipCount: number;
	/** Memberships the form asks for within the beheerder's network. */
	requestedMemberships: number;
}): Record<string, string> {
	const errors: Record<string, string> = {};
	if (input.role === 'beheerder' && !input.regionId)
		errors.regionId = 'Een beheerder hoort bij een netwerk of subregio. Kies er een.';
	if (input.role === 'organisatie' && input.membershipCount === 0)
		errors.organisationIds = 'Kies minstens één organisatie voor deze redacteur.';
	if (input.role !== 'organisatie' && input.requestedMemberships > 0)
		errors.organisationIds =
			'Alleen redacteuren (rol Organisatie) bewerken organisaties. Zet de vinkjes uit of kies de rol Organisatie.';
	return errors;
}

export type UserStatus = 'actief' | 'uitgenodigd' | 'gedeactiveerd';

export function userStatus(user: { active: boolean; heeftWachtwoord: boolean }): UserStatus {
	if (!user.active) return 'gedeactiveerd';
	return user.heeftWachtwoord ? 'actief' : 'uitgenodigd';
}

export const userStatusLabels: Record<UserStatus, string> = {
	actief: 'Actief',
	uitgenodigd: 'Uitgenodigd',
	gedeactiveerd: 'Gedeactiveerd'
};

/** A shared account (another network's, or an editor also working elsewhere): only its organisations in this network. */
export const membershipsSchema = z.object({
	organisationIds: editUserSchema.shape.organisationIds,
	version: versionField
});
export type MembershipsInput = z.output<typeof membershipsSchema>;

/**
 * A new account: the account schema of the foundation, with the empty "my own network" option read as no choice and the
 * name checked like the edit form does.
 */
export const newUserSchema = newAccountSchema
	.extend({
		// Pasted addresses often carry a space; the foundation schema checks the format before trimming.
		email: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), newAccountSchema.shape.email),
		naam: editUserSchema.shape.naam,
		regionId: editUserSchema.shape.regionId,
		organisationIds: editUserSchema.shape.organisationIds
	})
	.superRefine(checkRoleFields);
export type NewUserInput = z.output<typeof newUserSchema>;
