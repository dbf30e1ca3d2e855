import { getDb } from '$lib/server/db';
import { exportRecords, recordsToCsv } from '$lib/server/services/import-export';
import { actorOf } from '$lib/server/services/organisation-forms';
import type { RequestHandler } from './$types';

/** The network's organisations, locations and services as CSV, in exactly the import format. */
export const GET: RequestHandler = async ({ locals }) => {
	const records = await exportRecords(getDb(), actorOf(locals));
	const date = new Date().toISOString().slice(0, 10);
	return new Response(recordsToCsv(records), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="organisaties-${date}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
