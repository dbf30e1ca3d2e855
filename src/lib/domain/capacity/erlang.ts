/**
 * Erlang loss (Erlang B): the chance that every bed is taken when a patient needs one, for beds that are requested at
 * random moments (Poisson arrivals) and where someone who finds no bed goes elsewhere instead of waiting. This is the
 * measure behind "how often do we have to say no", which an occupancy norm alone does not show: at the same 80%
 * occupancy a small hospice turns people away far more often than a large one.
 */
import { DAYS_PER_YEAR, wholeBeds, type ComputedPrognosis } from './prognosis';

/** Stop searching for a bed count beyond this; far above any regional need, it only guards against bad input. */
const MAX_BEDS_SEARCHED = 100_000;

/** Offered load A in erlangs: arrivals per day × mean length of stay in days = beds in use on average if none were refused. */
export function offeredLoad(opnamesPerDag: number, ligduurDagen: number): number {
	return opnamesPerDag * ligduurDagen;
}

/**
 * B(c, A) with the numerically stable recursion B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)). The textbook form
 * (A^c/c!) / Σ A^k/k! overflows for realistic regional loads; the recursion never leaves [0, 1].
 */
export function erlangB(bedden: number, aanbod: number): number {
	if (!Number.isInteger(bedden) || bedden < 0) throw new RangeError('bedden must be a non-negative integer');
	if (!(aanbod >= 0)) throw new RangeError('aanbod must be a non-negative number');
	let b = 1;
	for (let k = 1; k <= bedden; k++) b = (aanbod * b) / (k + aanbod * b);
	return b;
}

/**
 * The smallest number of beds whose blocking chance is at most the target. Zero load needs no beds (by definition
 * B(0, 0) = 1, which would otherwise ask for one bed nobody uses).
 */
export function bedsForBlockingTarget(aanbod: number, doelKans: number): number {
	if (!(doelKans > 0 && doelKans < 1)) throw new RangeError('doelKans must be between 0 and 1');
	if (!(aanbod >= 0)) throw new RangeError('aanbod must be a non-negative number');
	if (aanbod === 0) return 0;
	let b = 1;
	for (let k = 1; k <= MAX_BEDS_SEARCHED; k++) {
		b = (aanbod * b) / (k + aanbod * b);
		if (b <= doelKans) return k;
	}
	throw new RangeError('no bed count within the search limit meets the target');
}

export interface BlockingEdge {
	opnamesPerDag: number;
	aanbod: number;
	/** Beds from the occupancy norm (rounded up), and the blocking chance with that many beds. */
	beddenBijNorm: number;
	blokkadeBijNorm: number;
	/** Fewest beds that keep the blocking chance at or under the target. */
	beddenBijDoel: number;
}

export interface BlockingBand {
	doelKans: number;
	laag: BlockingEdge;
	hoog: BlockingEdge;
}

/** Erlang-B next to the occupancy norm for a computed prognosis: arrivals are the patients per year ÷ 365. */
export function blockingForPrognosis(prognosis: ComputedPrognosis, doelKans: number): BlockingBand {
	const { ligduurDagen, bezettingsnorm } = prognosis.parameters;
	const edge = (opnamesPerJaar: number): BlockingEdge => {
		const opnamesPerDag = opnamesPerJaar / DAYS_PER_YEAR;
		const aanbod = offeredLoad(opnamesPerDag, ligduurDagen);
		// The norm formula is A ÷ norm: beds in use on average, plus slack.
		const beddenBijNorm = wholeBeds(aanbod / bezettingsnorm);
		return {
			opnamesPerDag,
			aanbod,
			beddenBijNorm,
			blokkadeBijNorm: erlangB(beddenBijNorm, aanbod),
			beddenBijDoel: bedsForBlockingTarget(aanbod, doelKans)
		};
	};
	return { doelKans, laag: edge(prognosis.opnamesLaag), hoog: edge(prognosis.opnamesHoog) };
}
