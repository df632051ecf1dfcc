/**
 * Figures the process benchmarks (`bench record`, `bench patch`) print the same way: the machine,
 * its load average (to read a time against), medians and sizes.
 */
import { cpus, loadavg } from 'node:os';

/** The median of some measurements (the upper middle one for an even count). */
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Bytes in whole MiB: `96 MiB`. */
export const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MiB`;

/** The machine the figures come from: CPUs and Node. */
export function machineLine(): string {
	return `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
}

/** The 1, 5 and 15 minute load averages, as `load average <when>: 1.00 0.80 0.50`. */
export function loadLine(when: string): string {
	return `load average ${when}: ${loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')}`;
}
