import { COLUMN_HELP, encodeTable, IMPORT_COLUMNS } from '$lib/domain/organisation/import-format';
import {
	dienstCategorieen,
	doelgroepen,
	expertiseGebieden,
	organisationTypes
} from '$lib/domain/organisation/taxonomy';
import { getDb } from '$lib/server/db';
import { getRegion } from '$lib/server/repositories/regions';
import {
	formatBytes,
	previewImport,
	runImport,
	tableFromForm,
	uploadLimitBytes
} from '$lib/server/services/import-export';
import { actorOf } from '$lib/server/services/organisation-forms';
import { ServiceError } from '$lib/server/services/organisations';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const regionId = locals.user!.regionId;
	const region = regionId ? await getRegion(getDb(), regionId) : null;
	return {
		region: region ? { naam: region.naam } : null,
		maxSize: formatBytes(uploadLimitBytes()),
		kolommen: IMPORT_COLUMNS.map((naam) => ({ naam, uitleg: COLUMN_HELP[naam] })),
		lijsten: [
			{
				titel: 'type (soort organisatie)',
				termen: organisationTypes.map(({ code, label }) => ({ code, label }))
			},
			{
				titel: 'categorie (soort dienst)',
				termen: dienstCategorieen.map(({ code, label }) => ({ code, label }))
			},
			{ titel: 'doelgroepen', termen: doelgroepen.map(({ code, label }) => ({ code, label })) },
			{ titel: 'expertise', termen: expertiseGebieden.map(({ code, label }) => ({ code, label })) }
		]
	};
};

/** Without JavaScript the two steps are plain form actions; with it, the page uses ./verwerken for progress. */
async function step(request: Request, locals: App.Locals, stap: 'controleren' | 'importeren') {
	const actor = actorOf(locals);
	try {
		const { table, bestandsnaam } = await tableFromForm(await request.formData());
		if (stap === 'controleren') {
			const preview = await previewImport(getDb(), actor, table);
			const result = { stap, bestandsnaam, preview, inhoud: preview.ok ? encodeTable(table) : null };
			return preview.ok ? result : fail(400, result);
		}
		const resultaat = await runImport(getDb(), actor, table, { bestandsnaam });
		const result = {
			stap,
			bestandsnaam,
			preview: resultaat,
			geimporteerd: resultaat.geimporteerd,
			inhoud: null
		};
		return resultaat.geimporteerd ? result : fail(400, result);
	} catch (e) {
		if (!(e instanceof ServiceError)) throw e;
		if (e.status === 403) error(403, e.message);
		return fail(e.status === 409 ? 409 : 400, { stap, message: e.message });
	}
}

export const actions: Actions = {
	controleren: ({ request, locals }) => step(request, locals, 'controleren'),
	importeren: ({ request, locals }) => step(request, locals, 'importeren')
};
