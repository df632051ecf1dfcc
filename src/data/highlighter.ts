/**
 * The one Shiki highlighter of a build (creating one loads grammars and themes: done once, shared by
 * every source page).
 */
import { createHighlighter } from 'shiki';
import { THEMES } from '../lib/snapshot/highlight.ts';

let highlighter: ReturnType<typeof createHighlighter> | null = null;

/** The build's highlighter, with Python and the two themes loaded. */
export function getHighlighter(): ReturnType<typeof createHighlighter> {
	highlighter ??= createHighlighter({ themes: [THEMES.light, THEMES.dark], langs: ['python'] });
	return highlighter;
}
