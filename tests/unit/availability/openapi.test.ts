import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availabilityApiSchema } from '$lib/domain/availability/schemas';
import { openApiDocument } from '../../../src/routes/api/v1/openapi.json/document';

// A structural check of the served OpenAPI 3.1 document: what a client generator or validator relies on.
type Json = Record<string, unknown>;
const doc = openApiDocument() as Json & {
	paths: Record<string, Record<string, Json>>;
	components: {
		schemas: Record<string, Json>;
		securitySchemes: Record<string, Json>;
		responses: Record<string, Json>;
	};
};
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function resolve(ref: string): unknown {
	expect(ref.startsWith('#/'), `only local $refs: ${ref}`).toBe(true);
	return ref
		.slice(2)
		.split('/')
		.reduce<unknown>(
			(node, key) => (node as Json | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')],
			doc
		);
}

function walk(node: unknown, visit: (value: Json, where: string) => void, where = '#') {
	if (Array.isArray(node)) node.forEach((v, i) => walk(v, visit, `${where}/${i}`));
	else if (node && typeof node === 'object') {
		visit(node as Json, where);
		for (const [k, v] of Object.entries(node)) walk(v, visit, `${where}/${k}`);
	}
}

const operations = Object.entries(doc.paths).flatMap(([p, item]) =>
	Object.entries(item)
		.filter(([m]) => METHODS.includes(m))
		.map(([method, op]) => ({ path: p, method, op, item }))
);

function deref<T>(value: T): T {
	const ref = (value as Json)?.$ref;
	return (typeof ref === 'string' ? resolve(ref) : value) as T;
}

function ajv() {
	const instance = new Ajv2020({ strict: false, allErrors: true });
	addFormats.default(instance);
	// Register the components so "#/components/schemas/..." refs inside schemas resolve.
	instance.addSchema({ $id: 'doc', components: doc.components } as Json);
	return instance;
}

describe('OpenAPI document', () => {
	it('is OpenAPI 3.1 with info, servers and at least the availability operations', () => {
		expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
		expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
		expect(doc.servers).toEqual([{ url: '/api/v1' }]);
		expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(
			expect.arrayContaining(['get /bed-units/{id}/availability', 'put /bed-units/{id}/availability'])
		);
	});

	it('resolves every $ref', () => {
		const broken: string[] = [];
		walk(doc, (value, where) => {
			if (typeof value.$ref === 'string' && resolve(value.$ref) === undefined)
				broken.push(`${where}: ${value.$ref}`);
		});
		expect(broken).toEqual([]);
	});

	it('gives every operation a unique operationId, responses with descriptions, and declared security schemes', () => {
		const ids = operations.map((o) => o.op.operationId);
		expect(new Set(ids).size).toBe(ids.length);
		for (const { op } of operations) {
			const responses = Object.entries(op.responses as Json);
			expect(responses.length).toBeGreaterThan(0);
			for (const [status, response] of responses) {
				expect(status).toMatch(/^([1-5]\d\d|[1-5]XX|default)$/);
				expect(typeof (deref(response) as Json).description).toBe('string');
			}
			for (const requirement of (op.security as Json[] | undefined) ?? [])
				for (const scheme of Object.keys(requirement))
					expect(doc.components.securitySchemes).toHaveProperty(scheme);
		}
	});

	it('declares every path template parameter as a required path parameter', () => {
		for (const { path: p, op, item } of operations) {
			const params = [
				...((item.parameters as unknown as Json[]) ?? []),
				...((op.parameters as Json[]) ?? [])
			].map(deref);
			for (const [, name] of p.matchAll(/\{([^}]+)\}/g))
				expect(
					params.find((x) => x.name === name && x.in === 'path' && x.required === true),
					`${p}: ${name}`
				).toBeTruthy();
		}
	});

	it('has only valid JSON Schemas (draft 2020-12), and its examples match them', () => {
		const validator = ajv();
		for (const name of Object.keys(doc.components.schemas))
			expect(() => validator.compile({ $ref: `doc#/components/schemas/${name}` }), name).not.toThrow();
		walk(doc.paths, (value, where) => {
			const media = value as {
				schema?: Json;
				example?: unknown;
				examples?: Record<string, { value: unknown }>;
			};
			if (!media.schema || (!('example' in media) && !media.examples)) return;
			const ref = media.schema.$ref as string | undefined;
			const check = validator.compile(ref ? { $ref: `doc${ref}` } : media.schema);
			const examples = media.examples ? Object.values(media.examples).map((e) => e.value) : [media.example];
			for (const example of examples)
				expect(check(example), `${where}: ${JSON.stringify(check.errors)}`).toBe(true);
		});
	});

	it('describes the request body exactly as the endpoint validates it (same zod schema)', () => {
		const check = ajv().compile({ $ref: 'doc#/components/schemas/BeschikbaarheidBijwerken' });
		const count = fc.oneof(
			fc.integer({ min: -3, max: 250 }),
			fc.double({ noNaN: true }),
			fc.string(),
			fc.constant(null)
		);
		fc.assert(
			fc.property(
				fc.record(
					{ vrijeBedden: count, verwachteOntslagen: count, verwachteOpnames: count, extra: fc.integer() },
					{ requiredKeys: [] }
				),
				(body) => {
					expect(check(body), JSON.stringify(body)).toBe(availabilityApiSchema.safeParse(body).success);
				}
			),
			{ numRuns: 500 }
		);
	});

	it('documents only routes that exist, with the documented methods', () => {
		for (const { path: p, method } of operations) {
			const file = path.resolve('src/routes/api/v1', `.${p.replace(/\{([^}]+)\}/g, '[$1]')}`, '+server.ts');
			expect(existsSync(file), file).toBe(true);
			expect(readFileSync(file, 'utf8'), `${method.toUpperCase()} in ${file}`).toMatch(
				new RegExp(`export (const|async function|function) ${method.toUpperCase()}\\b`)
			);
		}
	});
});
