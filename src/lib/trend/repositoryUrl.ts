/**
 * The repository URL commit links point to: the config's `repository`, else the one GitHub
 * Actions describes in the build environment, else none (commits are then shown as text).
 */
export function repositoryUrl(
	configured: string | undefined,
	env: Record<string, string | undefined> = process.env,
): string | undefined {
	if (configured) return configured.replace(/\/+$/, '');
	const server = env.GITHUB_SERVER_URL?.trim();
	const repo = env.GITHUB_REPOSITORY?.trim();
	if (server && repo && /^https?:\/\//.test(server) && /^[\w.-]+\/[\w.-]+$/.test(repo))
		return `${server.replace(/\/+$/, '')}/${repo}`;
	return undefined;
}

/** A commit as shown on the site: 7 characters of a SHA, anything else (like `initial`) as it is. */
export function shortCommit(commit: string): string {
	return /^[0-9a-f]{8,64}$/i.test(commit) ? commit.slice(0, 7) : commit;
}
