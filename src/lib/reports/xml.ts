import { XMLValidator } from 'fast-xml-parser';
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
