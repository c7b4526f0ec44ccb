import { isNonStatutory, titleOf } from '../analysis/membership.js';
import type { GapRule } from './rule.js';
import { titles } from './wording.js';

export const unfundedProvider: GapRule = {
    id: 'unfunded-provider',
    type: 'structural',
    defaultSeverity: 'warning',
    description: 'A non-statutory actor delivers services that no budget of the arrangement funds.',
    docs: {
        what: 'A third-sector, independent or community actor named in a service\'s `delivered by` must be funded by '
            + 'some budget of the arrangement (`funds` naming the actor, or a service it delivers, or a direction with '
            + 'money from a budget for either). Delivery marked `contracted` or `fee-funded` is paid for, and does not count.',
        why: 'Third-sector organisations in the Lanarkshire study were relied on to deliver preventive services while '
            + 'statutory partners kept the money for their own services; they described being expected to work for '
            + 'nothing, and asked for investment to match what they deliver.',
        seed: '001',
        failing: `actor Council "Council" { sector statutory }
actor Lunch "Lunch club" { sector community }
arrangement North "North partnership" {
  partners Council
  budget Grants "Community grants" { kind grant from Council 50k held by Council }
  service Meals "Lunch service" { delivered by Lunch }
}
`,
        passing: `actor Council "Council" { sector statutory }
actor Lunch "Lunch club" { sector community }
arrangement North "North partnership" {
  partners Council
  budget Grants "Community grants" { kind grant from Council 50k held by Council funds Meals }
  service Meals "Lunch service" { delivered by Lunch }
}
`,
        fix: 'Add the actor, or the services it delivers, to a budget\'s `funds`; if it is paid under a contract or by '
            + 'fees, mark the delivery `contracted` or `fee-funded`. If it is funded from outside the arrangement, suppress with `// joinery-ignore unfunded-provider: <reason>` on the line before the actor.'
    },
    check(model, report) {
        for (const actor of model.involvedActors) {
            if (!isNonStatutory(actor)) continue;
            // Delivery under contract or for fees is paid for.
            const services = model.partOf(actor).servicesAsPartner;
            if (services.length === 0) continue;
            if (model.budgetsFunding(actor).length > 0 || services.some(service => model.budgetsFunding(service).length > 0)) continue;
            const name = titleOf(actor);
            report({
                node: actor,
                message: `${name} (sector ${actor.sector}) delivers ${titles(services)} in ${model.title}, but no budget of `
                    + `${model.title} funds ${name} or ${services.length === 1 ? 'that service' : 'those services'}. `
                    + `Add ${name} or the service to a budget's \`funds\`.`,
                related: services.map(service => ({ node: service, message: `delivered by ${name}, unfunded` }))
            });
        }
    }
};
