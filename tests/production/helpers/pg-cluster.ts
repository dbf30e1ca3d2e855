import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster for fault tests: initdb into a temporary folder, its own port, started and stopped with
 * pg_ctl. Never the machine's shared server. initdb and postgres refuse to run as root, so as root everything runs as the
 * `postgres` user (runuser); as another user, as that user.
 */
const BIN = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';

export interface ThrowawayCluster {
	port: number;
	/** postgres://postgres@127.0.0.1:<port>/<database> */
	url(database?: string): string;
	start(): void;
	/** `pg_ctl stop -m fast`: ends every connection (clients see 57P01 admin_shutdown or a closed socket). */
	stop(): void;
	destroy(): void;
}

/** Why a cluster cannot be made here, or null when it can. */
export function clusterUnavailableReason(): string | null {
	if (!existsSync(path.join(BIN, 'initdb'))) return `initdb niet gevonden in ${BIN} (zet PG_BIN_DIR)`;
	if (process.getuid?.() === 0) {
		const r = spawnSync('id', ['-u', 'postgres']);
		if (r.status !== 0) return 'geen gebruiker "postgres" om initdb als niet-root te draaien';
	}
	return null;
}

function asOwner(args: string[], options: { stdio?: 'ignore' | 'pipe' } = {}) {
	const root = process.getuid?.() === 0;
	const [cmd, ...rest] = root ? ['runuser', '-u', 'postgres', '--', ...args] : args;
	return execFileSync(cmd, rest, { stdio: options.stdio ?? 'pipe', encoding: 'utf8' });
}

export function createCluster(port: number): ThrowawayCluster {
	const root = mkdtempSync(path.join(tmpdir(), 'rk-pgcluster-'));
	const data = path.join(root, 'data');
	const log = path.join(root, 'postgres.log');
	if (process.getuid?.() === 0) {
		const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
		chownSync(root, uid, gid);
	}
	chmodSync(root, 0o700);
	asOwner([
		path.join(BIN, 'initdb'),
		'-D',
		data,
		'-U',
		'postgres',
		'--auth=trust',
		'--no-sync',
		'--encoding=UTF8',
		'--locale=C.UTF-8'
	]);
	const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${root} -c fsync=off -c max_connections=60`;
	return {
		port,
		url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
		start() {
			asOwner([path.join(BIN, 'pg_ctl'), 'start', '-w', '-t', '60', '-D', data, '-l', log, '-o', options]);
		},
		stop() {
			asOwner([path.join(BIN, 'pg_ctl'), 'stop', '-w', '-t', '60', '-m', 'fast', '-D', data]);
		},
		destroy() {
			try {
				asOwner([path.join(BIN, 'pg_ctl'), 'stop', '-w', '-t', '30', '-m', 'immediate', '-D', data]);
			} catch {
				// Not running.
			}
			rmSync(root, { recursive: true, force: true });
		}
	};
}
