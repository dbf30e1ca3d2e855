import type { Database } from '../../src/lib/server/db/client';
import {
	gemeenten,
	locations,
	organisations,
	postcodeGebieden,
	regionGemeenten,
	regions,
	serviceLocations,
	services
} from '../../src/lib/server/db/schema';

/**
 * A small directory for the search contract suite: each record exists to prove one behaviour (see the comments). Inserted
 * straight into the live tables; the test then builds the search index with reindexAll().
 */

export const places = {
	assen: { lat: 52.9928, lon: 6.5642, gemeente: 'GM0106', plaats: 'Assen', pc4: '9401' },
	groningen: { lat: 53.2194, lon: 6.5665, gemeente: 'GM0014', plaats: 'Groningen', pc4: '9711' },
	amsterdam: { lat: 52.3728, lon: 4.8936, gemeente: 'GM0363', plaats: 'Amsterdam', pc4: '1012' },
	utrecht: { lat: 52.0907, lon: 5.1214, gemeente: 'GM0344', plaats: 'Utrecht', pc4: '3511' },
	maastricht: { lat: 50.8514, lon: 5.691, gemeente: 'GM0935', plaats: 'Maastricht', pc4: '6211' }
} as const;
type Place = keyof typeof places;

interface ServiceSpec {
	naam: string;
	categorie: string;
	beschrijving?: string;
	doelgroepen?: string[];
	expertise?: string[];
	dagEnNacht?: boolean;
	status?: 'actief' | 'gearchiveerd';
	at: Place[];
}

interface OrgSpec {
	key: string;
	naam: string;
	type: string;
	status?: 'actief' | 'gearchiveerd';
	services: ServiceSpec[];
}

export const fixtureOrganisations: OrgSpec[] = [
	// Exact name first: "Hospice De Zonnedauw" must beat "Vrienden van Hospice De Zonnedauw".
	{
		key: 'zonnedauw',
		naam: 'Hospice De Zonnedauw',
		type: 'hospice',
		services: [
			{
				naam: 'Hospice De Zonnedauw',
				categorie: 'hospice',
				beschrijving: 'Zes kamers voor de laatste levensfase. Huiselijke sfeer, zorg dag en nacht.',
				doelgroepen: ['algemeen'],
				expertise: ['pijnbeleid', 'palliatieve_sedatie'],
				dagEnNacht: true,
				at: ['assen']
			}
		]
	},
	{
		key: 'vrienden',
		naam: 'Vrienden van Hospice De Zonnedauw',
		type: 'welzijn',
		services: [
			{
				naam: 'Vrienden van Hospice De Zonnedauw',
				categorie: 'informatie',
				beschrijving: 'Steunstichting die activiteiten in het hospice betaalt.',
				at: ['assen']
			}
		]
	},
	// VPTZ near 9401; also proves the synonym "vrijwilligers palliatieve terminale zorg" the other way round.
	{
		key: 'lantaarn',
		naam: 'Stichting De Lantaarn',
		type: 'welzijn',
		services: [
			{
				naam: 'VPTZ De Lantaarn',
				categorie: 'vptz',
				beschrijving: 'Getrainde vrijwilligers waken bij u thuis.',
				expertise: ['mantelzorgondersteuning'],
				at: ['assen']
			}
		]
	},
	// Typo ("verslavng", "middelengebriuk") and facet cases in Amsterdam.
	{
		key: 'veerhuis',
		naam: 'Hospice Het Veerhuis',
		type: 'hospice',
		services: [
			{
				naam: 'Hospice Het Veerhuis',
				categorie: 'hospice',
				beschrijving: 'Hospice in Amsterdam waar actief middelengebruik is toegestaan.',
				doelgroepen: ['verslaving', 'dak_thuisloos'],
				expertise: ['middelengebruik', 'dakloosheid'],
				dagEnNacht: true,
				at: ['amsterdam']
			}
		]
	},
	{
		key: 'jellinek',
		naam: 'Verslavingszorg Amstel',
		type: 'ggz',
		services: [
			{
				naam: 'Consultatie verslaving in de laatste levensfase',
				categorie: 'verslavingszorg',
				doelgroepen: ['verslaving'],
				expertise: ['middelengebruik', 'psychiatrie'],
				at: ['amsterdam']
			}
		]
	},
	// Stemming trap: the document says "verpleeghuis", the query "verpleeghuizen" (and the other way round).
	{
		key: 'linde',
		naam: 'Verpleeghuis De Linde',
		type: 'vvt',
		services: [
			{
				naam: 'Palliatieve unit Verpleeghuis De Linde',
				categorie: 'verpleeghuis',
				expertise: ['dementie'],
				at: ['utrecht']
			}
		]
	},
	{
		key: 'amstelrust',
		naam: 'Zorggroep Amstelrust',
		type: 'vvt',
		services: [
			{
				naam: 'Palliatieve bedden in onze verpleeghuizen',
				categorie: 'verpleeghuis',
				at: ['amsterdam', 'utrecht']
			}
		]
	},
	// Abbreviations: the document spells out what the query abbreviates, or abbreviates what the query spells out.
	{
		key: 'ouderenarts',
		naam: 'Huisartsengroep Domstad',
		type: 'huisartsenzorg',
		services: [
			{
				naam: 'Specialist ouderengeneeskunde in de wijk',
				categorie: 'consultatie',
				beschrijving: 'Advies aan huisartsen over kwetsbare ouderen thuis.',
				at: ['utrecht']
			},
			{
				naam: 'Spreekuur VS palliatieve zorg',
				categorie: 'consultatie',
				beschrijving: 'Een gesprek met de gespecialiseerde verpleegkundige.',
				at: ['utrecht']
			}
		]
	},
	{
		key: 'ggznoord',
		naam: 'GGZ Noord',
		type: 'ggz',
		services: [
			{
				naam: 'Palliatieve zorg bij ernstige psychische aandoeningen',
				categorie: 'ggz',
				doelgroepen: ['epa_psychiatrie'],
				expertise: ['psychiatrie'],
				dagEnNacht: true,
				at: ['groningen']
			}
		]
	},
	// Accents: "rouwcafe" finds "Rouwcafé".
	{
		key: 'rouw',
		naam: 'Centrum voor Levensvragen Maastricht',
		type: 'geestelijke_verzorging',
		services: [
			{
				naam: 'Rouwcafé Maastricht',
				categorie: 'rouwbegeleiding',
				expertise: ['rouw'],
				at: ['maastricht']
			}
		]
	},
	// Archived: never found.
	{
		key: 'oud',
		naam: 'Hospice Opgeheven',
		type: 'hospice',
		status: 'gearchiveerd',
		services: [{ naam: 'Hospice Opgeheven', categorie: 'hospice', at: ['groningen'] }]
	},
	{
		key: 'deels',
		naam: 'Thuiszorg Groningen',
		type: 'thuiszorg',
		services: [
			{ naam: 'Wijkverpleging Groningen', categorie: 'wijkverpleging', at: ['groningen'], dagEnNacht: true },
			{
				naam: 'Hospice-zorg thuis (gestopt)',
				categorie: 'hospice',
				status: 'gearchiveerd',
				at: ['groningen']
			}
		]
	}
];

