import { env } from './env';

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** Structured logging: one JSON line per event. Never pass patient data in here. */
export function log(level: Level, msg: string, fields: Record<string, unknown> = {}) {
	if (order[level] < order[env().LOG_LEVEL]) return;
	const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
	if (level === 'error' || level === 'warn') console.error(line);
	else console.log(line);
}
