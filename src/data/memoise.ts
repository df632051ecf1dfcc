/**
 * Page data is computed once per build (and per dev-server module load: a change to the data
 * reloads the collections and the modules that read them), however many pages ask for it.
 */

/** `compute` run on the first call only; every later call gets the same promise. */
export function memoise<T>(compute: () => T): () => T {
	let done = false;
	let value: T;
	return () => {
		if (!done) {
			value = compute();
			done = true;
		}
		return value;
	};
}
