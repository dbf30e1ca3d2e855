import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leesMoment } from '../../src/lib/domain/wegwijzer/tijd';
import { standaardVragen } from '../../src/lib/domain/wegwijzer/standaard-vragen';
import type { DatabaseHandle } from '../../src/lib/server/db/client';
import { auditLog, regions, users, wegwijzerVragen } from '../../src/lib/server/db/schema';
import { ensureReferenceData } from '../../src/lib/server/reference/load-reference-data';
import { getRegion } from '../../src/lib/server/repositories/regions';
import { demoSlug, seedDemoData } from '../../src/lib/server/seed/demo';
import { ensureWegwijzerContent } from '../../src/lib/server/seed/wegwijzer';
import {
	antwoordVoorPlaats,
	beheerOverzicht,
	beheerVraag,
	kaartVoorPlaats,
	nieuweVraag,
	pasVraagAan,
	terugNaarStandaard,
	vragenVoorPlaats,
	WegwijzerFout,
	zoekPlaats,
	type Actor,
	type WegwijzerAntwoord,
	type WegwijzerPlaats
} from '../../src/lib/server/services/wegwijzer';
import { createTestDatabase } from './helpers/test-db';

let handle: DatabaseHandle;
let steenwijk: WegwijzerPlaats;
let assen: WegwijzerPlaats;
let beheerder: Actor;
let beheerderAmsterdam: Actor;

const MANTELZORG = 'zorg-voor-partner-kan-het-niet-meer-aan';
const DONDERDAG_10 = leesMoment('2026-11-19T10:00')!;
const ZATERDAG_03 = leesMoment('2026-11-21T03:00')!;

async function plaats(params: { postcode?: string; gemeente?: string }) {
	const r = await zoekPlaats(handle.db, params);
	if (r.soort !== 'gevonden') throw new Error(`plaats niet gevonden: ${JSON.stringify(r)}`);
	return r.plaats;
}

const alleDiensten = (a: WegwijzerAntwoord) => [
	...a.groepen.flatMap((g) => g.diensten),
	...a.voorProfessionals,
	...a.spoedlijnen
];

beforeAll(async () => {
	handle = await createTestDatabase();
	await ensureReferenceData(handle.db);
	await seedDemoData(handle.db, { now: DONDERDAG_10 });
	steenwijk = await plaats({ postcode: '8331' });
	assen = await plaats({ postcode: '9401' });
	const account = async (email: string): Promise<Actor> => {
		const [u] = await handle.db.select().from(users).where(eq(users.email, email));
		return { id: u.id, role: u.role, regionId: u.regionId };
	};
	beheerder = await account('beheerder@demo.regiokaart.nl');
	beheerderAmsterdam = await account('beheerder.amsterdam@demo.regiokaart.nl');
});

afterAll(async () => {
	await handle?.close();
});

describe('default content', () => {
	it('loads the standard questions once, idempotently', async () => {
		// The service already loaded them lazily in an earlier call or does so now; a second explicit load adds nothing.
		await vragenVoorPlaats(handle.db, steenwijk);
		expect(await ensureWegwijzerContent(handle.db)).toEqual({ inserted: 0 });
		const rows = await handle.db.select({ slug: wegwijzerVragen.slug }).from(wegwijzerVragen);
		expect(rows.map((r) => r.slug).sort()).toEqual(standaardVragen.map((v) => v.slug).sort());
	});
});

