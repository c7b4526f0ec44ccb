import { Emitter, type URI, UriUtils, type Event, type FileSystemProvider, type LangiumCoreServices } from 'langium';
import type { Range } from 'vscode-languageserver';
import { modelDisk } from '../workspace/model-disk.js';
import { BUILT_IN_PROFILES } from './builtin-profiles.js';
import { MAX_PROFILE_BYTES, parseProfileText, tooLargeMessage, type ParsedProfileFile } from './parse-profile.js';
import { resolveProfiles, type SourceEntry } from './resolve-profiles.js';
import { pathText } from './profile-schema.js';
import type { RoleDefinition, StatutoryProfile } from './profile.js';

/** A problem with a profile file or a `profiles` folder: a model error on that file (CLI and editor alike). */
export interface ProfileProblem {
    uri: string;
    range: Range;
    severity: 'error';
    rule: 'syntax' | 'semantic';
    message: string;
}

/** At most this many profile files are read from a project's folders. */
export const MAX_PROJECT_PROFILES = 200;

/** What a role id means, in every profile that defines it. */
export interface RoleEntry {
    id: string;
    definitions: Array<{ profile: StatutoryProfile; role: RoleDefinition }>;
}

/**
 * The statutory profiles a workspace can name: the built-in ones, always, and a
 * project's own, read from the folders `joinery.json` lists (`"profiles":
 * ["profiles/"]`), the one way the CLI and the server both read them: on disk
 * directly (the models' file system lists and reads models only), bounded and
 * never blocking on a pipe, as joinery.json is read; elsewhere through Langium's
 * file system provider. A broken profile file is a finding on that file, never a
 * crash; the other profiles still load.
 */
export class ProfileRegistry {
    private readonly fileSystem: FileSystemProvider;
    private readonly changed = new Emitter<void>();
    private profiles = new Map<string, StatutoryProfile>();
    private failedIds = new Map<string, string>();
    private fileProblems: ProfileProblem[] = [];
    private projectFolders: URI[] = [];
    private roleIndex: Map<string, RoleEntry> | undefined;

    constructor(services: LangiumCoreServices) {
        this.fileSystem = services.shared.workspace.FileSystemProvider;
        this.apply([]);
    }

    /** Fires after project profiles were (re)loaded: every check that names a profile is stale. */
    get onDidChange(): Event<void> {
        return this.changed.event;
    }

    get(id: string): StatutoryProfile | undefined {
        return this.profiles.get(id);
    }

    all(): StatutoryProfile[] {
        return [...this.profiles.values()];
    }

    /** The file of a profile that was found but could not be loaded, by its id. */
    failedFile(id: string): string | undefined {
        return this.failedIds.get(id);
    }

    /** Every role id of every profile, with what each profile says it is. */
    roles(): Map<string, RoleEntry> {
        if (!this.roleIndex) {
            this.roleIndex = new Map();
            for (const profile of this.profiles.values()) {
                for (const [id, role] of Object.entries(profile.roles)) {
                    const entry = this.roleIndex.get(id) ?? { id, definitions: [] };
                    entry.definitions.push({ profile, role });
                    this.roleIndex.set(id, entry);
                }
            }
        }
        return this.roleIndex;
    }

    /** Problems with the project's profile files and folders. */
    problems(): readonly ProfileProblem[] {
        return this.fileProblems;
    }

    /** Whether a file is in one of the project's profile folders (a change to it reloads them). */
    isProfileFile(uri: string): boolean {
        return uri.endsWith('.json') && this.projectFolders.some(folder => uri === folder.toString() || uri.startsWith(`${folder.toString().replace(/\/$/, '')}/`));
    }

    /**
     * Reads the project's profiles: every `.json` file in each folder (a folder
     * entry may also name one file), relative to `base`, the folder of `joinery.json`.
     * `configUri` is where a folder that cannot be read is reported.
     */
    async loadProject(base: URI | undefined, folders: readonly string[], configUri?: string): Promise<void> {
        const entries: SourceEntry[] = [];
        const problems: ProfileProblem[] = [];
        this.projectFolders = [];
        this.failedIds = new Map();
        const texts = new Map<string, string>();
        for (const folder of base ? folders : []) {
            const uri = UriUtils.resolvePath(base!, folder);
            this.projectFolders.push(uri);
            const files = await this.profileFiles(uri, folder, problems, configUri);
            for (const file of files) {
                if (entries.length + problems.length >= MAX_PROJECT_PROFILES) {
                    problems.push(problemAt(file.toString(), '', 0, 0, 'semantic', `More than ${MAX_PROJECT_PROFILES} profile files: this one and those after it were not read`));
                    break;
                }
                const read = await this.readProfile(file);
                if ('problem' in read) {
                    problems.push(problemAt(file.toString(), '', 0, 0, 'syntax', read.problem));
                    continue;
                }
                const text = read.text;
                texts.set(file.toString(), text);
                const parsed = parseProfileText(text);
                for (const problem of parsed.problems) problems.push(problemAt(file.toString(), text, problem.offset, problem.length, problem.rule, problem.message));
                if (parsed.source) entries.push(entryOf(parsed, file.toString()));
                else if (parsed.problems.length > 0) this.noteFailedId(text, file.toString());
            }
        }
        this.apply(entries, problems, texts);
        this.changed.fire();
    }

