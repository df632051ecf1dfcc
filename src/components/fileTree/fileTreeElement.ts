/**
 * The `<file-tree>` custom element behind `FileTree.astro`: fetches the packed tree, unpacks it
 * (`packedNode.ts`) and renders only the expanded rows, sorted and filtered. Data is set as text only.
 */
import { unpackNode, type PackedNode, type TreeRow } from '../../lib/snapshot/packedNode.ts';
import { coverageStatus } from '../../lib/trend/status.ts';
import { sourcePageUrl } from '../../lib/snapshot/fileSlug.ts';
import { formatCount, formatPercent } from '../../lib/text/format.ts';

/** The columns a reader can sort by: fields of a row. */
type Key = 'name' | 'statements' | 'missing' | 'branches' | 'partial' | 'percent';
/** Rows drawn at once; beyond this the reader narrows the filter or opens fewer folders. */
const MAX_ROWS = 1000;

class FileTreeElement extends HTMLElement {
	rows: TreeRow[] = [];
	kids: number[][] = [];
	top: number[] = [];
	paths: string[] = [];
	expanded = new Set<number>();
	sortKey: Key = 'missing';
	descending = true;
	filter = '';

	async connectedCallback() {
		const status = this.querySelector('.file-tree__status')!;
		try {
			const res = await fetch(this.dataset.src!);
			if (!res.ok) throw new Error(`HTTP ${res.status}`);
			const data = (await res.json()) as { rows: PackedNode[] };
			this.index(data.rows);
		} catch (err) {
			status.textContent = `The file list could not be loaded (${(err as Error).message}).`;
			return;
		}
		// Small trees open fully; big ones show their top level first.
		if (this.rows.length <= 300) this.rows.forEach((r, i) => !r.isFile && this.expanded.add(i));
		else this.top.forEach((i) => this.expanded.add(i));
		this.querySelector('input')!.addEventListener('input', (e) => {
			this.filter = (e.target as HTMLInputElement).value.trim().toLowerCase();
			this.render();
		});
		this.querySelectorAll<HTMLButtonElement>('button[data-sort]').forEach((b) =>
			b.addEventListener('click', () => {
				const key = b.dataset.sort as Key;
				// Names sort A→Z first; figures biggest first.
				this.descending = key === this.sortKey ? !this.descending : key !== 'name' && key !== 'percent';
				this.sortKey = key;
				this.querySelectorAll('th[data-key]').forEach((th) =>
					th.setAttribute(
						'aria-sort',
						(th as HTMLElement).dataset.key === key ? (this.descending ? 'descending' : 'ascending') : 'none',
					),
				);
				this.render();
			}),
		);
		this.querySelectorAll<HTMLButtonElement>('button[data-expand]').forEach((b) =>
			b.addEventListener('click', () => {
				this.expanded.clear();
				if (b.dataset.expand === 'all') this.rows.forEach((r, i) => !r.isFile && this.expanded.add(i));
				this.render();
			}),
		);
		this.render();
		this.dataset.ready = 'true';
	}

	index(packed: PackedNode[]) {
		this.rows = packed.map(unpackNode);
		this.kids = this.rows.map(() => []);
		this.paths = [];
		this.rows.forEach((r, i) => {
			const parent = r.parent;
			this.paths[i] = parent >= 0 ? `${this.paths[parent]}/${r.name}` : r.name;
			if (parent >= 0) this.kids[parent]!.push(i);
			else this.top.push(i);
		});
	}

	sorted(ids: number[]): number[] {
		const key = this.sortKey;
		const sign = this.descending ? -1 : 1;
		return [...ids].sort((a, b) => {
			const x = this.rows[a]!;
			const y = this.rows[b]!;
			const by = key === 'name' ? x.name.localeCompare(y.name) : x[key] - y[key];
			return sign * by || x.name.localeCompare(y.name);
		});
	}

