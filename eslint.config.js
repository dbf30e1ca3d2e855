import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			// The portal is served at the root (no kit.paths.base), so plain hrefs are correct; resolve() adds nothing here.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// Domain code is pure: no I/O, no framework, no database.
		files: ['src/lib/domain/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['$server/*', '$lib/server/*', '**/server/**'], message: 'Domeincode doet geen I/O.' },
						{
							group: [
								'drizzle-orm*',
								'postgres',
								'@electric-sql/*',
								'svelte*',
								'@sveltejs/*',
								'$app/*',
								'node:*',
								'fs',
								'path'
							],
							message: 'Domeincode is framework- en I/O-vrij.'
						}
					]
				}
			]
		}
	},
	{
		ignores: [
			'build/',
			'build-*/',
			'.svelte-kit-*/',
			'.svelte-kit/',
			'node_modules/',
			'drizzle/',
			'data/',
			'test-results/',
			'playwright-report/'
		]
	}
);
