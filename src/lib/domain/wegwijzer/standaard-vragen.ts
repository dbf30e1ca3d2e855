import type { DienstCategorie } from '../organisation/taxonomy';
import type { WegwijzerThema } from './themas';

/**
 * The default wegwijzer questions: product content, the same for every region until a region's beheerder changes them.
 * Written in B1 Dutch, as a visitor would say it. `categorieen` are dienstCategorieen codes in the order a visitor should
 * call them. Loaded into the database on first use (missing slugs are added; existing rows are never overwritten).
 */
export interface StandaardVraag {
	slug: string;
	thema: WegwijzerThema;
	titel: string;
	uitleg: string;
	categorieen: readonly DienstCategorie[];
}

export const standaardVragen: readonly StandaardVraag[] = [
	// Nacht, weekend of crisis
	{
		slug: 'nacht-of-weekend-gaat-niet-goed',
		thema: 'nacht_crisis',
		titel: 'Het is avond, nacht of weekend en het gaat niet goed',
		uitleg:
			'Uw eigen huisarts is nu meestal niet bereikbaar. Bel dan de huisartsenpost. Die is er voor dringende vragen die niet kunnen wachten tot de volgende werkdag. Heeft u al wijkverpleging? Dan kunt u ook die bellen.',
		categorieen: ['huisartsenpost', 'wijkverpleging', 'apotheek']
	},
	{
		slug: 'er-is-nu-een-crisis',
		thema: 'nacht_crisis',
		titel: 'Er is nu een crisis en ik weet niet wat ik moet doen',
		uitleg:
			'Is er direct gevaar voor het leven? Bel 112. Is het dringend, maar geen levensgevaar? Bel overdag uw huisarts. Bel in de avond, de nacht en het weekend de huisartsenpost.',
		categorieen: ['huisarts', 'huisartsenpost', 'wijkverpleging', 'ggz']
	},
	// Lichamelijk
	{
		slug: 'veel-pijn',
		thema: 'lichamelijk',
		titel: 'Ik heb veel pijn, of mijn naaste heeft veel pijn',
		uitleg:
			'Pijn kan bijna altijd minder worden. Wacht niet te lang. Bel uw huisarts. Hij of zij kan de medicijnen aanpassen of hulp vragen aan een team dat veel weet van pijn.',
		categorieen: ['huisarts', 'huisartsenpost', 'wijkverpleging', 'apotheek']
	},
	{
		slug: 'benauwd-misselijk-moe',
		thema: 'lichamelijk',
		titel: 'Ik ben benauwd, misselijk of heel erg moe',
		uitleg:
			'Deze klachten komen vaak voor als iemand ernstig ziek is. Er is vaak iets aan te doen. Bespreek het met uw huisarts of de wijkverpleging.',
		categorieen: ['huisarts', 'wijkverpleging', 'huisartsenpost']
	},
	{
		slug: 'hulp-bij-verzorging',
		thema: 'lichamelijk',
		titel: 'Ik heb hulp nodig bij wassen, aankleden of wondzorg',
		uitleg:
			'De wijkverpleging komt bij u thuis. Zij helpen met wassen, aankleden, wondzorg en medicijnen. U heeft hiervoor geen verwijzing van de huisarts nodig.',
		categorieen: ['wijkverpleging', 'huisarts', 'gemeente_wmo']
	},
	{
		slug: 'vragen-over-medicijnen',
		thema: 'lichamelijk',
		titel: 'Ik heb vragen over medicijnen',
		uitleg:
			'De apotheek weet veel over medicijnen en bijwerkingen. Buiten kantoortijd is er een dienstapotheek. Wilt u andere medicijnen? Dan beslist de huisarts.',
		categorieen: ['apotheek', 'huisarts', 'huisartsenpost']
	},
	// Psychisch
	{
		slug: 'bang-somber-slecht-slapen',
		thema: 'psychisch',
		titel: 'Ik ben bang of somber, of ik slaap slecht',
		uitleg:
			'Angst en verdriet horen erbij als u ernstig ziek bent, of als uw naaste dat is. U hoeft er niet alleen mee te blijven. Praat erover met uw huisarts of met een geestelijk verzorger.',
		categorieen: ['huisarts', 'geestelijke_verzorging', 'ggz', 'huisartsenpost']
	},
	{
		slug: 'naaste-onrustig-of-in-de-war',
		thema: 'psychisch',
		titel: 'Mijn naaste is onrustig of in de war',
		uitleg:
			'Onrust en verwardheid kunnen een lichamelijke oorzaak hebben, zoals pijn, koorts of medicijnen. Bel de huisarts. Gebeurt het in de avond, de nacht of het weekend? Bel dan de huisartsenpost.',
		categorieen: ['huisarts', 'huisartsenpost', 'wijkverpleging']
	},
	{
		slug: 'ik-zie-het-niet-meer-zitten',
		thema: 'psychisch',
		titel: 'Ik zie het niet meer zitten',
		uitleg:
			'Denkt u aan zelfdoding? Praat erover. Bel 113 of 0800-0113. Dat is gratis en kan dag en nacht. U kunt ook uw huisarts bellen.',
		categorieen: ['huisarts', 'huisartsenpost', 'ggz']
	},
	// Sociaal
	{
		slug: 'ik-voel-me-alleen',
		thema: 'sociaal',
		titel: 'Ik voel me alleen',
		uitleg:
			'Een sociaal werker kan met u zoeken naar mensen en activiteiten in de buurt. Vrijwilligers kunnen bij u thuis komen voor een praatje of om er gewoon te zijn.',
		categorieen: ['sociaal_werk', 'vptz', 'geestelijke_verzorging']
	},
	{
		slug: 'praten-met-familie-en-kinderen',
		thema: 'sociaal',
		titel: 'Ik weet niet hoe ik het aan mijn familie of kinderen vertel',
		uitleg:
			'Praten over ziekte en afscheid is moeilijk. Een sociaal werker of geestelijk verzorger kan u helpen. Ook met kinderen en kleinkinderen.',
		categorieen: ['sociaal_werk', 'geestelijke_verzorging', 'huisarts']
	},
	// Spiritueel
	{
		slug: 'gesprek-over-levensvragen',
		thema: 'spiritueel',
		titel: 'Ik wil praten over de zin van mijn leven',
		uitleg:
			'Vragen als "Wat heeft mijn leven betekend?" of "Wat komt er na de dood?" zijn normaal. Een geestelijk verzorger praat met u. Ook als u niet gelovig bent. Het kost u meestal niets.',
		categorieen: ['geestelijke_verzorging', 'huisarts']
	},
	{
		slug: 'geloof-en-afscheid',
		thema: 'spiritueel',
		titel: 'Ik wil iemand spreken over mijn geloof of over afscheid nemen',
		uitleg:
			'Een geestelijk verzorger kan met u praten over geloof, rituelen en afscheid. U kunt ook vragen naar iemand van uw eigen geloof of levensbeschouwing.',
		categorieen: ['geestelijke_verzorging']
	},
	// Mantelzorg en overbelasting
	{
		slug: 'zorg-voor-partner-kan-het-niet-meer-aan',
		thema: 'mantelzorg',
		titel: 'Ik zorg voor mijn partner en kan het niet meer aan',
		uitleg:
			'Zorgen voor iemand die ernstig ziek is, is zwaar. Het is goed om op tijd hulp te vragen. Mantelzorgondersteuning geeft advies en luistert naar u. Vrijwilligers kunnen bij u thuis waken of er zijn, zodat u kunt rusten. Vertel het ook aan uw huisarts.',
		categorieen: [
			'mantelzorgondersteuning',
			'vptz',
			'huisarts',
			'huisartsenpost',
			'wijkverpleging',
			'sociaal_werk'
		]
	},
	{
		slug: 'even-weg-maar-naaste-niet-alleen-laten',
		thema: 'mantelzorg',
		titel: 'Ik wil even weg, maar ik kan mijn naaste niet alleen laten',
		uitleg:
			'U mag ook aan uzelf denken. Vrijwilligers kunnen bij uw naaste blijven, overdag of in de nacht. Dit heet ook wel respijtzorg.',
		categorieen: ['vptz', 'mantelzorgondersteuning', 'wijkverpleging']
	},
	// Vrijwilligers aan huis
	{
		slug: 'iemand-die-waakt-of-er-is',
		thema: 'vrijwilligers',
		titel: 'Ik wil dat er iemand bij ons thuis waakt of er is',
		uitleg:
			'Vrijwilligers in de palliatieve zorg (VPTZ) zijn getraind. Zij komen bij u thuis, overdag of in de nacht. Zij nemen geen verpleging over, maar zijn er voor u en uw naaste. Dit is gratis.',
		categorieen: ['vptz', 'mantelzorgondersteuning']
	},
	// Wonen
	{
		slug: 'thuis-blijven-lukt-bijna-niet',
		thema: 'wonen',
		titel: 'Ik wil thuis blijven, maar het gaat bijna niet meer',
		uitleg:
			'Met de juiste hulp kunnen veel mensen thuis blijven. Denk aan wijkverpleging, hulp van de gemeente en vrijwilligers. Gaat het thuis echt niet meer? Dan is een hospice of bijna-thuis-huis misschien iets voor u.',
		categorieen: ['huisarts', 'wijkverpleging', 'gemeente_wmo', 'vptz', 'hospice']
	},
	{
		slug: 'plek-voor-de-laatste-tijd',
		thema: 'wonen',
		titel: 'Ik zoek een plek om de laatste tijd te wonen',
		uitleg:
			'Een hospice of bijna-thuis-huis is een huis voor mensen die niet lang meer te leven hebben. Het voelt zoveel mogelijk als thuis. Ook een verpleeghuis kan deze zorg geven. Uw huisarts helpt u met de aanmelding.',
		categorieen: ['hospice', 'verpleeghuis', 'huisarts']
	},
	{
		slug: 'hulpmiddelen-en-aanpassingen',
		thema: 'wonen',
		titel: 'Ik heb hulpmiddelen of een aanpassing in huis nodig',
		uitleg:
			'Denk aan een hoog-laag bed, een rolstoel of een traplift. De gemeente en de wijkverpleging helpen u op weg.',
		categorieen: ['gemeente_wmo', 'wijkverpleging']
	},
	// Geld
	{
		slug: 'zorgen-over-geld',
		thema: 'geld',
		titel: 'Ik maak me zorgen over geld',
		uitleg:
			'Ziek zijn kan veel geld kosten. Een sociaal werker helpt u gratis met vragen over geld, toeslagen en schulden.',
		categorieen: ['sociaal_werk', 'gemeente_wmo']
	},
	{
		slug: 'hulp-bij-papieren-en-regelzaken',
		thema: 'geld',
		titel: 'Ik heb hulp nodig bij papieren en regelzaken',
		uitleg:
			'Er moet veel geregeld worden, zoals een testament, een wilsverklaring of zorg via de gemeente. Een sociaal werker helpt u op weg.',
		categorieen: ['sociaal_werk', 'gemeente_wmo', 'informatie']
	},
	// Afscheid en rouw
	{
		slug: 'wat-gebeurt-er-in-de-laatste-dagen',
		thema: 'afscheid_rouw',
		titel: 'Ik wil weten wat er gebeurt in de laatste dagen',
		uitleg:
			'Het helpt vaak om te weten wat u kunt verwachten. De huisarts en de wijkverpleging leggen het u uit. Ook een geestelijk verzorger kan met u praten over afscheid.',
		categorieen: ['huisarts', 'wijkverpleging', 'geestelijke_verzorging', 'informatie']
	},
	{
		slug: 'naaste-is-net-overleden',
		thema: 'afscheid_rouw',
		titel: 'Mijn naaste is net overleden. Wat moet ik nu doen?',
		uitleg:
			'Bel eerst de huisarts. Buiten kantoortijd belt u de huisartsenpost. De arts komt langs om het overlijden vast te stellen. Daarna kunt u een uitvaartondernemer bellen. U hoeft niet te haasten.',
		categorieen: ['huisarts', 'huisartsenpost']
	},
	{
		slug: 'verdriet-na-overlijden',
		thema: 'afscheid_rouw',
		titel: 'Mijn naaste is overleden en ik heb veel verdriet',
		uitleg:
			'Rouw is een normale reactie op verlies. Soms is het zo zwaar dat u hulp wilt. Er zijn mensen die u steunen in de tijd na het overlijden.',
		categorieen: ['rouwbegeleiding', 'geestelijke_verzorging', 'huisarts', 'sociaal_werk']
	}
];

/** Categories on a printed card asked for without a question: the contacts most people need. */
export const algemeneKaartCategorieen: readonly DienstCategorie[] = [
	'huisarts',
	'huisartsenpost',
	'wijkverpleging',
	'apotheek',
	'vptz',
	'mantelzorgondersteuning',
	'geestelijke_verzorging',
	'sociaal_werk',
	'hospice'
];
