/**
 * Shared by scripts/backup.ts and scripts/restore.ts: how a backup file is recognised, and how a DATABASE_URL becomes the
 * PG* environment of pg_dump/pg_restore (so a password never shows up in the process list, as it would on the command line).
 */
import { openSync, readSync, closeSync } from 'node:fs';

export type BackupKind = 'postgres' | 'pglite';

/** pg_dump's custom format starts with "PGDMP"; PGlite's dumpDataDir('gzip') is a gzip stream (1f 8b). */
export function backupKindOf(file: string): BackupKind | null {
	const fd = openSync(file, 'r');
	try {
		const head = Buffer.alloc(5);
		const n = readSync(fd, head, 0, 5, 0);
		if (n === 5 && head.toString('latin1') === 'PGDMP') return 'postgres';
		if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
		return null;
	} finally {
		closeSync(fd);
	}
}

export function pgEnvironment(databaseUrl: string): NodeJS.ProcessEnv {
	const url = new URL(databaseUrl);
	const env: NodeJS.ProcessEnv = { ...process.env };
	// The URL decides; leftovers from the caller's environment must not point the tools at another server.
	for (const key of ['PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD', 'PGDATABASE', 'PGSSLMODE', 'PGSERVICE'])
		delete env[key];
	const host = url.searchParams.get('host') ?? decodeURIComponent(url.hostname);
	if (host) env.PGHOST = host.replace(/^\[(.*)\]$/, '$1');
	if (url.port) env.PGPORT = url.port;
	if (url.username) env.PGUSER = decodeURIComponent(url.username);
	if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
	const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
	if (database) env.PGDATABASE = database;
	const sslmode =
		url.searchParams.get('sslmode') ?? (url.searchParams.get('ssl') === 'true' ? 'require' : null);
	if (sslmode) env.PGSSLMODE = sslmode;
	return env;
}

/** "postgres://user:***@host:5432/db" for messages. */
export function redactUrl(databaseUrl: string): string {
	const url = new URL(databaseUrl);
	if (url.password) url.password = '***';
	return url.toString();
}

export function timestamp(date = new Date()): string {
	return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}
