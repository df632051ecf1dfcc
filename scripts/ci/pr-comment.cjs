/**
 * Post (or update) the coverage comment on a pull request, from the `pr-comment` artifact that the
 * `pull_request` run of the Coverage Report workflow uploaded. Called by `actions/github-script` in
 * the Coverage Comment workflow (`workflow_run`), which holds `pull-requests: write` and never checks
 * out or runs the pull request's code. The artifact came from that code, so it is untrusted input:
 * the PR number must be a plain positive integer, the summary a bounded size, and the PR's head commit
 * must be the one the run measured, so a PR can only ever comment on itself.
 *
 * CommonJS (`.cjs`) because github-script loads local files with `require`.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/** Hidden marker that identifies our comment among the PR's comments (one comment, updated). */
const MARKER = '<!-- coverage-report:trend-check -->';
/** Largest summary accepted, in characters; GitHub caps a comment at 65,536. */
const MAX_SUMMARY_CHARS = 60_000;
/** Largest file read from the artifact, in bytes (a bigger one is refused before it is read). */
const MAX_FILE_BYTES = 256 * 1024;

/** Read one regular file of the artifact, refusing links, folders and oversized files. */
function readArtifactFile(dir, name) {
	const file = path.join(dir, name);
	let stat;
	try {
		stat = fs.lstatSync(file);
	} catch {
		throw new Error(`pr-comment artifact: ${name} is missing`);
	}
	if (!stat.isFile()) throw new Error(`pr-comment artifact: ${name} is not a regular file`);
	if (stat.size > MAX_FILE_BYTES)
		throw new Error(`pr-comment artifact: ${name} is ${stat.size} bytes, more than ${MAX_FILE_BYTES}`);
	return fs.readFileSync(file, 'utf8');
}

/** Read and validate the artifact: `{ prNumber, summary }`, or an Error naming the file and the problem. */
function readCommentArtifact(dir) {
	const rawNumber = readArtifactFile(dir, 'pr_number').trim();
	if (!/^[1-9][0-9]{0,9}$/.test(rawNumber))
		throw new Error(
			`pr-comment artifact: pr_number must be a positive integer, found ${JSON.stringify(rawNumber.slice(0, 40))}`,
		);
	const summary = readArtifactFile(dir, 'summary.md');
	if (summary.trim() === '') throw new Error('pr-comment artifact: summary.md is empty');
	if (summary.length > MAX_SUMMARY_CHARS)
		throw new Error(`pr-comment artifact: summary.md has ${summary.length} characters, more than ${MAX_SUMMARY_CHARS}`);
	return { prNumber: Number(rawNumber), summary };
}

/** Stop `@name` in untrusted text from notifying anyone: a zero-width space after the `@`. */
function neutraliseMentions(text) {
	return text.replace(/@(?=[A-Za-z0-9_-])/g, '@\u200b');
}

/** Named character references that spell link, mention or HTML syntax once GitHub decodes them. */
const NAMED_ENTITIES = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	commat: '@',
	num: '#',
	lsqb: '[',
	rsqb: ']',
	lbrack: '[',
	rbrack: ']',
	lpar: '(',
	rpar: ')',
	excl: '!',
	colon: ':',
	sol: '/',
	period: '.',
};

/** Decode character references (`&#64;`, `&#x40;`, `&commat;`), repeatedly, so no encoded form survives. */
function decodeEntities(text) {
	const once = (t) =>
		t.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]+));?/g, (whole, dec, hex, name) => {
			if (dec || hex) {
				const code = dec ? Number(dec) : parseInt(hex, 16);
				return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
			}
			return Object.hasOwn(NAMED_ENTITIES, name.toLowerCase()) ? NAMED_ENTITIES[name.toLowerCase()] : whole;
		});
	let out = text;
	for (let i = 0; i < 5; i++) {
		const next = once(out);
		if (next === out) break;
		out = next;
	}
	return out;
}

/**
 * The site's address when it is a plain http(s) address (from the workflow, never from the run), ending
 * in `/`; else null.
 */
