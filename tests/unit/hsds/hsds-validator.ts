/**
 * A JSON Schema validator for HSDS 3.0 built from the specification's own files in tests/fixtures/hsds (unchanged copies).
 *
 * - The object schemas refer to each other by file name ("phone.json"); each is registered under the URL it has in the
 *   specification repository, so those references and the OpenAPI's absolute references resolve offline.
 * - The schemas carry Frictionless Data / documentation keywords (name, constraints, core, ...). They are registered as
 *   annotation-only keywords so ajv can stay strict about everything else (an unknown format would still be an error).
 * - The OpenAPI (3.1, JSON Schema 2020-12 dialect) gives the response schema per path. Two responses refer to compiled
 *   single-object files that the specification does not ship in this folder: compiled/service.json is replaced by
 *   compiled/service_with_definitions.json (the same schema with its definitions inlined) and compiled/organization.json
 *   by organization.json. The OpenAPI also gives /service_at_locations/{id} the *service* schema, which its own
 *   service_at_location example does not match; that one is validated against service_at_location.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

export const FIXTURES = path.resolve('tests/fixtures/hsds');
export const SPEC_BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';

// ajv-formats is CommonJS; depending on the loader its function is the module itself or its default export.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
	addFormatsModule) as typeof addFormatsModule;

const ANNOTATION_KEYWORDS = [
	'name',
	'path',
	'datapackage_metadata',
	'datapackage_type',
	'constraints',
	'example',
	'core',
	'tabular_required'
];

type Json = Record<string, unknown>;

function readJson(file: string): Json {
	return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

export function readExample(name: string): unknown {
	return readJson(path.join(FIXTURES, 'examples', name));
}

const REPLACED_REFS: Record<string, string> = {
	[`${SPEC_BASE}compiled/service.json`]: `${SPEC_BASE}compiled/service_with_definitions.json`,
	[`${SPEC_BASE}compiled/organization.json`]: `${SPEC_BASE}organization.json`
};

/** Copy a schema, inlining OpenAPI-local references and swapping the two missing compiled files. */
function resolveOpenApiRefs(node: unknown, openapi: Json): unknown {
	if (Array.isArray(node)) return node.map((n) => resolveOpenApiRefs(n, openapi));
	if (!node || typeof node !== 'object') return node;
	const obj = node as Json;
	if (typeof obj.$ref === 'string') {
		if (obj.$ref.startsWith('#/')) {
			const target = obj.$ref
				.slice(2)
				.split('/')
				.reduce<unknown>((acc, key) => (acc as Json)[key], openapi);
			return resolveOpenApiRefs(target, openapi);
		}
		return { ...obj, $ref: REPLACED_REFS[obj.$ref] ?? obj.$ref };
	}
	return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, resolveOpenApiRefs(v, openapi)]));
}

export const PAGE_FIELDS = [
	'total_items',
	'total_pages',
	'page_number',
	'size',
	'first_page',
	'last_page',
	'empty',
	'contents'
] as const;

export interface HsdsValidator {
	/** Validate against one object schema, e.g. "service.json" or "compiled/service_with_definitions.json". */
	object(schemaFile: string, data: unknown): string[];
	/** Validate a response body against the OpenAPI's 200 response schema for a path, e.g. "/services". */
	response(apiPath: string, data: unknown): string[];
	/** The OpenAPI paths. */
	paths: string[];
}

function format(errors: ErrorObject[] | null | undefined): string[] {
	return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}

export function createHsdsValidator(): HsdsValidator {
	const ajv = new Ajv2020({ allErrors: true, strict: true });
	addFormats(ajv);
	ajv.addVocabulary(ANNOTATION_KEYWORDS);

	const schemaDir = path.join(FIXTURES, 'schema');
	for (const file of readdirSync(schemaDir).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
		ajv.addSchema({ ...readJson(path.join(schemaDir, file)), $id: SPEC_BASE + file });
	}
	for (const file of readdirSync(path.join(schemaDir, 'compiled')).filter((f) => f.endsWith('.json'))) {
		ajv.addSchema({
			...readJson(path.join(schemaDir, 'compiled', file)),
			$id: `${SPEC_BASE}compiled/${file}`
		});
	}

	const openapi = readJson(path.join(schemaDir, 'openapi.json'));
	const paths = openapi.paths as Record<string, Record<string, Json>>;
	const responseValidators = new Map<string, ValidateFunction>();
	for (const [apiPath, item] of Object.entries(paths)) {
		const schema = (
			(((item.get.responses as Json)['200'] as Json).content as Json)['application/json'] as Json
		).schema;
		const resolved = resolveOpenApiRefs(schema, openapi) as Json;
		// The Page envelope lists its fields without requiring them; our API promises all of them.
		const isList = JSON.stringify(schema).includes('#/components/schemas/Page');
		const withEnvelope = isList ? { ...resolved, type: 'object', required: [...PAGE_FIELDS] } : resolved;
		responseValidators.set(
			apiPath,
			ajv.compile({
				...withEnvelope,
				$id: `${SPEC_BASE}openapi.json/responses${apiPath.replace(/[{}]/g, '_')}`
			})
		);
	}

	return {
		paths: Object.keys(paths),
		object(schemaFile, data) {
			const validate = ajv.getSchema(SPEC_BASE + schemaFile);
			if (!validate) throw new Error(`Onbekend HSDS-schema ${schemaFile}`);
			return validate(data) ? [] : format(validate.errors);
		},
		response(apiPath, data) {
			const validate = responseValidators.get(apiPath);
			if (!validate) throw new Error(`Geen HSDS-pad ${apiPath}`);
			return validate(data) ? [] : format(validate.errors);
		}
	};
}
