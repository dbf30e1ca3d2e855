import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Finds a Chromium for Playwright. Playwright cannot download its own browser on our machines, so we use Debian's:
 * CHROMIUM_PATH if set, else /usr/bin/chromium, installed with apt-get when missing and we are root. Without either,
 * Playwright's own browser is used (works where its download is possible).
 */
export function ensureChromium() {
	if (process.env.CHROMIUM_PATH) {
		console.log(`Chromium: ${process.env.CHROMIUM_PATH} (CHROMIUM_PATH)`);
		return process.env.CHROMIUM_PATH;
	}
	const debian = '/usr/bin/chromium';
	if (existsSync(debian)) {
		console.log(`Chromium: ${debian} (Debian)`);
		return debian;
	}
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (isRoot && existsSync('/usr/bin/apt-get')) {
		console.log('Chromium ontbreekt: installeren met apt-get (Debian-pakket chromium)...');
		execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
			stdio: 'inherit'
		});
		if (existsSync(debian)) {
			console.log(`Chromium: ${debian} (Debian, zojuist geïnstalleerd)`);
			return debian;
		}
	}
	console.log(
		"Chromium: geen Debian-chromium en geen CHROMIUM_PATH; Playwright's eigen browser wordt gebruikt."
	);
	return '';
}
