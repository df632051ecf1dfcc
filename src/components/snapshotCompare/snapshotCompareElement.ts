/**
 * The `<snapshot-compare>` custom element behind `/coverage/compare/`: loads the two picked
 * snapshots' JSON on demand and renders the per-figure table and the per-file differences, as
 * text only (data never becomes HTML). The page renders the newest pair at build time.
 */
import { formatChange, formatPercent } from '../../lib/text/format.ts';
import { percentCovered, type Counts } from '../../lib/coverage/counts.ts';
import { diffSnapshots } from '../../lib/snapshot/snapshotDiff.ts';
import { sourcePageUrl } from '../../lib/snapshot/fileSlug.ts';
import { fileCountsOf, figureCountsOf, type SnapshotCountsJson } from '../../lib/snapshot/snapshotCountsJson.ts';

const pc = (c: Counts | null | undefined) => (c ? formatPercent(percentCovered(c)) : '—');

/** Build an element with text content only (data never becomes HTML). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}) {
	const node = document.createElement(tag);
	if (text !== undefined) node.textContent = text;
	for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
	return node;
}

/** `path` as text nodes that may wrap after each slash: the browser's copy of `PathBreaks.astro`, for the lists it redraws. */
function pathNodes(path: string): Node[] {
	const parts = path.split('/');
	return parts.flatMap((part, i) =>
		i < parts.length - 1
			? [document.createTextNode(`${part}/`), document.createElement('wbr')]
			: [document.createTextNode(part)],
	);
}

class SnapshotCompare extends HTMLElement {
	cache = new Map<string, Promise<SnapshotCountsJson>>();

	connectedCallback() {
		const params = new URLSearchParams(location.search);
		for (const name of ['from', 'to'] as const) {
			const select = this.select(name);
			const wanted = params.get(name);
			if (wanted && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
			select.addEventListener('change', () => this.update(true));
		}
		if (params.has('from') || params.has('to')) this.update(false);
		else this.dataset.ready = 'true';
	}

	select(name: 'from' | 'to'): HTMLSelectElement {
		return this.querySelector(`select[name="${name}"]`)!;
	}

	load(id: string): Promise<SnapshotCountsJson> {
		let p = this.cache.get(id);
		if (!p) {
			p = fetch(`${this.dataset.base}${encodeURIComponent(id)}.json`).then((r) => {
				if (!r.ok) throw new Error(`HTTP ${r.status} for ${id}.json`);
				return r.json() as Promise<SnapshotCountsJson>;
			});
			this.cache.set(id, p);
		}
		return p;
	}

	async update(push: boolean) {
		const status = this.querySelector('.compare-status')!;
		const fromId = this.select('from').value;
		const toId = this.select('to').value;
		delete this.dataset.ready;
		status.textContent = 'Comparing…';
		try {
			const [a, b] = await Promise.all([this.load(fromId), this.load(toId)]);
			this.render(a, b);
			status.textContent = fromId === toId ? 'Both sides are the same snapshot: nothing differs.' : '';
			if (push) history.replaceState(null, '', `?from=${encodeURIComponent(fromId)}&to=${encodeURIComponent(toId)}`);
		} catch (err) {
			status.textContent = `The snapshots could not be loaded (${(err as Error).message}).`;
		}
		this.dataset.ready = 'true';
	}

	render(a: SnapshotCountsJson, b: SnapshotCountsJson) {
		const figures = JSON.parse(this.dataset.figures!) as Array<{ id: string; label: string }>;
		const limit = Number(this.dataset.limit);
		const tbody = this.querySelector('[data-testid="compare-domains"] tbody')!;
		tbody.replaceChildren(
			...figures.map(({ id, label }) => {
				const x = figureCountsOf(a, id);
				const y = figureCountsOf(b, id);
				const tr = el('tr');
				tr.append(
					el('th', label, { scope: 'row' }),
					el('td', pc(x)),
					el('td', pc(y)),
					el('td', x && y ? `${formatChange(percentCovered(y) - percentCovered(x))} pts` : '—'),
				);
				return tr;
			}),
		);
		const diff = diffSnapshots(fileCountsOf(a), fileCountsOf(b));
		const toNewest = b.name.replace(/\.json$/, '') === this.dataset.newest;
		this.querySelector('[data-testid="compare-file-summary"]')!.textContent =
			`${diff.gained.length} gained, ${diff.lost.length} lost, ${diff.added.length} new, ${diff.removed.length} removed, ${diff.unchanged} unchanged.`;
		const result = this.querySelector('.compare-result')!;
		result.querySelectorAll('section[data-group]').forEach((s) => s.remove());
		const groups = [
			['lost', 'Lost coverage', diff.lost],
			['gained', 'Gained coverage', diff.gained],
			['added', 'New files', diff.added],
			['removed', 'Removed files', diff.removed],
		] as const;
		for (const [key, title, list] of groups) {
			if (list.length === 0) continue;
			const section = el('section', undefined, { 'data-group': key });
			const ul = el('ul', undefined, { class: 'compare-files' });
			for (const f of list.slice(0, limit)) {
				const li = el('li');
				const text =
					f.change === null
						? f.after
							? `${pc(f.after)}, ${f.after.num_statements} statements`
							: `was ${pc(f.before)}`
						: `${pc(f.before)} → ${pc(f.after)} (${formatChange(f.change)} pts)`;
				// Source pages exist for the newest snapshot's files only (and not at all with SOURCE_PAGES=0: no base).
				const linked = f.after && toNewest && this.dataset.sourceBase;
				const name = linked
					? el('a', undefined, { class: 'compare-path', href: sourcePageUrl(this.dataset.sourceBase!, f.path) })
					: el('span', undefined, { class: 'compare-path' });
				name.append(...pathNodes(f.path));
				li.append(name, `: ${text}`);
				ul.append(li);
			}
			section.append(el('h3', title), ul);
			if (list.length > limit) section.append(el('p', `… and ${list.length - limit} more ${title.toLowerCase()}.`));
			result.append(section);
		}
	}
}

customElements.define('snapshot-compare', SnapshotCompare);
