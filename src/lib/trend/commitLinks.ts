/**
 * Commits as the site shows them: the repository URL commit links point to, a commit's link, and
 * the short form of a commit.
 */

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

/** Link to a commit on the repository, or null without a repository URL or a real SHA. */
export function commitUrl(repository: string | undefined, commit: string): string | null {
	if (!repository || !/^[0-9a-f]{7,64}$/i.test(commit)) return null;
	return `${repository.replace(/\/+$/, '')}/commit/${commit}`;
}

/** A commit as shown on the site: 7 characters of a SHA, anything else (like `initial`) as it is. */
export function shortCommit(commit: string): string {
	return /^[0-9a-f]{8,64}$/i.test(commit) ? commit.slice(0, 7) : commit;
}
