import type { Thresholds } from '../schemas/config.ts';

/** The colour band of a percentage: red, yellow or green by the configured thresholds; `none` without a value. */
export type CoverageStatus = 'red' | 'yellow' | 'green' | 'none';

/** Red below `red`, yellow from `red` up to `green`, green from `green` up (defaults 50 and 80). */
export function coverageStatus(percent: number | null | undefined, thresholds: Thresholds): CoverageStatus {
	if (percent === null || percent === undefined || !Number.isFinite(percent)) return 'none';
	if (percent >= thresholds.green) return 'green';
	if (percent >= thresholds.red) return 'yellow';
	return 'red';
}

/** Words for a status, for text next to a colour (colour alone never carries meaning). */
export const STATUS_LABEL: Record<CoverageStatus, string> = {
	red: 'below the red threshold',
	yellow: 'between thresholds',
	green: 'at or above the green threshold',
	none: 'no data',
};
