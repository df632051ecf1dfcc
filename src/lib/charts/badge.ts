/**
 * Coverage badges: a flat SVG in the shields.io style, sized from the text's measured width, and
 * the shields.io endpoint JSON for the same figure.
 */
import type { CoverageStatus } from '../trend/status.ts';

/**
 * Advance widths (px) at 11 px for printable ASCII from space (32) to `~` (126) in the badge's font
 * stack (`Verdana, Geneva, DejaVu Sans`), measured with canvas `measureText` in Chromium where the
 * stack resolves to DejaVu Sans (Verdana-like metrics). `textWidth` adds 5 % for wider fallbacks.
 */
const FONT_11PX = [
	3.5, 4.4, 5.1, 9.2, 7, 10.5, 8.6, 3, 4.3, 4.3, 5.5, 9.2, 3.5, 4, 3.5, 3.7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 3.7, 3.7,
	9.2, 9.2, 9.2, 5.8, 11, 7.5, 7.5, 7.7, 8.5, 7, 6.3, 8.5, 8.3, 3.2, 3.2, 7.2, 6.1, 9.5, 8.2, 8.7, 6.6, 8.7, 7.6, 7,
	6.7, 8.1, 7.5, 10.9, 7.5, 6.7, 7.5, 4.3, 3.7, 4.3, 9.2, 5.5, 5.5, 6.7, 7, 6, 7, 6.8, 3.9, 7, 7, 3.1, 3.1, 6.4, 3.1,
	10.7, 7, 6.7, 7, 7, 4.5, 5.7, 4.3, 7, 6.5, 9, 6.5, 6.5, 5.8, 7, 3.7, 7, 9.2,
];

/** Width in px of `text` at 11 px, with 5 % to spare (characters outside ASCII count as a wide letter). */
export function textWidth(text: string): number {
	let w = 0;
	for (const ch of text) {
		const code = ch.codePointAt(0)!;
		w += code >= 32 && code <= 126 ? FONT_11PX[code - 32]! : 9;
	}
	return Math.round(w * 1.05 * 10) / 10;
}

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

/** Escape text for SVG/XML character data and attribute values. */
export function escapeXml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/** A flat badge `label | message` as SVG text. */
export function badgeSvg(label: string, message: string, status: CoverageStatus): string {
	const pad = 6;
	const lw = Math.ceil(textWidth(label) + 2 * pad);
	const mw = Math.ceil(textWidth(message) + 2 * pad);
	const w = lw + mw;
	const title = escapeXml(`${label}: ${message}`);
	const l = escapeXml(label);
	const m = escapeXml(message);
	const colour = BADGE_COLOURS[status];
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${title}">` +
		`<title>${title}</title>` +
		`<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>` +
		`<clipPath id="r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath>` +
		`<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${mw}" height="20" fill="${colour}"/><rect width="${w}" height="20" fill="url(#s)"/></g>` +
		`<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">` +
		`<text x="${lw / 2}" y="15" fill="#010101" fill-opacity=".3">${l}</text><text x="${lw / 2}" y="14">${l}</text>` +
		`<text x="${lw + mw / 2}" y="15" fill="#010101" fill-opacity=".3">${m}</text><text x="${lw + mw / 2}" y="14">${m}</text>` +
		`</g></svg>`
	);
}

/** The shields.io endpoint JSON (`https://img.shields.io/endpoint?url=…`) for the same badge. */
export function shieldsEndpoint(label: string, message: string, status: CoverageStatus) {
	return { schemaVersion: 1, label, message, color: SHIELDS_COLOURS[status] };
}
