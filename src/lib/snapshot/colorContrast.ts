/**
 * Token colours moved just far enough from the background to be readable: WCAG's contrast ratio of
 * at least `min` (Expressive Code, which draws Starlight's code blocks, does the same, with 5.5).
 * Night Owl Light's comments, for one, are 2.6:1 on its background as the theme ships them.
 */

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb | null {
	const m = /^#([0-9a-f]{3}|[0-9a-f]{6})(?:[0-9a-f]{2})?$/i.exec(hex);
	if (!m) return null;
	const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
	return [0, 2, 4].map((k) => parseInt(h.slice(k, k + 2), 16)) as Rgb;
}

function toHex(c: Rgb): string {
	return `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2 relative luminance. */
function luminance(c: Rgb): number {
	const [r, g, b] = c.map((v) => {
		const s = v / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	}) as Rgb;
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours. */
export function contrastRatio(a: string, b: string): number {
	const x = parseHex(a);
	const y = parseHex(b);
	if (!x || !y) return 21;
	const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

/** `color`, mixed toward black or white (away from `background`) until its contrast is at least `min`. */
export function readableOn(color: string, background: string, min = 5.5): string {
	const c = parseHex(color);
	const bg = parseHex(background);
	if (!c || !bg || contrastRatio(color, background) >= min) return color.toLowerCase();
	const target: Rgb = luminance(bg) > 0.5 ? [0, 0, 0] : [255, 255, 255];
	for (let t = 0.05; t <= 1; t += 0.05) {
		const mixed = toHex(c.map((v, k) => v + (target[k]! - v) * t) as Rgb);
		if (contrastRatio(mixed, background) >= min) return mixed;
	}
	return toHex(target);
}
