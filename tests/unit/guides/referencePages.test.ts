import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { HELP } from '../../../scripts/trend/usage.ts';
import { sidebar } from '../../../src/sidebar.ts';

const page = (slug: string) => readFileSync(`content/${slug}.mdx`, 'utf8');

describe('the Reference pages', () => {
	test('the CLI page documents every command the CLI has help for', () => {
		const cli = page('reference/cli');
		const missing = Object.keys(HELP).filter((command) => !cli.includes(`<CliHelp command="${command}" />`));
		expect(missing, 'add a section with <CliHelp command="…" /> to content/reference/cli.mdx').toEqual([]);
	});

	test('the dependencies page has a line for every package in package.json', () => {
		const deps = page('reference/dependencies');
		const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, Record<string, string>>;
		const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
		const missing = names.filter(
			(name) => !deps.includes(`\`${name}\``) && !(name.startsWith('@types/') && deps.includes('`@types/*`')),
		);
		expect(missing, 'say why in content/reference/dependencies.mdx').toEqual([]);
	});

	test('every page under content/reference is in the sidebar, and every Reference entry has its page', () => {
		const group = sidebar().find((item) => item.label === 'Reference');
		const slugs = group && 'items' in group ? group.items.flatMap((item) => ('slug' in item ? [item.slug] : [])) : [];
		const files = readdirSync('content/reference')
			.filter((name) => name.endsWith('.mdx'))
			.map((name) => `reference/${name.slice(0, -4)}`);
		expect([...slugs].sort()).toEqual([...files].sort());
	});
});

describe('README.md', () => {
	test('stays a door: under 10 KB', () => {
		expect(statSync('README.md').size).toBeLessThan(10 * 1024);
	});

	test('links only to files that exist', () => {
		const links = [...readFileSync('README.md', 'utf8').matchAll(/\]\(([^)#]+)\)/g)].map((m) => m[1]!);
		expect(links.length).toBeGreaterThan(0);
		const broken = links
			.filter((link) => !/^https?:/.test(link))
			.filter((link) => {
				try {
					statSync(link);
					return false;
				} catch {
					return true;
				}
			});
		expect(broken).toEqual([]);
	});
});
