#!/usr/bin/env node
// `npm run demo`: build, create the embedded database with demo data, and serve the portal on http://localhost:3000.
import { spawn, spawnSync } from 'node:child_process';

const port = process.env.PORT ?? '3000';
const origin = process.env.ORIGIN ?? `http://localhost:${port}`;

function run(cmd, args) {
	const r = spawnSync(cmd, args, { stdio: 'inherit' });
	if (r.status !== 0) process.exit(r.status ?? 1);
}

console.log('Portaal bouwen...');
run('npm', ['run', 'build']);
console.log('Database voorbereiden en voorbeeldgegevens laden...');
run('npx', ['tsx', 'scripts/seed.ts']);

const server = spawn('node', ['build'], {
	stdio: 'inherit',
	env: { ...process.env, PORT: port, ORIGIN: origin }
});
console.log(`\nRegiokaart Palliatieve Zorg draait op ${origin}  (stoppen: Ctrl+C)\n`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
