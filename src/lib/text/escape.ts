/** Escape text for HTML and XML (element content and quoted attributes): `&`, `<`, `>`, `"` and `'` become character references. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
