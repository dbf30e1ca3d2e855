#!/usr/bin/env node
// Starts the built portal for the Playwright tests on a fresh embedded database with demo data (or on DATABASE_URL).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const port = process.env.E2E_PORT ?? '4173';
const env = {
	...process.env,
	PORT: port,
	ORIGIN: `http://localhost:${port}`,
	PGLITE_DATA_DIR: process.env.DATABASE_URL
		? undefined
		: path.join(mkdtempSync(path.join(tmpdir(), 'rk-e2e-')), 'pglite'),
	LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn'
};
const seed = spawnSync('npx', ['tsx', 'scripts/seed.ts'], { stdio: 'inherit', env });
if (seed.status !== 0) process.exit(seed.status ?? 1);
const server = spawn('node', [process.env.BUILD_DIR ?? 'build'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