    private apply(project: SourceEntry[], problems: ProfileProblem[] = [], texts = new Map<string, string>()): void {
        const { profiles, problems: resolveProblems, failed } = resolveProfiles([...BUILT_IN_ENTRIES, ...project]);
        for (const problem of resolveProblems) {
            const text = texts.get(problem.entry.origin) ?? '';
            const { offset, length } = problem.entry.locate(problem.path);
            problems.push(problemAt(problem.entry.origin, text, offset, length, 'semantic', `${pathText(problem.path)} ${problem.message}`));
        }
        this.profiles = profiles;
        for (const [id, entry] of failed) this.failedIds.set(id, entry.origin);
        this.fileProblems = problems;
        this.roleIndex = undefined;
    }

    /** A file that failed before its id could be used: still remember its id, so a model naming it is told why. */
    private noteFailedId(text: string, uri: string): void {
        const id = /"id"\s*:\s*"([a-z0-9-]{1,60})"/.exec(text.slice(0, 10_000))?.[1];
        if (id && !this.failedIds.has(id)) this.failedIds.set(id, uri);
    }

    private async profileFiles(folder: URI, written: string, problems: ProfileProblem[], configUri: string | undefined): Promise<URI[]> {
        let files: URI[];
        try {
            files = await this.listFiles(folder);
        } catch (error) {
            if (written.endsWith('.json')) return [folder];
            if (configUri) problems.push(problemAt(configUri, '', 0, 0, 'semantic', `joinery.json: "profiles" names '${written}', which cannot be read as a folder of profiles (${reason(error)})`));
            return [];
        }
        return files.filter(uri => UriUtils.basename(uri).endsWith('.json') && !UriUtils.basename(uri).startsWith('.'))
            .sort((a, b) => a.toString() < b.toString() ? -1 : 1);
    }

    /** The files of a folder (links to files included; folders, pipes and devices left out). Throws when it cannot be listed. */
    private async listFiles(folder: URI): Promise<URI[]> {
        const disk = modelDisk(this.fileSystem);
        if (folder.scheme === 'file' && disk) return disk.listFiles(folder);
        return (await this.fileSystem.readDirectory(folder)).filter(node => node.isFile).map(node => node.uri);
    }

    /**
     * A profile file's text, or why it cannot be read. On disk it is looked at before it is read, so a pipe never
     * blocks and a huge file is not read; elsewhere (the server in a browser, which has no disk) through the provider.
     */
    private async readProfile(file: URI): Promise<{ text: string } | { problem: string }> {
        try {
            const disk = modelDisk(this.fileSystem);
            if (file.scheme !== 'file' || !disk) return { text: await this.fileSystem.readFile(file) };
            const read = disk.readSmallFile(file, MAX_PROFILE_BYTES);
            if ('notRegular' in read) return { problem: 'Cannot read this profile file: it is not a regular file (a folder, pipe, socket or device)' };
            if ('size' in read) return { problem: tooLargeMessage(read.size) };
            if (read.bytes.length > MAX_PROFILE_BYTES) return { problem: tooLargeMessage(read.bytes.length) };
            return { text: new TextDecoder('utf-8').decode(read.bytes) };
        } catch (error) {
            return { problem: `Cannot read this profile file: ${reason(error)}` };
        }
    }
}

const BUILT_IN_ENTRIES: SourceEntry[] = BUILT_IN_PROFILES.map(source => ({
    source, origin: 'built-in', builtIn: true, locate: () => ({ offset: 0, length: 0 })
}));

function entryOf(parsed: ParsedProfileFile, uri: string): SourceEntry {
    return { source: parsed.source!, origin: uri, builtIn: false, locate: parsed.locate };
}

function problemAt(uri: string, text: string, offset: number, length: number, rule: 'syntax' | 'semantic', message: string): ProfileProblem {
    const start = positionAt(text, offset);
    const end = positionAt(text, offset + Math.max(length, 0));
    return { uri, range: { start, end }, severity: 'error', rule, message };
}

/** LSP positions (UTF-16 columns), as Langium counts them for models. */
function positionAt(text: string, offset: number): { line: number; character: number } {
    let line = 0, lineStart = 0;
    const end = Math.min(offset, text.length);
    for (let i = 0; i < end; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, character: end - lineStart };
}

function reason(error: unknown): string {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') return 'no such file or folder';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'ENOTDIR') return 'not a folder';
    return code ?? (error instanceof Error ? error.message : String(error));
}

/** The services the profiles layer adds. */
export interface ProfilesAddedServices {
    profiles: { ProfileRegistry: ProfileRegistry };
}
