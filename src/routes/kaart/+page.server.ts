import { organisationTypes } from '$lib/domain/organisation/taxonomy';
import { radiusOptions, parseSearchParams, toQueryString } from '$lib/domain/search/url';
import { getDb } from '$lib/server/db';
import { ensureSearchIndex, getSearchEngine } from '$lib/server/search';
import { searchDirectory } from '$lib/server/search/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, setHeaders }) => {
	const { state, problems } = parseSearchParams(url.searchParams);
	const db = getDb();
	await ensureSearchIndex(db);
	const result = await searchDirectory(db, getSearchEngine(), state);
	// Public, but results change with every edit: let caches revalidate instead of serving stale lists.
	setHeaders({ 'cache-control': 'no-cache' });
	return {
		state,
		query: toQueryString(state),
		result: { ...result, problems: { ...problems, ...result.problems } },
		radiusOptions: [...radiusOptions] as number[],
		types: organisationTypes.map((t) => ({ code: t.code, label: t.label }))
	};
};
