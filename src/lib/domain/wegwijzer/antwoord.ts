import type { GeordendeDienst } from './ordening';
import type { Dagdeel } from './tijd';

/** Shapes of a wegwijzer answer as the pages show it (filled by the wegwijzer service). */

export interface WegwijzerDienst {
	id: string;
	naam: string;
	organisatieNaam: string;
	organisatieSlug: string;
	beschrijving: string;
	categorie: string;
	telefoon: string | null;
	telHref: string | null;
	website: string | null;
	/** Town of the nearest location. */
	plaats: string | null;
	afstandKm: number | null;
	dagEnNacht: boolean;
	openingstijden: { dag: number; van: string; tot: string }[];
	/** Opening hours written out ("maandag tot en met vrijdag: 09:00 – 17:00 uur"). */
	openingstijdenTekst: string[];
	bereikbaarheidToelichting: string | null;
	voorProfessionals: boolean;
}

export interface CategorieInfo {
	categorie: string;
	label: string;
	beschrijving: string;
}

export interface Antwoordgroep extends CategorieInfo {
	diensten: GeordendeDienst<WegwijzerDienst>[];
}

export interface VraagVoorBezoeker {
	slug: string;
	thema: string;
	titel: string;
	uitleg: string;
	categorieen: string[];
}

export interface WegwijzerAntwoord {
	vraag: VraagVoorBezoeker & { themaTitel: string };
	groepen: Antwoordgroep[];
	voorProfessionals: GeordendeDienst<WegwijzerDienst>[];
	/** The huisartsenpost(s) for the emergency box, when the question's own list does not have them. */
	spoedlijnen: WegwijzerDienst[];
	toon113: boolean;
	/** null for the time-independent printed card. */
	dagdeel: Dagdeel | null;
	buitenKantoortijd: boolean;
}
