/**
 * `npm run check:code-blocks [-- <file or folder> ...]` (default `content/`): finds every fenced
 * code block in Markdown/MDX and checks that it is valid syntax, so an inline example in a guide
 * cannot rot. python → `ast.parse`; ini/cfg → configparser; toml → tomllib; yaml/yml → `yaml`;
 * json → `JSON.parse`; jsonc → JSON with comments; sh/bash/shell → `bash -n`; console → `bash -n`
 * on each `$ ` command. Other languages (text, output) are counted, not checked; a block without a
 * language is a problem (label output `text`). Exit 0 when all pass, 1 on a problem, 2 on bad usage.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parseAllDocuments } from 'yaml';
import { consoleCommands, findFencedBlocks, type FencedBlock } from '../src/lib/docs/fencedBlocks.ts';
import { PYTHON } from './shared/python.ts';

/** One broken block: where (file and absolute line) and why. */
export interface BlockProblem {
	file: string;
	line: number;
	message: string;
}

/** What a run found. */
export interface CheckResult {
	files: number;
	blocks: number;
	/** Blocks checked, by language. */
	checked: Record<string, number>;
	/** Blocks counted but not checked, by language. */
	unchecked: Record<string, number>;
	problems: BlockProblem[];
}

const PYTHON_LANGS = new Set(['python', 'py', 'ini', 'cfg', 'toml']);
const SHELL_LANGS = new Set(['sh', 'bash', 'shell']);

/** Markdown and MDX files under the given files or folders, sorted. */
export function markdownFiles(paths: string[]): string[] {
	const out: string[] = [];
	for (const p of paths) {
		if (!existsSync(p)) throw new Error(`check-code-blocks: ${p}: no such file or folder`);
		if (statSync(p).isDirectory()) {
			for (const name of readdirSync(p, { recursive: true, encoding: 'utf8' }))
				if (/\.mdx?$/.test(name)) out.push(join(p, name));
		} else out.push(p);
	}
	return [...new Set(out)].sort();
}

// One Python process checks every python, ini and toml block: it reads a JSON list and prints, per block, null or [line, message].
const PY_CHECKER = `
import ast, configparser, json, sys, tomllib
out = []
for lang, code in json.load(sys.stdin):
    try:
        if lang in ("python", "py"):
            ast.parse(code)
        elif lang == "toml":
            tomllib.loads(code)
        else:
            configparser.ConfigParser(interpolation=None).read_string(code)
        out.append(None)
    except SyntaxError as e:
        out.append([e.lineno or 1, e.msg])
    except tomllib.TOMLDecodeError as e:
        out.append([getattr(e, "lineno", 1) or 1, str(e)])
    except configparser.ParsingError as e:
        out.append([e.errors[0][0] if e.errors else 1, "not an ini line: " + (e.errors[0][1] if e.errors else str(e))])
    except configparser.Error as e:
        out.append([getattr(e, "lineno", 1) or 1, str(e).splitlines()[0]])
json.dump(out, sys.stdout)
`;

/** Check python/ini/toml blocks in one Python run; returns [block-relative line, message] or null per block. */
function checkWithPython(blocks: FencedBlock[]): Array<[number, string] | null> {
	if (blocks.length === 0) return [];
	const r = spawnSync(PYTHON, ['-c', PY_CHECKER], {
		input: JSON.stringify(blocks.map((b) => [b.lang, b.code])),
		encoding: 'utf8',
	});
	if (r.status !== 0) throw new Error(`check-code-blocks: ${PYTHON} failed: ${r.stderr || r.error?.message}`);
	return JSON.parse(r.stdout) as Array<[number, string] | null>;
}

/** `bash -n` on a script; returns [1-based line, message] or null. */
export function bashSyntaxError(script: string): [number, string] | null {
	const r = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
	if (r.status === 0) return null;
	const first = r.stderr.split('\n').find((l) => l.trim()) ?? 'syntax error';
	const m = /line (\d+): (.*)$/.exec(first);
	return m ? [Number(m[1]), m[2]!] : [1, first];
}

