import type { Coverable, Party } from '../generated/ast.js';
import { deliveringActors, deliveringTeams, logicsOf, staffOf, titleOf } from '../analysis/membership.js';
import type { GapRule } from './rule.js';

export const conflictingLogics: GapRule = {
    id: 'conflicting-logics',
    type: 'institutional',
    defaultSeverity: 'warning',
    description: 'Efficiency and person-centred logics meet in a team or service that no agreement covers.',
    docs: {
        what: 'Among the actors that staff a team, or deliver a service (a delivering team counts as its staff), one '
            + 'declares `logic efficiency` and another `logic person-centred`, and no agreement `covers` that team or '
            + 'service. Two actors that both staff one delivering team are reported on that team, not on the service.',
        why: 'Practitioners in the Lanarkshire study felt a pull between working efficiently and working around the '
            + 'person; short appointments and statutory rules tended to win, and third-sector partners found '
            + 'statutory practice imposed on them. Where the two logics meet, an agreed way of working is needed.',
        seed: '001',
        failing: `actor NHS "Health board" { sector statutory logic efficiency }
actor Carers "Carers centre" { sector third logic person-centred }
arrangement North "North partnership" {
  partners NHS
  service Discharge "Discharge support" { delivered by NHS, Carers }
}
`,
        passing: `actor NHS "Health board" { sector statutory logic efficiency }
actor Carers "Carers centre" { sector third logic person-centred }
arrangement North "North partnership" {
  partners NHS
  service Discharge "Discharge support" { delivered by NHS, Carers }
  agreement Protocol "Discharge protocol" { between NHS, Carers covers Discharge }
}
`,
        fix: 'Add an agreement that `covers` the team or service and sets out how the two ways of working meet. If '
            + 'the tension is handled another way, suppress with `// joinery-ignore conflicting-logics: <reason>` on '
            + 'the line before the team or service.'
    },
    check(model, report) {
        const covered = (element: Coverable) => model.workspace.agreementsCovering(element).length > 0;
        for (const team of model.teams) {
            if (covered(team)) continue;
            const clash = findClash(staffOf(team), () => false);
            if (clash) report({ node: team, ...describeClash(clash, `team ${titleOf(team)}`) });
        }
        for (const service of model.services) {
            if (covered(service)) continue;
            const teamStaff = deliveringTeams(service).map(team => new Set(staffOf(team)));
            // Such a pair is the delivering team's tension, reported there.
            const shareATeam = (a: Party, b: Party) => teamStaff.some(staff => staff.has(a) && staff.has(b));
            const clash = findClash(deliveringActors(service), shareATeam);
            if (clash) report({ node: service, ...describeClash(clash, `service ${titleOf(service)}`) });
        }
    }
};

interface Clash {
    efficiency: Party;
    personCentred: Party;
}

/** Pairs within one team's or service's own actors only. */
function findClash(actors: Party[], excluded: (a: Party, b: Party) => boolean): Clash | undefined {
    for (const efficiency of actors.filter(actor => logicsOf(actor).includes('efficiency'))) {
        for (const personCentred of actors.filter(actor => logicsOf(actor).includes('person-centred'))) {
            if (efficiency !== personCentred && !excluded(efficiency, personCentred)) return { efficiency, personCentred };
        }
    }
    return undefined;
}

function describeClash({ efficiency, personCentred }: Clash, where: string) {
    return {
        message: `In ${where}, ${titleOf(efficiency)} works to an efficiency logic and ${titleOf(personCentred)} to a `
            + `person-centred one, and no agreement covers it. Add an agreement that covers it and sets out how they work together.`,
        related: [
            { node: efficiency, message: `${titleOf(efficiency)}: logic efficiency` },
            { node: personCentred, message: `${titleOf(personCentred)}: logic person-centred` }
        ]
    };
}
