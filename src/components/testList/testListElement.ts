/**
 * The `<test-list>` custom element behind `/tests/all/`: loads the compact list of every test
 * (`/tests/all.json`) when the page opens, then filters, sorts and pages it in the browser, and
 * opens one test's history from its shard on demand. Everything from data is set as text.
 */
import { commitUrl, shortCommit } from '../../lib/trend/commitLinks.ts';
import { formatDuration } from '../../lib/testHealth/suiteDuration.ts';
import type { TestStatus } from '../../lib/schemas/testResult.ts';
import { unpackTestIndexRow, type TestIndexEntry, type TestIndexJson } from '../../lib/testHealth/testIndex.ts';
import { shardOf, unpackShardEntry, type HistoryShard } from '../../lib/testHealth/historyShard.ts';
import { formatCount } from '../../lib/text/format.ts';

/** Rows per page: enough to scan, few enough to draw at once on a phone. */
const PAGE_SIZE = 100;
const GLYPH: Record<TestStatus, string> = { passed: '✓', failed: '✗', error: '!', skipped: '–' };

type Show = 'all' | 'flaky' | 'failing' | 'story' | 'page' | 'skipped' | 'gone';
type Sort = 'name' | 'slowest' | 'median' | 'failures' | 'runs';

const SHOW: Record<Show, (t: TestIndexEntry) => boolean> = {
	all: () => true,
	flaky: (t) => t.flaky,
	failing: (t) => t.current && (t.last === 'failed' || t.last === 'error'),
	story: (t) => t.story,
	page: (t) => t.page,
	skipped: (t) => t.current && t.last === 'skipped',
	gone: (t) => !t.current,
};
const byName = (a: TestIndexEntry, b: TestIndexEntry) =>
	a.classname.localeCompare(b.classname) || a.name.localeCompare(b.name);
const SORT: Record<Sort, (a: TestIndexEntry, b: TestIndexEntry) => number> = {
	name: byName,
	slowest: (a, b) => b.durationNow - a.durationNow || byName(a, b),
	median: (a, b) => b.durationMedian - a.durationMedian || byName(a, b),
	failures: (a, b) => b.failed + b.errors - (a.failed + a.errors) || byName(a, b),
	runs: (a, b) => b.runs - a.runs || byName(a, b),
};

