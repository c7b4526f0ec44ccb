import { readFileSync } from 'node:fs';

/** A process's resident memory now, in MB, from Linux's /proc (NaN elsewhere). */
export function residentMb(pid: number): number {
    try {
        const line = readFileSync(`/proc/${pid}/status`, 'utf-8').split('\n').find(l => l.startsWith('VmRSS:'));
        return line ? Number(line.split(/\s+/)[1]) / 1024 : Number.NaN;
    } catch {
        return Number.NaN;
    }
}
