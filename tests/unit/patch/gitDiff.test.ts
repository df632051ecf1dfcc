import { describe, expect, test } from 'vitest';
import { parseAddedLines } from '../../../src/lib/git/addedLines.ts';
import { parseNumstat } from '../../../src/lib/git/numstat.ts';
import { patchHeaderPath, unquoteGitPath } from '../../../src/lib/git/quotedPath.ts';

/**
 * `git -c core.quotepath=off diff -U0 -M --src-prefix=a/ --dst-prefix=b/` of a commit that adds a binary
 * file, changes a CRLF file's mode and adds a line to it, deletes a file, renames one without edits,
 * edits a file whose name has a space and a `ü`, and one whose name has a quote and a backslash
 * (git 2.39's output, copied from a terminal).
 */
const PATCH = [
	'diff --git a/bin.dat b/bin.dat',
	'new file mode 100644',
	'index 0000000..bdc955b',
	'Binary files /dev/null and b/bin.dat differ',
	'diff --git a/crlf.py b/crlf.py',
	'old mode 100644',
	'new mode 100755',
	'index 0aa0f34..91a05d3',
	'--- a/crlf.py',
	'+++ b/crlf.py',
	'@@ -1,0 +2 @@ x',
	'+z\r',
	'diff --git a/gone.py b/gone.py',
	'deleted file mode 100644',
	'index abaddc0..0000000',
	'--- a/gone.py',
	'+++ /dev/null',
	'@@ -1 +0,0 @@',
	'-del',
	'diff --git a/old.py b/new.py',
	'similarity index 100%',
	'rename from old.py',
	'rename to new.py',
	'diff --git a/sp ace ü.py b/sp ace ü.py',
	'index de98044..a7bc997 100644',
	'--- a/sp ace ü.py\t',
	'+++ b/sp ace ü.py\t',
	'@@ -2 +2 @@ a',
	'-b',
	'+B',
	'@@ -3,0 +4 @@ c',
	'+d',
	'diff --git "a/we\\"ird\\\\ttab.py" "b/we\\"ird\\\\ttab.py"',
	'index bca70f3..8ba3a16 100644',
	'--- "a/we\\"ird\\\\ttab.py"',
	'+++ "b/we\\"ird\\\\ttab.py"',
	'@@ -1 +1 @@',
	'-q',
	'+n',
	'',
].join('\n');

describe('the added lines of a git diff', () => {
	const files = parseAddedLines(PATCH);

	test('keeps only files with added lines: no binary, deleted or purely renamed file', () => {
		expect([...files.keys()]).toEqual(['crlf.py', 'sp ace ü.py', 'we"ird\\ttab.py']);
	});

	test('numbers lines on the head side from each hunk header', () => {
		expect(files.get('sp ace ü.py')!.lines).toEqual([2, 4]);
		expect(files.get('crlf.py')!.lines).toEqual([2]);
	});

	test('keeps each added line’s text without the CR of a CRLF file', () => {
		expect(files.get('crlf.py')!.text.get(2)).toBe('z');
		expect(files.get('sp ace ü.py')!.text.get(4)).toBe('d');
	});

	test('never takes a removed line that reads like a file header for one', () => {
		const tricky = [
			'diff --git a/x.py b/x.py',
			'--- a/x.py',
			'+++ b/x.py',
			'@@ -1,2 +1,2 @@',
			'--- a/other.py',
			'-+++ b/other.py',
			'+++ b/other.py',
			'+kept',
			'',
		].join('\n');
		const parsed = parseAddedLines(tricky);
		expect([...parsed.keys()]).toEqual(['x.py']);
		expect(parsed.get('x.py')!.lines).toEqual([1, 2]);
		expect(parsed.get('x.py')!.text.get(1)).toBe('++ b/other.py');
	});

	test('counts context lines and ignores "no newline at end of file" markers', () => {
		const withContext = [
			'--- a/y.py',
			'+++ b/y.py',
			'@@ -5,3 +5,4 @@',
			' same',
			'-old',
			'+new',
			'\\ No newline at end of file',
			'+more',
			' same again',
			'',
		].join('\n');
		expect(parseAddedLines(withContext).get('y.py')!.lines).toEqual([6, 7]);
	});
});

describe('git’s quoted paths', () => {
	test('decode octal UTF-8 bytes and C escapes', () => {
		expect(unquoteGitPath('"caf\\303\\251 \\"x\\"\\\\\\t.py"')).toBe('café "x"\\\t.py');
	});

	test('drop the side prefix and the tab git puts after a name with a space', () => {
		expect(patchHeaderPath('b/a b.py\t', 'b/')).toBe('a b.py');
		expect(patchHeaderPath('/dev/null', 'b/')).toBeNull();
	});
});

describe('git diff --numstat -z', () => {
	test('reads renames, binary files and names with tabs and newlines', () => {
		const out = '-\t-\tbin.dat\x001\t0\tcr\tlf.py\x000\t0\t\x00old.py\x00new\nname.py\x002\t1\tsp ace ü.py\x00';
		expect(parseNumstat(out)).toEqual([
			{ path: 'bin.dat', added: null, deleted: null },
			{ path: 'cr\tlf.py', added: 1, deleted: 0 },
			{ path: 'new\nname.py', from: 'old.py', added: 0, deleted: 0 },
			{ path: 'sp ace ü.py', added: 2, deleted: 1 },
		]);
	});
});

describe('odd but valid git output', () => {
	test('a patch without a final newline, a hunk header with a function name, an unquoted plain path', () => {
		const patch = ['--- a/z.py', '+++ b/z.py', '@@ -0,0 +1,2 @@ def f():', '+a', '+b'].join('\n');
		expect(parseAddedLines(patch).get('z.py')!.lines).toEqual([1, 2]);
		expect(unquoteGitPath('plain.py')).toBe('plain.py');
		expect(unquoteGitPath('"odd\\qescape"')).toBe('oddqescape');
	});

	test('a file header after a complete hunk starts a new file', () => {
		const patch = ['+++ b/one.py', '@@ -1 +1 @@', '-x', '+y', '+++ b/two.py', '@@ -1,0 +2 @@', '+z', ''].join('\n');
		const files = parseAddedLines(patch);
		expect(files.get('one.py')!.lines).toEqual([1]);
		expect(files.get('two.py')!.lines).toEqual([2]);
	});
});
