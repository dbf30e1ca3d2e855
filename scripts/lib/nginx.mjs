import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * nginx for the production test that puts the README's proxy example in front of two instances. NGINX_BIN if set, else
 * nginx on this machine, installed from Debian (nginx-light; the package does not start a server) when missing and we
 * are root. Without it that one test is skipped and says so; nothing else needs nginx.
 */
export function ensureNginx() {
	if (process.env.NGINX_BIN) {
		console.log(`nginx: ${process.env.NGINX_BIN} (NGINX_BIN)`);
		return process.env.NGINX_BIN;
	}
	const found = () =>
		spawnSync('sh', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], { encoding: 'utf8' })
			.stdout.trim()
			.split('\n')[0];
	const existing = found();
	if (existing) {
		console.log(`nginx: ${existing}`);
		return existing;
	}
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (isRoot && existsSync('/usr/bin/apt-get')) {
		console.log('nginx ontbreekt: installeren met apt-get (Debian-pakket nginx-light)...');
		try {
			execSync(
				'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light)',
				{
					stdio: 'inherit'
				}
			);
		} catch {
			console.log('nginx: installeren mislukt; de test met nginx ervoor wordt overgeslagen.');
			return '';
		}
		const installed = found();
		if (installed) {
			console.log(`nginx: ${installed} (Debian, zojuist geïnstalleerd)`);
			return installed;
		}
	}
	console.log('nginx: niet gevonden; de test met nginx ervoor wordt overgeslagen (zet NGINX_BIN).');
	return '';
}
