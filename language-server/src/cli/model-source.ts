import { statSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import type { SourceFacts } from '../report/html-cover.js';
import { STDIN_NAME } from './workspace-files.js';

/**
 * A date for a model that states none (`date`): the day its file was last
 * changed. (Not git's: reading a model starts no other program, so nothing a
 * model says can start one; test/robustness/no-network.test.ts holds the source
 * to that. Only `--format pdf` starts one, the Chromium the user chose.)
 * Looked up once per file.
 */
export function sourceFactsOf(): (uri: string) => SourceFacts | undefined {
    const known = new Map<string, SourceFacts | undefined>();
    return uri => {
        if (!known.has(uri)) known.set(uri, lookUp(URI.parse(uri).fsPath));
        return known.get(uri);
    };
}

function lookUp(file: string): SourceFacts | undefined {
    const name = path.basename(file);
    if (name === STDIN_NAME) return { source: 'standard input, which has no date' };
    try {
        return { date: statSync(file).mtime.toISOString().slice(0, 10), source: `the day ${name} was last changed` };
    } catch {
        return undefined;
    }
}
