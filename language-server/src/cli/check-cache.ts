import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../findings/finding.js';
import type { RuleSettings } from '../checking/rule-settings.js';
import { MAX_PROFILE_BYTES } from '../profiles/parse-profile.js';
import { listFolderFiles, readModelFile, readSmallFile } from '../workspace/model-text.js';
import type { LoadedConfig } from './config-file.js';

declare const JOINERY_VERSION: string;

/** The version of the cache file's layout; a file of another is started afresh. */
const CACHE_SCHEME = 1;

/** A cache file larger than this is not read (it holds findings, not models). */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

/** Where `--cache` keeps its file unless `--cache-location` says. */
export const DEFAULT_CACHE_FILE = '.joinerycache';

interface CacheFile {
    joineryCache: number;
    build: string;
    projects: Record<string, { inputs: string; findings: Finding[] }>;
}

/**
 * `joinery check --cache`: each project's findings (fingerprinted, before the
 * baseline and `--quiet`), kept under a hash of everything they were made from:
 * the tool's build, the settings and `--rule` options, the profile files, and
 * every model file's path and bytes. A project is the unit, because its rules read
 * across its files: a project none of whose inputs changed is not read again.
 * A cache file that is not valid, or not Joinery's, is ignored with one line and
 * written afresh; one made by another build of the tool is simply out of date.
 */
export class CheckCache {
    private readonly kept: CacheFile;
    private readonly used: CacheFile['projects'] = {};
    /** Projects answered from the cache, and checked afresh, in this run. */
    hits = 0;
    misses = 0;

    private constructor(readonly file: string, kept: CacheFile) {
        this.kept = kept;
    }

    /** Opens the cache file (absolute), or starts an empty cache; a problem with it is a note, never a failure. */
    static open(file: string, notes: string[], shown: string): CheckCache {
        const build = buildIdentity();
        const empty: CacheFile = { joineryCache: CACHE_SCHEME, build, projects: {} };
        let read;
        try {
            read = readSmallFile(file, MAX_CACHE_BYTES);
        } catch {
            return new CheckCache(file, empty); // no cache yet
        }
        if (!('bytes' in read)) {
            notes.push(`joinery: cache ${shown} is not a regular file of at most ${MAX_CACHE_BYTES / 1024 / 1024} MB: checking without it`);
            return new CheckCache(file, empty);
        }
        const problem = (why: string) => {
            notes.push(`joinery: cache ${shown} ${why}: checking without it, and writing it afresh`);
            return new CheckCache(file, empty);
        };
        let parsed: unknown;
        try {
            parsed = JSON.parse(new TextDecoder('utf-8').decode(read.bytes));
        } catch {
            return problem('is not valid JSON');
        }
        if (!isCacheFile(parsed)) return problem("is not a Joinery cache (another tool's file?)");
        // Another scheme or build of the tool: every entry is out of date, which is no problem to report.
        if (parsed.joineryCache !== CACHE_SCHEME || parsed.build !== build) return new CheckCache(file, empty);
        return new CheckCache(file, parsed);
    }

    /** The findings kept for a project whose inputs hash to this, if any. */
    lookup(project: string, inputs: string): Finding[] | undefined {
        const entry = this.kept.projects[project];
        if (!entry || entry.inputs !== inputs) {
            this.misses++;
            return undefined;
        }
        this.hits++;
        this.used[project] = entry;
        return entry.findings;
    }

    store(project: string, inputs: string, findings: Finding[]): void {
        this.used[project] = { inputs, findings };
    }

    /** Writes the projects of this run (others are dropped) beside the file and moves it into place; a failure is a note. */
    save(notes: string[], shown: string): void {
        const content: CacheFile = { joineryCache: CACHE_SCHEME, build: this.kept.build, projects: this.used };
        const temporary = `${this.file}.${process.pid}.tmp`;
        try {
            mkdirSync(path.dirname(this.file), { recursive: true });
            writeFileSync(temporary, JSON.stringify(content));
            renameSync(temporary, this.file);
        } catch (error) {
            notes.push(`joinery: cache ${shown} could not be written (${(error as { code?: string }).code ?? String(error)}): the next run checks everything again`);
        }
    }
}

/**
 * A hash of everything a project's findings are made from: where it is, its
 * settings and configuration, its profile files, and each model file's path and
 * what reading it gives (its text, or why it is not a model), read as the check reads it.
 */
export function projectInputs(key: string, cwd: string, settings: RuleSettings, config: LoadedConfig, files: readonly string[]): string {
    const hash = createHash('sha256');
    const add = (part: string | Uint8Array) => hash.update(`${part.length}:`).update(part);
    add(cwd);
    add(key);
    add(JSON.stringify([settings, config.ignores, config.profiles, config.folder, config.resolvedFile ?? null]));
    for (const file of profileFiles(config)) {
        add(file);
        add(fileBytes(file, MAX_PROFILE_BYTES));
    }
    for (const file of [...files].sort()) {
        add(path.relative(cwd, file));
        add(JSON.stringify(readModelFile(file)));
    }
    return hash.digest('hex');
}

/** The files the project's `profiles` entries name (each a folder of .json files, or one file), as the registry lists them. */
function profileFiles(config: LoadedConfig): string[] {
    const files: string[] = [];
    for (const entry of config.resolvedFile ? config.profiles : []) {
        const folder = path.resolve(config.folder, entry);
        try {
            for (const name of listFolderFiles(folder).filter(name => name.endsWith('.json') && !name.startsWith('.')).sort()) files.push(path.join(folder, name));
        } catch {
            files.push(folder);
        }
    }
    return files;
}

/** A file's bytes, or a word for why there are none (its problem is then a finding, the same each run). */
function fileBytes(file: string, limit: number): Uint8Array | string {
    try {
        const read = readSmallFile(file, limit);
        return 'bytes' in read ? read.bytes : JSON.stringify(read);
    } catch (error) {
        return `unreadable ${(error as { code?: string }).code ?? ''}`;
    }
}

function isCacheFile(value: unknown): value is CacheFile {
    if (typeof value !== 'object' || value === null) return false;
    const file = value as Partial<CacheFile>;
    if (typeof file.joineryCache !== 'number' || typeof file.build !== 'string' || typeof file.projects !== 'object' || file.projects === null) return false;
    return Object.values(file.projects).every(entry => typeof entry === 'object' && entry !== null && typeof entry.inputs === 'string' && Array.isArray(entry.findings));
}

/** The tool's version and its own code: a cache made by another build (a development one too) is out of date. */
function buildIdentity(): string {
    const version = typeof JOINERY_VERSION === 'string' ? JOINERY_VERSION : 'dev';
    return `${version} ${ownCodeHash()}`;
}

function ownCodeHash(): string {
    try {
        return typeof __filename === 'string' && path.isAbsolute(__filename) ? createHash('sha256').update(readFileSync(__filename)).digest('hex') : '';
    } catch {
        return '';
    }
}
