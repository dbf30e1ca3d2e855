import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDatabaseForTesting } from '../../src/lib/server/db';
import type { DatabaseHandle } from '../../src/lib/server/db/client';
import { bedUnits, organisations, regions, taxonomyTerms } from '../../src/lib/server/db/schema';
import { ensureReferenceData } from '../../src/lib/server/reference/load-reference-data';
import { clearLabelCache } from '../../src/lib/server/repositories/directory';
import { demoSlug, seedDemoData } from '../../src/lib/server/seed/demo';
import { load as loadExpertise } from '../../src/routes/expertise/+page.server';
import { load as loadOrganisation } from '../../src/routes/organisaties/[slug]/+page.server';
import type { PageServerData as ExpertisePageData } from '../../src/routes/expertise/$types';
import type { PageServerData as OrgPageData } from '../../src/routes/organisaties/[slug]/$types';
import { createTestDatabase } from './helpers/test-db';

// The server-side data of the public pages: what the visitor is told about beds and reachability, computed at request time.

const HOUR = 3_600_000;
let handle: DatabaseHandle;
const slug = demoSlug('hospiceAssen');

type OrgData = OrgPageData;
type ExpertiseData = Extract<ExpertisePageData, { consultatie: unknown }>;

async function orgPage(s: string): Promise<OrgData> {
	const headers: Record<string, string> = {};
	const data = (await loadOrganisation({
		params: { slug: s },
		setHeaders: (h: Record<string, string>) => Object.assign(headers, h)
	} as never)) as OrgData;
	expect(headers['cache-control']).toBe('no-store');
	return data;
}

async function expertisePage(search: string, regionId: string | null = null): Promise<ExpertiseData> {
	return (await loadExpertise({
		url: new URL(`http://localhost/expertise${search}`),
		locals: { user: regionId ? { regionId } : null }
	} as never)) as ExpertiseData;
}

beforeAll(async () => {
	handle = await createTestDatabase();
	await ensureReferenceData(handle.db);
	await seedDemoData(handle.db);
	setDatabaseForTesting(handle);
});
afterAll(() => handle?.close());

describe('organisation page data', () => {
	it('marks a bed unit last updated more than 24 hours ago as "verouderd", and a fresh one not', async () => {
		const [org] = await handle.db
			.select({ id: organisations.id })
			.from(organisations)
			.where(eq(organisations.slug, slug));
		const units = await handle.db
			.select({ id: bedUnits.id })
			.from(bedUnits)
			.where(eq(bedUnits.organisationId, org.id));
		await handle.db
			.update(bedUnits)
			.set({ beschikbaarheidBijgewerktOp: new Date(Date.now() - 30 * HOUR) })
			.where(eq(bedUnits.id, units[0].id));
		let data = await orgPage(slug);
		let bed = data.bedden.find((b) => b.id === units[0].id)!;
		expect(bed).toMatchObject({ verouderd: true, geleden: '30 uur geleden' });
		expect(bed.bijgewerktOp).toMatch(/^\d{1,2} \w+ \d{4} om \d{2}:\d{2}$/);

		await handle.db
			.update(bedUnits)
			.set({ beschikbaarheidBijgewerktOp: new Date(Date.now() - 2 * HOUR) })
			.where(eq(bedUnits.id, units[0].id));
		data = await orgPage(slug);
		bed = data.bedden.find((b) => b.id === units[0].id)!;
		expect(bed).toMatchObject({ verouderd: false, geleden: '2 uur geleden' });

		await handle.db
			.update(bedUnits)
			.set({ beschikbaarheidBijgewerktOp: null })
			.where(eq(bedUnits.id, units[0].id));
		data = await orgPage(slug);
		expect(data.bedden.find((b) => b.id === units[0].id)).toMatchObject({
			verouderd: true,
			bijgewerktOp: null
		});
	});

	it('gives tel: links, reachability now, and labels as a beheerder named them', async () => {
		await handle.db
			.update(taxonomyTerms)
			.set({ label: 'Pijn en andere klachten' })
			.where(eq(taxonomyTerms.code, 'pijnbeleid'));
		// Written past the taxonomy service, so clear the page label cache as its save does.
		clearLabelCache();
		const data = await orgPage(slug);
		expect(data.organisatie).toMatchObject({ isVoorbeeld: true, type: 'Hospice' });
		expect(data.organisatie.tel).toMatch(/^tel:\+31\d{9}$/);
		expect(data.expertise).toContain('Pijn en andere klachten');
		for (const d of data.diensten) {
			expect(['open', 'gesloten', 'dag_en_nacht', 'onbekend']).toContain(d.nu.soort);
			expect(d.tijden).toHaveLength(7);
		}
		// The small map gets one point per located address, linking back to this organisation.
		expect(data.kaart?.features.length).toBe(data.locaties.length);
		expect(data.kaart?.features[0].properties.organisationSlug).toBe(slug);
		expect(data.vandaag).toBeGreaterThanOrEqual(1);
		expect(data.vandaag).toBeLessThanOrEqual(7);
	});

	it('answers 404 for an archived organisation', async () => {
		await handle.db.update(organisations).set({ status: 'gearchiveerd' }).where(eq(organisations.slug, slug));
		await expect(orgPage(slug)).rejects.toMatchObject({ status: 404 });
		await handle.db.update(organisations).set({ status: 'actief' }).where(eq(organisations.slug, slug));
	});
});

describe('expertise page data', () => {
	it('defaults to the demo network, lists its consultation lines and marks missing cells', async () => {
		const data = await expertisePage('');
		expect(data.regio).toEqual({ slug: 'drenthe-steenwijkerland', naam: 'Drenthe & Steenwijkerland' });
		expect(data.onbekendeRegio).toBe(false);
		expect(data.matrix!.legeCellen).toBeGreaterThan(0);
		expect(data.matrix!.columns.map((c) => c.key)).toContain('hospice');
		expect(data.consultatie.length).toBeGreaterThan(0);
		expect(data.consultatie.every((c) => c.nu.label.length > 0)).toBe(true);
		expect(data.consultatie.some((c) => c.organisatie.slug === demoSlug('consultatieDrenthe'))).toBe(true);
	});

	it('switches to gemeenten, takes a region from the URL and reports an unknown one', async () => {
		const data = await expertisePage('?regio=amsterdam-diemen&weergave=gemeente');
		expect(data.weergave).toBe('gemeente');
		expect(data.matrix!.columns.map((c) => c.label).sort()).toEqual(['Amsterdam', 'Diemen']);
		// Without a choice, a logged-in user sees their own network.
		const [amsterdam] = await handle.db
			.select({ id: regions.id })
			.from(regions)
			.where(eq(regions.slug, 'amsterdam-diemen'));
		expect((await expertisePage('', amsterdam.id)).regio).toMatchObject({ slug: 'amsterdam-diemen' });
		const unknown = await expertisePage('?regio=bestaat-niet');
		expect(unknown).toMatchObject({ onbekendeRegio: true, regio: { slug: 'drenthe-steenwijkerland' } });
	});
});
