import { bereikbaarheidNu, formatDatumTijd, samenvatting } from '$lib/domain/organisation/bereikbaarheid';
import { telHref } from '$lib/domain/organisation/contact';
import {
	buildExpertiseMatrix,
	columnsOfView,
	expertiseQuerySchema,
	typeColumns,
	type MatrixService
} from '$lib/domain/organisation/expertise-matrix';
import { getDb } from '$lib/server/db';
import { loadLabels, servicesInRegion } from '$lib/server/repositories/directory';
import { listRegions } from '$lib/server/repositories/regions';
import type { PageServerLoad } from './$types';

/** The demo network (with sub-regions and the most demo data): what a visitor without a choice sees first. */
const DEFAULT_REGIO = 'drenthe-steenwijkerland';

export const load: PageServerLoad = async ({ url, locals }) => {
	const db = getDb();
	const query = expertiseQuerySchema.parse({
		regio: url.searchParams.get('regio') ?? undefined,
		weergave: url.searchParams.get('weergave') ?? undefined
	});
	const regions = await listRegions(db);

	// Top-level networks with their sub-regions right after them, for the select.
	const keuzes = regions
		.filter((r) => !r.parentId)
		.flatMap((top) => [
			{ slug: top.slug, naam: top.naam, deel: false },
			...regions.filter((r) => r.parentId === top.id).map((r) => ({ slug: r.slug, naam: r.naam, deel: true }))
		]);

	const requested = query.regio ? regions.find((r) => r.slug === query.regio) : undefined;
	const region =
		requested ??
		regions.find((r) => r.id === locals.user?.regionId) ??
		regions.find((r) => r.slug === DEFAULT_REGIO) ??
		regions[0];
	const onbekendeRegio = url.searchParams.has('regio') && !requested;
	if (!region) {
		return { keuzes, regio: null, onbekendeRegio, weergave: query.weergave } as const;
	}

	const [{ gemeenten, services }, labels] = await Promise.all([
		servicesInRegion(db, region.id),
		loadLabels(db)
	]);
	const matrixServices: MatrixService[] = services.map((s) => ({
		id: s.id,
		expertise: s.expertise,
		organisation: s.organisation,
		gemeenteCodes: s.gemeenteCodes
	}));
	const expertise = labels.terms('expertise').map((t) => ({ key: t.code, label: t.label }));
	const types = labels.terms('organisatietype').map((t) => ({ key: t.code, label: t.label }));
	const { columns, afwezig } = typeColumns(matrixServices, types);
	const matrix =
		query.weergave === 'gemeente'
			? buildExpertiseMatrix(
					matrixServices,
					expertise,
					gemeenten.map((g) => ({ key: g.code, label: g.naam })),
					columnsOfView.gemeente
				)
			: buildExpertiseMatrix(matrixServices, expertise, columns, columnsOfView.type);

	const now = new Date();
	const consultatie = services
		.filter((s) => s.voorProfessionals || s.categorie === 'consultatie')
		.map((s) => ({
			id: s.id,
			naam: s.naam,
			organisatie: {
				slug: s.organisation.slug,
				naam: s.organisation.naam,
				isVoorbeeld: s.organisation.isVoorbeeld
			},
			soort: labels.of('dienstcategorie', s.categorie),
			telefoon: s.telefoon,
			tel: telHref(s.telefoon),
			dagEnNacht: s.dagEnNacht,
			nu: bereikbaarheidNu(s, now),
			tijden: samenvatting(s),
			toelichting: s.bereikbaarheidToelichting,
			expertise: s.expertise.map((c) => labels.of('expertise', c))
		}));

	return {
		keuzes,
		regio: { slug: region.slug, naam: region.naam },
		onbekendeRegio,
		weergave: query.weergave,
		matrix,
		afwezigeTypes: query.weergave === 'type' ? afwezig : [],
		aantalOrganisaties: new Set(services.map((s) => s.organisation.id)).size,
		consultatie,
		berekendOp: formatDatumTijd(now)
	};
};
