import { BLOCKING_TARGET, DEFAULT_BASE_YEAR, PROGNOSIS_HORIZON_YEAR } from '$lib/domain/capacity/defaults';
import { parametersFromForm, scenarioQueryValues } from '$lib/domain/capacity/forms';
import { defaultPrognosisParameters } from '$lib/domain/capacity/prognosis';
import {
	blockingTargetSchema,
	externalPrognosisEntrySchema,
	plannedCapacityFormSchema,
	prognosisParametersSchema,
	scenarioNameSchema,
	scenarioSchema
} from '$lib/domain/capacity/schemas';
import { isPrognosisSetting, PROGNOSIS_SETTINGS } from '$lib/domain/capacity/settings';
import { fieldError, firstErrors, formValues, parseForm } from '$lib/forms/parse-form';
import { getDb } from '$lib/server/db';
import { locationsInRegion } from '$lib/server/repositories/capacity';
import {
	addExternalPrognosis,
	addPlannedCapacity,
	type CapacityActor,
	CapacityError,
	editPlannedCapacity,
	importExternalPrognoses,
	listSavedScenarios,
	loadCapacityData,
	regionsOfActor,
	removeExternalPrognosis,
	removePlannedCapacity,
	removeScenario,
	saveParameters,
	saveScenario
} from '$lib/server/services/capacity';
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

/** A CSV file larger than this is not a prognosis table; refuse it before parsing. */
const MAX_CSV_BYTES = 1_000_000;

function actorOf(locals: App.Locals): CapacityActor {
	const user = locals.user!;
	return { id: user.id, role: user.role, regionId: user.regionId };
}

/** Turns a refused write into the page's answer: conflicts are shown on the form, the rest are HTTP errors. */
function handle(e: unknown, form: string) {
	if (e instanceof CapacityError) {
		if (e.kind === 'conflict') return fail(409, { form, conflict: e.message });
		error(e.kind === 'verboden' ? 403 : 404, e.message);
	}
	throw e;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = getDb();
	const actor = actorOf(locals);
	const regios = await regionsOfActor(db, actor);
	if (regios.length === 0) return { geenRegio: true as const };

	const slug = url.searchParams.get('regio') || regios[0].slug;
	const region = regios.find((r) => r.slug === slug);
	if (!region) error(403, 'Deze regio valt buiten uw netwerk.');
	const setting = url.searchParams.get('setting') || 'hospice';
	if (!isPrognosisSetting(setting)) error(404, 'Voor deze zorgsetting is er geen prognose.');

	const now = new Date();
	const [data, locaties, scenarios] = await Promise.all([
		loadCapacityData(db, region, setting, now),
		locationsInRegion(db, region.id),
		listSavedScenarios(db, region, setting)
	]);

	// The scenario lives in the URL (a GET form), so it works without JavaScript and can be linked; it is never saved here.
	const scenarioValues = scenarioQueryValues(url.searchParams);
	const parsedScenario = scenarioSchema.safeParse(scenarioValues);
	const doelText = url.searchParams.get('doel');
	const parsedDoel = doelText ? blockingTargetSchema.safeParse(doelText) : null;
	const jaarParam = Number(url.searchParams.get('erlangJaar'));
	const erlangJaar =
		Number.isInteger(jaarParam) && jaarParam >= data.vanafJaar && jaarParam <= PROGNOSIS_HORIZON_YEAR
			? jaarParam
			: PROGNOSIS_HORIZON_YEAR;

	// The parameter form starts from the stored values, or the defaults; a setting without a default share starts
	// with the deaths and the other defaults, and empty share fields.
	const formParameters =
		data.inputs?.parameters ??
		defaultPrognosisParameters({
			regio: region.slug,
			setting,
			basisJaar: DEFAULT_BASE_YEAR,
			basisOverledenen: data.base.overledenen[DEFAULT_BASE_YEAR] ?? 0,
			groeiPerJaar: data.base.groeiGewogen,
			aandeel: { laag: 0, hoog: 0, bron: { tekst: '', aanname: true } }
		});

	const bewerkId = url.searchParams.get('bewerk');
	return {
		geenRegio: false as const,
		regio: region,
		regios,
		setting,
		settings: PROGNOSIS_SETTINGS,
		vanafJaar: data.vanafJaar,
		inputs: data.inputs,
		opgeslagen: data.opgeslagen,
		formParameters,
		heeftAandeel: data.inputs !== null,
		base: data.base,
		eenheden: data.eenheden,
		geteldeSettings: data.geteldeSettings,
		extern: data.extern,
		gepland: data.gepland,
		bezetting: data.bezetting,
		bezettingPeriode: data.bezettingPeriode,
		scenario: parsedScenario.success ? parsedScenario.data : null,
		scenarioValues,
		scenarioErrors: parsedScenario.success ? null : firstErrors(parsedScenario.error),
		doel: parsedDoel?.success ? parsedDoel.data : BLOCKING_TARGET,
		doelText: doelText ?? '',
		doelError: parsedDoel && !parsedDoel.success ? parsedDoel.error.issues[0].message : null,
		erlangJaar,
		locaties,
		scenarios,
		bewerk: bewerkId ? (data.gepland.find((p) => p.id === bewerkId) ?? null) : null
	};
};

