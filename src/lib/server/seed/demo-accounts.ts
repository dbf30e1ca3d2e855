import type { Role } from '../../domain/access/roles';
import type { DemoScenarioKey } from './demo-dataset';

/*
 * The demo accounts, one module without database or hashing imports so end-to-end tests can read the credentials cheaply.
 * All accounts share one documented password; they exist only in demo and test databases (see seedDemoData).
 */

export const DEMO_PASSWORD = 'Demo-wachtwoord-2026!';

export interface DemoAccount {
	email: string;
	password: string;
	role: Role;
	naam: string;
	description: string;
	/** The network a beheerder manages or a verwijzer works in. */
	regionSlug?: string;
	/** Organisations an `organisatie` user may edit. */
	organisationKeys?: readonly DemoScenarioKey[];
}

export const demoAccounts: readonly DemoAccount[] = [
	{
		email: 'beheerder@demo.regiokaart.nl',
		password: DEMO_PASSWORD,
		role: 'beheerder',
		naam: 'Marieke Hoekstra',
		description:
			'Beheerder van het netwerk Drenthe & Steenwijkerland: organisaties, gebruikers, regio en capaciteit.',
		regionSlug: 'drenthe-steenwijkerland'
	},
	{
		email: 'beheerder.amsterdam@demo.regiokaart.nl',
		password: DEMO_PASSWORD,
		role: 'beheerder',
		naam: 'Youssef El Amrani',
		description: 'Beheerder van het netwerk Amsterdam-Diemen.',
		regionSlug: 'amsterdam-diemen'
	},
	{
		email: 'organisatie@demo.regiokaart.nl',
		password: DEMO_PASSWORD,
		role: 'organisatie',
		naam: 'Ingrid Mulder',
		description:
			'Redacteur van Hospice De Zonnedauw (Assen) en Hospice Het Veerhuis (Amsterdam, actief middelengebruik toegestaan): profiel en beddenbeschikbaarheid.',
		organisationKeys: ['hospiceAssen', 'hospiceAmsterdamMiddelen']
	},
	{
		email: 'verwijzer@demo.regiokaart.nl',
		password: DEMO_PASSWORD,
		role: 'verwijzer',
		naam: 'Sanne Jansen',
		description:
			'Transferverpleegkundige in een (fictief) ziekenhuis in Assen; zoekt een plek in een hospice of verpleeghuis.',
		regionSlug: 'drenthe-steenwijkerland'
	},
	{
		email: 'verwijzer.amsterdam@demo.regiokaart.nl',
		password: DEMO_PASSWORD,
		role: 'verwijzer',
		naam: 'Daan Visser',
		description: 'Specialist ouderengeneeskunde in de maatschappelijke opvang in Amsterdam.',
		regionSlug: 'amsterdam-diemen'
	},
	{
		email: 'redacteur.emmen@demo.regiokaart.nl',
		password: DEMO_PASSWORD,
		role: 'organisatie',
		naam: 'Gerrit Bakker',
		description: 'Redacteur van een zorgcentrum met palliatieve unit in Emmen.',
		organisationKeys: ['vvtEmmen']
	},
	{
		email: 'redacteur.steenwijk@demo.regiokaart.nl',
		password: DEMO_PASSWORD,
		role: 'organisatie',
		naam: 'Janneke Smit',
		description: 'Redacteur van het bijna-thuis-huis, de VPTZ en het steunpunt mantelzorg in Steenwijk.',
		organisationKeys: ['bthSteenwijk', 'vptzSteenwijk', 'mantelzorgSteenwijk']
	},
	{
		email: 'redacteur.amsterdam@demo.regiokaart.nl',
		password: DEMO_PASSWORD,
		role: 'organisatie',
		naam: 'Fatima Bouzid',
		description: 'Redacteur van Hospice De Amstelroos en een opvangorganisatie in Amsterdam.',
		organisationKeys: ['hospiceAmsterdamRegulier', 'moAmsterdam']
	},
	{
		email: 'redacteur.utrecht@demo.regiokaart.nl',
		password: DEMO_PASSWORD,
		role: 'organisatie',
		naam: 'Pieter de Graaf',
		description: 'Redacteur van een hospice in Utrecht.',
		organisationKeys: ['hospiceUtrecht']
	},
	{
		email: 'redacteur.rotterdam@demo.regiokaart.nl',
		password: DEMO_PASSWORD,
		role: 'organisatie',
		naam: 'Esther van Dijk',
		description: 'Redacteur van een hospice in Rotterdam.',
		organisationKeys: ['hospiceRotterdam']
	},
	{
		email: 'redacteur.nijmegen@demo.regiokaart.nl',
		password: DEMO_PASSWORD,
		role: 'organisatie',
		naam: 'Lotte Peters',
		description: 'Redacteur van een hospice en de VPTZ in Nijmegen.',
		organisationKeys: ['hospiceNijmegen', 'vptzNijmegen']
	}
];