/** An element with text content only (data never becomes HTML). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}) {
	const node = document.createElement(tag);
	if (text !== undefined) node.textContent = text;
	for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
	return node;
}

class TestList extends HTMLElement {
	index: TestIndexJson | null = null;
	entries: TestIndexEntry[] = [];
	shown: TestIndexEntry[] = [];
	page = 0;
	open = new Set<string>();
	shards = new Map<string, Promise<HistoryShard>>();

	connectedCallback() {
		const form = this.querySelector('form')!;
		form.addEventListener('submit', (e) => e.preventDefault());
		form.addEventListener('input', () => {
			this.page = 0;
			this.apply();
		});
		this.querySelector('[data-page="prev"]')!.addEventListener('click', () => this.turn(-1));
		this.querySelector('[data-page="next"]')!.addEventListener('click', () => this.turn(1));
		void this.load();
	}

	field<T extends HTMLInputElement | HTMLSelectElement>(name: string): T {
		return this.querySelector(`[name="${name}"]`) as T;
	}

	async load() {
		const status = this.querySelector('[data-testid="list-status"]')!;
		try {
			const response = await fetch(this.dataset.src!);
			if (!response.ok) throw new Error(`HTTP ${response.status}`);
			this.index = (await response.json()) as TestIndexJson;
		} catch (err) {
			status.textContent = `The list of tests could not be loaded (${(err as Error).message}).`;
			return;
		}
		const classnames = this.index.classnames;
		this.entries = this.index.tests.map((row) => unpackTestIndexRow(row, classnames));
		const wanted = new URLSearchParams(location.search).get('test');
		const target = wanted ? this.entries.find((t) => t.slug === wanted) : undefined;
		if (target) {
			this.field<HTMLInputElement>('q').value = target.name;
			this.open.add(target.slug);
		}
		this.querySelector('form')!.hidden = false;
		this.apply();
		this.dataset.ready = 'true';
	}

	apply() {
		const q = this.field<HTMLInputElement>('q').value.trim().toLowerCase();
		const show = SHOW[this.field<HTMLSelectElement>('show').value as Show] ?? SHOW.all;
		const sort = SORT[this.field<HTMLSelectElement>('sort').value as Sort] ?? SORT.name;
		this.shown = this.entries
			.filter((t) => show(t) && (!q || t.name.toLowerCase().includes(q) || t.classname.toLowerCase().includes(q)))
			.sort(sort);
		this.render();
	}

	turn(step: number) {
		const last = Math.max(0, Math.ceil(this.shown.length / PAGE_SIZE) - 1);
		this.page = Math.min(last, Math.max(0, this.page + step));
		this.render();
		this.querySelector('table')?.scrollIntoView({ block: 'start' });
	}

	render() {
		const from = this.page * PAGE_SIZE;
		const rows = this.shown.slice(from, from + PAGE_SIZE);
		const tbody = this.querySelector('tbody')!;
		tbody.replaceChildren(...rows.flatMap((t) => this.row(t)));
		const total = this.entries.length;
		this.querySelector('[data-testid="list-status"]')!.textContent =
			this.shown.length === 0
				? `No test of ${formatCount(total)} matches.`
				: `Tests ${formatCount(from + 1)}–${formatCount(from + rows.length)} of ${formatCount(this.shown.length)}${this.shown.length === total ? '' : ` matching (${formatCount(total)} in all)`}.`;
		(this.querySelector('[data-page="prev"]') as HTMLButtonElement).disabled = this.page === 0;
		(this.querySelector('[data-page="next"]') as HTMLButtonElement).disabled = from + PAGE_SIZE >= this.shown.length;
	}

	row(t: TestIndexEntry): HTMLTableRowElement[] {
		const tr = el('tr', undefined, { 'data-testid': 'all-row' });
		const th = el('th', undefined, { scope: 'row' });
		const link = el('a', undefined, {
			href: `${this.dataset.tests}${t.slug}/`,
			class: 'test-name',
			'data-testid': 'test-link',
		});
		link.append(el('code', t.name));
		th.append(link, el('span', t.classname, { class: 'test-name__class' }));
		if (t.flaky) th.append(el('span', 'flaky', { class: 'dash-tag all-tag' }));
		const historyId = `history-${t.slug}`;
		const toggle = el('button', 'History', {
			type: 'button',
			class: 'dash-button all-history-toggle',
			'aria-expanded': String(this.open.has(t.slug)),
			'aria-controls': historyId,
		});
		toggle.addEventListener('click', () => {
			if (this.open.has(t.slug)) this.open.delete(t.slug);
			else this.open.add(t.slug);
			this.render();
			(this.querySelector(`[aria-controls="${CSS.escape(historyId)}"]`) as HTMLElement | null)?.focus();
		});
		th.append(toggle);
		const last = el('td');
		last.append(el('span', t.last, { class: `test-status test-status--${t.last}` }));
		tr.append(
			th,
			el('td', String(t.runs)),
			el('td', String(t.passed)),
			el('td', String(t.failed)),
			el('td', String(t.errors)),
			el('td', String(t.skipped)),
			last,
			el('td', formatDuration(t.durationNow)),
			el('td', formatDuration(t.durationMedian)),
		);
		if (!this.open.has(t.slug)) return [tr];
		const detail = el('tr', undefined, { id: historyId, class: 'all-history', 'data-testid': 'all-history' });
		const cell = el('td', undefined, { colspan: '9' });
		detail.append(cell);
		void this.fillHistory(t, cell);
		return [tr, detail];
	}

	async fillHistory(t: TestIndexEntry, cell: HTMLElement) {
		const index = this.index!;
		if (t.page) {
			const p = el('p', 'This test has a page of its own: ');
			p.append(el('a', 'its full history', { href: `${this.dataset.tests}${t.slug}/` }), '.');
			cell.replaceChildren(p);
			return;
		}
		cell.textContent = 'Loading its history…';
		const id = shardOf(t.slug);
		let shard = this.shards.get(id);
		if (!shard) {
			shard = fetch(`${this.dataset.history}${id}.json`).then((r) => {
				if (!r.ok) throw new Error(`HTTP ${r.status}`);
				return r.json() as Promise<HistoryShard>;
			});
			this.shards.set(id, shard);
		}
		let entry;
		try {
			entry = (await shard)[t.slug];
		} catch (err) {
			cell.textContent = `Its history could not be loaded (${(err as Error).message}).`;
			return;
		}
		if (!entry) {
			cell.textContent = 'No history is kept for this test.';
			return;
		}
		const strip = el('ol', undefined, {
			class: 'result-strip not-content',
			'aria-label': 'Result in each kept run, oldest first',
			'data-testid': 'result-strip',
		});
		unpackShardEntry(entry).forEach((r, i) => {
			const [date, commit] = index.runs[i] ?? ['', ''];
			const when = `${date.slice(0, 10)} · ${shortCommit(commit)}`;
			const text = r.status
				? `${when}: ${r.status}${r.rerun ? ' after reruns' : ''}${r.duration === null ? '' : `, ${formatDuration(r.duration)}`}`
				: `${when}: not run`;
			const kind = r.status ?? 'absent';
			const li = el('li', undefined, {
				class: `result-strip__cell result-strip__cell--${kind}${r.rerun ? ' result-strip__cell--rerun' : ''}`,
				title: text,
				'data-status': kind,
			});
			const href = commitUrl(index.repository ?? undefined, commit);
			const inner = href ? el('a', undefined, { href }) : el('span');
			inner.append(
				el('span', r.status ? GLYPH[r.status] : '', { 'aria-hidden': 'true' }),
				el('span', text, { class: 'sr-only' }),
			);
			li.append(inner);
			strip.append(li);
		});
		cell.replaceChildren(strip);
	}
}

customElements.define('test-list', TestList);
