import { AstUtils, type AstNode } from 'langium';
import { isForum, type Forum, type Model } from '../generated/ast.js';
import { findingAt, type Finding } from './finding.js';
import { kindWord } from '../language/user-words.js';
import type { WorkspaceModel } from '../analysis/workspace-model.js';

/**
 * Model errors that only the whole workspace shows: a top-level name declared twice
 * (in any files) and `reports to` cycles (which may cross arrangements).
 */
export function workspaceModelErrors(workspace: WorkspaceModel, namespace: 'workspace' | 'project' = 'workspace'): Finding[] {
    return [...duplicateTopLevelNames(workspace, namespace), ...reportsToCycles(workspace)];
}

/** `namespace` says what shares the names: the workspace, or (when it is split into projects) the project. */
function duplicateTopLevelNames(workspace: WorkspaceModel, namespace: 'workspace' | 'project'): Finding[] {
    const firstByName = new Map<string, AstNode>();
    const findings: Finding[] = [];
    for (const document of workspace.documents) {
        for (const declaration of (document.parseResult.value as Model).declarations ?? []) {
            if (!declaration.name) continue;
            const first = firstByName.get(declaration.name);
            if (!first) {
                firstByName.set(declaration.name, declaration);
                continue;
            }
            const where = AstUtils.getDocument(first).uri.path.split('/').pop();
            const line = (first.$cstNode?.range.start.line ?? 0) + 1;
            findings.push(findingAt(declaration, {
                rule: 'semantic', severity: 'error',
                message: `Duplicate name '${declaration.name}': already declared as ${kindWord(first.$type)} in ${where}:${line}; top-level names are shared by every file of the ${namespace}`
            }));
        }
    }
    return findings;
}

/** Each forum has at most one parent, so one colouring pass finds every cycle. */
function reportsToCycles(workspace: WorkspaceModel): Finding[] {
    const state = new Map<Forum, 'active' | 'done'>();
    const findings: Finding[] = [];
    for (const arrangement of workspace.arrangements) {
        for (const start of arrangement.elements) {
            // A forum that reports to none is in no cycle: only those that report start a walk.
            if (!isForum(start) || !start.reportsTo) continue;
            const path: Forum[] = [];
            let forum: Forum | undefined = start;
            while (forum && !state.has(forum)) {
                state.set(forum, 'active');
                path.push(forum);
                const parent: unknown = forum.reportsTo?.ref;
                forum = isForum(parent) ? parent : undefined;
            }
            if (forum && state.get(forum) === 'active') {
                const cycle = path.slice(path.indexOf(forum));
                const names = cycleNames([...cycle, forum]);
                for (const member of cycle) {
                    findings.push(findingAt(member, {
                        rule: 'semantic', severity: 'error', property: 'reportsTo',
                        message: `\`reports to\` runs in a circle: ${names}; a forum cannot report to itself, directly or through others`
                    }));
                }
            }
            for (const visited of path) state.set(visited, 'done');
        }
    }
    return findings;
}

/** The circle's names, shortened when long: every member's finding quotes it, so its length must not grow with the circle. */
function cycleNames(path: Forum[]): string {
    if (path.length <= 10) return path.map(f => f.name).join(' → ');
    return `${path.slice(0, 8).map(f => f.name).join(' → ')} → … → ${path[path.length - 1].name} (${path.length - 1} forums)`;
}
