import type { Handle } from '@sveltejs/kit';
import { errorFor } from './responses';

/*
 * Hostile or broken requests to form actions. `request.formData()` throws a TypeError on a body that is not form data
 * (JSON, text/plain, none), which every action would turn into a 500; and SvelteKit's own 4xx errors (413 for a body over
 * BODY_SIZE_LIMIT, 415, 405) carry English messages. Both are answered here, once, for every route.
 */

const FORM_CONTENT_TYPE = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

export const FORM_BODY_MESSAGE =
	'Dit formulier kon niet worden gelezen: verstuur het als formulier (application/x-www-form-urlencoded of multipart/form-data).';

/**
 * True for a request a form action or form endpoint cannot read: a POST outside the JSON API (/api/) whose body is not
 * form data. The API checks its own content types and answers in its own JSON shape.
 */
export function isUnreadableFormPost(method: string, pathname: string, contentType: string | null): boolean {
	if (method !== 'POST' || pathname.startsWith('/api/') || pathname.startsWith('/_app/')) return false;
	return !FORM_CONTENT_TYPE.test(contentType ?? '');
}

/** Refuses form posts that are not form data with a Dutch 415 (a page for browsers, JSON for use:enhance and programs). */
export const refuseUnreadableFormPosts: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	if (!isUnreadableFormPost(request.method, url.pathname, request.headers.get('content-type')))
		return resolve(event);
	return errorFor(event, 415, FORM_BODY_MESSAGE);
};

/** Dutch texts for the 4xx errors SvelteKit and adapter-node raise themselves, in English. */
const frameworkMessages: Record<number, string> = {
	400: 'Dit verzoek kon niet worden gelezen.',
	405: 'Deze handeling kan hier niet.',
	411: 'Dit verzoek mist de lengte van de inhoud.',
	413: 'De verstuurde gegevens zijn te groot.',
	415: FORM_BODY_MESSAGE
};

/** The message shown for an error: Dutch for SvelteKit's English 4xx defaults, the app's own messages unchanged. */
export function publicErrorMessage(status: number, message: string): string {
	const english =
		/^(Bad Request|Method Not Allowed|Length Required|Payload Too Large|Content Too Large|Unsupported Media Type)$/i;
	return english.test(message)
		? (frameworkMessages[status] ?? 'Dit verzoek kon niet worden verwerkt.')
		: message;
}
