import { titleOf } from '../analysis/membership.js';

/** "A", "A and B", "A, B and C": how messages list elements for analysts. */
export function listing(items: readonly string[]): string {
    if (items.length <= 1) return items[0] ?? '';
    return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The titles of elements, listed. */
export function titles(nodes: ReadonlyArray<{ name?: string; title?: string }>): string {
    return listing(nodes.map(titleOf));
}

/** 0.4 → "40%"; small shares keep one decimal so that they do not read as zero. */
export function percent(share: number): string {
    const value = share * 100;
    return `${value > 0 && value < 1 ? value.toFixed(1) : Math.round(value)}%`;
}

/** "1 service", "3 services". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
    return `${n} ${n === 1 ? noun : plural}`;
}
