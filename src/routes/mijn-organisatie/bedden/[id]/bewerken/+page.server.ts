import { bedUnitArchiveSchema, bedUnitEditSchema } from '$lib/domain/availability/schemas';
import { parseForm } from '$lib/forms/parse-form';
import { getDb } from '$lib/server/db';
import { listLocations } from '$lib/server/repositories/beds';
import { bedUnitForEditor, setBedUnitArchived, updateBedUnit } from '$lib/server/services/beds';
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const CONFLICT =
	'Iemand anders heeft deze beddeneenheid intussen gewijzigd. Hieronder ziet u de nieuwste versie; uw wijzigingen zijn niet opgeslagen. Voer ze opnieuw in als ze nog nodig zijn.';

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = getDb();
	const unit = await bedUnitForEditor(db, locals.user!, params.id);
	if (!unit) error(404, 'Deze beddeneenheid bestaat niet of u mag haar niet bewerken.');
	return { unit, locaties: await listLocations(db, [unit.organisationId]) };
};

function notFound(): never {
	error(404, 'Deze beddeneenheid bestaat niet of u mag haar niet bewerken.');
}

export const actions: Actions = {
	opslaan: async ({ request, locals, params }) => {
		const parsed = parseForm(bedUnitEditSchema, await request.formData(), ['doelgroepen', 'voorwaarden']);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const result = await updateBedUnit(getDb(), locals.user!, params.id, parsed.data);
		if (result.ok) redirect(303, `/mijn-organisatie/bedden/${params.id}`);
		switch (result.reason) {
			case 'conflict':
				return fail(409, { message: CONFLICT });
			case 'ongeldig':
				return fail(400, { errors: result.errors, values: parsed.values });
			default:
				notFound();
		}
	},
	archiveren: async ({ request, locals, params }) => archive(request, locals, params.id, true),
	terugzetten: async ({ request, locals, params }) => archive(request, locals, params.id, false)
};

async function archive(request: Request, locals: App.Locals, id: string, archived: boolean) {
	const parsed = parseForm(bedUnitArchiveSchema, await request.formData());
	// A version that is not a number cannot be the one the page showed: the same answer as a concurrent change.
	if (!parsed.ok) return fail(409, { message: CONFLICT });
	const result = await setBedUnitArchived(getDb(), locals.user!, id, parsed.data.version, archived);
	if (result.ok) redirect(303, archived ? '/mijn-organisatie/bedden' : `/mijn-organisatie/bedden/${id}`);
	if (result.reason === 'conflict') return fail(409, { message: CONFLICT });
	notFound();
}
