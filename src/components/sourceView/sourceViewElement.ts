/**
 * The `<source-view>` custom element of the file viewer page: loads one file's page data
 * (`sourceFileJson.ts`) named by `?file=<path>` (a file's own address forwards here with it), draws its header, functions and lines with their
 * marks, and handles `#L12-L15` ranges, next/previous uncovered (buttons, `j`/`k`) and the
 * uncovered-only toggle. Every string from data or code is set as text, never as HTML.
 */
import { fileSlug } from '../../lib/snapshot/fileSlug.ts';
import { shortCommit } from '../../lib/trend/commitLinks.ts';
import { formatPercent } from '../../lib/text/format.ts';
import { markAt, MARK, unpackTokens, type SourceFileJson } from '../../lib/snapshot/sourceFileJson.ts';

/** The word and symbol of each mark (the symbol is shown, the word read out: never colour alone). */
const MARKS: Record<string, [string, string, string]> = {
	[MARK.run]: ['run', '✓', 'covered'],
	[MARK.mis]: ['mis', '✗', 'missing'],
	[MARK.par]: ['par', '◐', 'partial'],
	[MARK.exc]: ['exc', '⊘', 'excluded'],
};
/** Lines of context kept around uncovered lines when only those are shown. */
const CONTEXT = 3;
const COLOUR = /^#[0-9a-f]{3,8}$/i;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (text !== undefined) node.textContent = text;
	if (cls) node.className = cls;
	return node;
}

class SourceViewElement extends HTMLElement {
	data!: SourceFileJson;
	rows: HTMLElement[] = [];
	/** First lines of each run of uncovered lines. */
	stops: number[] = [];

