import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { memberships, organisations, regions, users } from '../db/schema';

export async function organisationsOfUser(db: Executor, userId: string) {
	return db
		.select({
			id: organisations.id,
			slug: organisations.slug,
			naam: organisations.naam,
			type: organisations.type
		})
		.from(memberships)
		.innerJoin(organisations, eq(organisations.id, memberships.organisationId))
		.where(eq(memberships.userId, userId))
		.orderBy(asc(organisations.naam));
}

export async function isMember(db: Executor, userId: string, organisationId: string): Promise<boolean> {
	const [row] = await db
		.select({ userId: memberships.userId })
		.from(memberships)
		.where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)));
	return !!row;
}

/** Users a beheerder of a region may see: those of the region and editors of organisations in it. */
export async function usersVisibleInRegion(db: Executor, regionIds: string[], organisationIds: string[]) {
	const memberIds = organisationIds.length
		? (
				await db
					.selectDistinct({ userId: memberships.userId })
					.from(memberships)
					.where(inArray(memberships.organisationId, organisationIds))
			).map((r) => r.userId)
		: [];
	const conditions = [
		inArray(users.regionId, regionIds.length ? regionIds : ['00000000-0000-0000-0000-000000000000'])
	];
	if (memberIds.length) conditions.push(inArray(users.id, memberIds));
	return db
		.select({
			id: users.id,
			email: users.email,
			naam: users.naam,
			role: users.role,
			active: users.active,
			heeftWachtwoord: users.passwordHash,
			regio: regions.naam
		})
		.from(users)
		.leftJoin(regions, eq(regions.id, users.regionId))
		.where(or(...conditions))
		.orderBy(asc(users.naam))
		.then((rows) => rows.map(({ heeftWachtwoord, ...r }) => ({ ...r, heeftWachtwoord: !!heeftWachtwoord })));
}
