/**
 * When is a bed unit's reported availability too old to trust? A free-bed count that has not been confirmed for a day says
 * little about today: matching then shows the unit with a warning instead of trusting (or hiding on) the number.
 */

export const STALE_AFTER_HOURS = 24;

const MS_PER_HOUR = 3_600_000;

/**
 * Hours since the last update, or null when it was never updated. A timestamp in the future (clock skew between systems) counts
 * as "just now" rather than as a negative age.
 */
export function hoursSinceUpdate(updatedAt: Date | null, now: Date): number | null {
	if (updatedAt === null) return null;
	return Math.max(0, (now.getTime() - updatedAt.getTime()) / MS_PER_HOUR);
}

/** True when availability was never reported, or last reported more than {@link STALE_AFTER_HOURS} hours before `now`. */
export function isStale(updatedAt: Date | null, now: Date): boolean {
	const hours = hoursSinceUpdate(updatedAt, now);
	return hours === null || hours > STALE_AFTER_HOURS;
}

/**
 * Dutch relative time for UI and match reasons: "zojuist", "1 minuut geleden", "25 minuten geleden", "3 uur geleden",
 * "2 dagen geleden". Hours up to 48, so "30 uur geleden" stays more precise than "1 dag geleden".
 */
export function formatAgo(updatedAt: Date, now: Date): string {
	const minutes = Math.floor(Math.max(0, now.getTime() - updatedAt.getTime()) / 60_000);
	if (minutes < 1) return 'zojuist';
	if (minutes < 60) return minutes === 1 ? '1 minuut geleden' : `${minutes} minuten geleden`;
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return `${hours} uur geleden`;
	return `${Math.floor(hours / 24)} dagen geleden`;
}

/** Dutch age without "geleden", for sentences like "is 30 uur oud": "12 minuten", "30 uur", "3 dagen". */
export function formatAge(updatedAt: Date, now: Date): string {
	const ago = formatAgo(updatedAt, now);
	return ago === 'zojuist' ? 'minder dan een minuut' : ago.replace(/ geleden$/, '');
}

/**
 * The sentence an editor reads on their start page for a unit whose availability is stale:
 * "De beschikbaarheid van Hospice De Zonnedauw is 30 uur oud." or "… is nog nooit doorgegeven."
 */
export function staleMessage(naam: string, updatedAt: Date | null, now: Date): string {
	return updatedAt === null
		? `De beschikbaarheid van ${naam} is nog nooit doorgegeven.`
		: `De beschikbaarheid van ${naam} is ${formatAge(updatedAt, now)} oud.`;
}
