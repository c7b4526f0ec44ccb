import type { Actor, System } from '../generated/ast.js';
import type { WorkspaceModel } from '../analysis/workspace-model.js';
import { isOrganisation, resolved, staffOrganisations, titleOf, unique } from '../analysis/membership.js';
import type { GapRule } from './rule.js';
import { titles } from './wording.js';

export const sharedSystemWithoutAgreement: GapRule = {
    id: 'shared-system-without-agreement',
    type: 'institutional',
    defaultSeverity: 'warning',
    description: 'A system used across two or more organisations is covered by no agreement between them.',
    docs: {
        what: 'A system\'s users are the staff organisations of the teams that use it and, for each `link` touching '
            + 'it, the owners of both linked systems. When they are two or more organisations, some agreement must '
            + '`covers` the system and name every one of them in `between`.',
        why: 'Bekkers\' study of back-office integration finds that joining up organisations\' systems is a political '
            + 'process: it works when the offices involved reach a shared understanding and agree the rules, not '
            + 'when one of them imposes it.',
        seed: '003',
        failing: `actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement North "North partnership" {
  partners NHS, Council
  system Trak "Patient record" { owner NHS }
  team Rehab "Rehabilitation team" { staff NHS, Council uses Trak }
  agreement Sharing "Information sharing protocol" { between NHS covers Trak }
}
`,
        passing: `actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement North "North partnership" {
  partners NHS, Council
  system Trak "Patient record" { owner NHS }
  team Rehab "Rehabilitation team" { staff NHS, Council uses Trak }
  agreement Sharing "Information sharing protocol" { between NHS, Council covers Trak }
}
`,
        fix: 'Add an agreement that `covers` the system and names every organisation that uses it in `between`, or '
            + 'add the missing organisations to an existing one. Suppress with '
            + '`// joinery-ignore shared-system-without-agreement: <reason>` on the line before the system.'
    },
    check(model, report) {
        for (const system of model.systems) {
            const users = systemUsers(system, model.workspace);
            if (users.length < 2) continue;
            const agreements = model.workspace.agreementsCovering(system);
            const unnamed = agreements.map(agreement => {
                const parties = new Set(resolved(agreement.between));
                return { agreement, missing: users.filter(user => !parties.has(user)) };
            });
            if (unnamed.some(({ missing }) => missing.length === 0)) continue;
            report({
                node: system,
                message: `${titleOf(system)} is used across ${titles(users)}, but no agreement covers it and names all of them`
                    + (unnamed.length ? ` (${unnamed.map(({ agreement, missing }) => `${titleOf(agreement)} leaves out ${titles(missing)}`).join('; ')})` : '')
                    + '. Add an agreement between them that covers it.',
                related: unnamed.map(({ agreement, missing }) => ({ node: agreement, message: `covers ${titleOf(system)} but leaves out ${titles(missing)}` }))
            });
        }
    }
};

/** The organisations that use a system: staff of the teams using it, and owners of the systems linked to it. */
function systemUsers(system: System, workspace: WorkspaceModel): Actor[] {
    const owners = workspace.linksTouching(system).flatMap(link => [link.from.ref?.owner?.ref, link.to.ref?.owner?.ref]);
    return unique([
        ...workspace.teamsUsing(system).flatMap(staffOrganisations),
        ...owners.filter((owner): owner is Actor => owner !== undefined && isOrganisation(owner))
    ]);
}
