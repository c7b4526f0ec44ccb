import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinery } from '../support/cli.js';
import { modelFolders } from '../support/model-folders.js';

/**
 * `joinery check --cache` (issue 18, deliverable 2): each project's findings are
 * kept under a hash of its inputs; unchanged projects are answered from the cache,
 * with exactly the output of a run without it.
 */

const models = modelFolders('joinery-cli-cache-');

const PROJECT = (name: string) => ({
    [`${name}/joinery.json`]: '{ "profiles": ["profiles/"] }\n',
    [`${name}/profiles/local.json`]: localProfile(name, 'Local variant'),
    [`${name}/m.joinery`]: `actor Health "Health board" { sector statutory }\nactor Council "Council" { sector statutory }\narrangement ${name} "${name}" {\n  partners Health, Council\n  forum Board { kind board voting Health, Council }\n  forum Lonely { kind planning }\n}\n`
});

function localProfile(project: string, title: string): string {
    return JSON.stringify({ id: `${project.toLowerCase()}-ijb`, title, extends: 'scotland-ijb' }) + '\n';
}

function repository(name: string): string {
    return models.folder(name, { ...PROJECT('North'), ...PROJECT('South'), 'loose.joinery': 'actor Loose "Loose" { sector third }\n' });
}

const check = (root: string, ...args: string[]) => joinery(['check', '.', '--format', 'json', ...args], { cwd: root });
type CacheFile = { projects: Record<string, { inputs: string; findings: Array<{ message: string }> }> };
const readCache = (root: string) => JSON.parse(readFileSync(path.join(root, '.joinerycache'), 'utf-8')) as CacheFile;

/** Marks every finding the cache keeps for a project, so that an answer from the cache shows. */
function markCachedFindings(root: string, project: string): void {
    const cache = readCache(root);
    for (const finding of cache.projects[project].findings) finding.message = `CACHED ${finding.message}`;
    writeFileSync(path.join(root, '.joinerycache'), JSON.stringify(cache));
}
const cachedIn = (stdout: string) => [...new Set((JSON.parse(stdout) as { findings: Array<{ file: string; message: string }> }).findings.filter(f => f.message.startsWith('CACHED ')).map(f => f.file))];

describe('joinery check --cache', () => {
    it('gives exactly the output of a run without it, the first time and the next', () => {
        const root = repository('same');
        const plain = check(root);
        const first = check(root, '--cache');
        const second = check(root, '--cache');
        expect(first.stdout).toBe(plain.stdout);
        expect(second.stdout).toBe(plain.stdout);
        expect([first.status, second.status]).toEqual([plain.status, plain.status]);
        expect(second.stderr).toBe('');
        expect(Object.keys(readCache(root).projects).sort()).toEqual(['.', 'North', 'South']);
    });

    it('answers an unchanged project from the cache and checks a changed one again', () => {
        const root = repository('changed');
        check(root, '--cache');
        markCachedFindings(root, 'North');
        markCachedFindings(root, 'South');
        expect(cachedIn(check(root, '--cache').stdout).sort()).toEqual(['North/m.joinery', 'South/m.joinery']);
        // An edit to South's model: South is checked again, North still comes from the cache.
        const model = path.join(root, 'South/m.joinery');
        writeFileSync(model, readFileSync(model, 'utf-8').replace('"South"', '"South partnership"'));
        expect(cachedIn(check(root, '--cache').stdout)).toEqual(['North/m.joinery']);
    });

    it('is out of date when the settings, a profile or a --rule option change', () => {
        const root = repository('settings');
        check(root, '--cache');
        markCachedFindings(root, 'North');
        writeFileSync(path.join(root, 'North/joinery.json'), '{ "profiles": ["profiles/"], "rules": { "isolated-forum": "error" } }\n');
        expect(cachedIn(check(root, '--cache').stdout)).toEqual([]);
        markCachedFindings(root, 'North');
        writeFileSync(path.join(root, 'North/profiles/local.json'), localProfile('North', 'Local variant, revised'));
        expect(cachedIn(check(root, '--cache').stdout)).toEqual([]);
        markCachedFindings(root, 'North');
        expect(cachedIn(check(root, '--cache', '--rule', 'isolated-forum=warning').stdout)).toEqual([]);
    });

    it('ignores a corrupt or foreign cache file with one line, and writes it afresh', () => {
        const root = repository('corrupt');
        const plain = check(root);
        for (const content of ['{"joineryCache": 1, "build": "x", "projects": {"North": {"inputs": 3}}}', '{ not json', '{"version": 2, "results": []}']) {
            writeFileSync(path.join(root, '.joinerycache'), content);
            const run = check(root, '--cache');
            expect(run.stdout).toBe(plain.stdout);
            expect(run.stderr.trim().split('\n')).toHaveLength(1);
            expect(run.stderr).toMatch(/^joinery: cache \.joinerycache (is not valid JSON|is not a Joinery cache)/);
            expect(Object.keys(readCache(root).projects).length).toBe(3);
        }
    });

    it('--cache-location names the file; it may not be a model, and needs --cache', () => {
        const root = repository('location');
        expect(check(root, '--cache', '--cache-location', 'build/joinery-cache.json').stderr).toBe('');
        expect(Object.keys((JSON.parse(readFileSync(path.join(root, 'build/joinery-cache.json'), 'utf-8')) as CacheFile).projects)).toHaveLength(3);
        const overwrite = check(root, '--cache', '--cache-location', 'loose.joinery');
        expect(overwrite.status).toBe(2);
        expect(overwrite.stderr).toContain('refusing to overwrite it');
        expect(readFileSync(path.join(root, 'loose.joinery'), 'utf-8')).toContain('actor Loose');
        expect(check(root, '--cache-location', 'x.json').status).toBe(2);
    });
});
