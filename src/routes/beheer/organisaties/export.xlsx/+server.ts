import { getDb } from '$lib/server/db';
import { exportRecords, recordsToXlsx } from '$lib/server/services/import-export';
import { actorOf } from '$lib/server/services/organisation-forms';
import type { RequestHandler } from './$types';

/** The network's organisations, locations and services as an Excel workbook, in exactly the import format. */
export const GET: RequestHandler = async ({ locals }) => {
	const records = await exportRecords(getDb(), actorOf(locals));
	const date = new Date().toISOString().slice(0, 10);
	return new Response(await recordsToXlsx(records), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="organisaties-${date}.xlsx"`,
			'cache-control': 'no-store'
		}
	});
};
