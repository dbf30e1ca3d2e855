import {
	bedUnits,
	gemeenten,
	locations,
	memberships,
	organisations,
	regionGemeenten,
	regions,
	users
} from '../../src/lib/server/db/schema';
import type { Database } from '../../src/lib/server/db/client';

/**
 * A small world for the bed tests: two organisations (each with a location and a bed unit), an editor of the first,
 * an editor of the second, a beheerder of a region covering both gemeenten.
 */
export async function bedsWorld(db: Database, suffix = '', codes: [string, string] = ['GM0106', 'GM0114']) {
	await db
		.insert(gemeenten)
		.values([
			{ code: codes[0], naam: `Gemeente ${codes[0]}`, provincieCode: 'PV22', provincieNaam: 'Drenthe' },
			{ code: codes[1], naam: `Gemeente ${codes[1]}`, provincieCode: 'PV22', provincieNaam: 'Drenthe' }
		])
		.onConflictDoNothing();
	const [region] = await db
		.insert(regions)
		.values({ slug: `drenthe${suffix}`, naam: `Drenthe${suffix}` })
		.returning();
	await db.insert(regionGemeenten).values([
		{ regionId: region.id, gemeenteCode: codes[0] },
		{ regionId: region.id, gemeenteCode: codes[1] }
	]);
	const [hospice, vvt] = await db
		.insert(organisations)
		.values([
			{ slug: `hospice-assen${suffix}`, naam: 'Hospice De Zonnedauw', type: 'hospice' },
			{ slug: `zorgcentrum-emmen${suffix}`, naam: 'Zorgcentrum Emmen', type: 'vvt' }
		])
		.returning();
	const [locHospice, locVvt] = await db
		.insert(locations)
		.values([
			{ organisationId: hospice.id, naam: 'Hospice Assen', plaats: 'Assen', gemeenteCode: codes[0] },
			{ organisationId: vvt.id, naam: 'Locatie Emmen', plaats: 'Emmen', gemeenteCode: codes[1] }
		])
		.returning();
	const [unitHospice, unitVvt] = await db
		.insert(bedUnits)
		.values([
			{
				organisationId: hospice.id,
				locationId: locHospice.id,
				naam: 'Hospicekamers',
				setting: 'hospice',
				aantalBedden: 6,
				vrijeBedden: 2
			},
			{
				organisationId: vvt.id,
				locationId: locVvt.id,
				naam: 'Palliatieve unit',
				setting: 'palliatieve_unit_vvt',
				aantalBedden: 4,
				vrijeBedden: 1
			}
		])
		.returning();
	const [editor, otherEditor, beheerder] = await db
		.insert(users)
		.values([
			{ email: `redacteur${suffix}@hospice.test`, naam: 'Redacteur Hospice', role: 'organisatie' },
			{ email: `redacteur${suffix}@vvt.test`, naam: 'Redacteur VVT', role: 'organisatie' },
			{ email: `beheerder${suffix}@npz.test`, naam: 'Beheerder', role: 'beheerder', regionId: region.id }
		])
		.returning({ id: users.id, role: users.role });
	await db.insert(memberships).values([
		{ userId: editor.id, organisationId: hospice.id },
		{ userId: otherEditor.id, organisationId: vvt.id }
	]);
	return { region, hospice, vvt, locHospice, locVvt, unitHospice, unitVvt, editor, otherEditor, beheerder };
}