describe('zoekPlaats', () => {
	it('resolves PC4 8331 to Steenwijkerland with its sub-region and network', async () => {
		expect(steenwijk).toMatchObject({
			soort: 'postcode',
			postcode: '8331',
			gemeenteCode: 'GM1708',
			gemeenteNaam: 'Steenwijkerland'
		});
		expect(steenwijk.regios.map((r) => r.slug).sort()).toEqual([
			'drenthe-meppel-steenwijkerland',
			'drenthe-steenwijkerland'
		]);
		expect(steenwijk.punt?.lat).toBeCloseTo(52.784, 2);
	});

	it('keeps a full postcode as typed (normalised) and sends typed text to the canonical URL', async () => {
		expect((await plaats({ postcode: '8331ab' })).params).toEqual({ postcode: '8331 AB' });
		expect(await zoekPlaats(handle.db, { plaats: ' 8331 ab ' })).toEqual({
			soort: 'doorsturen',
			params: { postcode: '8331 AB' }
		});
		expect(await zoekPlaats(handle.db, { plaats: 'steenwijkerland' })).toEqual({
			soort: 'doorsturen',
			params: { gemeente: 'Steenwijkerland' }
		});
	});

	it('finds a gemeente by name regardless of accents, with a point for distances', async () => {
		const p = await plaats({ gemeente: 'sudwest-fryslan' });
		expect(p.gemeenteNaam).toBe('Súdwest-Fryslân');
		expect(p.punt).not.toBeNull();
		expect(p.regios.length).toBeGreaterThan(0);
	});

	it('answers a near miss with suggestions and a plain message', async () => {
		const r = await zoekPlaats(handle.db, { plaats: 'Steenwijk' });
		expect(r.soort).toBe('onbekend');
		if (r.soort !== 'onbekend') return;
		expect(r.suggesties[0]).toEqual({ label: 'Steenwijkerland', params: { gemeente: 'Steenwijkerland' } });
		expect(r.melding).toContain('Bedoelt u');
	});

	it('explains a malformed postcode and suggests neighbours of an unknown one', async () => {
		const fout = await zoekPlaats(handle.db, { postcode: '83a1' });
		expect(fout.soort === 'onbekend' && fout.melding).toContain('4 cijfers');
		const onbekend = await zoekPlaats(handle.db, { postcode: '1000' });
		expect(onbekend.soort).toBe('onbekend');
		if (onbekend.soort !== 'onbekend') return;
		expect(onbekend.melding).toContain('Postcode 1000 kennen we niet');
		expect(onbekend.suggesties.length).toBeGreaterThan(0);
		expect(onbekend.suggesties[0].params.postcode).toMatch(/^10\d\d$/);
	});
});

describe('antwoordVoorPlaats on the demo data', () => {
	it('gives the carer in 8331 mantelzorgondersteuning, VPTZ and the huisarts route of Steenwijk, with tel: links', async () => {
		const a = await antwoordVoorPlaats(handle.db, steenwijk, MANTELZORG, DONDERDAG_10);
		expect(a).not.toBeNull();
		if (!a) return;
		expect(a.buitenKantoortijd).toBe(false);
		expect(a.groepen.map((g) => g.categorie).slice(0, 4)).toEqual([
			'mantelzorgondersteuning',
			'vptz',
			'huisarts',
			'huisartsenpost'
		]);
		const slugs = (categorie: string) =>
			a.groepen.find((g) => g.categorie === categorie)!.diensten.map((d) => d.organisatieSlug);
		expect(slugs('mantelzorgondersteuning')).toContain(demoSlug('mantelzorgSteenwijk'));
		expect(slugs('vptz')[0]).toBe(demoSlug('vptzSteenwijk'));
		expect(slugs('huisarts')[0]).toBe(demoSlug('huisartsSteenwijk'));
		expect(slugs('huisartsenpost')[0]).toBe(demoSlug('hapSteenwijk'));
		for (const d of alleDiensten(a)) expect(d.telHref, d.naam).toMatch(/^tel:\+31\d{9}$/);
		// Group labels and descriptions come from the (editable) taxonomy.
		expect(a.groepen[0]).toMatchObject({
			label: 'Mantelzorgondersteuning',
			beschrijving: expect.stringContaining('naaste')
		});
	});

	it('does not send someone in Steenwijk to a huisarts practice in Assen or Emmen', async () => {
		const a = (await antwoordVoorPlaats(handle.db, steenwijk, MANTELZORG, DONDERDAG_10))!;
		const huisartsen = a.groepen.find((g) => g.categorie === 'huisarts')!.diensten;
		expect(huisartsen.every((d) => (d.afstandKm ?? 99) < 20)).toBe(true);
		expect(a.groepen.flatMap((g) => g.diensten).every((d) => d.afstandKm !== null)).toBe(true);
	});

	it('keeps consultation lines for professionals apart', async () => {
		const a = (await antwoordVoorPlaats(handle.db, steenwijk, MANTELZORG, DONDERDAG_10))!;
		expect(a.groepen.flatMap((g) => g.diensten).some((d) => d.voorProfessionals)).toBe(false);
		expect(a.voorProfessionals.length).toBeGreaterThan(0);
		expect(a.voorProfessionals.every((d) => d.voorProfessionals)).toBe(true);
	});

	it('puts the day-and-night lines first at night', async () => {
		const a = (await antwoordVoorPlaats(handle.db, steenwijk, MANTELZORG, ZATERDAG_03))!;
		expect(a.buitenKantoortijd).toBe(true);
		expect(a.dagdeel).toBe('weekend');
		const eerste = a.groepen[0].diensten[0];
		expect(eerste.dagEnNacht).toBe(true);
		expect(eerste.nuBereikbaar).toBe(true);
		// The office-hours groups come after every group with a reachable line.
		const index = (c: string) => a.groepen.findIndex((g) => g.categorie === c);
		expect(index('huisartsenpost')).toBeLessThan(index('mantelzorgondersteuning'));
		expect(index('huisartsenpost')).toBeLessThan(index('huisarts'));
	});

	it('shows 113 for psychological questions and adds the huisartsenpost to the emergency box when the question lacks it', async () => {
		const a = (await antwoordVoorPlaats(handle.db, steenwijk, 'ik-voel-me-alleen', DONDERDAG_10))!;
		expect(a.toon113).toBe(false);
		expect(a.spoedlijnen.map((d) => d.organisatieSlug)).toContain(demoSlug('hapSteenwijk'));
		const b = (await antwoordVoorPlaats(handle.db, steenwijk, 'ik-zie-het-niet-meer-zitten', DONDERDAG_10))!;
		expect(b.toon113).toBe(true);
		expect(b.spoedlijnen).toEqual([]);
	});

	it('returns null for an unknown question', async () => {
		expect(await antwoordVoorPlaats(handle.db, steenwijk, 'bestaat-niet', DONDERDAG_10)).toBeNull();
	});

	it('prints the same contacts as the answer page shows', async () => {
		const a = (await antwoordVoorPlaats(handle.db, steenwijk, MANTELZORG, ZATERDAG_03))!;
		const k = (await kaartVoorPlaats(handle.db, steenwijk, MANTELZORG))!;
		const tels = (x: WegwijzerAntwoord) =>
			alleDiensten(x)
				.map((d) => d.telHref)
				.sort();
		expect(tels(k)).toEqual(tels(a));
		// The card is not ordered for a moment: the question's order holds.
		expect(k.groepen[0].categorie).toBe('mantelzorgondersteuning');
		const algemeen = (await kaartVoorPlaats(handle.db, steenwijk, null))!;
		expect(algemeen.groepen.map((g) => g.categorie)).toContain('huisartsenpost');
	});
});

