import { GCProfiler, getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from 'node:v8';

/** What the one collection after start-up found (the build statistics report it). */
export interface StartUpCollection {
    /** How long the collection held the server. */
    ms: number;
    /** The heap V8 had in use before it and what was left after it: what the workspace keeps alive. */
    heapBeforeMb: number;
    liveMb: number;
}

/**
 * How far past what survived the last full collection the heap may grow before the
 * next: 20%, and never less than 64 MB. V8 chooses up to four times by itself, and an
 * editor's server makes a little garbage at every edit that lives just long enough to
 * reach the old generation, so on the 1,000-file workspace (about 310 MB live) resident
 * memory climbed to 750–810 MB in 100 edits before V8 collected; held at 20% it stayed
 * under 510 MB, edits as fast. A small heap keeps room for an edit's garbage: at 20%
 * of the 2,000-line model's heap, V8 collected in full every few edits (edits took a
 * quarter longer).
 */
const GROWTH_PERCENT = 20;
const HEADROOM_MB = 64;

function growthPercent(liveMb: number): number {
    return Math.max(GROWTH_PERCENT, Math.ceil(100 * HEADROOM_MB / Math.max(liveMb, 1)));
}

/** At most this many 32 KB arrays of garbage (128 MB) while waiting for the collection (a few dozen do). */
const MAX_GARBAGE = 4096;
const ONE_MB = 1024 * 1024;

/**
 * Keeps the Node server's heap close to what the workspace holds alive, from the end of
 * start-up on. Not from the start: while the first build fills an empty heap, a tight
 * limit makes V8 collect over and over (start-up took about a fifth longer). So once
 * start-up's work is done (after-start-up.ts), the limit is tightened and one full
 * collection is made, which sets the next limit from what is live (about a fifth of a
 * second on 1,000 files). V8 reads its flags at each collection, so the collection is
 * its own next one, made full by `--gc-global` and brought on by a little garbage; V8's
 * account of it (`GCProfiler`) says it was made. `gc()` would need `vm`, which the
 * server does not use (test/robustness/no-network.test.ts). Where a flag is refused,
 * only memory differs.
 */
export class HeapAfterStartUp {
    private made?: StartUpCollection;
    private tightened = false;

    /** Once: the later calls find it done. */
    tighten(): void {
        if (this.tightened) return;
        this.tightened = true;
        this.made = collectOnce();
    }

    collection(): StartUpCollection | undefined {
        return this.made;
    }
}

function collectOnce(): StartUpCollection | undefined {
    try {
        const heapBeforeMb = usedMb();
        // What is live is not known before the collection: what is in use is more, so this is the lower.
        setFlagsFromString(`--heap-growing-percent=${growthPercent(heapBeforeMb)}`);
        const profiler = new GCProfiler();
        profiler.start();
        let full: Array<{ cost: number }> = [];
        setFlagsFromString('--gc-global');
        try {
            let garbage: number[] | undefined;
            for (let i = 0, before = youngUsed(); i < MAX_GARBAGE; i++) {
                garbage = new Array<number>(4096).fill(i);
                // A collection empties the young generation; its count of bytes in use also
                // dips a little now and then without one, so only a drop of a megabyte counts.
                const now = youngUsed();
                if (before - now > ONE_MB) break;
                before = Math.max(before, now);
            }
            void garbage;
        } finally {
            setFlagsFromString('--no-gc-global');
            // V8's own account of what it did: a full collection, and its time (µs).
            full = profiler.stop().statistics.filter(gc => gc.gcType === 'MarkSweepCompact');
        }
        if (full.length === 0) return undefined;
        const liveMb = usedMb();
        setFlagsFromString(`--heap-growing-percent=${growthPercent(liveMb)}`);
        return { ms: full.reduce((sum, gc) => sum + gc.cost, 0) / 1000, heapBeforeMb, liveMb };
    } catch {
        return undefined;
    }
}

function youngUsed(): number {
    return getHeapSpaceStatistics().find(space => space.space_name === 'new_space')?.space_used_size ?? 0;
}

function usedMb(): number {
    return getHeapStatistics().used_heap_size / 1024 / 1024;
}
