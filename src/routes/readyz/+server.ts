import { getDb } from '$lib/server/db';
import { json } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';

/** Readiness: the database answers and the migrations are applied. */
export const GET = async () => {
	try {
		await getDb().execute(sql`select 1 from drizzle.__drizzle_migrations limit 1`);
		return json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
	} catch {
		return json(
			{ status: 'database niet bereikbaar' },
			{ status: 503, headers: { 'cache-control': 'no-store' } }
		);
	}
};
