#!/usr/bin/env node
// The whole suite, as `npm test`: type check, lint, unit + integration tests, build, production tests on the build (two
// instances on one PostgreSQL with nginx in front, faults on a throwaway cluster, object-level access, hostile input; each
// skips with a message where its PostgreSQL, initdb or nginx is missing), end-to-end tests in headless Chromium.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './lib/chromium.mjs';
import { ensureNginx } from './lib/nginx.mjs';

const steps = [
	['Typecheck (svelte-check)', 'npm', ['run', 'check']],
	['Lint en opmaak', 'npm', ['run', 'lint']],
	[
		'Unit- en integratietests (vitest)',
		'npx',
		['vitest', 'run', '--project', 'unit', '--project', 'integration']
	],
	['Build', 'npm', ['run', 'build']],
	[
		'Productie: twee instanties, storingen, objecttoegang, vijandige invoer (vitest, op de build)',
		'npx',
		['vitest', 'run', '--project', 'production']
	],
	['End-to-end (Playwright)', 'npx', ['playwright', 'test']]
];

const chromium = ensureChromium();
const nginx = ensureNginx();
const env = {
	...process.env,
	...(chromium ? { CHROMIUM_PATH: chromium } : {}),
	...(nginx ? { NGINX_BIN: nginx } : {})
};
const results = [];
for (const [name, cmd, args] of steps) {
	console.log(`\n=== ${name} ===`);
	const started = Date.now();
	const r = spawnSync(cmd, args, { stdio: 'inherit', env });
	const seconds = ((Date.now() - started) / 1000).toFixed(0);
	results.push(`${r.status === 0 ? 'OK  ' : 'FOUT'} ${name} (${seconds} s)`);
	if (r.status !== 0) {
		console.log('\n' + results.join('\n'));
		process.exit(r.status ?? 1);
	}
}
console.log('\n' + results.join('\n'));
