import { json, type RequestEvent } from '@sveltejs/kit';
import template from '../../../error.html?raw';

/**
 * Answers made in a handle instead of thrown from it. An error thrown in a handle bypasses the handles before it, so
 * its response would miss the security headers and the request log's status; a returned one passes through both.
 */

const escapes: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]);

/** The site's static error page (src/error.html, the one SvelteKit uses when it cannot render a route). */
export function errorPage(status: number, message: string, headers: HeadersInit = {}): Response {
	const html = template
		.replaceAll('%sveltekit.status%', String(status))
		.replaceAll('%sveltekit.error.message%', escapeHtml(message));
	return new Response(html, {
		status,
		headers: { 'content-type': 'text/html; charset=utf-8', ...headers }
	});
}

/** The same error for a program (API, fetch with Accept: application/json): SvelteKit's `{ message }` shape. */
export function errorJson(status: number, message: string, headers: HeadersInit = {}): Response {
	return json({ message }, { status, headers });
}

/**
 * An error as SvelteKit answers a thrown one: the error page for a browser, JSON for the API, data requests, enhanced
 * form posts (use:enhance) and programs.
 */
export function errorFor(
	event: RequestEvent,
	status: number,
	message: string,
	headers: HeadersInit = {}
): Response {
	const { request, url } = event;
	const html =
		!event.isDataRequest &&
		!url.pathname.startsWith('/api/') &&
		request.headers.get('x-sveltekit-action') !== 'true' &&
		(request.headers.get('accept') ?? 'text/html').includes('text/html');
	return html ? errorPage(status, message, headers) : errorJson(status, message, headers);
}
