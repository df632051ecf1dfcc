/**
 * Where a measured file's source page lives: `/coverage/files/<slug>/`, its data `/coverage/files/<slug>.json`, the slug a readable
 * part of the path plus a hash of the whole path (two paths may read alike once made URL-safe, and
 * a case-insensitive disk must not merge `A.py` and `a.py`). The hash is plain arithmetic, not
 * `node:crypto`, so that the browser computes the same slug from a path in a link.
 */
import type { Forwarding } from '../text/forwardingPage.ts';

/** cyrb53: a fast 53-bit string hash, as 14 hex digits. */
function hash53(text: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** The slug of a report path: `core-security-tokens-py-<hash>`. */
export function fileSlug(path: string): string {
	const readable = path
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(-60)
		.replace(/^-+/, '');
	const hash = hash53(path);
	return readable ? `${readable}-${hash}` : hash;
}

/** The source page of a report path (`/coverage/files/<slug>/`, `#L<line>` when given), under the site's base (`import.meta.env.BASE_URL`, ending in `/`). */
export function sourcePageUrl(base: string, path: string, line?: number): string {
	return `${base}coverage/files/${fileSlug(path)}/${line ? `#L${line}` : ''}`;
}

/** The file viewer showing a report path: where a source page forwards to (it keeps the page's `#L…`). */
export function sourceViewerUrl(base: string, path: string): string {
	return `${base}coverage/files/?file=${encodeURIComponent(path)}`;
}

/** What a report path's own address (`/coverage/files/<slug>/`) says as it forwards to the file viewer (`text/forwardingPage`). */
export function sourceForwarding(base: string, path: string): Forwarding {
	return {
		base,
		target: sourceViewerUrl(base, path),
		title: `${path} | source`,
		sentence: ['The code of ', path, ' with each line’s coverage.'],
	};
}
