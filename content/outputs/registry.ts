/**
 * Every terminal output the site shows, produced by `npm run docs:outputs` into `content/outputs/<id>.txt`
 * and kept true by `tests/integration/guides/terminalOutputs.test.ts`. To add one: an entry in a list
 * below (or a new list, spread in here), `npm run docs:outputs -- --only <id>`, then
 * `<CommandOutput id="<id>" />` on the page. See CONTRIBUTING.md.
 */
import type { OutputEntry } from '../../src/lib/docs/outputs/outputEntry.ts';
import { coverageGuideOutputs } from './coverageGuide.ts';
import { flakyGuideOutputs } from './flakyGuide.ts';
import { suiteGuideOutputs } from './suiteGuides.ts';
import { trendCliOutputs } from './trendCli.ts';
import { trendPatchOutputs } from './trendPatch.ts';
import { trendWalkOutputs } from './trendWalk.ts';

/** The registry, in no particular order; ids are unique. */
export const OUTPUTS: OutputEntry[] = [
	...trendCliOutputs,
	...coverageGuideOutputs,
	...flakyGuideOutputs,
	...suiteGuideOutputs,
	...trendWalkOutputs,
	...trendPatchOutputs,
];
