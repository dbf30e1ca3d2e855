import { error } from '@sveltejs/kit';
import { formatAgo, isStale } from '$lib/domain/availability/staleness';
import {
	amsterdamWallClock,
	bereikbaarheidNu,
	formatDatumTijd,
	openingstijdenPerDag,
	samenvatting
} from '$lib/domain/organisation/bereikbaarheid';
import { mailtoHref, telHref, websiteHref } from '$lib/domain/organisation/contact';
import { hitsToGeoJson, type MapHit } from '$lib/domain/search/geojson';
import { getDb } from '$lib/server/db';
import { getOrganisationPage, loadLabels } from '$lib/server/repositories/directory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const db = getDb();
	const [page, labels] = await Promise.all([getOrganisationPage(db, params.slug), loadLabels(db)]);
	if (!page) error(404, 'Deze organisatie bestaat niet, of staat niet meer op de kaart.');
	// Bed availability and "nu bereikbaar" change by the minute: never serve this page from a cache.
	setHeaders({ 'cache-control': 'no-store' });

	const now = new Date();
	const { organisation: org } = page;
	const locationName = new Map(page.locations.map((l) => [l.id, l.naam]));
	const unique = (codes: string[]) => [...new Set(codes)];

	const services = page.services.map((s) => ({
		id: s.id,
		naam: s.naam,
		beschrijving: s.beschrijving,
		categorie: labels.of('dienstcategorie', s.categorie),
		doelgroepen: s.doelgroepen.map((c) => labels.of('doelgroep', c)),
		expertise: s.expertise.map((c) => labels.of('expertise', c)),
		telefoon: s.telefoon,
		tel: telHref(s.telefoon),
		mailto: mailtoHref(s.email),
		email: s.email,
		website: websiteHref(s.website),
		dagEnNacht: s.dagEnNacht,
		voorProfessionals: s.voorProfessionals,
		nu: bereikbaarheidNu(s, now),
		samenvatting: samenvatting(s),
		tijden: openingstijdenPerDag(s.openingstijden),
		toelichting: s.bereikbaarheidToelichting,
		locaties: s.locationIds.map((id) => locationName.get(id)).filter((n): n is string => !!n),
		regios: s.regions.map((r) => r.regionNaam)
	}));

	// The small map shows where the services are; a service without its own locations is at all of the organisation's.
	const mapLocation = (l: (typeof page.locations)[number]) => ({
		id: l.id,
		naam: l.naam,
		adres: l.adres,
		plaats: l.plaats ?? l.gemeenteNaam,
		lat: l.lat,
		lon: l.lon
	});
	const organisationRef = { slug: org.slug, naam: org.naam, type: org.type };
	const hits: MapHit[] = page.services.length
		? page.services.map((s) => ({
				serviceId: s.id,
				naam: s.naam,
				organisation: organisationRef,
				locaties: page.locations
					.filter((l) => s.locationIds.length === 0 || s.locationIds.includes(l.id))
					.map(mapLocation)
			}))
		: [
				{
					serviceId: org.id,
					naam: org.naam,
					organisation: organisationRef,
					locaties: page.locations.map(mapLocation)
				}
			];
	const kaart = hitsToGeoJson(hits).points;

	const bedUnits = page.bedUnits.map((u) => ({
		id: u.id,
		naam: u.naam,
		setting: labels.of('zorgsetting', u.setting),
		locatie: u.locationNaam,
		aantalBedden: u.aantalBedden,
		vrijeBedden: u.vrijeBedden,
		doelgroepen: u.doelgroepen.filter((c) => c !== 'algemeen').map((c) => labels.of('doelgroep', c)),
		voorwaarden: u.voorwaarden.map((c) => labels.of('opnamevoorwaarde', c)),
		toelichting: u.toelichting,
		bijgewerktOp: u.beschikbaarheidBijgewerktOp ? formatDatumTijd(u.beschikbaarheidBijgewerktOp) : null,
		bijgewerktIso: u.beschikbaarheidBijgewerktOp?.toISOString() ?? null,
		geleden: u.beschikbaarheidBijgewerktOp ? formatAgo(u.beschikbaarheidBijgewerktOp, now) : null,
		verouderd: isStale(u.beschikbaarheidBijgewerktOp, now)
	}));

	return {
		organisatie: {
			slug: org.slug,
			naam: org.naam,
			type: labels.of('organisatietype', org.type),
			beschrijving: org.beschrijving,
			isVoorbeeld: org.isVoorbeeld,
			telefoon: org.telefoon,
			tel: telHref(org.telefoon),
			email: org.email,
			mailto: mailtoHref(org.email),
			website: websiteHref(org.website)
		},
		locaties: page.locations.map((l) => ({
			id: l.id,
			naam: l.naam,
			adres: l.adres,
			postcode: l.postcode,
			plaats: l.plaats ?? l.gemeenteNaam,
			gemeente: l.gemeenteNaam
		})),
		kaart: kaart.features.length ? kaart : null,
		diensten: services,
		bedden: bedUnits,
		doelgroepen: unique(page.services.flatMap((s) => s.doelgroepen))
			.filter((c) => c !== 'algemeen')
			.map((c) => labels.of('doelgroep', c)),
		expertise: unique(page.services.flatMap((s) => s.expertise)).map((c) => labels.of('expertise', c)),
		regios: page.regions,
		vandaag: amsterdamWallClock(now).dag,
		berekendOp: formatDatumTijd(now)
	};
};
