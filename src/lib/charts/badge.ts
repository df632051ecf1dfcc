/**
 * Coverage badges: a flat SVG drawn by `badge-maker` (shields.io's own renderer: its text metrics,
 * its escaping), and the shields.io endpoint JSON for the same figure.
 */
import { makeBadge } from 'badge-maker';
import type { CoverageStatus } from '../trend/status.ts';

/** Badge background per status; each keeps white text at ≥ 4.5:1 contrast. */
export const BADGE_COLOURS: Record<CoverageStatus, string> = {
	red: '#b42318',
	yellow: '#8a5a00',
	green: '#1a7f37',
	none: '#5c6370',
};

/** shields.io's named colour per status, for the endpoint JSON. */
export const SHIELDS_COLOURS: Record<CoverageStatus, string> = {
	red: 'red',
	yellow: 'yellow',
	green: 'brightgreen',
	none: 'lightgrey',
};

/**
 * A flat badge `label | message` as SVG text. badge-maker escapes XML's special characters but not
 * control characters, which XML forbids: callers pass printable text (`src/data/badges.ts` does).
 */
export function badgeSvg(label: string, message: string, status: CoverageStatus): string {
	return makeBadge({ label, message, color: BADGE_COLOURS[status], style: 'flat' });
}

/** The shields.io endpoint JSON (`https://img.shields.io/endpoint?url=…`) for the same badge. */
export function shieldsEndpoint(label: string, message: string, status: CoverageStatus) {
	return { schemaVersion: 1, label, message, color: SHIELDS_COLOURS[status] };
}
