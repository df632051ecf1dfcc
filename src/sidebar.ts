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

/** Links to pages of the site (`label → path`, root-relative: Starlight adds the base path), in order. */
function links(pages: Record<string, string>): SidebarItem[] {
	return Object.entries(pages).map(([label, link]) => ({ label, link }));
}

/** Links to content pages in one folder of `content/` (`label → page`), in order. */
function pagesIn(folder: string, pages: Record<string, string>): SidebarItem[] {
	return Object.entries(pages).map(([label, page]) => ({ label, slug: `${folder}/${page}` }));
}

/** The dashboards every sidebar starts with. */
const HOME_AND_TREND = { 'Coverage at a glance': '/', 'Coverage trend': '/coverage/' };

/** Starlight `sidebar` config. */
export function sidebar(): SidebarItem[] {
	return [
		{
			label: 'Dashboards',
			items: [
				...links(HOME_AND_TREND),
				{ label: 'Domains', items: domainLinks() },
				...links({ 'Compare snapshots': '/coverage/compare/', 'Test health': '/tests/' }),
			],
		},
		{
			label: 'Guides',
			items: pagesIn('guides', {
				'Atom Test Suite': 'test-suite',
				'Coverage report interpretation': 'coverage',
				'Test isolation patterns': 'test-isolation',
				'Flaky tests': 'flaky-tests',
			}),
		},
		{
			label: 'Reference',
			items: pagesIn('reference', {
				'Set it up for your backend': 'set-up',
				'The trend CLI': 'cli',
				'coverage.config.json': 'configuration',
				'Coverage trend data': 'trend-data',
				'Property-test invariants': 'invariants',
				'Test data factories': 'factories',
				Dashboards: 'dashboards',
				'Test health rules': 'test-health',
				'CI workflows': 'ci-workflows',
				'JSON endpoints and badges': 'endpoints',
				'Data safety': 'data-safety',
				'Performance budgets': 'performance',
				Architecture: 'architecture',
				Dependencies: 'dependencies',
			}),
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
			items: links({ ...HOME_AND_TREND, 'Test health': '/tests/', 'Every test': '/tests/all/' }),
		},
		{ label: 'Flaky tests guide', slug: 'guides/flaky-tests' },
		{ label: 'Test health rules', slug: 'reference/test-health' },
	];
}
