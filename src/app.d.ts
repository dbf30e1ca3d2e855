import type { Session, SessionUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Error {
			message: string;
			errorId?: string;
			/** Machine-readable cause, e.g. 'database_niet_bereikbaar' (a 503). */
			code?: string;
		}
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			requestId: string;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
