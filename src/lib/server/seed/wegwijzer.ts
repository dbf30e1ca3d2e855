import { isNull, sql } from 'drizzle-orm';
import { standaardVragen } from '../../domain/wegwijzer/standaard-vragen';
import type { Database } from '../db/client';
import { wegwijzerVragen } from '../db/schema';

/*
 * The standard wegwijzer questions are product content, not demo data: every installation needs them, with or without
 * demo organisations. They are loaded lazily by the wegwijzer service (first use per process) and can also be loaded
 * explicitly, e.g. from a start-up hook or a script.
 *
 * Idempotent: questions whose slug is missing are added; existing rows are never changed, because beheerders adjust the
 * text per region in wegwijzer_aanpassingen and a restart must not undo anything.
 */

// Any constant works; it only has to be the same for every instance so concurrent starts load the content once.
const ADVISORY_LOCK_KEY = 72_410_517;

export interface WegwijzerContentResult {
	inserted: number;
}

export async function ensureWegwijzerContent(db: Database): Promise<WegwijzerContentResult> {
	const missing = async (executor: Pick<Database, 'select'>) => {
		const rows = await executor
			.select({ slug: wegwijzerVragen.slug })
			.from(wegwijzerVragen)
			.where(isNull(wegwijzerVragen.regionId));
		const present = new Set(rows.map((r) => r.slug));
		return standaardVragen.filter((v) => !present.has(v.slug));
	};
	if ((await missing(db)).length === 0) return { inserted: 0 };

	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCK_KEY})`);
		const todo = await missing(tx);
		if (todo.length === 0) return { inserted: 0 };
		const rows = await tx
			.insert(wegwijzerVragen)
			.values(
				todo.map((v) => ({
					slug: v.slug,
					regionId: null,
					thema: v.thema,
					titel: v.titel,
					uitleg: v.uitleg,
					categorieen: [...v.categorieen],
					// Keep the order of the content file within a theme.
					volgorde: (standaardVragen.indexOf(v) + 1) * 10
				}))
			)
			// A region's own question may already use the slug; the standard one then keeps waiting for a free slug.
			.onConflictDoNothing()
			.returning({ id: wegwijzerVragen.id });
		return { inserted: rows.length };
	});
}

const loaded = new WeakMap<Database, Promise<WegwijzerContentResult>>();

/** {@link ensureWegwijzerContent} once per database per process; a failure is retried on the next call. */
export function ensureWegwijzerContentOnce(db: Database): Promise<WegwijzerContentResult> {
	let pending = loaded.get(db);
	if (!pending) {
		pending = ensureWegwijzerContent(db);
		pending.catch(() => loaded.delete(db));
		loaded.set(db, pending);
	}
	return pending;
}
