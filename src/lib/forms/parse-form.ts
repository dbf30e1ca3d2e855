import { z } from 'zod';
import { nl } from 'zod/locales';

// Dutch for zod's generic messages (a field missing, an array where text belongs), which only hostile or broken requests
// reach: every field a user can get wrong has its own message in its schema.
z.config(nl());

export type FieldErrors = Record<string, string>;

export type ParsedForm<T> =
	| { ok: true; data: T; values: Record<string, string | string[]> }
	| { ok: false; errors: FieldErrors; values: Record<string, string | string[]> };

/**
 * Turns FormData into a plain object (repeated names become arrays, files are ignored) and validates it with one zod schema,
 * the same schema the client uses. On failure the submitted values come back so the form loses nothing.
 */
export function formValues(
	formData: FormData,
	arrayFields: readonly string[] = []
): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	for (const name of arrayFields) values[name] = [];
	for (const [name, value] of formData.entries()) {
		if (typeof value !== 'string') continue;
		if (arrayFields.includes(name)) (values[name] as string[]).push(value);
		else values[name] = value;
	}
	return values;
}

/** A single-field error, typed like validation errors so pages handle both the same way. */
export function fieldError(field: string, message: string): FieldErrors {
	return { [field]: message };
}

export function firstErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const key = issue.path.length ? issue.path.map(String).join('.') : '_form';
		errors[key] ??= issue.message;
	}
	return errors;
}

export function parseForm<S extends z.ZodType>(
	schema: S,
	formData: FormData,
	arrayFields: readonly string[] = []
): ParsedForm<z.output<S>> {
	const values = formValues(formData, arrayFields);
	const result = schema.safeParse(values);
	if (result.success) return { ok: true, data: result.data, values };
	// Never echo secrets back into the page.
	for (const key of Object.keys(values))
		if (/password|wachtwoord|huidig|bevestiging/i.test(key)) delete values[key];
	return { ok: false, errors: firstErrors(result.error), values };
}
