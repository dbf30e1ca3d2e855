import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173, strictPort: false },
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					// One PGlite/Postgres database per file; files run one after another to stay within 2 cores.
					fileParallelism: false
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					// The built portal (`node build`, dir from BUILD_DIR) against real PostgreSQL servers: several instances,
					// faults, shutdown. Needs the build, so npm test runs it after the build step (scripts/test.mjs).
					name: 'production',
					environment: 'node',
					include: ['tests/production/**/*.test.ts'],
					testTimeout: 300_000,
					hookTimeout: 900_000,
					fileParallelism: false
				}
			}
		]
	}
});
