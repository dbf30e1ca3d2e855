/**
 * Plain-language (B1) Dutch explanations of the two capacity measures, built from the same numbers the dashboard
 * shows, so the text can never disagree with the table.
 */
import { bedsForBlockingTarget, erlangB } from './erlang';
import { DAYS_PER_YEAR, wholeBeds } from './prognosis';

const LOCALE = 'nl-NL';
/** Below this a blocking chance is shown as "less than 0,1%": more digits suggest a precision the model lacks. */
const SMALLEST_SHOWN_CHANCE = 0.001;

const oneDecimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 });

function beds(n: number): string {
	return `${whole.format(n)} ${n === 1 ? 'bed' : 'bedden'}`;
}

export interface OccupancyExplanationInput {
	bezettingsnorm: number;
	ligduurDagen: number;
	/** Patients per year who need this setting. */
	opnamesPerJaar: number;
}

/** "Bij een bezettingsnorm van 80% ...": what the norm means and how many beds follow from it. */
export function explainOccupancyNorm(input: OccupancyExplanationInput): string {
	const { bezettingsnorm, ligduurDagen, opnamesPerJaar } = input;
	const gemiddeldBezet = (opnamesPerJaar * ligduurDagen) / DAYS_PER_YEAR;
	const nodig = wholeBeds(gemiddeldBezet / bezettingsnorm);
	return (
		`Bij een bezettingsnorm van ${percent.format(bezettingsnorm)} is gemiddeld ` +
		`${oneDecimal.format(bezettingsnorm * 10)} van de 10 bedden bezet; de andere bedden vangen drukke periodes op. ` +
		`Met ongeveer ${whole.format(opnamesPerJaar)} ${Math.round(opnamesPerJaar) === 1 ? 'opname' : 'opnames'} per jaar ` +
		`en een gemiddelde verblijfsduur van ` +
		`${oneDecimal.format(ligduurDagen)} dagen zijn er op een gewone dag ${oneDecimal.format(gemiddeldBezet)} bedden bezet. ` +
		`Om de bezetting op ${percent.format(bezettingsnorm)} te houden ${nodig === 1 ? 'is' : 'zijn'} ${beds(nodig)} nodig.`
	);
}

export interface BlockingExplanationInput {
	bedden: number;
	/** Offered load: beds in use on an average day if nobody were refused. */
	aanbod: number;
	doelKans: number;
}

function chance(b: number): string {
	if (b < SMALLEST_SHOWN_CHANCE) return `minder dan ${percent.format(SMALLEST_SHOWN_CHANCE)}`;
	return `ongeveer ${percent.format(b)} (ongeveer 1 op de ${whole.format(Math.round(1 / b))} aanvragen)`;
}

/** "De kans dat er geen bed vrij is ...": the Erlang-B blocking chance and the beds that keep it under the target. */
export function explainBlocking(input: BlockingExplanationInput): string {
	const { bedden, aanbod, doelKans } = input;
	const blokkade = erlangB(bedden, aanbod);
	const nodig = bedsForBlockingTarget(aanbod, doelKans);
	return (
		`De kans dat er geen bed vrij is als iemand een bed nodig heeft, is met ${beds(bedden)} ${chance(blokkade)}. ` +
		`Om die kans op hoogstens ${percent.format(doelKans)} te houden, ${nodig === 1 ? 'is' : 'zijn'} minstens ${beds(nodig)} nodig. ` +
		'Deze berekening (de Erlang-B-formule) gaat ervan uit dat mensen op onvoorspelbare momenten een bed nodig hebben ' +
		'en dat iemand die geen bed vindt, ergens anders terechtkomt.'
	);
}
