/**
 * The data contract of `<TrendChart>`: one x value per point and any number of series over it.
 * Built at build time by a page, serialised into a `data-*` attribute, drawn in the browser.
 */

/** One line on the chart. */
export interface ChartSeries {
	/** Stable id, unique within the chart (used by toggles and markers). */
	id: string;
	/** Legend and table label. */
	label: string;
	/** One value per point of the chart (`null` where the series has no value). */
	values: Array<number | null>;
	/**
	 * `line` (default) is a measured series; `threshold` is a target or limit, drawn as a dashed
	 * step line in the colour of the series named by `of`, and toggled with it.
	 */
	kind?: 'line' | 'threshold';
	/** For a threshold: the id of the series it belongs to. */
	of?: string;
	/** Start hidden (the reader can switch it on). */
	hidden?: boolean;
}

/** A point to mark on a series, e.g. a regression larger than the gate allows. */
export interface ChartMarker {
	/** Series id the marker sits on. */
	series: string;
	/** Index of the point. */
	index: number;
	/** Sentence for the tooltip, e.g. `Regression: −2.31 points`. */
	text: string;
}

/** Everything one chart draws. */
export interface TrendChartData {
	/** X of each point: epoch milliseconds (the commit-order axis uses the point's position). */
	x: number[];
	/** Date of each point as shown in tooltips and the table, e.g. `2026-02-11`. */
	dates: string[];
	/** Commit of each point as shown (short SHA), or `''` when there is none. */
	commits: string[];
	/** Link per point (opened on click), or `null`. */
	links: Array<string | null>;
	series: ChartSeries[];
	markers: ChartMarker[];
	/** Unit appended to values: `%`, ` s`, or `''`. */
	unit: string;
	/** Decimals shown for values. */
	decimals: number;
	/** Hard bounds of the y axis, e.g. `[0, 100]` for percentages. */
	bounds?: [number, number];
	/** A text per point shown under the values in its tooltip and as a table column, e.g. its patch coverage. */
	notes?: { label: string; values: Array<string | null> };
	/** After build-time sampling: each point's position in the full history. */
	index?: number[];
	/** After build-time sampling: how many points the full history has. */
	totalPoints?: number;
}

/** Where `links` share a prefix (a repository URL), store it once: `[prefix, suffixes]`. */
export function packLinks(links: ReadonlyArray<string | null>): [string, Array<string | null>] {
	const present = links.filter((l): l is string => l !== null);
	if (present.length === 0) return ['', links.slice()];
	let prefix = present[0]!;
	for (const l of present) while (!l.startsWith(prefix)) prefix = prefix.slice(0, -1);
	return [prefix, links.map((l) => (l === null ? null : l.slice(prefix.length)))];
}

/** The inverse of `packLinks`. */
export function unpackLinks(prefix: string, suffixes: ReadonlyArray<string | null>): Array<string | null> {
	return suffixes.map((s) => (s === null ? null : prefix + s));
}

/** The change of `values[i]` since the nearest earlier point with a value, or null. */
export function changeAt(values: ReadonlyArray<number | null>, i: number): number | null {
	const v = values[i];
	if (v === null || v === undefined) return null;
	for (let k = i - 1; k >= 0; k--) {
		const p = values[k];
		if (p !== null && p !== undefined) return v - p;
	}
	return null;
}

/** Indices of a step series worth drawing: where it changes, either side, and the ends. */
export function stepIndices(values: ReadonlyArray<number | null>): number[] {
	const out: number[] = [];
	for (let i = 0; i < values.length; i++) {
		if (i === 0 || i === values.length - 1 || values[i] !== values[i - 1] || values[i] !== values[i + 1]) out.push(i);
	}
	return out;
}
