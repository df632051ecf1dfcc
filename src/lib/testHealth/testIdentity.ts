import { createHash } from 'node:crypto';

/** The identity of a test across runs: its JUnit classname and name (parameters included). */
export interface TestIdentity {
	classname: string;
	name: string;
}

/** A map key for a test; the NUL byte cannot occur in either part, so two different tests never share a key. */
export function testKey(test: TestIdentity): string {
	return `${test.classname}\u0000${test.name}`;
}

/** The name a reader knows the test by: `classname::name`, as pytest prints node ids. */
export function testLabel(test: TestIdentity): string {
	return test.classname ? `${test.classname}::${test.name}` : test.name;
}

/**
 * A URL segment for a test's page: a readable part cut from the name plus a hash of the identity,
 * because names with parameters may hold any character and two names may slug alike.
 */
export function testSlug(test: TestIdentity): string {
	const readable = test.name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	const hash = createHash('sha256').update(testKey(test)).digest('hex').slice(0, 10);
	return readable ? `${readable}-${hash}` : hash;
}
