/**
 * A text/event-stream response. `open` runs once the stream starts: it subscribes (to the hub), sends the current state and
 * returns the cleanup. The stream ends when the client goes away (request signal), on shutdown, or after `maxAgeMs`
 * (the browser's EventSource reconnects by itself, possibly to another instance, and the access check runs again).
 */
export interface SseOptions {
	signal: AbortSignal;
	open: (send: (event: string, data: unknown) => void) => Promise<() => void>;
	heartbeatMs?: number;
	maxAgeMs?: number;
	/** Milliseconds the browser waits before reconnecting. */
	retryMs?: number;
}

const openStreams = new Set<() => void>();
let shutdownHooked = false;

/**
 * Ends every open stream when the process is asked to stop, so a graceful shutdown does not wait for long-lived
 * connections. Only piggybacks on a SIGTERM handler that is already there (adapter-node's): adding the first handler
 * ourselves would stop the process from exiting on SIGTERM (e.g. under vite dev).
 */
function hookShutdown() {
	if (shutdownHooked || process.listenerCount('SIGTERM') === 0) return;
	shutdownHooked = true;
	process.prependListener('SIGTERM', () => {
		for (const close of [...openStreams]) close();
	});
}

export function openStreamCount(): number {
	return openStreams.size;
}

export function sseResponse(options: SseOptions): Response {
	const { signal, open, heartbeatMs = 20_000, maxAgeMs = 10 * 60_000, retryMs = 3_000 } = options;
	const encoder = new TextEncoder();
	let close: () => void = () => {};

	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			let closed = false;
			let cleanup: (() => void) | null = null;
			const write = (text: string) => {
				if (closed) return;
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					close();
				}
			};
			const timers: ReturnType<typeof setTimeout>[] = [];
			close = () => {
				if (closed) return;
				closed = true;
				openStreams.delete(close);
				for (const t of timers) clearTimeout(t);
				clearInterval(heartbeat);
				cleanup?.();
				try {
					controller.close();
				} catch {
					// Already closed by the runtime.
				}
			};
			openStreams.add(close);
			hookShutdown();
			const heartbeat = setInterval(() => write(': ping\n\n'), heartbeatMs);
			timers.push(setTimeout(() => close(), maxAgeMs));
			signal.addEventListener('abort', () => close(), { once: true });

			write(`retry: ${retryMs}\n\n`);
			try {
				cleanup = await open((event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
				if (closed) cleanup();
			} catch (error) {
				write(
					`event: fout\ndata: ${JSON.stringify({ melding: 'Live bijwerken is even niet beschikbaar.' })}\n\n`
				);
				close();
				throw error;
			}
		},
		cancel() {
			close();
		}
	});

	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			connection: 'keep-alive',
			// Tell nginx-style proxies not to buffer the stream.
			'x-accel-buffering': 'no'
		}
	});
}
