import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client';
import { DataDirInUseError } from '../../src/lib/server/db/data-dir-lock';

const opened: DatabaseHandle[] = [];
afterEach(async () => {
	for (const h of opened.splice(0)) await h.close();
});

describe('PGlite data folder lock', () => {
	it('refuses a second opener of the same folder with a clear message, and frees the folder on close', async () => {
		const dir = path.join(mkdtempSync(path.join(tmpdir(), 'rk-lock-')), 'pglite');
		const first = await openDatabase({ dataDir: dir });
		opened.push(first);
		expect(existsSync(`${dir}.lock`)).toBe(true);
		await expect(openDatabase({ dataDir: dir })).rejects.toThrow(DataDirInUseError);
		await expect(openDatabase({ dataDir: dir })).rejects.toThrow(
			/al in gebruik door proces \d+.*already in use/
		);
		await opened.pop()!.close();
		expect(existsSync(`${dir}.lock`)).toBe(false);
		const again = await openDatabase({ dataDir: dir });
		opened.push(again);
	});

	it('refuses another process too', async () => {
		const dir = path.join(mkdtempSync(path.join(tmpdir(), 'rk-lock-')), 'pglite');
		opened.push(await openDatabase({ dataDir: dir }));
		const scriptPath = path.join(path.dirname(dir), 'tweede-proces.mts');
		const client = path.resolve('src/lib/server/db/client.ts');
		const script = `import { openDatabase } from ${JSON.stringify(client)};
try { await openDatabase({ dataDir: ${JSON.stringify(dir)} }); console.log('GEOPEND'); process.exit(0); }
catch (e) { console.log(e.name); process.exit(3); }`;
		writeFileSync(scriptPath, script);
		const child = spawnSync('npx', ['tsx', scriptPath], { encoding: 'utf8', cwd: process.cwd() });
		expect(child.stdout).toContain('DataDirInUseError');
		expect(child.status).toBe(3);
	});

	it('takes over a lock left by a process that no longer runs', async () => {
		const dir = path.join(mkdtempSync(path.join(tmpdir(), 'rk-lock-')), 'pglite');
		writeFileSync(`${dir}.lock`, '999999'); // no such process
		opened.push(await openDatabase({ dataDir: dir }));
		expect(existsSync(`${dir}.lock`)).toBe(true);
	});
});
