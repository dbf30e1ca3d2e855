import {
	isBuitenKantoortijd,
	wegwijzerBereikbaarheid,
	type Bereikbaarheidsgegevens,
	type WegwijzerBereikbaarheid
} from './tijd';

/** What the ordering needs to know of a service from the directory. */
export interface OrdenbareDienst extends Bereikbaarheidsgegevens {
	naam: string;
	categorie: string;
	voorProfessionals: boolean;
	/** Straight-line distance from the visitor's postcode to the nearest location, or null when unknown. */
	afstandKm: number | null;
}

export type GeordendeDienst<D> = D & {
	nuBereikbaar: boolean;
	/** Status at the moment ordered for; null for a time-independent order. */
	bereikbaarheid: WegwijzerBereikbaarheid | null;
};

export interface AntwoordGroep<D> {
	categorie: string;
	/** Nearest first; outside office hours the reachable ones first. */
	diensten: GeordendeDienst<D>[];
}

export interface GeordendAntwoord<D> {
	/** One group per category of the question, in the question's order (outside office hours: reachable groups first). */
	groepen: AntwoordGroep<D>[];
	/** Consultation lines for professionals: never mixed into the groups above. */
	voorProfessionals: GeordendeDienst<D>[];
	buitenKantoortijd: boolean;
}

function dichtstbijEerst(a: OrdenbareDienst, b: OrdenbareDienst): number {
	const da = a.afstandKm ?? Number.POSITIVE_INFINITY;
	const db = b.afstandKm ?? Number.POSITIVE_INFINITY;
	return da - db || a.naam.localeCompare(b.naam, 'nl');
}

/**
 * Puts the services of a place in the order a visitor should call them.
 *
 * - Categories follow the question (e.g. mantelzorgondersteuning, VPTZ, huisarts, huisartsenpost); within a category the
 *   nearest service comes first.
 * - Outside office hours (evening, night, weekend, holiday) the groups with a service that can be reached now move to the
 *   front, and inside a group the reachable services come first. The sort is stable, so the question's order holds otherwise.
 * - Services for professionals go to their own list, whatever their category.
 *
 * @param now the moment to order for, or null for a time-independent order (the printed card).
 */
export function ordenAntwoord<D extends OrdenbareDienst>(
	diensten: readonly D[],
	categorieen: readonly string[],
	now: Date | null
): GeordendAntwoord<D> {
	const buitenKantoortijd = now !== null && isBuitenKantoortijd(now);
	const markeer = (d: D): GeordendeDienst<D> => {
		const bereikbaarheid = now === null ? null : wegwijzerBereikbaarheid(d, now);
		return { ...d, nuBereikbaar: bereikbaarheid?.bereikbaar ?? false, bereikbaarheid };
	};
	const bereikbaarEerst = (a: GeordendeDienst<D>, b: GeordendeDienst<D>) =>
		buitenKantoortijd ? Number(b.nuBereikbaar) - Number(a.nuBereikbaar) : 0;

	const uniekeCategorieen = [...new Set(categorieen)];
	const groepen: AntwoordGroep<D>[] = uniekeCategorieen.map((categorie) => ({
		categorie,
		diensten: diensten
			.filter((d) => !d.voorProfessionals && d.categorie === categorie)
			.sort(dichtstbijEerst)
			.map(markeer)
			.sort(bereikbaarEerst)
	}));
	if (buitenKantoortijd) {
		const bereikbaar = (g: AntwoordGroep<D>) => g.diensten.some((d) => d.nuBereikbaar);
		groepen.sort((a, b) => Number(bereikbaar(b)) - Number(bereikbaar(a)));
	}

	const voorProfessionals = diensten
		.filter((d) => d.voorProfessionals)
		.sort(dichtstbijEerst)
		.map(markeer);

	return { groepen, voorProfessionals, buitenKantoortijd };
}
