import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import type { SourceFacts } from '../report/html-cover.js';
import { STDIN_NAME } from './workspace-files.js';

/**
 * A version and date for a model that states none (`version`, `date`): its
 * file's last git commit (short hash and day, "+ changes" when the file differs
 * from it), else the day the file was last changed. Looked up once per file.
 */
export function sourceFactsOf(): (uri: string) => SourceFacts | undefined {
    const known = new Map<string, SourceFacts | undefined>();
    return uri => {
        if (!known.has(uri)) known.set(uri, lookUp(URI.parse(uri).fsPath));
        return known.get(uri);
    };
}

function lookUp(file: string): SourceFacts | undefined {
    if (path.basename(file) === STDIN_NAME) return { source: 'standard input, which has no version or date' };
    const name = path.basename(file);
    const git = (...args: string[]) => {
        const run = spawnSync('git', args, { cwd: path.dirname(file), encoding: 'utf-8', timeout: 5000 });
        return run.status === 0 ? run.stdout.trim() : undefined;
    };
    const commit = git('log', '-1', '--format=%h %cs', '--', name);
    if (commit) {
        const [hash, day] = commit.split(' ');
        if (!git('status', '--porcelain', '--', name)) return { version: `git ${hash}`, date: day, source: `the last git commit of ${name}` };
        return { version: `git ${hash} + changes`, ...modifiedDay(file), source: `${name}: its last git commit, with changes made since on the day given` };
    }
    const day = modifiedDay(file);
    return day.date ? { ...day, source: `the day ${name} was last changed (it is in no git commit)` } : undefined;
}

function modifiedDay(file: string): { date?: string } {
    try {
        return { date: statSync(file).mtime.toISOString().slice(0, 10) };
    } catch {
        return {};
    }
}