	/** Which nodes to show, depth-first: with a filter, matching files and their folders. */
	visible(): Array<[number, number]> {
		const out: Array<[number, number]> = [];
		let keep: Set<number> | null = null;
		if (this.filter) {
			keep = new Set();
			this.rows.forEach((r, i) => {
				if (r.isFile && this.paths[i]!.toLowerCase().includes(this.filter))
					for (let k = i; k >= 0; k = this.rows[k]!.parent) keep!.add(k);
			});
		}
		const walk = (ids: number[], depth: number) => {
			for (const i of this.sorted(ids)) {
				if (keep && !keep.has(i)) continue;
				out.push([i, depth]);
				if (out.length > MAX_ROWS) return;
				if (!this.rows[i]!.isFile && (keep || this.expanded.has(i))) walk(this.kids[i]!, depth + 1);
			}
		};
		walk(this.top, 0);
		return out;
	}

	render() {
		const tbody = this.querySelector('tbody')!;
		const status = this.querySelector('.file-tree__status')!;
		const red = Number(this.dataset.red);
		const green = Number(this.dataset.green);
		const shown = this.visible();
		const files = this.rows.filter((r) => r.isFile).length;
		const frag = document.createDocumentFragment();
		for (const [i, depth] of shown.slice(0, MAX_ROWS)) {
			const r = this.rows[i]!;
			const tr = document.createElement('tr');
			tr.dataset.testid = r.isFile ? 'file-row' : 'dir-row';
			tr.dataset.path = this.paths[i];
			const th = document.createElement('th');
			th.scope = 'row';
			th.style.paddingInlineStart = `${0.5 + depth * 1.1}rem`;
			if (!r.isFile) {
				const b = document.createElement('button');
				b.type = 'button';
				b.className = 'file-tree__dir';
				const open = !!this.filter || this.expanded.has(i);
				b.setAttribute('aria-expanded', String(open));
				b.textContent = `${open ? '▾' : '▸'} ${r.name}/`;
				b.addEventListener('click', () => {
					if (this.expanded.has(i)) this.expanded.delete(i);
					else this.expanded.add(i);
					this.render();
				});
				th.append(b);
			} else {
				// Without source pages (SOURCE_PAGES=0) the base is empty and the name is plain text.
				const name = document.createElement(this.dataset.sourceBase ? 'a' : 'span');
				name.className = 'file-tree__file';
				if (name instanceof HTMLAnchorElement) name.href = sourcePageUrl(this.dataset.sourceBase!, this.paths[i]!);
				name.textContent = r.name;
				th.append(name);
				if (r.functions.length) {
					const details = document.createElement('details');
					const summary = document.createElement('summary');
					summary.textContent = `${r.functions.length} function${r.functions.length === 1 ? '' : 's'}`;
					const list = document.createElement('ul');
					for (const { name: fn, statements, missing, percent } of [...r.functions].sort(
						(a, b) => b.missing - a.missing,
					)) {
						const li = document.createElement('li');
						li.textContent = `${fn}: ${formatPercent(percent)} (${missing} of ${statements} statements missing)`;
						list.append(li);
					}
					details.append(summary, list);
					th.append(details);
				}
			}
			tr.append(th);
			for (const v of [r.statements, r.missing, r.branches, r.partial]) {
				const td = document.createElement('td');
				td.textContent = formatCount(v);
				tr.append(td);
			}
			const pc = document.createElement('td');
			pc.className = `file-tree__pc is-${coverageStatus(r.percent, { red, green })}`;
			pc.textContent = formatPercent(r.percent);
			tr.append(pc);
			const ml = document.createElement('td');
			ml.className = 'file-tree__lines';
			ml.textContent = r.missingLines;
			tr.append(ml);
			frag.append(tr);
		}
		tbody.replaceChildren(frag);
		const matching = this.filter ? shown.filter(([i]) => this.rows[i]!.isFile).length : files;
		status.textContent =
			files === 0
				? 'No file of this domain is in the snapshot.'
				: this.filter
					? matching === 0
						? `No file path contains “${this.filter}”.`
						: `${formatCount(matching)} of ${formatCount(files)} files match “${this.filter}”.`
					: `${formatCount(files)} files, sorted by ${this.sortKey} (${this.descending ? 'largest' : 'smallest'} first).`;
		if (shown.length > MAX_ROWS)
			status.textContent += ` Showing the first ${MAX_ROWS} rows: narrow the filter to see more.`;
	}
}

customElements.define('file-tree', FileTreeElement);
