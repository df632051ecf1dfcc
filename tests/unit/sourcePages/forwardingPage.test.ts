import { expect, test } from 'vitest';
import { sourceForwarding } from '../../../src/lib/snapshot/fileSlug.ts';
import { forwardingPage } from '../../../src/lib/text/forwardingPage.ts';

test("a file's page forwards to the viewer with the path, and keeps the hash it was opened with", () => {
	const html = forwardingPage(sourceForwarding('/atom-docs/', 'core/a b.py'));
	expect(html).toContain('<a id="to" href="/atom-docs/coverage/files/?file=core%2Fa%20b.py">core/a b.py</a>');
	expect(html).toContain("location.replace(document.getElementById('to').href + location.hash)");
	expect(html).toContain(
		'<noscript><meta http-equiv="refresh" content="0; url=/atom-docs/coverage/files/?file=core%2Fa%20b.py">',
	);
	expect(html).toContain('<title>core/a b.py | source</title>');
	expect(html).toContain('<link rel="icon" href="/atom-docs/favicon.svg"');
});

test('a hostile path is text in the title and the link, and cannot end the script', () => {
	const path = 'app/</script><!--${x}`</title>.py';
	const html = forwardingPage(sourceForwarding('/', path));
	expect(html).toContain('<title>app/&#60;/script&#62;&#60;!--${x}`&#60;/title&#62;.py | source</title>');
	// The path reaches the script only through the link's (escaped, percent-encoded) address.
	expect(html.match(/<script>/g)).toHaveLength(1);
	expect(html.match(/<\/script>/g)).toHaveLength(1);
	expect(html).not.toContain('<!--');
	expect(html.match(/<\/title>/g)).toHaveLength(1);
});

test('a target with quotes and ampersands stays inside its attributes', () => {
	const html = forwardingPage({
		base: '/"x/',
		target: '/a?b=1&c="><script>',
		title: 't',
		sentence: ['', '<b>', ''],
	});
	expect(html).toContain('href="/a?b=1&#38;c=&#34;&#62;&#60;script&#62;"');
	expect(html).toContain('<link rel="icon" href="/&#34;x/favicon.svg"');
	expect(html).toContain('>&#60;b&#62;</a>');
	expect(html.match(/<script>/g)).toHaveLength(1);
});
