import { createHash } from 'node:crypto';

/** A small seeded PRNG (mulberry32): the demo data must come out the same on every run. */
export interface Rng {
	/** Uniform in [0, 1). */
	next(): number;
	/** Uniform in [min, max). */
	between(min: number, max: number): number;
	/** Integer in [min, max], both inclusive. */
	int(min: number, max: number): number;
	chance(p: number): boolean;
	pick<T>(items: readonly T[]): T;
	/** `k` distinct items, in the order they appear in `items`. */
	sample<T>(items: readonly T[], k: number): T[];
}

export function createRng(seed: number): Rng {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		between: (min, max) => min + next() * (max - min),
		int,
		chance: (p) => next() < p,
		pick: (items) => {
			if (items.length === 0) throw new Error('pick uit een lege lijst');
			return items[int(0, items.length - 1)];
		},
		sample: (items, k) => {
			const indexes = items.map((_, i) => i);
			for (let i = indexes.length - 1; i > 0; i--) {
				const j = int(0, i);
				[indexes[i], indexes[j]] = [indexes[j], indexes[i]];
			}
			return indexes
				.slice(0, Math.min(k, items.length))
				.sort((a, b) => a - b)
				.map((i) => items[i]);
		}
	};
}

/** A stable UUID (version-5 layout) derived from a name, so demo records keep their ids across re-seeding. */
export function stableUuid(name: string): string {
	const bytes = createHash('sha1').update(`regiokaart-demo:${name}`).digest().subarray(0, 16);
	bytes[6] = (bytes[6] & 0x0f) | 0x50;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const hex = bytes.toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