function siteAddress(raw) {
	let url;
	try {
		url = new URL(String(raw || '').trim());
	} catch {
		return null;
	}
	if (!/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) return null;
	return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Whether `url` is exactly a source page of `site`: `<site>coverage/files/<slug>/`, a slug of `[a-z0-9-]`. */
function isSourcePage(url, site) {
	const folder = `${site}coverage/files/`;
	return url.startsWith(folder) && /^[a-z0-9][a-z0-9-]*\/$/.test(url.slice(folder.length));
}

/**
 * Markdown from the run (a pull request, possibly a fork, controls that code) made inert: entities
 * decoded then HTML escaped (no tag, no hidden comment), images and links reduced to their text, bare
 * URLs removed, `#123`/`GH-123` references and `@mentions` broken with a zero-width space. Tables,
 * headings, emphasis and code spans stay. With `site` (the published site's address, which the
 * workflow gives, not the run), a link to one of its source pages is kept: its address can only be
 * `<site>coverage/files/<slug>/`, and its text is made inert like the rest.
 */
function plainMarkdown(text, site = null) {
	const kept = [];
	// NUL marks a kept link below; the run's text cannot forge one.
	let source = decodeEntities(text).replace(/\0/g, '');
	const home = site ? siteAddress(site) : null;
	if (home)
		source = source.replace(/(?<!\\)(?<!!)\[([^\]\n]*)\]\(([^)\s]*)\)/g, (whole, label, url) => {
			if (!isSourcePage(url, home)) return whole;
			kept.push([label, url]);
			return `\0${kept.length - 1}\0`;
		});
	const inert = plainText(source);
	return inert.replace(/\0(\d+)\0/g, (_, i) => {
		const [label, url] = kept[Number(i)];
		return `[${plainText(label).replace(/[[\]]/g, '\\$&')}](${url})`;
	});
}

/** `plainMarkdown` without kept links. */
function plainText(text) {
	let out = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	out = out
		.replace(/(?<!\\)!\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
		.replace(/(?<!\\)\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
		.replace(/(?<!\\)\[([^\]\n]+)\]\[[^\]\n]*\]/g, '$1')
		.replace(/^ {0,3}\[[^\]\n]+\]:.*$/gm, '')
		.replace(/\b(?:https?|ftp):\/\/[^\s|<>]*|\bwww\.[^\s|<>]+/gi, '(link removed)')
		.replace(/#(?=\d)/g, '#\u200b')
		.replace(/\b(GH-)(?=\d)/gi, '$1\u200b');
	return neutraliseMentions(out);
}

/** The comment's Markdown: the marker, then the summary made inert. */
function commentBody(summary, site = null) {
	return `${MARKER}\n${plainMarkdown(summary.trim(), site)}\n`;
}

/**
 * Create or update the one coverage comment on the PR named in the artifact.
 * Returns what it did: `created`, `updated` or `skipped` (the PR has moved on to a newer commit).
 */
async function postCoverageComment({ github, context, core, dir = 'pr-comment', site = null }) {
	const run = context.payload.workflow_run;
	if (!run || run.event !== 'pull_request')
		throw new Error('pr-comment: expected a workflow_run event of a pull_request run');
	const { prNumber, summary } = readCommentArtifact(dir);
	const { owner, repo } = context.repo;

	const { data: pr } = await github.rest.pulls.get({ owner, repo, pull_number: prNumber });
	if (pr.head.sha !== run.head_sha) {
		core.notice(
			`PR #${prNumber} is at ${pr.head.sha.slice(0, 7)}, not the measured ${String(run.head_sha).slice(0, 7)}; not commenting`,
		);
		return 'skipped';
	}

	const body = commentBody(summary, site);
	const comments = await github.paginate(github.rest.issues.listComments, {
		owner,
		repo,
		issue_number: prNumber,
		per_page: 100,
	});
	const ours = comments.find(
		(c) => c.user && c.user.type === 'Bot' && typeof c.body === 'string' && c.body.startsWith(MARKER),
	);
	if (ours) {
		await github.rest.issues.updateComment({ owner, repo, comment_id: ours.id, body });
		core.info(`Updated the coverage comment on PR #${prNumber}`);
		return 'updated';
	}
	await github.rest.issues.createComment({ owner, repo, issue_number: prNumber, body });
	core.info(`Posted the coverage comment on PR #${prNumber}`);
	return 'created';
}

module.exports = {
	MARKER,
	MAX_SUMMARY_CHARS,
	readCommentArtifact,
	neutraliseMentions,
	plainMarkdown,
	siteAddress,
	commentBody,
	postCoverageComment,
};

// `node pr-comment.cjs plain FILE` rewrites FILE as plainMarkdown of itself (prepare-pr-comment.sh),
// keeping links to the source pages of the site in $COVERAGE_SITE_URL.
if (require.main === module) {
	const [command, file] = process.argv.slice(2);
	if (command !== 'plain' || !file) {
		process.stderr.write('usage: node scripts/ci/pr-comment.cjs plain FILE\n');
		process.exit(2);
	}
	fs.writeFileSync(file, plainMarkdown(fs.readFileSync(file, 'utf8'), process.env.COVERAGE_SITE_URL || null));
}
