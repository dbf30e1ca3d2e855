import { z } from 'zod';
import { roles } from '../access/roles';

export const PASSWORD_MIN_LENGTH = 12;

export const loginSchema = z.object({
	email: z.string().trim().min(1, 'Vul uw e-mailadres in.').max(254),
	password: z.string().min(1, 'Vul uw wachtwoord in.').max(1000)
});

export const newPasswordSchema = z
	.object({
		password: z
			.string()
			.min(PASSWORD_MIN_LENGTH, `Kies een wachtwoord van minstens ${PASSWORD_MIN_LENGTH} tekens.`)
			.max(200, 'Dit wachtwoord is te lang (maximaal 200 tekens).'),
		bevestiging: z.string()
	})
	.refine((v) => v.password === v.bevestiging, {
		message: 'De twee wachtwoorden zijn niet gelijk.',
		path: ['bevestiging']
	});

export const changePasswordSchema = z
	.object({ huidig: z.string().min(1, 'Vul uw huidige wachtwoord in.').max(1000) })
	.and(newPasswordSchema);

export const newAccountSchema = z.object({
	email: z.email('Vul een geldig e-mailadres in.').max(254).trim().toLowerCase(),
	naam: z.string().trim().min(2, 'Vul een naam in.').max(120, 'De naam is te lang (maximaal 120 tekens).'),
	role: z.enum(roles, 'Kies een rol.'),
	regionId: z.uuid('Kies een geldige regio.').optional(),
	organisationIds: z.array(z.uuid()).max(50).default([])
});