export interface Fixture {
	org: Record<string, string>;
	/** Service ids by service name. */
	service: Record<string, string>;
	regions: { noord: string; west: string };
}

export async function insertFixture(db: Database): Promise<Fixture> {
	await db
		.insert(gemeenten)
		.values([
			{ code: 'GM0106', naam: 'Assen', provincieCode: 'PV22', provincieNaam: 'Drenthe' },
			{ code: 'GM0014', naam: 'Groningen', provincieCode: 'PV20', provincieNaam: 'Groningen' },
			{ code: 'GM0363', naam: 'Amsterdam', provincieCode: 'PV27', provincieNaam: 'Noord-Holland' },
			{ code: 'GM0344', naam: 'Utrecht', provincieCode: 'PV26', provincieNaam: 'Utrecht' },
			{ code: 'GM0935', naam: 'Maastricht', provincieCode: 'PV31', provincieNaam: 'Limburg' }
		])
		.onConflictDoNothing();
	await db
		.insert(postcodeGebieden)
		.values(
			Object.values(places).map((p) => ({ pc4: p.pc4, lat: p.lat, lon: p.lon, gemeenteCode: p.gemeente }))
		)
		.onConflictDoNothing();
	const [noord] = await db
		.insert(regions)
		.values({ slug: 'test-noord', naam: 'Netwerk Test Noord' })
		.returning();
	const [west] = await db
		.insert(regions)
		.values({ slug: 'test-west', naam: 'Netwerk Test West' })
		.returning();
	await db.insert(regionGemeenten).values([
		{ regionId: noord.id, gemeenteCode: 'GM0106' },
		{ regionId: noord.id, gemeenteCode: 'GM0014' },
		{ regionId: west.id, gemeenteCode: 'GM0363' }
	]);

	const fixture: Fixture = { org: {}, service: {}, regions: { noord: noord.id, west: west.id } };
	for (const spec of fixtureOrganisations) {
		const [org] = await db
			.insert(organisations)
			.values({ slug: `test-${spec.key}`, naam: spec.naam, type: spec.type, status: spec.status ?? 'actief' })
			.returning();
		fixture.org[spec.key] = org.id;
		const locationIds = new Map<Place, string>();
		for (const s of spec.services) {
			for (const place of s.at) {
				if (locationIds.has(place)) continue;
				const p = places[place];
				const [loc] = await db
					.insert(locations)
					.values({
						organisationId: org.id,
						naam: `${spec.naam} ${p.plaats}`,
						plaats: p.plaats,
						pc4: p.pc4,
						postcode: `${p.pc4} AA`,
						gemeenteCode: p.gemeente,
						lat: p.lat,
						lon: p.lon
					})
					.returning();
				locationIds.set(place, loc.id);
			}
			const [service] = await db
				.insert(services)
				.values({
					organisationId: org.id,
					naam: s.naam,
					categorie: s.categorie,
					beschrijving: s.beschrijving ?? '',
					doelgroepen: s.doelgroepen ?? [],
					expertise: s.expertise ?? [],
					dagEnNacht: s.dagEnNacht ?? false,
					status: s.status ?? 'actief'
				})
				.returning();
			fixture.service[s.naam] = service.id;
			await db
				.insert(serviceLocations)
				.values(s.at.map((place) => ({ serviceId: service.id, locationId: locationIds.get(place)! })));
		}
	}
	return fixture;
}