export const actions: Actions = {
	parameters: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		const result = prognosisParametersSchema.safeParse(parametersFromForm(values));
		if (!result.success) return fail(400, { form: 'parameters', errors: firstErrors(result.error), values });
		const version = Number(values.version);
		if (!Number.isInteger(version) || version < 0) error(400, 'Het formulier mist de versie.');
		try {
			await saveParameters(getDb(), actorOf(locals), result.data, version);
		} catch (e) {
			return handle(e, 'parameters');
		}
		return { form: 'parameters', opgeslagen: 'De parameters zijn opgeslagen.' };
	},

	extern: async ({ request, locals }) => {
		const parsed = parseForm(externalPrognosisEntrySchema, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'extern', errors: parsed.errors, values: parsed.values });
		try {
			const result = await addExternalPrognosis(getDb(), actorOf(locals), parsed.data);
			return {
				form: 'extern',
				opgeslagen:
					result.replaced > 0
						? `De prognose voor ${parsed.data.jaar} is vervangen.`
						: `De prognose voor ${parsed.data.jaar} is toegevoegd.`
			};
		} catch (e) {
			return handle(e, 'extern');
		}
	},

	externVerwijderen: async ({ request, locals }) => {
		const id = String((await request.formData()).get('id') ?? '');
		try {
			const row = await removeExternalPrognosis(getDb(), actorOf(locals), id);
			return { form: 'externLijst', opgeslagen: `De externe prognose voor ${row.jaar} is verwijderd.` };
		} catch (e) {
			return handle(e, 'externLijst');
		}
	},

	importeren: async ({ request, locals }) => {
		const formData = await request.formData();
		const file = formData.get('bestand');
		let text = String(formData.get('csv') ?? '');
		if (file instanceof File && file.size > 0) {
			if (file.size > MAX_CSV_BYTES)
				return fail(400, { form: 'import', importErrors: ['Het bestand is groter dan 1 MB.'] });
			text = await file.text();
		}
		if (text.trim() === '')
			return fail(400, {
				form: 'import',
				importErrors: ['Kies een CSV-bestand of plak de regels in het tekstvak.']
			});
		try {
			const result = await importExternalPrognoses(getDb(), actorOf(locals), text);
			if (!result.ok) return fail(400, { form: 'import', importErrors: result.errors, csv: text });
			return {
				form: 'import',
				opgeslagen: `${result.rows} ${result.rows === 1 ? 'regel' : 'regels'} ingelezen: ${result.inserted} nieuw, ${result.replaced} vervangen.`
			};
		} catch (e) {
			return handle(e, 'import');
		}
	},

	gepland: async ({ request, locals }) => {
		const parsed = parseForm(plannedCapacityFormSchema, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'gepland', errors: parsed.errors, values: parsed.values });
		try {
			await addPlannedCapacity(getDb(), actorOf(locals), parsed.data);
		} catch (e) {
			return handle(e, 'gepland');
		}
		return { form: 'gepland', opgeslagen: `${parsed.data.naam} is toegevoegd.` };
	},

	geplandWijzigen: async ({ request, locals, url }) => {
		const formData = await request.formData();
		const parsed = parseForm(plannedCapacityFormSchema, formData);
		if (!parsed.ok) return fail(400, { form: 'gepland', errors: parsed.errors, values: parsed.values });
		const id = String(formData.get('id') ?? '');
		const version = Number(formData.get('version'));
		try {
			await editPlannedCapacity(getDb(), actorOf(locals), id, version, parsed.data);
		} catch (e) {
			return handle(e, 'gepland');
		}
		const next = new URL(url);
		next.search = '';
		for (const key of ['regio', 'setting']) {
			const value = url.searchParams.get(key);
			if (value) next.searchParams.set(key, value);
		}
		redirect(303, `${next.pathname}${next.search}#geplande-locaties`);
	},

	geplandVerwijderen: async ({ request, locals }) => {
		const formData = await request.formData();
		try {
			const row = await removePlannedCapacity(
				getDb(),
				actorOf(locals),
				String(formData.get('id') ?? ''),
				Number(formData.get('version'))
			);
			return { form: 'geplandLijst', opgeslagen: `${row.naam} is verwijderd.` };
		} catch (e) {
			return handle(e, 'geplandLijst');
		}
	},

	scenarioOpslaan: async ({ request, locals }) => {
		const formData = await request.formData();
		const values = formValues(formData);
		const naam = scenarioNameSchema.safeParse(values.naam);
		const scenario = scenarioSchema.safeParse(
			scenarioQueryValues(new URLSearchParams(values as Record<string, string>))
		);
		if (!naam.success || !scenario.success) {
			const errors = {
				...(naam.success ? {} : fieldError('naam', naam.error.issues[0].message)),
				...(scenario.success ? {} : firstErrors(scenario.error))
			};
			return fail(400, { form: 'scenarioOpslaan', errors, values });
		}
		try {
			const row = await saveScenario(
				getDb(),
				actorOf(locals),
				String(values.regio ?? ''),
				String(values.setting ?? ''),
				naam.data,
				scenario.data
			);
			if (!row)
				return fail(400, {
					form: 'scenarioOpslaan',
					errors: fieldError('naam', 'Er is al een scenario met deze naam. Kies een andere naam.'),
					values
				});
		} catch (e) {
			return handle(e, 'scenarioOpslaan');
		}
		return { form: 'scenarioOpslaan', opgeslagen: `Het scenario “${naam.data}” is opgeslagen.` };
	},

	scenarioVerwijderen: async ({ request, locals }) => {
		const id = String((await request.formData()).get('id') ?? '');
		try {
			const row = await removeScenario(getDb(), actorOf(locals), id);
			return { form: 'scenarioLijst', opgeslagen: `Het scenario “${row.naam}” is verwijderd.` };
		} catch (e) {
			return handle(e, 'scenarioLijst');
		}
	}
};
