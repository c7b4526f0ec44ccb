import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Failure } from './exercise.js';
import type { FuzzCase } from './fuzz-case.js';

/**
 * Every input that ever failed, kept as JSON in `test/fuzz/corpus/` (JSON keeps
 * any string exactly, lone surrogates and NULs included) and replayed by
 * `corpus.test.ts`, the files as they were, whatever the generator does now.
 */
export interface CorpusEntry extends FuzzCase {
    /** What went wrong when it was found. */
    failures: Failure[];
    /**
     * A failure reported and not yet fixed, and where: the replay expects the input
     * to fail, and fails once it passes, so that the mark is removed with the fix.
     */
    known?: string;
}

export function corpusFileName(input: FuzzCase): string {
    return `${input.seed.replace(/[^A-Za-z0-9_-]/g, '_')}-${input.index}.json`;
}

export function saveToCorpus(folder: string, input: FuzzCase, failures: Failure[]): string {
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, corpusFileName(input));
    const entry: CorpusEntry = { seed: input.seed, index: input.index, label: input.label, failures: failures.slice(0, 20), files: input.files };
    // Written whole, then renamed: a test reading the corpus meanwhile never sees half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify(entry, null, 1) + '\n');
    renameSync(`${file}.tmp`, file);
    return file;
}

export function readCorpus(location: string): CorpusEntry[] {
    if (!existsSync(location)) return [];
    const files = location.endsWith('.json') ? [location] : readdirSync(location).filter(f => f.endsWith('.json')).sort().map(f => path.join(location, f));
    return files.map(file => JSON.parse(readFileSync(file, 'utf-8')) as CorpusEntry);
}
