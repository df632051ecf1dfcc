import { readFileSync } from 'node:fs';
import { DataError } from '../dataDir/dataError.ts';

/** One exact pin of a pip requirements file: `name==version`. */
export interface PinnedRequirement {
	/** The distribution name as written (`SQLAlchemy`, `pytest-cov`). */
	name: string;
	version: string;
}

const pinLine = /^([A-Za-z0-9][A-Za-z0-9._-]*)==([A-Za-z0-9.+!-]+)$/;

/**
 * The pins of a requirements file. Every requirement must be exact (`==`): the guides, CI and the
 * example suite describe and run the same versions, so a range (`>=8`) is refused, naming the line.
 */
export function parsePinnedRequirements(text: string, file: string): PinnedRequirement[] {
	const pins: PinnedRequirement[] = [];
	text.split('\n').forEach((raw, index) => {
		const line = raw.replace(/(^|\s)#.*$/, '').trim();
		if (line === '') return;
		const match = pinLine.exec(line);
		if (!match) {
			throw new DataError([
				{ file, path: `line ${index + 1}`, message: `expected an exact pin such as pytest==9.1.1, found "${line}"` },
			]);
		}
		pins.push({ name: match[1]!, version: match[2]! });
	});
	return pins;
}

/** Read and parse a requirements file of exact pins. */
export function readPinnedRequirements(file: string): PinnedRequirement[] {
	return parsePinnedRequirements(readFileSync(file, 'utf8'), file);
}
