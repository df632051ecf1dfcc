/**
 * The most columns the home page's domain tiles may take on a wide screen, so that rows come out
 * even: up to five domains sit in one row, six and nine in rows of three, and the rest in rows of
 * four (twelve as three full rows). A narrow screen shows fewer columns, as many as fit.
 */
export function tileColumns(domains: number): number {
	if (domains <= 5) return Math.max(1, domains);
	if (domains % 3 === 0 && domains % 4 !== 0) return 3;
	return 4;
}
