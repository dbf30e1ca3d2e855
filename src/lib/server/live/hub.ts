import { log } from '../log';
import { LIVE_CHANNEL, parseLiveMessage, type LiveMessage } from './message';
import type { LiveSource } from './source';

export type LiveListener = (message: LiveMessage) => void;

/**
 * This instance's fan-out: ONE listen on the database channel, many local subscribers by topic. Nothing in here is state
 * other instances need: each instance has its own hub, fed by the same database notifications.
 */
export class LiveHub {
	private readonly subscribers = new Map<string, Set<LiveListener>>();
	private started: Promise<() => Promise<void>> | null = null;

	constructor(private readonly source: LiveSource) {}

	get kind() {
		return this.source.kind;
	}

	/** Number of local subscriptions (for tests and diagnostics). */
	get size(): number {
		let n = 0;
		for (const set of this.subscribers.values()) n += set.size;
		return n;
	}

	/**
	 * Subscribes to a topic. Resolves once the database listen is active, so a caller that subscribes first and reads the
	 * current state after cannot miss a change in between.
	 */
	async subscribe(topic: string, listener: LiveListener): Promise<() => void> {
		let set = this.subscribers.get(topic);
		if (!set) this.subscribers.set(topic, (set = new Set()));
		set.add(listener);
		try {
			await this.start();
		} catch (error) {
			set.delete(listener);
			throw error;
		}
		return () => {
			const current = this.subscribers.get(topic);
			if (!current) return;
			current.delete(listener);
			if (current.size === 0) this.subscribers.delete(topic);
		};
	}

	private start(): Promise<() => Promise<void>> {
		this.started ??= this.source
			.listen(
				LIVE_CHANNEL,
				(payload) => this.dispatch(payload),
				() => this.resync()
			)
			.catch((error) => {
				// Let the next subscriber try again (the database may be back by then).
				this.started = null;
				throw error;
			});
		return this.started;
	}

	private dispatch(payload: string) {
		const message = parseLiveMessage(payload);
		if (!message) return;
		for (const topic of message.topics) {
			for (const listener of this.subscribers.get(topic) ?? []) {
				try {
					listener(message);
				} catch (error) {
					log('warn', 'live listener faalde', { topic, error: String(error) });
				}
			}
		}
	}

	/**
	 * The listen connection was lost and is back: changes made meanwhile were not announced. Every subscriber gets a message
	 * for its own topic, so each stream reloads its current state, as it does after a real change.
	 */
	private resync() {
		log('info', 'live meldingen hervat na verbroken databaseverbinding', { abonnementen: this.size });
		for (const topic of [...this.subscribers.keys()])
			this.dispatch(JSON.stringify({ topics: [topic], kind: 'opnieuw_verbonden' } satisfies LiveMessage));
	}

	/** Stops listening and forgets all subscribers. */
	async stop(): Promise<void> {
		const started = this.started;
		this.started = null;
		this.subscribers.clear();
		if (started) await (await started.catch(() => async () => {}))();
	}
}
