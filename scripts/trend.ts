/**
 * `npm run trend -- <record|check|report|validate>`: the recording pipeline's command line.
 * Argument parsing, output and exit codes live in `scripts/trend/`; the logic is in `src/lib/`.
 */
import { main } from './trend/main.ts';

process.exitCode = await main(process.argv.slice(2));
