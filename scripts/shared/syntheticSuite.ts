/**
 * A seeded, realistic large pytest suite as JUnit cases, for the storage-budget test and
 * `scripts/bench/test-runs.ts`: modules of about 17 tests under tests/<layer>/<area>/, names of
 * three to five words, a third of them parametrized, durations in milliseconds with a long tail,
 * a few failures and skips. The same seed gives the same suite. `wide` draws the words from 3,000
 * made-up words instead of a domain vocabulary: a pessimistic case for compression.
 */
import type { JunitCase } from '../../src/lib/reports/junit.ts';
import type { TestStatus } from '../../src/lib/schemas/testResult.ts';
import { seededRandom } from './random.ts';

const LAYERS = ['unit', 'integration', 'security', 'property_tests', 'api', 'e2e'];
const AREAS = [
	'governance',
	'security',
	'episodes',
	'agents',
	'billing',
	'search',
	'auth',
	'storage',
	'workflows',
	'audit',
];
const VERBS = [
	'creates',
	'rejects',
	'returns',
	'updates',
	'deletes',
	'lists',
	'validates',
	'caches',
	'retries',
	'denies',
	'allows',
	'records',
	'expires',
	'merges',
	'sorts',
	'parses',
];
const NOUNS = [
	'policy',
	'token',
	'episode',
	'approval',
	'request',
	'session',
	'rule',
	'event',
	'segment',
	'permission',
	'agent',
	'invoice',
	'query',
	'record',
	'workspace',
	'snapshot',
	'user',
	'role',
];
const QUALIFIERS = [
	'when_expired',
	'for_unknown_agent',
	'with_empty_input',
	'in_order',
	'twice',
	'after_rollback',
	'on_conflict',
	'without_permission',
	'by_priority',
	'with_unicode',
	'at_limit',
	'from_config',
];
const PARAMS = [
	'0',
	'1',
	'2',
	'admin',
	'viewer',
	'operator',
	'empty',
	'none',
	'utf8',
	'max',
	'kwargs0',
	'kwargs1',
	'read-True',
	'delete-False',
];

/** Made-up lower-case words of 3 to 10 letters. */
function madeUpWords(count: number, pick: () => number): string[] {
	return Array.from({ length: count }, () =>
		Array.from({ length: 3 + Math.floor(pick() * 8) }, () => String.fromCharCode(97 + Math.floor(pick() * 26))).join(
			'',
		),
	);
}

/** Options of `syntheticSuite`. */
export interface SuiteOptions {
	/** Picks the suite (names). */
	seed?: number;
	/** Picks one run's durations and outcomes. */
	runSeed?: number;
	/** Draw words from 3,000 made-up words rather than a domain vocabulary. */
	wide?: boolean;
}

/** `count` test cases of a made-up but realistic suite. */
export function syntheticSuite(count: number, { seed = 1, runSeed = 1, wide = false }: SuiteOptions = {}): JunitCase[] {
	const pick = seededRandom(seed);
	const timing = seededRandom(runSeed * 7919);
	const words = wide ? madeUpWords(3000, pick) : [];
	const choose = (list: readonly string[]): string => {
		const from = wide ? words : list;
		return from[Math.floor(pick() * from.length)]!;
	};
	const cases: JunitCase[] = [];
	let module = 0;
	while (cases.length < count) {
		const layer = choose(LAYERS);
		const area = choose(AREAS);
		const classname = `tests.${layer}.${area}.test_${choose(NOUNS)}_${choose(VERBS).replace(/s$/, '')}_${module++}${pick() < 0.3 ? `.Test${choose(NOUNS)[0]!.toUpperCase()}${choose(NOUNS).slice(1)}` : ''}`;
		const tests = 8 + Math.floor(pick() * 18);
		for (let t = 0; t < tests && cases.length < count; t++) {
			const base = `test_${choose(VERBS)}_${choose(NOUNS)}${pick() < 0.6 ? `_${choose(QUALIFIERS)}` : ''}`;
			const params = pick() < 0.33 ? 1 + Math.floor(pick() * 4) : 0;
			const names = params ? Array.from({ length: params }, (_, p) => `${base}[${choose(PARAMS)}-${p}]`) : [base];
			for (const name of names) {
				if (cases.length >= count) break;
				const roll = timing();
				// Most tests take a few milliseconds; a tail takes up to seconds.
				const duration = roll < 0.8 ? timing() * 0.01 : roll < 0.97 ? timing() * 0.3 : timing() * 5;
				const statusRoll = timing();
				const status: TestStatus = statusRoll < 0.005 ? 'failed' : statusRoll < 0.025 ? 'skipped' : 'passed';
				cases.push({ classname, name, status, duration, earlier: [] });
			}
		}
	}
	return cases;
}
