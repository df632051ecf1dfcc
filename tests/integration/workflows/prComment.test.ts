import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

type Comment = { id: number; body: string; user: { type: string } };
interface PrComment {
	MARKER: string;
	plainMarkdown(text: string, site?: string | null): string;
	MAX_SUMMARY_CHARS: number;
	readCommentArtifact(dir: string): { prNumber: number; summary: string };
	postCoverageComment(args: {
		github: unknown;
		context: unknown;
		core: unknown;
		dir: string;
		site?: string;
	}): Promise<string>;
}
const prComment = createRequire(import.meta.url)('../../../scripts/ci/pr-comment.cjs') as PrComment;

/** An artifact directory as prepare-pr-comment.sh writes it (run for real), or with raw files. */
function artifact(files: { pr_number?: string; 'summary.md'?: string }): string {
	const dir = mkdtempSync(join(tmpdir(), 'pr-comment-'));
	for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
	return dir;
}

/** A GitHub API double that keeps the PR's comments in memory. */
function fakeGitHub(headSha: string, existing: Comment[] = []) {
	const comments = [...existing];
	const calls: string[] = [];
	const github = {
		rest: {
			pulls: {
				get: async ({ pull_number }: { pull_number: number }) => (
					calls.push(`get #${pull_number}`),
					{ data: { head: { sha: headSha } } }
				),
			},
			issues: {
				listComments: Symbol('listComments'),
				createComment: async ({ body }: { body: string }) => {
					calls.push('create');
					comments.push({ id: comments.length + 1, body, user: { type: 'Bot' } });
				},
				updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) => {
					calls.push(`update ${comment_id}`);
					comments.find((c) => c.id === comment_id)!.body = body;
				},
			},
		},
		paginate: async () => comments.map((c) => ({ ...c })),
	};
	return { github, comments, calls };
}

const context = (headSha: string, event = 'pull_request') => ({
	repo: { owner: 'atom', repo: 'backend' },
	payload: { workflow_run: { event, head_sha: headSha } },
});
const core = { notice: () => {}, info: () => {} };
const SUMMARY = '## Coverage check\n\n| Domain | Now |\n| --- | --- |\n| overall | 91.20% |\n';

describe('prepare-pr-comment.sh', () => {
	test('writes pr_number and summary.md that the poster accepts', () => {
		const dir = mkdtempSync(join(tmpdir(), 'prep-'));
		writeFileSync(join(dir, 'summary.md'), SUMMARY);
		const run = spawnSync('scripts/ci/prepare-pr-comment.sh', [join(dir, 'summary.md'), '42', join(dir, 'out')], {
			encoding: 'utf8',
		});
		expect(run.status).toBe(0);
		expect(prComment.readCommentArtifact(join(dir, 'out'))).toEqual({ prNumber: 42, summary: SUMMARY });
	});
	test.each(['', '0', '-3', '4.5', '12; rm -rf /', '$(id)'])('refuses the PR number %j', (pr) => {
		const dir = mkdtempSync(join(tmpdir(), 'prep-'));
		writeFileSync(join(dir, 'summary.md'), SUMMARY);
		const run = spawnSync('scripts/ci/prepare-pr-comment.sh', [join(dir, 'summary.md'), pr, join(dir, 'out')], {
			encoding: 'utf8',
		});
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/PR_NUMBER must be a positive integer/);
	});
});

describe('pr-comment.cjs validates the untrusted artifact', () => {
	test.each([
		[
			'a number with text after it',
			{ pr_number: '7 and more', 'summary.md': SUMMARY },
			/pr_number must be a positive integer, found "7 and more"/,
		],
		['a negative number', { pr_number: '-1', 'summary.md': SUMMARY }, /pr_number must be a positive integer/],
		['a fraction', { pr_number: '1.5', 'summary.md': SUMMARY }, /pr_number must be a positive integer/],
		['an expression', { pr_number: '${{ secrets.X }}', 'summary.md': SUMMARY }, /pr_number must be a positive integer/],
		['no pr_number', { 'summary.md': SUMMARY }, /pr_number is missing/],
		['no summary', { pr_number: '3' }, /summary\.md is missing/],
		['an empty summary', { pr_number: '3', 'summary.md': '  \n' }, /summary\.md is empty/],
		[
			'an oversized summary',
			{ pr_number: '3', 'summary.md': 'x'.repeat(60_001) },
			/summary\.md has 60001 characters, more than 60000/,
		],
		[
			'a huge file',
			{ pr_number: '3', 'summary.md': 'x'.repeat(300_000) },
			/summary\.md is 300000 bytes, more than 262144/,
		],
	])('refuses %s', (_name, files, error) => {
		expect(() => prComment.readCommentArtifact(artifact(files))).toThrow(error);
	});
	test('refuses a symbolic link in place of a file', () => {
		const dir = artifact({ pr_number: '3' });
		symlinkSync('/etc/passwd', join(dir, 'summary.md'));
		expect(() => prComment.readCommentArtifact(dir)).toThrow(/summary\.md is not a regular file/);
	});
	test('accepts a summary exactly at the limit', () => {
		const summary = 'y'.repeat(prComment.MAX_SUMMARY_CHARS);
		expect(prComment.readCommentArtifact(artifact({ pr_number: '3\n', 'summary.md': summary }))).toEqual({
			prNumber: 3,
			summary,
		});
	});
});

