import type { Executor } from './db/client';
import { auditLog } from './db/schema';

export interface AuditActor {
	id: string;
	role: string;
}

export interface AuditEntry {
	action: string;
	entityType: string;
	entityId?: string | null;
	organisationId?: string | null;
	regionId?: string | null;
	/** Field names and non-personal facts only: never patient data, never passwords or tokens. */
	details?: Record<string, unknown>;
}

export async function audit(db: Executor, actor: AuditActor | null, entry: AuditEntry) {
	await db.insert(auditLog).values({
		userId: actor?.id ?? null,
		role: actor?.role ?? null,
		action: entry.action,
		entityType: entry.entityType,
		entityId: entry.entityId ?? null,
		organisationId: entry.organisationId ?? null,
		regionId: entry.regionId ?? null,
		details: entry.details ?? null
	});
}
