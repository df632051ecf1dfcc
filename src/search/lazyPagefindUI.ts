/**
 * Starlight's search box imports Pagefind's UI (26 KB gzip) as soon as the browser is idle, on every
 * page. This stand-in, aliased to `@pagefind/default-ui` in `astro.config.mjs`, keeps Starlight's
 * search exactly as it is but loads the real UI only when a reader first opens the search dialog,
 * so pages that are never searched (dashboards on a phone, for a start) don't pay for it.
 */
type PagefindOptions = { element: string } & Record<string, unknown>;

/** Pagefind's `PagefindUI`, created on the first opening of the dialog that holds `options.element`. */
export class PagefindUI {
	constructor(options: PagefindOptions) {
		const target = document.querySelector(options.element);
		const dialog = target?.closest('dialog');
		if (!dialog) {
			void create(options);
			return;
		}
		const start = () => {
			observer.disconnect();
			void create(options);
		};
		const observer = new MutationObserver(() => dialog.open && start());
		observer.observe(dialog, { attributes: true, attributeFilter: ['open'] });
		if (dialog.open) start();
	}
}

/** Load the real UI, mount it, and give its input the focus Starlight gave the (then empty) dialog. */
async function create(options: PagefindOptions): Promise<void> {
	// @ts-expect-error — Pagefind ships no types for its UI module.
	const { PagefindUI: RealPagefindUI } = await import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs');
	// Read the selector first: the real constructor takes `element` out of the options it is given.
	const selector = `${options.element} input`;
	new RealPagefindUI(options);
	// The UI renders (and re-renders) its input shortly after construction. For about two seconds,
	// move the focus to it while the dialog is open, unless the reader is already typing in another field.
	let steady = 0;
	for (let i = 0; i < 40 && steady < 3; i++) {
		const input = document.querySelector<HTMLInputElement>(selector);
		const dialog = input?.closest('dialog');
		const active = document.activeElement;
		if (input && dialog?.open) {
			if (active === input) steady++;
			else if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) return;
			else {
				input.focus();
				steady = 0;
			}
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}
