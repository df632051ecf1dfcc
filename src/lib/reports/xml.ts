import { XMLValidator, type XMLParser } from 'fast-xml-parser';
import { DataError } from '../dataDir/dataError.ts';

/** Throw a one-line DataError naming the file, line and column unless `text` is well-formed XML. */
export function assertWellFormedXml(text: string, file: string): void {
	const valid = XMLValidator.validate(text);
	if (valid !== true)
		throw new DataError([
			{
				file,
				path: '',
				message: `not well-formed XML at line ${valid.err.line}, column ${valid.err.col} (${valid.err.msg})`,
			},
		]);
}

/**
 * Check and parse one XML file. The parser refuses some well-formed documents (an external entity,
 * nesting past its limit, too many entity expansions) with a bare Error; that becomes a DataError
 * naming the file, so every XML problem says which file it is in.
 */
export function parseXmlFile(parser: XMLParser, text: string, file: string): Record<string, unknown> {
	assertWellFormedXml(text, file);
	try {
		return parser.parse(text) as Record<string, unknown>;
	} catch (err) {
		const reason = String((err as Error).message ?? err).split('\n')[0]!;
		throw new DataError([{ file, path: '', message: `XML the parser refuses (${reason})` }]);
	}
}
