/** Types of the benchmark's measuring helpers, for the fuzz harness's soak that reuses them. */
export function median(values: number[]): number;
export function residentMb(pid: number): number;
