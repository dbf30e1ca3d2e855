import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';

/** Moves focus (and the view) to the error message above a form, so a screen reader announces what went wrong. */
export async function focusErrors() {
	await tick();
	document.querySelector<HTMLElement>('.rk-alert--error')?.focus();
}

/** For use:enhance: keep what was typed, and after a refused submit move focus to the error message. */
export const focusErrorsOnFailure: SubmitFunction = () => {
	return async ({ result, update }) => {
		await update({ reset: false });
		if (result.type === 'failure') await focusErrors();
	};
};
