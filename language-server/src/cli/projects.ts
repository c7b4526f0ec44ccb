import { statSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { projectServices, type JoineryServices } from '../joinery-module.js';
import { collectFindingsAndAccepted, mergeProjectFindings } from '../checking/collect.js';
import { withFingerprints } from '../checking/fingerprint.js';
import type { Finding } from '../findings/finding.js';
import type { RuleSettings } from '../checking/rule-settings.js';
import type { SuppressedFinding } from '../checking/suppression.js';
import { PROJECT_FILE } from '../references/projects.js';
import { JoineryServiceRegistry } from '../workspace/service-registry.js';
import type { ModelText } from '../workspace/model-text.js';
import { projectInputs, type CheckCache } from './check-cache.js';
import { ignorePatterns, loadProjectProfiles, readConfig, type LoadedConfig } from './config-file.js';
import { loadWorkspace } from './load-workspace.js';
import { STDIN_NAME } from './workspace-files.js';

/** One project of a check: its services (its own namespace, rules and profiles) and the settings it is checked with. */
export interface CheckedProject {
    services: JoineryServices;
    config: LoadedConfig;
    settings: RuleSettings;
    /** Its path from the current folder ('.' for the root project): the cache's key. */
    key: string;
    /** Its path from the path it was found under ('' for the root project, or a project named itself): what its fingerprints carry. */
    printPath: string;
    /** With `--cache`: the hash of its inputs (none when it reads standard input), and its findings when the cache had them. */
    inputs?: string;
    cached?: Finding[];
}

/** How a run reads its projects: the root project's configuration, the `--rule` options, and whether `--config` replaced every joinery.json. */
export interface ProjectOptions {
    rootConfig: LoadedConfig;
    rules: RuleSettings;
    configGiven: boolean;
    /** The paths given on the command line: a model outside the current folder looks for its project no higher than the one it was found under. */
    paths: string[];
}

/**
 * Loads the files as one workspace split into projects (references/projects.ts)
 * and builds it: a folder below the current one that holds a joinery.json is a
 * project, with that file's rules, ignores and profiles (unless `--config` gives
 * one configuration to all); every other model is in the root project, which the
 * current folder's joinery.json (or `--config`) configures. A project's ignores
 * leave out its own files only. With a cache, a project it holds is not loaded.
 */
export async function loadProjects(services: JoineryServices, files: string[], cwd: string, readStdin: () => ModelText, options: ProjectOptions, cache?: CheckCache): Promise<{ projects: CheckedProject[]; files: string[] }> {
    const folders = projectFolders(files, cwd, options.paths);
    const configs = new Map<string, LoadedConfig>();
    for (const folder of folders) {
        configs.set(folder, options.configGiven ? options.rootConfig : readConfig(path.relative(cwd, path.join(folder, PROJECT_FILE)) || PROJECT_FILE, cwd));
    }
    // Each file's project, once ('' for the root project), and the files each project keeps after its own ignores.
    const folderOf = nearestProject(new Set(folders));
    const ignoresOf = new Map([...configs].map(([folder, config]) => [folder, ignorePatterns(config, [], cwd)]));
    const filesOf = new Map<string, string[]>();
    const kept: string[] = [];
    for (const file of files) {
        const folder = file === STDIN_NAME ? '' : folderOf(path.dirname(file)) ?? '';
        if (!options.configGiven && folder !== '' && ignoresOf.get(folder)?.ignores(file)) continue;
        kept.push(file);
        const own = filesOf.get(folder);
        if (own) own.push(file); else filesOf.set(folder, [file]);
    }
    const registry = services.shared.ServiceRegistry;
    if (registry instanceof JoineryServiceRegistry) registry.layout.setFolders(folders.map(folder => URI.file(folder)));
    const projects: CheckedProject[] = [];
    const loading: string[] = [];
    for (const project of projectServices(services.shared)) {
        const folder = project.references.Project.folder === '' ? '' : URI.parse(project.references.Project.folder).fsPath;
        const config = folder === '' ? options.rootConfig : configs.get(folder) ?? options.rootConfig;
        const own = filesOf.get(folder) ?? [];
        const settings = { ...config.rules, ...options.rules };
        const key = folder === '' ? '.' : path.relative(cwd, folder).split(path.sep).join('/');
        const inputs = cache && !own.includes(STDIN_NAME) ? projectInputs(key, cwd, settings, config, own) : undefined;
        const cached = inputs === undefined ? undefined : cache!.lookup(key, inputs);
        projects.push({ services: project, config, settings, key, printPath: folder === '' ? '' : pathFromGiven(folder, cwd, options.paths), ...(inputs ? { inputs } : {}), ...(cached ? { cached } : {}) });
        if (cached) continue;
        await loadProjectProfiles(project, config);
        for (const file of own) loading.push(file);
    }
    if (loading.length > 0) await loadWorkspace(services, loading, cwd, readStdin);
    return { projects, files: kept };
}

/** Every project's findings and suppressed findings, each checked with its own settings, in one sorted list. */
export function projectFindings(projects: readonly CheckedProject[]): { findings: Finding[]; suppressed: SuppressedFinding[] } {
    const collected = projects.map(project => collectFindingsAndAccepted(project.services, project.settings));
    return { findings: mergeProjectFindings(collected.map(c => c.findings)), suppressed: mergeProjectFindings(collected.map(c => c.suppressed)) };
}

/**
 * Every finding of the files, loaded as one workspace of projects, sorted and
 * fingerprinted as `check`, `diff` and baselines give them (each project's on
 * its own: no two projects' findings share an identity); and the files kept.
 */
export async function checkedFindings(services: JoineryServices, files: string[], cwd: string, readStdin: () => ModelText, options: ProjectOptions, cache?: CheckCache): Promise<{ findings: Finding[]; files: string[] }> {
    const loaded = await loadProjects(services, files, cwd, readStdin, options, cache);
    const projectOf = projectPaths(loaded.projects);
    const lists = loaded.projects.map(project => {
        if (project.cached) return project.cached;
        const findings = withFingerprints(services.shared, collectFindingsAndAccepted(project.services, project.settings).findings, projectOf);
        if (cache && project.inputs) cache.store(project.key, project.inputs, findings);
        return findings;
    });
    return { findings: mergeProjectFindings(lists), files: loaded.files };
}

/**
 * A model's project as its fingerprints carry it: its path from the path it was
 * found under, so that the same project checked from elsewhere (`diff`'s two
 * folders, `report --compare`'s earlier copy) gives the same fingerprints.
 */
export function projectPaths(projects: readonly CheckedProject[]): (uri: string) => string {
    const byFolder = new Map(projects.map(project => [project.services.references.Project.folder, project.printPath]));
    const layout = projects[0]?.services.references.Project.layout;
    return uri => (layout && byFolder.get(layout.projectOf(uri))) ?? '';
}

/** A project folder's path from the deepest given path that holds it (or is it). */
function pathFromGiven(folder: string, cwd: string, paths: readonly string[]): string {
    const bounds = (paths.length > 0 ? paths : ['.']).filter(given => given !== '-').map(given => path.resolve(cwd, given));
    const bound = bounds.filter(b => b === folder || isWithin(folder, b)).sort((a, b) => b.length - a.length)[0] ?? cwd;
    return path.relative(bound, folder).split(path.sep).join('/');
}

/**
 * The folders holding a joinery.json that are projects of these files: each
 * file's nearest, looked for from its folder up to the current folder
 * (excluded: its joinery.json is the root project's) or, for a file outside it,
 * up to the path it was found under. Each folder is looked at once.
 */
export function projectFolders(files: string[], cwd: string, paths: string[]): string[] {
    const seen = new Map<string, boolean>();
    const holdsProjectFile = (folder: string) => {
        let holds = seen.get(folder);
        if (holds === undefined) {
            holds = exists(path.join(folder, PROJECT_FILE));
            seen.set(folder, holds);
        }
        return holds;
    };
    const bounds = (paths.length > 0 ? paths : ['.']).filter(given => given !== '-').map(given => path.resolve(cwd, given));
    const found = new Set<string>();
    for (const file of files) {
        if (file === STDIN_NAME) continue;
        const inside = isWithin(file, cwd);
        const bound = inside ? cwd : bounds.filter(b => isWithin(file, b) || b === file).map(b => b === file ? path.dirname(b) : b).sort((a, b) => b.length - a.length)[0] ?? path.dirname(file);
        for (let folder = path.dirname(file); ; folder = path.dirname(folder)) {
            if (inside && folder === cwd) break;
            if (holdsProjectFile(folder)) {
                found.add(folder);
                break;
            }
            if (folder === bound || path.dirname(folder) === folder || !isWithin(folder, bound)) break;
        }
    }
    return [...found].sort();
}

/** The nearest of these project folders at or above a folder. */
function nearestProject(folders: ReadonlySet<string>): (folder: string) => string | undefined {
    return folder => {
        for (let at = folder; ; at = path.dirname(at)) {
            if (folders.has(at)) return at;
            if (path.dirname(at) === at) return undefined;
        }
    };
}

function isWithin(file: string, folder: string): boolean {
    const relative = path.relative(folder, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function exists(file: string): boolean {
    try {
        statSync(file);
        return true;
    } catch {
        return false;
    }
}