describe('editing the wegwijzer', () => {
	it('a sub-region adjustment shows at once in its gemeenten only, is audited, and goes back to standard', async () => {
		const detail = await beheerVraag(
			handle.db,
			beheerder,
			await vraagId(MANTELZORG),
			'drenthe-meppel-steenwijkerland'
		);
		expect(detail.versie).toBe(0);
		await pasVraagAan(handle.db, beheerder, detail.vraag.id, 'drenthe-meppel-steenwijkerland', {
			titel: 'Ik zorg voor mijn man of vrouw en ben op',
			uitleg: 'Bel het steunpunt mantelzorg. Zij helpen u verder.',
			categorieen: ['mantelzorgondersteuning', 'huisarts'],
			verborgen: false,
			version: 0
		});
		const hier = (await antwoordVoorPlaats(handle.db, steenwijk, MANTELZORG, DONDERDAG_10))!;
		expect(hier.vraag.titel).toBe('Ik zorg voor mijn man of vrouw en ben op');
		expect(hier.groepen.map((g) => g.categorie)).toEqual(['mantelzorgondersteuning', 'huisarts']);
		const daar = (await antwoordVoorPlaats(handle.db, assen, MANTELZORG, DONDERDAG_10))!;
		expect(daar.vraag.titel).toBe('Ik zorg voor mijn partner en kan het niet meer aan');

		const subregio = (await getRegion(handle.db, 'drenthe-meppel-steenwijkerland'))!;
		const [log] = await handle.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'wegwijzer_vraag_aangepast'), eq(auditLog.regionId, subregio.id)));
		expect(log).toMatchObject({
			userId: beheerder.id,
			entityType: 'wegwijzer_vraag',
			entityId: detail.vraag.id
		});
		expect(log.details).toMatchObject({ gewijzigd: ['titel', 'uitleg', 'categorieen'] });

		// Someone else saved in between: the stale version is refused with a clear Dutch message.
		await expect(
			pasVraagAan(handle.db, beheerder, detail.vraag.id, 'drenthe-meppel-steenwijkerland', {
				titel: 'Een andere titel voor de vraag',
				uitleg: 'Een andere uitleg voor de vraag.',
				categorieen: ['vptz'],
				verborgen: false,
				version: 0
			})
		).rejects.toMatchObject({ status: 409, message: expect.stringContaining('Iemand anders') });

		const nu = await beheerVraag(handle.db, beheerder, detail.vraag.id, 'drenthe-meppel-steenwijkerland');
		expect(nu.versie).toBe(1);
		await expect(
			terugNaarStandaard(handle.db, beheerder, detail.vraag.id, 'drenthe-meppel-steenwijkerland', 7)
		).rejects.toMatchObject({
			status: 409
		});
		await terugNaarStandaard(
			handle.db,
			beheerder,
			detail.vraag.id,
			'drenthe-meppel-steenwijkerland',
			nu.versie
		);
		expect((await antwoordVoorPlaats(handle.db, steenwijk, MANTELZORG, DONDERDAG_10))!.vraag.titel).toBe(
			'Ik zorg voor mijn partner en kan het niet meer aan'
		);
	});

	it("a network's hidden question disappears in all its gemeenten", async () => {
		const id = await vraagId('geloof-en-afscheid');
		const detail = await beheerVraag(handle.db, beheerder, id, null);
		expect(detail.regio.slug).toBe('drenthe-steenwijkerland');
		await pasVraagAan(handle.db, beheerder, id, null, {
			titel: detail.vraag.titel,
			uitleg: detail.vraag.uitleg,
			categorieen: detail.vraag.categorieen,
			verborgen: true,
			version: 0
		});
		const slugsIn = async (p: WegwijzerPlaats) =>
			(await vragenVoorPlaats(handle.db, p)).flatMap((g) => g.vragen.map((v) => v.slug));
		expect(await slugsIn(steenwijk)).not.toContain('geloof-en-afscheid');
		expect(await slugsIn(assen)).not.toContain('geloof-en-afscheid');
		expect(await antwoordVoorPlaats(handle.db, steenwijk, 'geloof-en-afscheid', DONDERDAG_10)).toBeNull();
		expect(await slugsIn(await plaats({ postcode: '1011' }))).toContain('geloof-en-afscheid');
		// The editor still lists it, marked hidden.
		const overzicht = await beheerOverzicht(handle.db, beheerder, null);
		const rij = overzicht.themas.flatMap((t) => t.vragen).find((v) => v.id === id);
		expect(rij).toMatchObject({ verborgen: true, bron: 'aangepast' });
	});

	it("a region's own question appears in that region only and can be edited in place", async () => {
		const slug = await nieuweVraag(handle.db, beheerder, 'drenthe-meppel-steenwijkerland', {
			thema: 'wonen',
			titel: 'Ik wil weten of er een hospice in de buurt is',
			uitleg: 'In onze regio zijn een paar hospices. Uw huisarts helpt u.',
			categorieen: ['hospice', 'huisarts']
		});
		expect(slug).toBe('ik-wil-weten-of-er-een-hospice-in-de-buurt-is');
		const [rij] = await handle.db.select().from(wegwijzerVragen).where(eq(wegwijzerVragen.slug, slug));
		const id = rij.id;
		const a = (await antwoordVoorPlaats(handle.db, steenwijk, rij.slug, DONDERDAG_10))!;
		expect(a.groepen[0].categorie).toBe('hospice');
		expect(a.groepen[0].diensten.length).toBeGreaterThan(0);
		expect(await antwoordVoorPlaats(handle.db, assen, rij.slug, DONDERDAG_10)).toBeNull();

		const detail = await beheerVraag(handle.db, beheerder, id, 'drenthe-meppel-steenwijkerland');
		expect(detail.vraag.isEigenVraag).toBe(true);
		await pasVraagAan(handle.db, beheerder, id, 'drenthe-meppel-steenwijkerland', {
			titel: 'Is er een hospice bij mij in de buurt?',
			uitleg: detail.vraag.uitleg,
			categorieen: ['hospice'],
			verborgen: false,
			version: detail.versie
		});
		expect((await antwoordVoorPlaats(handle.db, steenwijk, rij.slug, DONDERDAG_10))!.vraag.titel).toBe(
			'Is er een hospice bij mij in de buurt?'
		);
	});

	it("refuses regions outside the beheerder's network", async () => {
		const id = await vraagId(MANTELZORG);
		await expect(
			beheerVraag(handle.db, beheerderAmsterdam, id, 'drenthe-meppel-steenwijkerland')
		).rejects.toBeInstanceOf(WegwijzerFout);
		await expect(
			beheerVraag(handle.db, beheerderAmsterdam, id, 'drenthe-meppel-steenwijkerland')
		).rejects.toMatchObject({
			status: 403
		});
		const zonderRegio: Actor = { ...beheerder, regionId: null };
		await expect(beheerOverzicht(handle.db, zonderRegio)).rejects.toMatchObject({ status: 403 });
		const [amsterdam] = await handle.db.select().from(regions).where(eq(regions.slug, 'amsterdam-diemen'));
		expect(amsterdam).toBeDefined();
	});
});

async function vraagId(slug: string): Promise<string> {
	const [rij] = await handle.db
		.select({ id: wegwijzerVragen.id })
		.from(wegwijzerVragen)
		.where(eq(wegwijzerVragen.slug, slug));
	return rij.id;
}