	async connectedCallback() {
		const status = this.querySelector('.sv-status')!;
		const path = new URLSearchParams(location.search).get('file');
		if (!path) {
			status.textContent = 'No file was named: open a file from a domain page’s file list.';
			return;
		}
		try {
			const res = await fetch(`${this.dataset.base}${fileSlug(path)}.json`);
			if (!res.ok) throw new Error(res.status === 404 ? 'it is not in the newest snapshot' : `HTTP ${res.status}`);
			this.data = (await res.json()) as SourceFileJson;
		} catch (err) {
			status.textContent = `The file ${path} could not be loaded (${(err as Error).message}).`;
			return;
		}
		// The address bar shows the file's own address (`/coverage/files/<slug>/`, which forwarded here), hash kept.
		history.replaceState(history.state, '', `${this.dataset.base}${fileSlug(path)}/${location.hash}`);
		document.title = `${path} | ${document.title}`;
		const h1 = document.querySelector('h1');
		if (h1) h1.textContent = path;
		status.textContent = '';
		this.header();
		this.functions();
		this.code();
		this.querySelector<HTMLElement>('.sv-tools')!.hidden = false;
		this.querySelector('[data-go="next"]')!.addEventListener('click', () => this.go(1));
		this.querySelector('[data-go="prev"]')!.addEventListener('click', () => this.go(-1));
		const toggle = this.querySelector<HTMLButtonElement>('[data-only]')!;
		toggle.addEventListener('click', () => {
			const on = toggle.getAttribute('aria-pressed') !== 'true';
			toggle.setAttribute('aria-pressed', String(on));
			this.onlyUncovered(on);
		});
		document.addEventListener('keydown', (e) => {
			const t = e.target as HTMLElement;
			if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName) || t.isContentEditable)
				return;
			if (e.key === 'j' || e.key === 'k') {
				e.preventDefault();
				this.go(e.key === 'j' ? 1 : -1);
			}
		});
		window.addEventListener('hashchange', () => this.target(true));
		this.target(true);
		this.dataset.ready = 'true';
	}

	header() {
		const h = this.data.header;
		const dl = this.querySelector('.sv-figures')!;
		const add = (term: string, value: string | Node) => {
			const div = el('div');
			const dd = el('dd');
			dd.append(value);
			div.append(el('dt', term), dd);
			dl.append(div);
		};
		add('Coverage', formatPercent(h.percent));
		add('Statements', String(h.statements));
		add('Missing', String(h.missing));
		if (h.branchCoverage) {
			add('Branches', String(h.branches));
			add('Partial', String(h.partial));
		}
		add('Excluded', String(h.excluded));
		const domains = el('span');
		h.domains.forEach((d, k) => {
			const a = el('a', d.label);
			a.href = d.href;
			domains.append(...(k ? [', ', a] : [a]));
		});
		add(h.domains.length === 1 ? 'Domain' : 'Domains', h.domains.length ? domains : 'none');
		const snap = el('span', `${h.snapshotDate}${h.commit ? ' · ' : ''}`);
		if (h.commit) {
			const c = el(h.commitUrl ? 'a' : 'code', shortCommit(h.commit));
			if (c instanceof HTMLAnchorElement) c.href = h.commitUrl!;
			snap.append(c);
		}
		add('Snapshot', snap);
		if (h.fileUrl) {
			const a = el('a', 'in the repository at this commit');
			a.href = h.fileUrl;
			add('File', a);
		}
		const note = this.querySelector('.sv-note')!;
		note.textContent = this.data.state === 'shown' ? '' : (this.dataset[`state${this.data.state}`] ?? '');
		if (!this.data.knowsExecuted)
			note.textContent += ' This snapshot was recorded without executed lines, so covered lines are not marked.';
	}

	functions() {
		if (!this.data.functions.length) return;
		const section = this.querySelector<HTMLElement>('.sv-functions')!;
		const tbody = section.querySelector('tbody')!;
		for (const f of this.data.functions) {
			const tr = el('tr');
			const th = el('th');
			th.scope = 'row';
			const name: HTMLElement = f.line ? el('a', f.name) : el('span', f.name);
			if (name instanceof HTMLAnchorElement) name.href = `#L${f.line}`;
			th.append(name);
			tr.append(th, el('td', String(f.statements)), el('td', String(f.missing)), el('td', formatPercent(f.percent)));
			tbody.append(tr);
		}
		section.hidden = false;
	}

	code() {
		const { lines, tokens, styles, marks, partial } = this.data;
		const sheet = new CSSStyleSheet();
		styles.forEach(([light, dark, font], k) => {
			if (!COLOUR.test(light) || !COLOUR.test(dark)) return;
			sheet.insertRule(
				`.sv-s${k + 1}{--l:${light};--d:${dark};${font & 1 ? 'font-style:italic;' : ''}${font & 2 ? 'font-weight:bold;' : ''}}`,
			);
		});
		document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
		const notes = new Map(partial.map((p) => [p.line, p.texts]));
		const count = Math.max(lines.length, marks.length);
		const box = this.querySelector('.sv-code')!;
		const frag = document.createDocumentFragment();
		let previous = '';
		for (let n = 1; n <= count; n++) {
			const mark = markAt(marks, n);
			const row = el('div', undefined, 'sv-line');
			row.id = `L${n}`;
			const [name, symbol, word] = MARKS[mark] ?? ['', '', ''];
			if (name) row.classList.add(`is-${name}`);
			const a = el('a', String(n), 'sv-n');
			a.href = `#L${n}`;
			a.addEventListener('click', (e) => {
				const from = /^#L(\d+)/.exec(location.hash)?.[1];
				if (!e.shiftKey || !from) return;
				e.preventDefault();
				const [x, y] = [Number(from), n].sort((p, q) => p - q);
				location.hash = `#L${x}-L${y}`;
			});
			const m = el('span', undefined, 'sv-m');
			if (word) {
				m.append(el('span', symbol), el('span', word, 'sr-only'));
				m.firstElementChild!.setAttribute('aria-hidden', 'true');
			}
			const code = el('code', undefined, 'sv-c');
			const text = lines[n - 1] ?? '';
			let at = 0;
			for (const t of unpackTokens(tokens[n - 1] ?? [])) {
				const part = text.slice(at, at + t.length);
				at += t.length;
				code.append(t.style ? el('span', part, `sv-s${t.style}`) : part);
			}
			if (at < text.length) code.append(text.slice(at));
			row.append(a, m, code);
			const texts = notes.get(n);
			if (texts) row.append(el('span', texts.join('; '), 'sv-why'));
			frag.append(row);
			this.rows[n] = row;
			const uncovered = mark === MARK.mis || mark === MARK.par;
			if (uncovered && previous !== mark) this.stops.push(n);
			previous = uncovered ? mark : '';
		}
		box.append(frag);
		this.querySelector('.sv-count')!.textContent = this.stops.length
			? `${this.stops.length} uncovered stretch${this.stops.length === 1 ? '' : 'es'}.`
			: 'No uncovered line.';
	}

	/** The range `#L12` or `#L12-L15` names, marked and (with `scroll`) scrolled to. */
	target(scroll: boolean) {
		this.querySelectorAll('.is-target').forEach((r) => r.classList.remove('is-target'));
		const m = /^#L(\d+)(?:-L?(\d+))?$/.exec(location.hash);
		if (!m) return;
		const [a, b] = [Number(m[1]), Number(m[2] ?? m[1])].sort((p, q) => p - q) as [number, number];
		for (let n = a; n <= Math.min(b, a + 100_000); n++) this.rows[n]?.classList.add('is-target');
		const row = this.rows[a];
		if (row && scroll) {
			row.hidden = false;
			row.scrollIntoView({ block: 'center' });
			row.querySelector('a')!.focus({ preventScroll: true });
		}
	}

	/** Jump to the next (`1`) or previous (`-1`) stretch of uncovered lines. */
	go(step: 1 | -1) {
		if (!this.stops.length) return;
		const at = Number(/^#L(\d+)/.exec(location.hash)?.[1] ?? (step > 0 ? 0 : Infinity));
		const next = step > 0 ? this.stops.find((n) => n > at) : [...this.stops].reverse().find((n) => n < at);
		const n = next ?? (step > 0 ? this.stops[0] : this.stops.at(-1))!;
		history.replaceState(null, '', `#L${n}`);
		this.target(true);
	}

	/** Show only uncovered lines with a few lines around them, or every line. */
	onlyUncovered(on: boolean) {
		this.querySelectorAll('.sv-gap').forEach((g) => g.remove());
		const keep = new Set<number>();
		if (on)
			this.rows.forEach((_, n) => {
				const mark = markAt(this.data.marks, n);
				if (mark === MARK.mis || mark === MARK.par) for (let k = n - CONTEXT; k <= n + CONTEXT; k++) keep.add(k);
			});
		let hidden = 0;
		const flush = (before: HTMLElement | undefined) => {
			if (hidden && before) before.before(el('div', `⋯ ${hidden} line${hidden === 1 ? '' : 's'} hidden`, 'sv-gap'));
			hidden = 0;
		};
		this.rows.forEach((row, n) => {
			row.hidden = on && !keep.has(n);
			if (row.hidden) hidden++;
			else flush(row);
		});
		if (hidden) this.querySelector('.sv-code')!.append(el('div', `⋯ ${hidden} lines hidden`, 'sv-gap'));
	}
}

customElements.define('source-view', SourceViewElement);
