import { auditPeriod, type AuditFilter } from '$lib/domain/admin/audit';
import type { AuditQuery } from '$lib/server/repositories/audit';
import { regionWithChildren } from '$lib/server/repositories/regions';
import type { Executor } from '$lib/server/db';
import { error } from '@sveltejs/kit';

/** The regions whose audit entries this beheerder may read: their own and its sub-regions. */
export async function auditRegionIds(db: Executor, user: App.Locals['user']): Promise<string[]> {
	if (!user || user.role !== 'beheerder') error(403, 'Alleen een beheerder mag het auditlog bekijken.');
	if (!user.regionId) error(403, 'Uw account is nog niet aan een netwerk gekoppeld.');
	return regionWithChildren(db, user.regionId);
}

export function toQuery(filter: AuditFilter): AuditQuery {
	const { from, until } = auditPeriod(filter);
	return {
		userId: filter.userId,
		organisationId: filter.organisationId,
		entityType: filter.entityType,
		entityId: filter.entityId,
		action: filter.action,
		from,
		until
	};
}
