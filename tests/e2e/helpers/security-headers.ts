/**
 * What every answer of the portal must carry (issue 10): a Content-Security-Policy without inline script except by
 * nonce or hash and with frame-ancestors 'none', nosniff, a Referrer-Policy. Returns the problems, empty when all is well.
 */
export function securityHeaderProblems(headers: Record<string, string>, body?: string): string[] {
	const problems: string[] = [];
	if (headers['x-content-type-options'] !== 'nosniff') problems.push('X-Content-Type-Options ontbreekt');
	if (!headers['referrer-policy']) problems.push('Referrer-Policy ontbreekt');
	const csp = headers['content-security-policy'];
	if (!csp) return [...problems, 'Content-Security-Policy ontbreekt'];
	const directives = new Map(
		csp
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...values]) => [name, values] as const)
	);
	if (directives.get('frame-ancestors')?.join(' ') !== "'none'")
		problems.push("frame-ancestors is niet 'none'");
	const scripts = directives.get('script-src') ?? directives.get('default-src') ?? [];
	for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'"])
		if (scripts.includes(unsafe)) problems.push(`script-src staat ${unsafe} toe`);
	if (body && headers['content-type']?.includes('text/html')) {
		const nonces = scripts.filter((s) => s.startsWith("'nonce-")).map((s) => s.slice(7, -1));
		const hashed = scripts.some((s) => s.startsWith("'sha256-"));
		for (const [tag] of body.matchAll(/<script\b[^>]*>/g)) {
			if (/\bsrc=/.test(tag)) continue;
			const nonce = /\bnonce="([^"]+)"/.exec(tag)?.[1];
			if (!(nonce && nonces.includes(nonce)) && !hashed)
				problems.push(`inline script zonder geldige nonce: ${tag}`);
		}
	}
	return problems;
}
