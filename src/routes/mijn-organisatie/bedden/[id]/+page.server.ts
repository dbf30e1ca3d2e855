import { getDb } from '$lib/server/db';
import { bedUnitForEditor, unitHistory } from '$lib/server/services/beds';
import { error } from '@sveltejs/kit';
import { availabilityAction } from '../availability-action.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = getDb();
	const unit = await bedUnitForEditor(db, locals.user!, params.id);
	if (!unit) error(404, 'Deze beddeneenheid bestaat niet of u mag haar niet bewerken.');
	const geschiedenis = await unitHistory(db, unit.id, 15);
	return {
		unit: { ...unit, laatsteMelding: geschiedenis[0] ?? null },
		geschiedenis: geschiedenis.map((e) => ({
			id: e.id,
			createdAt: e.createdAt,
			vrijeBedden: e.vrijeBedden,
			aantalBedden: e.aantalBedden,
			verwachteOntslagen: e.verwachteOntslagen,
			verwachteOpnames: e.verwachteOpnames,
			bron: e.bron
		})),
		now: new Date()
	};
};

export const actions: Actions = {
	beschikbaarheid: availabilityAction
};
