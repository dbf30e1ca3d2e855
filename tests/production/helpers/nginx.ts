import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventCollector, type EventStream } from './portal';

/**
 * nginx in front of the test instances, with the configuration block printed in README.md ("In productie"), so the
 * README's example is what is tested. Placeholders of the example (ports, host name, certificate paths) are replaced;
 * everything else is used as written. The wrapper around it only sets what a system nginx has in /etc/nginx/nginx.conf.
 */

/** The nginx binary: NGINX_BIN, or nginx on the PATH / in /usr/sbin; null when there is none. */
export function findNginx(): string | null {
	const candidates = [process.env.NGINX_BIN, '/usr/sbin/nginx', '/usr/local/sbin/nginx'];
	const onPath = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim();
	if (onPath) candidates.unshift(onPath);
	for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
	return null;
}

/** The ```nginx block of the README's "In productie" section. */
export function readmeNginxBlock(readme = readFileSync('README.md', 'utf8')): string {
	const section = readme.slice(readme.indexOf('## In productie'));
	const match = /```nginx\n([\s\S]*?)```/.exec(section);
	if (!match) throw new Error('README.md: geen ```nginx-blok in "In productie"');
	return match[1];
}

function replaceExactly(text: string, from: string, to: string): string {
	if (!text.includes(from))
		throw new Error(`README-nginx-voorbeeld bevat "${from}" niet meer; pas de test aan`);
	return text.split(from).join(to);
}

export interface Proxy {
	httpsPort: number;
	httpPort: number;
	/** The self-signed certificate (PEM), to trust in requests. */
	ca: string;
	stop(): Promise<void>;
}

export async function startNginx(
	nginx: string,
	opts: { httpsPort: number; httpPort: number; upstreams: [number, number] }
): Promise<Proxy> {
	const dir = mkdtempSync(path.join(tmpdir(), 'rk-nginx-'));
	chmodSync(dir, 0o755); // nginx workers (user nobody when started as root) read and write below it
	for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
		mkdirSync(path.join(dir, sub));
		chmodSync(path.join(dir, sub), 0o777);
	}
	const cert = path.join(dir, 'fullchain.pem');
	const key = path.join(dir, 'privkey.pem');
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-days',
			'1',
			'-subj',
			'/CN=localhost',
			'-addext',
			'subjectAltName=DNS:localhost',
			'-keyout',
			key,
			'-out',
			cert
		],
		{ stdio: 'ignore' }
	);

	let site = readmeNginxBlock();
	site = replaceExactly(site, 'server 127.0.0.1:3001;', `server 127.0.0.1:${opts.upstreams[0]};`);
	site = replaceExactly(site, 'server 127.0.0.1:3002;', `server 127.0.0.1:${opts.upstreams[1]};`);
	site = replaceExactly(site, 'listen 80;', `listen 127.0.0.1:${opts.httpPort};`);
	site = replaceExactly(site, 'listen 443 ssl', `listen 127.0.0.1:${opts.httpsPort} ssl`);
	site = replaceExactly(site, 'server_name regiokaart.example.nl;', 'server_name localhost;');
	site = replaceExactly(site, '/etc/letsencrypt/live/regiokaart.example.nl/fullchain.pem', cert);
	site = replaceExactly(site, '/etc/letsencrypt/live/regiokaart.example.nl/privkey.pem', key);

	const conf = path.join(dir, 'nginx.conf');
	writeFileSync(
		conf,
		`worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
	access_log ${dir}/access.log;
	client_body_temp_path ${dir}/body;
	proxy_temp_path ${dir}/proxy;
	fastcgi_temp_path ${dir}/fastcgi;
	uwsgi_temp_path ${dir}/uwsgi;
	scgi_temp_path ${dir}/scgi;
${site}
}
`
	);
	const check = spawnSync(nginx, ['-p', dir, '-c', conf, '-t'], { encoding: 'utf8' });
	if (check.status !== 0) throw new Error(`nginx -t faalde:\n${check.stderr}`);
	const child = spawn(nginx, ['-p', dir, '-c', conf, '-g', 'daemon off;'], { stdio: 'ignore' });
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const ca = readFileSync(cert, 'utf8');
	const proxy: Proxy = {
		httpsPort: opts.httpsPort,
		httpPort: opts.httpPort,
		ca,
		async stop() {
			child.kill('SIGQUIT'); // nginx's graceful stop
			await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
			if (child.exitCode === null) child.kill('SIGKILL');
			rmSync(dir, { recursive: true, force: true });
		}
	};
	const deadline = Date.now() + 20_000;
	for (;;) {
		try {
			await httpsRequest(proxy, '/healthz');
			return proxy;
		} catch (error) {
			if (Date.now() > deadline) {
				await proxy.stop();
				throw error;
			}
			await new Promise((r) => setTimeout(r, 200));
		}
	}
}

export interface HttpsResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

/** A request through the proxy over TLS, trusting only its self-signed certificate. */
export function httpsRequest(
	proxy: Proxy,
	pathname: string,
	options: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<HttpsResponse> {
	return new Promise((resolve, reject) => {
		const request = https.request(
			{
				host: '127.0.0.1',
				servername: 'localhost',
				port: proxy.httpsPort,
				path: pathname,
				method: options.method ?? 'GET',
				headers: { host: `localhost:${proxy.httpsPort}`, ...options.headers },
				ca: proxy.ca,
				agent: false
			},
			(response) => {
				let body = '';
				response.setEncoding('utf8');
				response.on('data', (chunk: string) => (body += chunk));
				response.on('end', () =>
					resolve({ status: response.statusCode ?? 0, headers: response.headers, body })
				);
			}
		);
		request.on('error', reject);
		request.end(options.body);
	});
}

/** A server-sent-events stream through the proxy over TLS. */
export function openHttpsEventStream(proxy: Proxy, pathname: string): Promise<EventStream> {
	return new Promise((resolve, reject) => {
		const request = https.get(
			{
				host: '127.0.0.1',
				servername: 'localhost',
				port: proxy.httpsPort,
				path: pathname,
				headers: { host: `localhost:${proxy.httpsPort}`, accept: 'text/event-stream' },
				ca: proxy.ca,
				agent: false
			},
			(response) => {
				if (response.statusCode !== 200) {
					request.destroy();
					return reject(new Error(`stream ${pathname} gaf ${response.statusCode}`));
				}
				const collector = eventCollector(`proxy ${pathname}`, () => request.destroy());
				response.setEncoding('utf8');
				response.on('data', (chunk: string) => collector.push(chunk));
				response.on('close', () => collector.end());
				resolve(collector.stream);
			}
		);
		request.on('error', reject);
	});
}
