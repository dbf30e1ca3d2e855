import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';

export class DataDirInUseError extends Error {
	constructor(dataDir: string, pid: number) {
		super(
			`De databasemap ${dataDir} is al in gebruik door proces ${pid}. Stop dat proces eerst, of gebruik PostgreSQL (DATABASE_URL) voor meer dan één proces. / ` +
				`The database folder ${dataDir} is already in use by process ${pid}. Stop that process first, or use PostgreSQL (DATABASE_URL) for more than one process.`
		);
		this.name = 'DataDirInUseError';
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Takes an exclusive lock file next to a PGlite data folder (`<dir>.lock`, holding the owner's pid). A lock left by a
 * process that no longer runs is taken over. Returns the release function.
 */
export function acquireDataDirLock(dataDir: string): () => void {
	const lockPath = `${dataDir}.lock`;
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
			let released = false;
			const release = () => {
				if (released) return;
				released = true;
				try {
					if (readFileSync(lockPath, 'utf8') === String(process.pid)) unlinkSync(lockPath);
				} catch {
					// Already gone.
				}
			};
			process.once('exit', release);
			return release;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const owner = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
			if (Number.isFinite(owner) && owner !== process.pid && isAlive(owner))
				throw new DataDirInUseError(dataDir, owner);
			if (owner === process.pid) throw new DataDirInUseError(dataDir, owner);
			unlinkSync(lockPath); // stale lock of a process that is gone
		}
	}
	throw new Error(`Kon de databasemap ${dataDir} niet vergrendelen.`);
}