describe('pr-comment.cjs posts one comment per PR and updates it', () => {
	test('creates the comment, then updates the same one on the next run', async () => {
		const { github, comments, calls } = fakeGitHub('abc123', [{ id: 1, body: 'LGTM', user: { type: 'User' } }]);
		const dir = artifact({ pr_number: '42', 'summary.md': SUMMARY });
		expect(await prComment.postCoverageComment({ github, context: context('abc123'), core, dir })).toBe('created');
		writeFileSync(join(dir, 'summary.md'), SUMMARY.replace('91.20', '92.00'));
		expect(await prComment.postCoverageComment({ github, context: context('abc123'), core, dir })).toBe('updated');
		expect(calls).toEqual(['get #42', 'create', 'get #42', 'update 2']);
		expect(comments).toHaveLength(2);
		expect(comments[1]!.body.startsWith(prComment.MARKER)).toBe(true);
		expect(comments[1]!.body).toContain('92.00%');
		expect(comments[0]!.body).toBe('LGTM');
	});
	test("does not take over someone else's comment that quotes the marker", async () => {
		const { github, calls } = fakeGitHub('abc123', [
			{ id: 1, body: `${'<!-- coverage-report:trend-check -->'} spoof`, user: { type: 'User' } },
		]);
		await prComment.postCoverageComment({
			github,
			context: context('abc123'),
			core,
			dir: artifact({ pr_number: '5', 'summary.md': SUMMARY }),
		});
		expect(calls).toEqual(['get #5', 'create']);
	});
	test('skips when the PR head is not the commit the run measured (a PR cannot comment on another)', async () => {
		const { github, calls } = fakeGitHub('other-sha');
		const result = await prComment.postCoverageComment({
			github,
			context: context('abc123'),
			core,
			dir: artifact({ pr_number: '9', 'summary.md': SUMMARY }),
		});
		expect(result).toBe('skipped');
		expect(calls).toEqual(['get #9']);
	});
	test('neutralises @mentions from the untrusted summary', async () => {
		const { github, comments } = fakeGitHub('abc123');
		await prComment.postCoverageComment({
			github,
			context: context('abc123'),
			core,
			dir: artifact({ pr_number: '9', 'summary.md': 'ping @octocat and @org/team' }),
		});
		expect(comments[0]!.body).toContain('@\u200boctocat');
		expect(comments[0]!.body).not.toMatch(/@[a-z]/);
	});
	test('refuses to run on anything but a pull_request workflow_run', async () => {
		const { github } = fakeGitHub('abc123');
		await expect(
			prComment.postCoverageComment({
				github,
				context: context('abc123', 'push'),
				core,
				dir: artifact({ pr_number: '9', 'summary.md': SUMMARY }),
			}),
		).rejects.toThrow(/pull_request/);
	});
});

/** What GitHub shows: character references decoded once, as its Markdown renderer does. */
const rendered = (markdown: string) =>
	markdown.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(commat|amp|lt|gt|num));?/gi, (_w, d, h, n) =>
		d || h
			? String.fromCodePoint(d ? Number(d) : parseInt(h, 16))
			: ({ commat: '@', amp: '&', lt: '<', gt: '>', num: '#' } as Record<string, string>)[n.toLowerCase()]!,
	);

