/** The one NOTIFY channel of the portal; messages carry their topics. */
export const LIVE_CHANNEL = 'rk_live';

/**
 * A live message: which topics it concerns and what happened. Deliberately no content (no statuses, no need): a stream
 * that receives it reloads what its own user may see, with the same access check as the page. NOTIFY payloads are also
 * limited to 8000 bytes.
 */
export interface LiveMessage {
	/** E.g. `verwijzing:<uuid>`, `organisatie:<uuid>`, `bedeenheid:<uuid>`. */
	topics: string[];
	/** What happened, e.g. 'verzoek_geaccepteerd'. */
	kind: string;
}

export const topics = {
	verwijzing: (id: string) => `verwijzing:${id}`,
	organisatie: (id: string) => `organisatie:${id}`,
	/** Free beds of one bed unit changed (a report, or a reservation or release by a referral). */
	bedeenheid: (id: string) => `bedeenheid:${id}`
};

export function parseLiveMessage(payload: string): LiveMessage | null {
	try {
		const value = JSON.parse(payload) as unknown;
		if (
			value &&
			typeof value === 'object' &&
			Array.isArray((value as LiveMessage).topics) &&
			(value as LiveMessage).topics.every((t) => typeof t === 'string') &&
			typeof (value as LiveMessage).kind === 'string'
		)
			return value as LiveMessage;
	} catch {
		// Not ours (someone else's NOTIFY on the channel): ignore.
	}
	return null;
}
