/**
 * The sidebar: dashboards first (what leads open), then the guides in the order a newcomer
 * should read them, then the reference (the manual: setting it up, the CLI, the config, each part). Domain pages follow `data/coverage.config.json`, so a new domain appears
 * without editing this file.
 */
import { dataDirFromEnv, loadConfig } from './lib/dataDir/dataDir.ts';

type SidebarItem =
	| { label: string; link: string }
	| { label: string; slug: string }
	| { label: string; items: SidebarItem[]; collapsed?: boolean };

/** Domain ids and labels from the config; an unreadable config yields none (the loaders report why). */
function domainLinks(): SidebarItem[] {
	try {
		return loadConfig(dataDirFromEnv()).domains.map((d) => ({ label: d.label, link: `/coverage/${d.id}/` }));
	} catch {
		return [];
	}
}

/** Starlight `sidebar` config. Manual `link`s are root-relative; Starlight adds the base path. */
export function sidebar(): SidebarItem[] {
	return [
		{
			label: 'Dashboards',
			items: [
				{ label: 'Coverage at a glance', link: '/' },
				{ label: 'Coverage trend', link: '/coverage/' },
				{ label: 'Domains', items: domainLinks() },
				{ label: 'Compare snapshots', link: '/coverage/compare/' },
				{ label: 'Test health', link: '/tests/' },
			],
		},
		{
			label: 'Guides',
			items: [
				{ label: 'Atom Test Suite', slug: 'guides/test-suite' },
				{ label: 'Coverage report interpretation', slug: 'guides/coverage' },
				{ label: 'Test isolation patterns', slug: 'guides/test-isolation' },
				{ label: 'Flaky tests', slug: 'guides/flaky-tests' },
			],
		},
		{
			label: 'Reference',
			items: [
				{ label: 'Set it up for your backend', slug: 'reference/set-up' },
				{ label: 'The trend CLI', slug: 'reference/cli' },
				{ label: 'coverage.config.json', slug: 'reference/configuration' },
				{ label: 'Coverage trend data', slug: 'reference/trend-data' },
				{ label: 'Property-test invariants', slug: 'reference/invariants' },
				{ label: 'Test data factories', slug: 'reference/factories' },
				{ label: 'Dashboards', slug: 'reference/dashboards' },
				{ label: 'Test health rules', slug: 'reference/test-health' },
				{ label: 'CI workflows', slug: 'reference/ci-workflows' },
				{ label: 'JSON endpoints and badges', slug: 'reference/endpoints' },
				{ label: 'Data safety', slug: 'reference/data-safety' },
				{ label: 'Performance budgets', slug: 'reference/performance' },
				{ label: 'Architecture', slug: 'reference/architecture' },
				{ label: 'Dependencies', slug: 'reference/dependencies' },
			],
		},
	];
}

/**
 * The short sidebar of a test's own page: a suite can have thousands of them, and the full sidebar
 * (every domain, guide and reference page) would be most of each page's bytes. It keeps the way
 * back to the dashboards, the flaky-test guide and the test-health rules.
 */
export function testPageSidebar(): SidebarItem[] {
	return [
		{
			label: 'Dashboards',
			items: [
				{ label: 'Coverage at a glance', link: '/' },
				{ label: 'Coverage trend', link: '/coverage/' },
				{ label: 'Test health', link: '/tests/' },
				{ label: 'Every test', link: '/tests/all/' },
			],
		},
		{ label: 'Flaky tests guide', slug: 'guides/flaky-tests' },
		{ label: 'Test health rules', slug: 'reference/test-health' },
	];
}