function jsonError(code: string, lang: 'json' | 'jsonc'): [number, string] | null {
	if (lang === 'jsonc') {
		const errors: ParseError[] = [];
		parseJsonc(code, errors, { allowTrailingComma: false, disallowComments: false });
		if (errors.length === 0) return null;
		const e = errors[0]!;
		return [code.slice(0, e.offset).split('\n').length, printParseErrorCode(e.error)];
	}
	try {
		JSON.parse(code);
		return null;
	} catch (err) {
		const message = (err as Error).message;
		// V8 says "... at position N (line L column C)"; fall back to counting to the position.
		const lc = /line (\d+) column \d+/.exec(message);
		const pos = /position (\d+)/.exec(message);
		const line = lc ? Number(lc[1]) : pos ? code.slice(0, Number(pos[1])).split('\n').length : 1;
		return [line, message.replace(/\s*\(line \d+ column \d+\)/, '')];
	}
}

function yamlError(code: string): [number, string] | null {
	for (const doc of parseAllDocuments(code, { prettyErrors: true })) {
		const e = 'errors' in doc ? doc.errors[0] : undefined;
		if (e) return [e.linePos?.[0]?.line ?? 1, e.message.split('\n')[0]!];
	}
	return null;
}

/** Check every fenced block of the given Markdown/MDX files. */
export function checkCodeBlocks(files: string[]): CheckResult {
	const result: CheckResult = { files: files.length, blocks: 0, checked: {}, unchecked: {}, problems: [] };
	const pythonQueue: Array<{ file: string; block: FencedBlock }> = [];
	const count = (bucket: Record<string, number>, lang: string) => (bucket[lang] = (bucket[lang] ?? 0) + 1);
	// A problem's line is the file line: the opening fence's line plus the line within the block.
	const report = (file: string, block: FencedBlock, at: [number, string] | null) => {
		if (at)
			result.problems.push({
				file,
				line: block.line + at[0],
				message: `${block.lang} block (opened on line ${block.line}): ${at[1]}`,
			});
	};
	for (const file of files) {
		const blocks = findFencedBlocks(readFileSync(file, 'utf8'));
		for (const block of blocks) {
			result.blocks++;
			if (!block.closed) {
				result.problems.push({ file, line: block.line, message: 'fenced block is never closed' });
				continue;
			}
			const lang = block.lang;
			if (lang === '') {
				result.problems.push({
					file,
					line: block.line,
					message: 'fenced block without a language (use `text` for output)',
				});
				continue;
			}
			if (PYTHON_LANGS.has(lang)) {
				count(result.checked, lang);
				pythonQueue.push({ file, block });
			} else if (SHELL_LANGS.has(lang)) {
				count(result.checked, lang);
				report(file, block, bashSyntaxError(block.code));
			} else if (lang === 'console') {
				count(result.checked, lang);
				for (const { line, command } of consoleCommands(block.code)) {
					const err = bashSyntaxError(command);
					if (err) report(file, block, [line + err[0], err[1]]);
				}
			} else if (lang === 'json' || lang === 'jsonc') {
				count(result.checked, lang);
				report(file, block, jsonError(block.code, lang));
			} else if (lang === 'yaml' || lang === 'yml') {
				count(result.checked, lang);
				report(file, block, yamlError(block.code));
			} else count(result.unchecked, lang);
		}
	}
	const verdicts = checkWithPython(pythonQueue.map((q) => q.block));
	pythonQueue.forEach((q, i) => report(q.file, q.block, verdicts[i] ?? null));
	result.problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
	return result;
}

function summary(bucket: Record<string, number>): string {
	const entries = Object.entries(bucket).sort(([a], [b]) => a.localeCompare(b));
	return entries.length ? entries.map(([lang, n]) => `${lang} ${n}`).join(', ') : 'none';
}

function main(): void {
	let positionals: string[];
	try {
		({ positionals } = parseArgs({ allowPositionals: true, options: {} }));
	} catch (err) {
		console.error(`check-code-blocks: ${(err as Error).message}`);
		process.exit(2);
	}
	let files: string[];
	try {
		files = markdownFiles(positionals.length ? positionals : ['content']);
	} catch (err) {
		console.error((err as Error).message);
		process.exit(2);
	}
	const r = checkCodeBlocks(files);
	for (const p of r.problems) console.error(`${relative(process.cwd(), p.file) || p.file}:${p.line}: ${p.message}`);
	console.log(
		`check-code-blocks: ${r.blocks} fenced blocks in ${r.files} files; checked: ${summary(r.checked)}; not checked: ${summary(r.unchecked)}`,
	);
	if (r.problems.length) {
		console.error(`check-code-blocks: ${r.problems.length} broken block${r.problems.length > 1 ? 's' : ''}`);
		process.exit(1);
	}
}

if (import.meta.main) main();
