import { COLUMN_HELP, encodeTable, IMPORT_COLUMNS } from '$lib/domain/organisation/import-format';
import { getDb } from '$lib/server/db';
import { log } from '$lib/server/log';
import {
	previewImport,
	runImport,
	tableFromForm,
	type ProgressListener
} from '$lib/server/services/import-export';
import { actorOf } from '$lib/server/services/organisation-forms';
import { ServiceError } from '$lib/server/services/organisations';
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/*
 * The import steps with progress, for the page when JavaScript runs: the answer is a stream of JSON lines
 * (application/x-ndjson): {type:'voortgang', fase, gedaan, totaal} while reading, checking and saving, then one
 * {type:'klaar', ...} with the same result the form action gives, or {type:'fout', message}.
 */

/** The column description of the import format (handy for people preparing files). */
export const GET: RequestHandler = () =>
	json({ kolommen: IMPORT_COLUMNS.map((naam) => ({ naam, uitleg: COLUMN_HELP[naam] })) });

export const POST: RequestHandler = async ({ request, locals }) => {
	const actor = actorOf(locals);
	if (actor.role !== 'beheerder') error(403, 'Alleen een beheerder van het netwerk mag importeren.');
	const formData = await request.formData();
	const stap = formData.get('stap') === 'importeren' ? 'importeren' : 'controleren';
	const encoder = new TextEncoder();

	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			const send = (message: Record<string, unknown>) =>
				controller.enqueue(encoder.encode(`${JSON.stringify(message)}\n`));
			const onProgress: ProgressListener = (p) => send({ type: 'voortgang', ...p });
			try {
				send({ type: 'voortgang', fase: 'lezen', gedaan: 0, totaal: 0 });
				const { table, bestandsnaam } = await tableFromForm(formData);
				if (stap === 'controleren') {
					const preview = await previewImport(getDb(), actor, table, onProgress);
					send({
						type: 'klaar',
						stap,
						bestandsnaam,
						preview,
						inhoud: preview.ok ? encodeTable(table) : null
					});
				} else {
					const resultaat = await runImport(getDb(), actor, table, { bestandsnaam, onProgress });
					send({
						type: 'klaar',
						stap,
						bestandsnaam,
						preview: resultaat,
						geimporteerd: resultaat.geimporteerd,
						inhoud: null
					});
				}
			} catch (e) {
				if (e instanceof ServiceError) send({ type: 'fout', message: e.message });
				else {
					log('error', 'import mislukt', {
						requestId: locals.requestId,
						error: e instanceof Error ? e.message : String(e)
					});
					send({ type: 'fout', message: 'Er ging iets mis aan onze kant. Er is niets geïmporteerd.' });
				}
			} finally {
				controller.close();
			}
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'application/x-ndjson; charset=utf-8',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no'
		}
	});
};
