/**
 * Form values come from two places: the stored record (typed: booleans, arrays, numbers) when the page opens, or the
 * user's submitted input (strings) after a refused save. These helpers read both the same way.
 */
export type FormValues = Record<string, unknown>;

export interface FormResult {
	errors?: Record<string, string>;
	message?: string | null;
	values?: Record<string, string | string[]>;
	current?: unknown;
	opgeslagen?: string;
}

export function text(values: FormValues, name: string): string {
	const v = values[name];
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return String(v);
	return typeof v === 'string' ? v : '';
}

export function checked(values: FormValues, name: string): boolean {
	const v = values[name];
	return v === true || v === 'on' || v === 'true';
}

export function list(values: FormValues, name: string): string[] {
	const v = values[name];
	if (Array.isArray(v)) return v.map(String);
	return typeof v === 'string' && v !== '' ? [v] : [];
}

/** The values to show: what the user typed after a refused save, otherwise the stored record. */
export function shownValues(form: FormResult | null | undefined, stored: FormValues): FormValues {
	return form?.values ?? stored;
}

/** The record as stored now, after a conflict. */
export function conflictRecord(form: FormResult | null | undefined): Record<string, unknown> | null {
	return form?.current && typeof form.current === 'object' ? (form.current as Record<string, unknown>) : null;
}

/** The version the next save must name: the newest known (after a conflict, the stored one). */
export function versionOf(form: FormResult | null | undefined, stored: { version: number }): number {
	const current = conflictRecord(form);
	return typeof current?.version === 'number' ? current.version : stored.version;
}
