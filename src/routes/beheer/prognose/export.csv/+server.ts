import { capacityRowsCsv } from '$lib/domain/capacity/csv';
import { capacityRows } from '$lib/domain/capacity/dashboard';
import { scenarioQueryValues, scenarioToQuery } from '$lib/domain/capacity/forms';
import { scenarioSchema } from '$lib/domain/capacity/schemas';
import { isPrognosisSetting } from '$lib/domain/capacity/settings';
import { getDb } from '$lib/server/db';
import { loadCapacityData, regionsOfActor } from '$lib/server/services/capacity';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The beheer table as CSV, with the scenario of the URL applied: the same rows as the page shows. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const db = getDb();
	const user = locals.user!;
	const regios = await regionsOfActor(db, { id: user.id, role: user.role, regionId: user.regionId });
	const slug = url.searchParams.get('regio') || regios[0]?.slug;
	const region = regios.find((r) => r.slug === slug);
	if (!region) error(403, 'Deze regio valt buiten uw netwerk.');
	const setting = url.searchParams.get('setting') || 'hospice';
	if (!isPrognosisSetting(setting)) error(404, 'Voor deze zorgsetting is er geen prognose.');
	const scenario = scenarioSchema.safeParse(scenarioQueryValues(url.searchParams));
	if (!scenario.success) error(400, scenario.error.issues[0].message);

	const data = await loadCapacityData(db, region, setting, new Date());
	if (!data.inputs) error(404, 'Voor deze zorgsetting is nog geen aandeel ingevuld, dus nog geen prognose.');
	const rows = capacityRows(data.inputs, scenario.data);
	const csv = capacityRowsCsv([{ regio: region.slug, setting, rows }], {
		volledig: true,
		scenario: new URLSearchParams(scenarioToQuery(scenario.data)).toString()
	});
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="prognose-${region.slug}-${setting}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
