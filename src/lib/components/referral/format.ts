import { labelOf } from '../../domain/organisation/taxonomy';
import {
	leeftijdscategorieLabels,
	prognoseLabels,
	urgentieLabels,
	type Leeftijdscategorie,
	type Prognose,
	type Urgentie
} from '../../domain/referral/options';
import {
	afwijsredenLabels,
	intrekredenLabels,
	verzoekStatusLabels,
	type Afwijsreden,
	type Intrekreden,
	type VerzoekStatus
} from '../../domain/referral/transitions';

const dateTime = new Intl.DateTimeFormat('nl-NL', {
	dateStyle: 'medium',
	timeStyle: 'short',
	timeZone: 'Europe/Amsterdam'
});
const dateOnly = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });

/** Dates arrive as Date (page data) or ISO strings (live JSON). */
export function datumTijd(value: Date | string | null | undefined): string {
	return value ? dateTime.format(new Date(value)) : '';
}

export function datum(value: Date | string | null | undefined): string {
	return value ? dateOnly.format(new Date(value)) : '';
}

export function leeftijd(code: string): string {
	if (code === '18-64') return '18 tot 65 jaar';
	if (code === '65+') return '65 jaar of ouder';
	return leeftijdscategorieLabels[code as Leeftijdscategorie] ?? code;
}

export const prognose = (code: string) => prognoseLabels[code as Prognose] ?? code;
export const urgentie = (code: string) => urgentieLabels[code as Urgentie] ?? code;
export const doelgroepen = (codes: readonly string[]) =>
	codes.length ? codes.map((c) => labelOf('doelgroep', c)).join(', ') : 'Geen bijzondere doelgroep';
export const zorgbehoeften = (codes: readonly string[]) =>
	codes.length ? codes.map((c) => labelOf('opnamevoorwaarde', c)).join(', ') : 'Geen bijzondere zorgbehoefte';
export const settings = (codes: readonly string[]) => codes.map((c) => labelOf('zorgsetting', c)).join(', ');

/** The status text of a request, with the reason when declined or withdrawn. */
export function verzoekStatus(v: {
	status: string;
	afwijsreden?: string | null;
	intrekreden?: string | null;
}): string {
	const base = verzoekStatusLabels[v.status as VerzoekStatus] ?? v.status;
	if (v.status === 'afgewezen' && v.afwijsreden)
		return `${base}: ${afwijsredenLabels[v.afwijsreden as Afwijsreden].toLowerCase()}`;
	if (v.status === 'ingetrokken' && v.intrekreden)
		return `${base}: ${intrekredenLabels[v.intrekreden as Intrekreden].toLowerCase()}`;
	return base;
}

export function badgeClass(status: string): string {
	switch (status) {
		case 'geaccepteerd':
		case 'geplaatst':
			return 'rk-badge rk-badge--ok';
		case 'afgewezen':
			return 'rk-badge rk-badge--danger';
		case 'verzonden':
		case 'open':
			return 'rk-badge rk-badge--warning';
		default:
			return 'rk-badge';
	}
}
