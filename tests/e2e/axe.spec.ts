import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { loginPage } from './helpers/accounts';
import { routes, viewerFor } from './helpers/routes';

// Every page in the route table is scanned as the first role that may open it; WCAG 2.1 AA, no serious or critical findings.
for (const entry of routes.filter((r) => r.page)) {
	const role = viewerFor(entry);
	test(`axe: ${entry.url ?? entry.id} (${role})`, async ({ page }) => {
		if (role !== 'anoniem') await loginPage(page, role);
		await page.goto(entry.url ?? entry.id);
		await page.waitForLoadState('networkidle');
		const results = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
			.analyze();
		const serious = results.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map(
				(v) =>
					`${v.id} (${v.impact}): ${v.help} — ${v.nodes
						.map((n) => n.target.join(' '))
						.slice(0, 3)
						.join(' | ')}`
			);
		expect(serious).toEqual([]);
	});
}
