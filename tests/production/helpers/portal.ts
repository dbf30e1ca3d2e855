import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import postgres from 'postgres';

/**
 * Helpers for the production tests: the built portal (`node build`) as a child process, configured only through its
 * environment like a deployment, its JSON log lines, free ports, and the local PostgreSQL server.
 */

export const buildDir = path.resolve(process.env.BUILD_DIR ?? 'build');

export function requireBuild() {
	if (!existsSync(path.join(buildDir, 'index.js')))
		throw new Error(
			`Geen build in ${buildDir}: draai eerst "npm run build" (of zet BUILD_DIR). npm test doet dat vóór deze tests.`
		);
}

/** Where the production tests look for a PostgreSQL server (trust auth as on the CI machine). */
export const localServerUrl =
	process.env.PRODUCTION_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Why the tests that need the local PostgreSQL cannot run, or null when it answers. */
export async function localServerUnavailable(): Promise<string | null> {
	const sql = postgres(localServerUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
	try {
		await sql`select 1`;
		return null;
	} catch (error) {
		return `geen PostgreSQL op ${new URL(localServerUrl).host} (${(error as Error).message})`;
	} finally {
		await sql.end({ timeout: 1 });
	}
}

export function databaseUrl(serverUrl: string, database: string, user?: string): string {
	const url = new URL(serverUrl);
	url.pathname = `/${database}`;
	if (user) url.username = user;
	return url.toString();
}

export interface SeededDatabase {
	name: string;
	/** Connection URL of the new database, for DATABASE_URL. */
	url: string;
	/** Drops the database (also with connections still open). */
	drop(): Promise<void>;
}

/**
 * A fresh database on the local PostgreSQL server (`prefix_<time>_<random>`), with migrations, reference data and the demo
 * data applied the way a deployment does it (scripts/seed.ts).
 */
export async function createSeededDatabase(prefix: string): Promise<SeededDatabase> {
	const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
	const admin = postgres(localServerUrl, { max: 1, onnotice: () => {} });
	const drop = async () => {
		await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
		await admin.end();
	};
	await admin.unsafe(`CREATE DATABASE "${name}"`);
	const url = databaseUrl(localServerUrl, name);
	try {
		runScript('scripts/seed.ts', { DATABASE_URL: url });
	} catch (error) {
		await drop();
		throw error;
	}
	return { name, url, drop };
}

/** A free TCP port on 127.0.0.1 in this suite's range (4300–4399), starting at a random place. */
export async function freePort(exclude: number[] = []): Promise<number> {
	const first = 4300 + Math.floor(Math.random() * 100);
	for (let i = 0; i < 100; i++) {
		const port = 4300 + ((first - 4300 + i) % 100);
		if (exclude.includes(port)) continue;
		const free = await new Promise<boolean>((resolve) => {
			const server = net.createServer();
			server.once('error', () => resolve(false));
			server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
		});
		if (free) return port;
	}
	throw new Error('Geen vrije poort tussen 4300 en 4399');
}

/** Runs a project script (`npx tsx scripts/...`) with the given environment; throws with its output when it fails. */
export function runScript(script: string, env: Record<string, string>, args: string[] = []) {
	return run('npx', ['tsx', script, ...args], env);
}

/** Runs a command as the README has it (e.g. `npm run db:migrate`); throws with its output when it fails. */
export function run(command: string, args: string[], env: Record<string, string>) {
	const result = spawnSync(command, args, {
		encoding: 'utf8',
		env: { ...cleanEnv(), ...env },
		timeout: 300_000
	});
	if (result.status !== 0)
		throw new Error(
			`${command} ${args.join(' ')} faalde (${result.status}):\n${result.stdout}\n${result.stderr}`
		);
	return result.stdout;
}

/** The test runner's environment without the portal's own settings, so nothing leaks into a started server. */
function cleanEnv(): NodeJS.ProcessEnv {
	const env = { ...process.env };
	for (const key of [
		'DATABASE_URL',
		'PGLITE_DATA_DIR',
		'MEILISEARCH_URL',
		'MEILISEARCH_API_KEY',
		'ORIGIN',
		'PORT',
		'HOST',
		'ADDRESS_HEADER',
		'XFF_DEPTH',
		'PROTOCOL_HEADER',
		'HOST_HEADER',
		'NODE_ENV',
		'VITEST',
		'VITEST_MODE',
		'VITEST_POOL_ID',
		'VITEST_WORKER_ID',
		'TEST'
	])
		delete env[key];
	return env;
}

export interface LogLine {
	level: string;
	msg: string;
	[field: string]: unknown;
}

export interface Portal {
	port: number;
	url: string;
	child: ChildProcess;
	/** Parsed JSON log lines, with the stream they came from. */
	logs: (LogLine & { stream: 'stdout' | 'stderr' })[];
	/** Everything the process printed, for failure messages. */
	output(): string;
	running(): boolean;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	/** Waits for a log line; throws after timeoutMs. */
	waitForLog(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
	/** SIGTERM and wait for the exit (SIGKILL after timeoutMs). */
	stop(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startPortal(env: Record<string, string>, readyTimeoutMs = 180_000): Promise<Portal> {
	const port = Number(env.PORT);
	const url = `http://127.0.0.1:${port}`;
	const child = spawn('node', [buildDir], {
		env: { ...cleanEnv(), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const logs: Portal['logs'] = [];
	const raw: string[] = [];
	const waiters = new Set<() => void>();
	for (const stream of ['stdout', 'stderr'] as const) {
		let rest = '';
		child[stream]!.setEncoding('utf8');
		child[stream]!.on('data', (chunk: string) => {
			raw.push(chunk);
			const parts = (rest + chunk).split('\n');
			rest = parts.pop() ?? '';
			for (const text of parts) {
				if (!text.startsWith('{')) continue;
				try {
					logs.push({ ...(JSON.parse(text) as LogLine), stream });
				} catch {
					// Not a log line.
				}
			}
			for (const wake of [...waiters]) wake();
		});
	}
	let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | null = null;
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.once('exit', (code, signal) => resolve((exitInfo = { code, signal })))
	);
	const portal: Portal = {
		port,
		url,
		child,
		logs,
		output: () => raw.join(''),
		running: () => exitInfo === null,
		exited,
		waitForLog(match, timeoutMs = 10_000) {
			return new Promise((resolve, reject) => {
				const check = () => {
					const found = logs.find(match);
					if (!found) return;
					cleanup();
					resolve(found);
				};
				const timer = setTimeout(() => {
					cleanup();
					reject(
						new Error(`Logregel niet gezien binnen ${timeoutMs} ms. Uitvoer:\n${raw.join('').slice(-4000)}`)
					);
				}, timeoutMs);
				const cleanup = () => {
					clearTimeout(timer);
					waiters.delete(check);
				};
				waiters.add(check);
				check();
			});
		},
		async stop(timeoutMs = 30_000) {
			if (exitInfo) return exitInfo;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
			const info = await exited;
			clearTimeout(timer);
			return info;
		}
	};

	const deadline = Date.now() + readyTimeoutMs;
	for (;;) {
		if (exitInfo)
			throw new Error(
				`node ${buildDir} stopte bij het starten (${JSON.stringify(exitInfo)}):\n${portal.output()}`
			);
		try {
			const response = await fetch(`${url}/healthz`);
			if (response.ok) return portal;
		} catch {
			// Not listening yet.
		}
		if (Date.now() > deadline) {
			await portal.stop(5_000);
			throw new Error(`node ${buildDir} antwoordde niet binnen ${readyTimeoutMs} ms:\n${portal.output()}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** The session cookie ("name=value") from a login response. */
export function sessionCookieFrom(response: Response): string {
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => !c.endsWith('='));
	if (!cookie) throw new Error(`Geen sessiecookie in het antwoord (${response.status})`);
	return cookie;
}

/**
 * Logs in through the real login form (a form POST as a browser without JavaScript sends it). `origin` must be the
 * instance's ORIGIN (SvelteKit's CSRF check); `clientAddress` goes in X-Forwarded-For as the proxy would set it.
 */
export async function login(
	base: string,
	origin: string,
	email: string,
	password: string,
	clientAddress = '203.0.113.10'
): Promise<Response> {
	return fetch(`${base}/inloggen`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin,
			// As a browser without JavaScript: with fetch's default */* SvelteKit would answer in its JSON action format.
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			'x-forwarded-for': clientAddress
		},
		body: new URLSearchParams({ email, password })
	});
}

export interface SseEvent {
	event: string;
	data: string;
	receivedAt: number;
}

export interface EventStream {
	events: SseEvent[];
	ended(): boolean;
	/** The first event (from index `from` on) that matches, or an error after timeoutMs. */
	waitFor(match: (e: SseEvent) => boolean, timeoutMs: number, from?: number): Promise<SseEvent>;
	close(): void;
}

/** Parses a text/event-stream from chunks as they arrive, as a browser's EventSource does. */
export function eventCollector(label: string, close: () => void) {
	const events: SseEvent[] = [];
	const waiters = new Set<() => void>();
	const decoder = new TextDecoder();
	let buffer = '';
	let ended = false;
	const wake = () => {
		for (const w of [...waiters]) w();
	};
	const stream: EventStream = {
		events,
		ended: () => ended,
		waitFor(match, timeoutMs, from = 0) {
			return new Promise((resolve, reject) => {
				const check = () => {
					const found = events.slice(from).find(match);
					if (found) {
						cleanup();
						resolve(found);
					} else if (ended) {
						cleanup();
						reject(new Error(`Stream ${label} eindigde zonder het verwachte bericht`));
					}
				};
				const timer = setTimeout(() => {
					cleanup();
					reject(
						new Error(
							`Geen passend bericht op ${label} binnen ${timeoutMs} ms; ontvangen: ${JSON.stringify(events.slice(from))}`
						)
					);
				}, timeoutMs);
				const cleanup = () => {
					clearTimeout(timer);
					waiters.delete(check);
				};
				waiters.add(check);
				check();
			});
		},
		close
	};
	return {
		stream,
		push(chunk: Uint8Array | string) {
			buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
			let at: number;
			while ((at = buffer.indexOf('\n\n')) >= 0) {
				const block = buffer.slice(0, at);
				buffer = buffer.slice(at + 2);
				let event = 'message';
				const data: string[] = [];
				for (const line of block.split('\n')) {
					if (line.startsWith('event:')) event = line.slice(6).trim();
					else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
				}
				if (data.length) events.push({ event, data: data.join('\n'), receivedAt: Date.now() });
			}
			wake();
		},
		end() {
			ended = true;
			wake();
		}
	};
}

/** An open server-sent-events stream read with fetch. */
export async function openEventStream(
	url: string,
	headers: Record<string, string> = {}
): Promise<EventStream> {
	const controller = new AbortController();
	const response = await fetch(url, {
		headers: { accept: 'text/event-stream', ...headers },
		signal: controller.signal
	});
	if (response.status !== 200 || !response.body)
		throw new Error(`Stream ${url} gaf ${response.status}: ${await response.text()}`);
	const collector = eventCollector(url, () => controller.abort());
	void (async () => {
		try {
			for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) collector.push(chunk);
		} catch {
			// Aborted, or the server went away.
		} finally {
			collector.end();
		}
	})();
	return collector.stream;
}
