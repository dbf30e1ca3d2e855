import type { SubmitFunction } from '@sveltejs/kit';

/**
 * use:enhance for edit forms: keep what is in the fields (no reset: the page shows the saved values or the user's
 * refused input), and on a refusal move focus to the error summary so keyboard and screen-reader users hear it.
 */
export const keepInput: SubmitFunction = () => {
	return async ({ update, result }) => {
		await update({ reset: false });
		if (result.type === 'failure') {
			const summary = document.querySelector<HTMLElement>('.rk-alert--error[tabindex="-1"]');
			summary?.focus();
		}
	};
};
