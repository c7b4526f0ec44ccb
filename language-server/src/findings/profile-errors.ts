import { GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { isActor, isArrangement, isForum, type Actor, type Arrangement, type Forum, type Model } from '../generated/ast.js';
import type { WorkspaceModel } from '../analysis/workspace-model.js';
import type { ProfileRegistry } from '../profiles/profile-registry.js';
import { NameIndex } from '../validation/closest-name.js';
import { findingAt, type Finding } from './finding.js';

/**
 * The model errors statutory profiles add, for the whole workspace at once: a
 * `profile` or `role` that no profile defines (a `semantic` error with "did you
 * mean"), a role put on the wrong kind of element, and every problem of the
 * project's profile files (on those files). The CLI and the server both report
 * exactly these. One set of checks serves one set of loaded profiles; a
 * document's errors depend only on what it says and on the profiles, so the rule
 * runner keeps them for a document not parsed again (`inDocument`).
 */
export class ProfileChecks {
    private readonly problems: Finding[];
    private readonly profileIds: NameIndex;
    private readonly roles: ReturnType<ProfileRegistry['roles']>;
    private readonly roleIds: NameIndex;

    constructor(private readonly registry: ProfileRegistry) {
        this.problems = registry.problems().map(problem => ({ ...problem }));
        this.profileIds = new NameIndex(registry.all().map(profile => profile.id));
        this.roles = registry.roles();
        this.roleIds = new NameIndex([...this.roles.keys()]);
    }

    /** The profile files' problems, then each document's errors in file order. */
    inWorkspace(workspace: WorkspaceModel, inDocument: (document: LangiumDocument) => readonly Finding[] = document => this.inDocument(document)): Finding[] {
        const findings = [...this.problems];
        for (const document of workspace.documents) for (const finding of inDocument(document)) findings.push(finding);
        return findings;
    }

    inDocument(document: LangiumDocument): Finding[] {
        const findings: Finding[] = [];
        for (const declaration of (document.parseResult.value as Model).declarations ?? []) {
            if (isActor(declaration)) this.checkRoles(declaration, 'actor', findings);
            else if (isArrangement(declaration)) {
                this.checkProfile(declaration, findings);
                for (const forum of declaration.elements.filter(isForum)) {
                    this.checkProfile(forum, findings);
                    this.checkRoles(forum, 'forum', findings);
                }
            }
        }
        return findings;
    }

    private checkProfile(subject: Forum | Arrangement, findings: Finding[]): void {
        const registry = this.registry;
        const id = subject.profile;
        if (id === undefined || registry.get(id)) return;
        const failed = registry.failedFile(id);
        if (failed) {
            findings.push(findingAt(subject, { rule: 'semantic', severity: 'error', property: 'profile', message: `Profile '${id}' could not be loaded: its file (${failed.split('/').pop()}) has errors, reported there` }));
            return;
        }
        const suggestion = this.profileIds.closest(id);
        const finding = findingAt(subject, {
            rule: 'semantic', severity: 'error', property: 'profile',
            message: `Unknown profile '${id}'${suggestion ? `; did you mean '${suggestion}'?` : '.'} The profiles are ${registry.all().map(p => p.id).join(', ')} (docs/profiles.md)`
        });
        if (suggestion) finding.suggestion = suggestion;
        findings.push(finding);
    }

    private checkRoles(node: Actor | Forum, wanted: 'actor' | 'forum', findings: Finding[]): void {
        if (node.roles.length === 0) return;
        const roles = this.roles;
        const tokens = GrammarUtils.findNodesForProperty(node.$cstNode, 'roles');
        node.roles.forEach((role, index) => {
            const entry = roles.get(role);
            const at = (message: string, suggestion?: string) => {
                const finding = atToken(node, tokens[index], message);
                if (suggestion) finding.suggestion = suggestion;
                findings.push(finding);
            };
            if (!entry) {
                const suggestion = this.roleIds.closest(role, candidate => roles.get(candidate)?.definitions.every(d => d.role.for !== wanted) ?? true);
                at(`Unknown role '${role}'${suggestion ? `; did you mean '${suggestion}'?` : '.'} Roles come from the statutory profiles (docs/profiles.md)`, suggestion);
            } else if (entry.definitions.every(d => d.role.for !== wanted)) {
                const profiles = entry.definitions.map(d => d.profile.id).join(', ');
                at(`Role '${role}' is a role for ${wanted === 'actor' ? 'forums' : 'actors'} (in ${profiles}); ${wanted === 'actor' ? 'an actor' : 'a forum'} cannot carry it`);
            }
        });
    }
}

function atToken(node: AstNode, token: CstNode | undefined, message: string): Finding {
    const finding = findingAt(node, { rule: 'semantic', severity: 'error', message, property: 'roles' });
    if (token) finding.range = token.range;
    return finding;
}
