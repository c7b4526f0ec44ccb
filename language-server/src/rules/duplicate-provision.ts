import type { Service } from '../generated/ast.js';
import { deliverersOf, titleOf } from '../analysis/membership.js';
import { comparableText } from '../language/free-text.js';
import type { GapRule } from './rule.js';
import { titles } from './wording.js';

export const duplicateProvision: GapRule = {
    id: 'duplicate-provision',
    type: 'structural',
    defaultSeverity: 'warning',
    description: 'Two services with the same function, population and area are delivered by different actors.',
    docs: {
        what: 'Two services of one arrangement that both declare `function` and `for`, with equal `function`, `for` and '
            + '`area` (compared ignoring case and surrounding or repeated white space; a missing `area` matches only another missing one), but different `delivered by`. Each such pair '
            + 'is reported once, on the later-declared service, naming the earlier one.',
        why: 'In the Lanarkshire study a new team was set up almost overnight beside an existing multi-disciplinary '
            + 'team doing similar work, and staff no longer knew which one to refer people to; practitioners expected '
            + 'the duplication to continue.',
        seed: '001',
        failing: `actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement South "South partnership" {
  partners NHS, Council
  service Rehab "Community rehabilitation" { delivered by NHS for "older people" function "reablement" }
  service HomeFirst "Home First" { delivered by Council for "older people" function "reablement" }
}
`,
        passing: `actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement South "South partnership" {
  partners NHS, Council
  service Rehab "Community rehabilitation" { delivered by NHS for "older people" function "reablement" }
  service HomeFirst "Home First" { delivered by Council for "older people" function "hospital discharge" }
}
`,
        fix: 'Merge the two services into one with both deliverers, or make the difference explicit in `function`, '
            + '`for` or `area`. If both are intended (for example during a hand-over), suppress with '
            + '`// joinery-ignore duplicate-provision: <reason>` on the line before the later service.'
    },
    check(model, report) {
        const groups = new Map<string, Service[]>();
        for (const service of model.services) {
            if (service.function === undefined || service.population === undefined) continue;
            const key = JSON.stringify([comparableText(service.function), comparableText(service.population), service.area === undefined ? null : comparableText(service.area)]);
            const group = groups.get(key);
            if (group) group.push(service); else groups.set(key, [service]);
        }
        for (const group of groups.values()) {
            if (group.length < 2) continue;
            const ordered = [...group].sort((a, b) => model.workspace.declarationOrder(a) - model.workspace.declarationOrder(b));
            const deliverers = new Map(ordered.map(service => [service, new Set(deliverersOf(service))]));
            // Pairs within one group of duplicates only.
            for (let later = 1; later < ordered.length; later++) {
                for (let earlier = 0; earlier < later; earlier++) {
                    const a = ordered[earlier], b = ordered[later];
                    if (sameSet(deliverers.get(a)!, deliverers.get(b)!)) continue;
                    const where = b.area === undefined ? '' : ` in ${b.area}`;
                    report({
                        node: b,
                        message: `${titleOf(b)} duplicates ${titleOf(a)}, declared earlier: both provide ${b.function} for `
                            + `${b.population}${where}, but ${titleOf(b)} is delivered by ${describe(deliverers.get(b)!)} and `
                            + `${titleOf(a)} by ${describe(deliverers.get(a)!)}. `
                            + 'Referrers cannot tell which to use: merge them, or make their function, population or area distinct.',
                        related: [{ node: a, message: `${titleOf(a)}, the earlier service with the same function, population and area` }]
                    });
                }
            }
        }
    }
};

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
    return a.size === b.size && [...a].every(item => b.has(item));
}

function describe(deliverers: ReadonlySet<{ name?: string; title?: string }>): string {
    return deliverers.size ? titles([...deliverers]) : 'nobody';
}
