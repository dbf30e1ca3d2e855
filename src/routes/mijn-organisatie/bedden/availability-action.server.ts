import { availabilityFormSchema } from '$lib/domain/availability/schemas';
import { parseForm } from '$lib/forms/parse-form';
import { getDb } from '$lib/server/db';
import { updateAvailability } from '$lib/server/services/beds';
import { error, fail, type RequestEvent } from '@sveltejs/kit';

/**
 * The "Beschikbaarheid bijwerken" form action, shared by the bed list and a unit's page. Every result names the unit
 * (`unitId`), because the list holds one form per unit.
 */
export async function availabilityAction({ request, locals }: Pick<RequestEvent, 'request' | 'locals'>) {
	const parsed = parseForm(availabilityFormSchema, await request.formData());
	const unitId = String(parsed.values.bedUnitId ?? '');
	if (!parsed.ok)
		return fail(400, { beschikbaarheid: { unitId, errors: parsed.errors, values: parsed.values } });
	const { bedUnitId, basis, ...input } = parsed.data;
	const result = await updateAvailability(
		getDb(),
		{ kind: 'gebruiker', user: locals.user! },
		bedUnitId,
		input,
		{
			basis: basis ?? null
		}
	);
	if (result.ok)
		return {
			beschikbaarheid: {
				unitId,
				opgeslagen: { vrijeBedden: result.unit.vrijeBedden, aantalBedden: result.unit.aantalBedden }
			}
		};
	if (result.reason === 'niet_gevonden' || result.reason === 'geen_toegang')
		error(404, 'Deze beddeneenheid bestaat niet of u mag haar niet bewerken.');
	switch (result.reason) {
		case 'gearchiveerd':
			return fail(409, {
				beschikbaarheid: {
					unitId,
					values: parsed.values,
					errors: { vrijeBedden: 'Deze beddeneenheid is gearchiveerd. Zet haar eerst terug.' }
				}
			});
		case 'ongeldig':
			return fail(400, { beschikbaarheid: { unitId, errors: result.errors, values: parsed.values } });
		case 'conflict':
			return fail(409, { beschikbaarheid: { unitId, values: parsed.values, conflict: result.huidig } });
	}
}
