import { z } from 'zod';

/**
 * Validated configuration. Read from process.env (adapter-node, scripts and tests alike) and checked once, so a
 * misconfigured deployment fails at start with a clear message instead of at the first request.
 */
const envSchema = z.object({
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'DATABASE_URL moet met postgres:// of postgresql:// beginnen')
		.optional(),
	PGLITE_DATA_DIR: z.string().default('data/pglite'),
	DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
	MEILISEARCH_URL: z.url('MEILISEARCH_URL is geen geldige URL').optional(),
	MEILISEARCH_API_KEY: z.string().optional(),
	MEILISEARCH_INDEX: z.string().default('diensten'),
	SMTP_URL: z.string().optional(),
	MAIL_FROM: z.string().default('Regiokaart Palliatieve Zorg <noreply@regiokaart.invalid>'),
	ORIGIN: z.string().optional(),
	REFERRAL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
	SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(30),
	LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info')
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
	if (cached) return cached;
	const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ''));
	const parsed = envSchema.safeParse(raw);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`).join('\n');
		throw new Error(`Ongeldige configuratie / invalid configuration:\n${problems}`);
	}
	cached = parsed.data;
	return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache() {
	cached = undefined;
}
