/** A `test('…')` or `it("…")` call's title, with `describe` blocks above it left out. */
const TEST_CALL = /\b(?:test|it)(?:\.each\([\s\S]*?\)|\.skip|\.only|\.concurrent)?\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g;

/**
 * The titles of the tests in a Vitest or Playwright file, in file order, so a reference page can list
 * what is proven in the tests' own words. Template titles keep their `${…}` and `%s` as written.
 */
export function testTitles(source: string): string[] {
	return [...source.matchAll(TEST_CALL)].map((m) => m[2]!.replace(/\\(['"`\\])/g, '$1'));
}
