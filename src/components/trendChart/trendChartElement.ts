/**
 * The `<trend-chart>` custom element behind `TrendChart.astro`: reads the chart data from the
 * element's `data-*` attribute and draws it with Chart.js (registered piecemeal), following the theme.
 */
import { Chart, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { ChartDataset, ChartOptions, Scale, TooltipItem } from 'chart.js';
import { changeAt, stepIndices, unpackLinks } from '../../lib/charts/chartData.ts';
import { formatChange, formatValue } from '../../lib/text/format.ts';
import type { TrendChartData } from '../../lib/charts/chartData.ts';
import { downsampleMinMax, type SamplePoint } from '../../lib/charts/downsample.ts';
import { calendarTicks, tickLabel, type TickUnit } from '../../lib/charts/calendarTicks.ts';

const scriptStart = performance.now();
Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip);

type Payload = TrendChartData & { linkPrefix: string };
type Point = SamplePoint & { text?: string };
/** Scale options as built here; Chart.js fills in the rest from its defaults. */
type LooseScale = { [option: string]: unknown; min?: number; max?: number };
const DAY = 86_400_000;

/** A CSS custom property of an element, resolved for the current theme. */
function cssVar(el: Element, name: string, fallback: string): string {
	return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

class TrendChartElement extends HTMLElement {
	chart: Chart<'line', Point[]> | null = null;
	data!: Payload;
	links: Array<string | null> = [];
	hiddenSeries = new Set<string>();
	range = 'all';
	axis: 'time' | 'commit' = 'time';
	maxPoints = 600;
	observer: MutationObserver | null = null;

	connectedCallback() {
		this.data = JSON.parse(this.dataset.chart ?? '{}') as Payload;
		this.links = unpackLinks(this.data.linkPrefix, this.data.links);
		this.maxPoints = Number(this.dataset.maxPoints) || 600;
		for (const s of this.data.series) if (s.hidden) this.hiddenSeries.add(s.id);
		this.querySelectorAll<HTMLButtonElement>('button[data-series]').forEach((b) =>
			b.addEventListener('click', () => {
				const id = b.dataset.series!;
				if (this.hiddenSeries.has(id)) this.hiddenSeries.delete(id);
				else this.hiddenSeries.add(id);
				b.setAttribute('aria-pressed', String(!this.hiddenSeries.has(id)));
				this.redraw();
			}),
		);
		this.querySelectorAll<HTMLButtonElement>('button[data-range]').forEach((b) =>
			b.addEventListener('click', () => {
				this.range = b.dataset.range!;
				this.press('button[data-range]', b);
				this.redraw();
			}),
		);
		this.querySelectorAll<HTMLButtonElement>('button[data-axis]').forEach((b) =>
			b.addEventListener('click', () => {
				this.axis = b.dataset.axis === 'commit' ? 'commit' : 'time';
				this.press('button[data-axis]', b);
				this.redraw();
			}),
		);
		this.draw();
		// Starlight's theme picker sets data-theme on <html>; follow it.
		this.observer = new MutationObserver(() => this.redraw());
		this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
	}

	disconnectedCallback() {
		this.observer?.disconnect();
		this.chart?.destroy();
	}

	press(selector: string, chosen: HTMLButtonElement) {
		this.querySelectorAll(selector).forEach((b) => b.setAttribute('aria-pressed', String(b === chosen)));
	}

	/** Indices of the points inside the chosen range (measured back from the newest point). */
	visibleIndices(): number[] {
		const { x } = this.data;
		const all = x.map((_, i) => i);
		if (this.range === 'all' || x.length === 0) return all;
		const from = x[x.length - 1]! - Number(this.range) * DAY;
		return all.filter((i) => x[i]! >= from);
	}

	colours() {
		const palette = [1, 2, 3, 4, 5, 6].map((n) => cssVar(this, `--chart-${n}`, '#3b82f6'));
		return {
			palette,
			text: cssVar(this, '--sl-color-gray-2', '#444'),
			grid: cssVar(this, '--sl-color-gray-5', '#ddd'),
			bg: cssVar(this, '--sl-color-bg', '#fff'),
			marker: cssVar(this, '--cov-red', '#b42318'),
		};
	}

	datasets(indices: number[]): ChartDataset<'line', Point[]>[] {
		const d = this.data;
		const c = this.colours();
		const lines = d.series.filter((s) => s.kind !== 'threshold');
		const colourOf = (id: string) =>
			c.palette[
				Math.max(
					0,
					lines.findIndex((s) => s.id === id),
				) % c.palette.length
			]!;
		const xOf = (i: number) => (this.axis === 'time' ? d.x[i]! : i + 1);
		const markerIdx = new Set(d.markers.map((m) => m.index));
		const few = indices.length <= 40;
		const out: ChartDataset<'line', Point[]>[] = [];
		for (const s of d.series) {
			const owner = s.kind === 'threshold' ? (s.of ?? s.id) : s.id;
			if (this.hiddenSeries.has(owner)) continue;
			const colour = colourOf(owner);
			let pts: Point[];
			if (s.kind === 'threshold') {
				const inRange = new Set(indices);
				const steps = stepIndices(indices.map((i) => s.values[i] ?? null)).map((k) => indices[k]!);
				pts = steps
					.filter((i) => inRange.has(i) && s.values[i] != null)
					.map((i) => ({ x: xOf(i), y: s.values[i]!, i }));
			} else {
				const present = indices.filter((i) => s.values[i] != null).map((i) => ({ x: xOf(i), y: s.values[i]!, i }));
				pts = downsampleMinMax(present, this.maxPoints, markerIdx);
			}
			out.push({
				label: s.label,
				data: pts,
				borderColor: colour,
				backgroundColor: colour,
				borderWidth: s.kind === 'threshold' ? 1.5 : s === lines[0] ? 3 : 2,
				borderDash: s.kind === 'threshold' ? [6, 4] : [],
				stepped: s.kind === 'threshold' ? 'after' : false,
				pointRadius: s.kind === 'threshold' ? 0 : few ? 3 : 0,
				pointHoverRadius: s.kind === 'threshold' ? 0 : 5,
				pointHitRadius: s.kind === 'threshold' ? 0 : 6,
				spanGaps: s.kind !== 'threshold',
				parsing: false,
				normalized: true,
				tension: 0,
				// Keep the series id on the dataset for tooltips.
				...({ seriesId: s.id, threshold: s.kind === 'threshold' } as object),
			});
		}
		const inRange = new Set(indices);
		const markers: Point[] = d.markers
			.filter((m) => inRange.has(m.index) && !this.hiddenSeries.has(m.series))
			.map((m) => {
				const s = d.series.find((x) => x.id === m.series);
				return { x: xOf(m.index), y: s?.values[m.index] ?? 0, i: m.index, text: m.text };
			});
		if (markers.length)
			out.push({
				label: 'Regressions',
				data: markers,
				showLine: false,
				pointStyle: 'triangle',
				pointRotation: 180,
				pointRadius: 6,
				pointHoverRadius: 8,
				borderColor: c.marker,
				backgroundColor: c.marker,
				borderWidth: 1,
				parsing: false,
				...({ seriesId: '__markers' } as object),
			});
		return out;
	}

	scales(indices: number[]) {
		const d = this.data;
		const c = this.colours();
		const most = this.clientWidth < 500 ? 4 : 7;
		// The time axis's ticks fall on calendar boundaries (see calendarTicks), labelled in the unit of their spacing.
		let unit: TickUnit = 'day';
		const x: LooseScale = {
			type: 'linear',
			grid: { color: c.grid },
			ticks: {
				color: c.text,
				maxTicksLimit: most,
				maxRotation: 0,
				// Commits are whole numbers: no #1.5, labelled #2 beside the real #2.
				...(this.axis === 'commit' ? { precision: 0 } : {}),
				callback: (v: number | string) =>
					this.axis === 'time' ? tickLabel(Number(v), unit) : `#${Math.round(Number(v))}`,
			},
			title: { display: true, text: this.axis === 'time' ? 'Date' : 'Commit (in recording order)', color: c.text },
		};
		if (this.axis === 'time')
			x.afterBuildTicks = (axis: Scale) => {
				const ticks = calendarTicks(axis.min, axis.max, most);
				unit = ticks.unit;
				axis.ticks = ticks.values.map((value) => ({ value }));
			};
		if (indices.length) {
			const first = indices[0]!;
			const last = indices[indices.length - 1]!;
			const lo = this.axis === 'time' ? d.x[first]! : first + 1;
			const hi = this.axis === 'time' ? d.x[last]! : last + 1;
			if (this.axis === 'time' && hi - lo < 2 * DAY) {
				// One point, or points of a day or two: two days of width around their middle, which hold at least two midnights to mark.
				x.min = (lo + hi) / 2 - DAY;
				x.max = (lo + hi) / 2 + DAY;
			} else {
				// One commit still needs some width around it: half a commit each side, whose bounds are no commits to label.
				const pad = hi === lo ? 0.5 : 0;
				x.min = lo - pad;
				x.max = hi + pad;
				if (pad) (x.ticks as { includeBounds?: boolean }).includeBounds = false;
			}
		}
		const [bMin, bMax] = d.bounds ?? [-Infinity, Infinity];
		// Fit the visible values (and targets) with 5 % room, but never past the bounds (0–100 %).
		let lo = Infinity;
		let hi = -Infinity;
		for (const s of d.series) {
			if (this.hiddenSeries.has(s.kind === 'threshold' ? (s.of ?? s.id) : s.id)) continue;
			for (const i of indices) {
				const v = s.values[i];
				if (v === null || v === undefined) continue;
				if (v < lo) lo = v;
				if (v > hi) hi = v;
			}
		}
		const y: LooseScale = {
			type: 'linear',
			grid: { color: c.grid },
			// Not the bounds as ticks too: fitted with room, the top one (say 84 %) would crowd the round one below (80 %).
			ticks: {
				color: c.text,
				includeBounds: false,
				callback: (v: number | string) => `${Number(v)}${d.unit.trim() === '%' ? '%' : ''}`,
			},
		};
		if (lo <= hi) {
			const room = Math.max((hi - lo) * 0.05, 1);
			y.min = Math.max(bMin, Math.floor(lo - room));
			y.max = Math.min(bMax, Math.ceil(hi + room));
		}
		return { x, y } as NonNullable<ChartOptions<'line'>['scales']>;
	}

	tooltipTitle(items: TooltipItem<'line'>[]): string {
		const p = items[0]?.raw as Point | undefined;
		if (!p) return '';
		const commit = this.data.commits[p.i];
		return commit ? `${this.data.dates[p.i]} · ${commit}` : (this.data.dates[p.i] ?? '');
	}

	/** The point's note (e.g. its patch coverage) under the values, when the chart has notes. */
	tooltipFooter(items: TooltipItem<'line'>[]): string {
		const p = items[0]?.raw as Point | undefined;
		const note = p ? this.data.notes?.values[p.i] : null;
		return note ? `${this.data.notes!.label}: ${note}` : '';
	}

	tooltipLabel(item: TooltipItem<'line'>): string {
		const p = item.raw as Point;
		const ds = item.dataset as unknown as { seriesId: string; label: string; threshold?: boolean };
		if (ds.seriesId === '__markers') return p.text ?? 'Regression';
		const s = this.data.series.find((x) => x.id === ds.seriesId);
		if (!s) return '';
		const value = formatValue(s.values[p.i], this.data.decimals, this.data.unit);
		const change = formatChange(changeAt(s.values, p.i), this.data.decimals);
		// After build-time sampling the point before may not be the previous commit: then name its date.
		const index = this.data.index;
		let prev = p.i - 1;
		while (prev >= 0 && s.values[prev] == null) prev--;
		const adjacent = !index || (prev >= 0 && index[p.i]! - index[prev]! === p.i - prev);
		const since = adjacent ? 'since previous' : `since ${this.data.dates[prev] ?? 'the previous point drawn'}`;
		return `${s.label}: ${value}${change && !ds.threshold ? ` (${change} ${since})` : ''}`;
	}

	draw() {
		const canvas = this.querySelector('canvas')!;
		const indices = this.visibleIndices();
		const c = this.colours();
		this.chart = new Chart<'line', Point[]>(canvas, {
			type: 'line',
			data: { datasets: this.datasets(indices) },
			options: {
				animation: false,
				responsive: true,
				maintainAspectRatio: false,
				// Points and regression markers on the chart's edges (the newest point, a 100 % run) are drawn
				// whole, not cut in half by the plot area: they may reach 8 px past it, into room kept for them.
				datasets: { line: { clip: 8 } },
				layout: { padding: { top: 8, right: 8 } },
				interaction: { mode: 'nearest', intersect: false },
				scales: this.scales(indices),
				plugins: {
					tooltip: {
						backgroundColor: c.bg,
						titleColor: c.text,
						bodyColor: c.text,
						footerColor: c.text,
						borderColor: c.grid,
						borderWidth: 1,
						callbacks: {
							title: (items) => this.tooltipTitle(items),
							label: (item) => this.tooltipLabel(item),
							footer: (items) => this.tooltipFooter(items),
						},
					},
				},
				onClick: (_event, elements) => {
					const el = elements[0];
					if (!el) return;
					const p = this.chart?.data.datasets[el.datasetIndex]?.data[el.index];
					const link = p ? this.links[p.i] : null;
					if (link) window.open(link, '_blank', 'noopener');
				},
				onHover: (event, elements) => {
					const target = event.native?.target as HTMLElement | undefined;
					if (!target) return;
					const el = elements[0];
					const p = el ? this.chart?.data.datasets[el.datasetIndex]?.data[el.index] : undefined;
					target.style.cursor = p && this.links[p.i] ? 'pointer' : 'default';
				},
			},
			plugins: [
				{
					id: 'firstDraw',
					afterDraw: () => {
						if (this.dataset.ready) return;
						this.dataset.firstDrawMs = (performance.now() - scriptStart).toFixed(1);
						this.dataset.ready = 'true';
					},
				},
			],
		});
		this.dataset.drawnTheme = document.documentElement.dataset.theme ?? '';
		this.announce(indices);
	}

	redraw() {
		if (!this.chart) return;
		const indices = this.visibleIndices();
		const c = this.colours();
		this.chart.data.datasets = this.datasets(indices);
		this.chart.options.scales = this.scales(indices);
		const tooltip = this.chart.options.plugins?.tooltip;
		if (tooltip)
			Object.assign(tooltip, {
				backgroundColor: c.bg,
				titleColor: c.text,
				bodyColor: c.text,
				footerColor: c.text,
				borderColor: c.grid,
			});
		this.chart.update('none');
		this.dataset.drawnTheme = document.documentElement.dataset.theme ?? '';
		this.announce(indices);
	}

	/** Say in words what the chart now shows (for screen readers and for the e2e tests). */
	announce(indices: number[]) {
		const status = this.querySelector('.trend-chart__status');
		if (!status) return;
		const n = indices.length;
		const shown = this.data.series.filter((s) => s.kind !== 'threshold' && !this.hiddenSeries.has(s.id)).length;
		const range = this.range === 'all' ? 'the whole history' : `the last ${this.range} days`;
		status.textContent =
			n === 0
				? `No point was recorded in ${range}; choose a longer range.`
				: `Showing ${n} point${n === 1 ? '' : 's'}${this.data.totalPoints ? ` (older history sampled from ${this.data.totalPoints})` : ''} over ${range}, ${shown} series, by ${this.axis === 'time' ? 'calendar time' : 'commit order'}.`;
		this.dataset.visiblePoints = String(n);
	}
}

customElements.define('trend-chart', TrendChartElement);