describe('the comment carries no link, image, reference or mention from the run', () => {
	const hostile: Array<[string, string]> = [
		['an inline link', '[click me](https://evil.example/steal)'],
		['an image', '![tracker](https://evil.example/pixel.png)'],
		['a reference link and its definition', '[click][1]\n\n[1]: https://evil.example'],
		['a bare URL', 'see https://evil.example/x and www.evil.example'],
		['an HTML link and image', '<a href="https://evil.example">x</a><img src="https://evil.example/p.png">'],
		['an issue reference', 'fixes #123 and GH-45 and atom/backend#7'],
		['a mention', 'ping @octocat and @org/team'],
		['an entity-encoded mention', 'ping &#64;octocat, &#x40;octocat, &commat;octocat and &#064;octocat'],
		['a double-encoded mention', 'ping &amp;#64;octocat'],
		['an entity-encoded link', '&#91;x&#93;&#40;https://evil.example&#41;'],
		['an HTML comment faking the marker', '<!-- coverage-report:trend-check -->'],
	];
	test.each(hostile)('%s', async (_name, text) => {
		const { github, comments } = fakeGitHub('abc123');
		const summary = `## Coverage check: passed ✅\n\n| Figure | Now |\n| --- | ---: |\n| Overall | 91.20% |\n\n${text}\n`;
		await prComment.postCoverageComment({
			github,
			context: context('abc123'),
			core,
			dir: artifact({ pr_number: '9', 'summary.md': summary }),
		});
		const body = comments[0]!.body;
		const shown = rendered(body.slice(prComment.MARKER.length));
		expect(shown).not.toMatch(/\]\(|\]\[|^\s*\[[^\]]+\]:/m);
		expect(shown).not.toMatch(/https?:|www\./i);
		// Escaped markup (`&lt;img`) shows as text; only a raw `<` could open a tag or a hidden comment.
		expect(body.slice(prComment.MARKER.length)).not.toMatch(/<[a-z!/]/i);
		expect(shown).not.toMatch(/#\d|GH-\d/i);
		expect(shown).not.toMatch(/@[A-Za-z0-9]/);
		expect(body.split(prComment.MARKER)).toHaveLength(2);
		// The table around it is intact.
		expect(body).toContain('| --- | ---: |');
		expect(body).toContain('| Overall | 91.20% |');
	});
	test('prepare-pr-comment.sh already writes the artifact inert', () => {
		const dir = mkdtempSync(join(tmpdir(), 'prep-'));
		writeFileSync(join(dir, 'summary.md'), `${SUMMARY}| [x](https://evil.example) @octocat &#64;eve #12 |\n`);
		const run = spawnSync('scripts/ci/prepare-pr-comment.sh', [join(dir, 'summary.md'), '42', join(dir, 'out')], {
			encoding: 'utf8',
		});
		expect(run.status).toBe(0);
		const { summary } = prComment.readCommentArtifact(join(dir, 'out'));
		expect(summary).toBe(`${SUMMARY}| x @\u200boctocat @\u200beve #\u200b12 |\n`);
	});
	test('plain text, tables, headings and code spans come through unchanged', () => {
		const text = '## Coverage check: passed ✅\n\n| Figure | Now |\n| --- | ---: |\n| `core/x.py` & y | 91.20% |\n';
		expect(rendered(prComment.plainMarkdown(text))).toBe(text);
	});
});

describe('links to the published site’s source pages are the only links kept', () => {
	const SITE = 'https://atom.github.io/backend/';
	const page = `${SITE}coverage/files/core-x-py-0931516fa715a8/`;

	test('a file name linked to its source page stays a link; its text is made inert', async () => {
		const { github, comments } = fakeGitHub('abc123');
		const summary = `${SUMMARY}| [core/x.py @eve #12](${page}) | 2 of 3 |\n`;
		await prComment.postCoverageComment({
			github,
			context: context('abc123'),
			core,
			dir: artifact({ pr_number: '9', 'summary.md': summary }),
			site: SITE,
		});
		expect(comments[0]!.body).toContain(`| [core/x.py @\u200beve #\u200b12](${page}) | 2 of 3 |`);
	});

	test.each([
		['another host', 'https://evil.example/backend/coverage/files/core-x-py-1/'],
		['a longer host', 'https://atom.github.io.evil.example/backend/coverage/files/core-x-py-1/'],
		['another repository', 'https://atom.github.io/backend-evil/coverage/files/core-x-py-1/'],
		['another page of the site', `${SITE}coverage/`],
		['a path below a slug', `${SITE}coverage/files/core-x-py-1/x/`],
		['a climb out', `${SITE}coverage/files/../../evil/`],
		['a query', `${SITE}coverage/files/core-x-py-1/?x=1`],
		['a slug with other characters', `${SITE}coverage/files/Core%2Fx/`],
	])('not %s', (_name, url) => {
		const out = prComment.plainMarkdown(`[x](${url}) and ![i](${page})`, SITE);
		expect(out).not.toMatch(/\]\(/);
		expect(out).not.toContain('https:');
	});

	test('the run cannot forge a kept link with NUL marks, and without a site nothing is kept', () => {
		expect(prComment.plainMarkdown('\u00000\u0000 [x](https://evil.example/)', SITE)).toBe('0 x');
		expect(prComment.plainMarkdown(`[x](${page})`)).toBe('x');
		expect(prComment.plainMarkdown(`[x](${page})`, 'javascript:alert(1)')).toBe('x');
	});

	test('prepare-pr-comment.sh keeps them when COVERAGE_SITE_URL is set', () => {
		const dir = mkdtempSync(join(tmpdir(), 'prep-'));
		writeFileSync(join(dir, 'summary.md'), `${SUMMARY}| [core/x.py](${page}) | [y](https://evil.example) |\n`);
		const run = spawnSync('scripts/ci/prepare-pr-comment.sh', [join(dir, 'summary.md'), '42', join(dir, 'out')], {
			encoding: 'utf8',
			env: { ...process.env, COVERAGE_SITE_URL: SITE },
		});
		expect(run.status).toBe(0);
		expect(prComment.readCommentArtifact(join(dir, 'out')).summary).toBe(`${SUMMARY}| [core/x.py](${page}) | y |\n`);
	});
});
