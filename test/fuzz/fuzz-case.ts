import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateModel } from './generate-model.js';
import { mutate } from './mutate.js';
import { Random } from './random.js';
import { shapeCase, type SpecialEntry } from './shapes.js';

/** One fuzz input: a whole workspace, named by the seed and index that reproduce it. */
export interface FuzzCase {
    seed: string;
    index: number;
    /** How it was made, e.g. `mutated lanarkshire: deleteToken, unicode`. */
    label: string;
    files: Record<string, string>;
    /** Entries that are not text files (pipes, links, unreadable files, raw bytes): written only by the parity pass. */
    entries?: SpecialEntry[];
}

/** The example workspaces, one per folder of `examples/`, as the seeds for mutation. */
export type Examples = Record<string, Record<string, string>>;

export function loadExamples(root: string): Examples {
    const examples: Examples = {};
    const folder = path.join(root, 'examples');
    for (const name of readdirSync(folder).sort()) {
        const files: Record<string, string> = {};
        for (const file of readdirSync(path.join(folder, name)).sort()) {
            if (file.endsWith('.joinery')) files[file] = readFileSync(path.join(folder, name, file), 'utf-8');
        }
        if (Object.keys(files).length > 0) examples[name] = files;
    }
    return examples;
}

/** The input number `index` of the run seeded `seed`: the same on every machine. */
export function fuzzCase(seed: string, index: number, examples: Examples): FuzzCase {
    const random = new Random(seed, index);
    const strategy = random.weighted([[34, 'generated'], [40, 'mutated'], [15, 'generated+mutated'], [2, 'large'], [4, 'noise'], [5, 'shape']] as const);
    let files: Record<string, string>;
    let label: string;
    switch (strategy) {
        case 'shape': {
            const shape = shapeCase(random.fork('shape'));
            return { seed, index, label: shape.label, files: shape.files, ...(shape.entries?.length ? { entries: shape.entries } : {}) };
        }
        case 'generated': {
            const model = generateModel(random.fork('model'), { size: random.int(1, 60), files: random.int(1, 3) });
            files = model.files;
            label = `generated (${model.declarations} declarations)`;
            break;
        }
        case 'mutated': {
            const name = random.pick(Object.keys(examples));
            files = { ...examples[name] };
            const applied = mutateSome(random, files, random.int(1, 6));
            label = `mutated ${name}: ${applied.join(', ')}`;
            break;
        }
        case 'generated+mutated': {
            const model = generateModel(random.fork('model'), { size: random.int(1, 40), files: random.int(1, 2) });
            files = model.files;
            const applied = mutateSome(random, files, random.int(1, 4));
            label = `generated (${model.declarations} declarations), mutated: ${applied.join(', ')}`;
            break;
        }
        case 'large': {
            const model = generateModel(random.fork('model'), { size: random.int(300, 2500), files: random.int(1, 4) });
            files = model.files;
            label = `large generated (${model.declarations} declarations)`;
            break;
        }
        default: {
            let text = '';
            const length = random.int(0, 2000);
            for (let i = 0; i < length; i++) text += String.fromCharCode(random.chance(0.7) ? random.int(9, 126) : random.int(0, 0xffff));
            files = { 'noise.joinery': text };
            label = 'noise';
        }
    }
    return { seed, index, label, files };
}

function mutateSome(random: Random, files: Record<string, string>, count: number): string[] {
    const applied: string[] = [];
    const names = Object.keys(files);
    for (let i = 0; i < count; i++) {
        const file = random.pick(names);
        const result = mutate(random, files[file], 1);
        files[file] = result.text;
        applied.push(...result.applied);
    }
    return applied;
}
