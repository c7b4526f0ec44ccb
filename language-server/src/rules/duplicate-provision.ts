import type { Service } from '../generated/ast.js';
import { deliverersOf, titleOf } from '../analysis/membership.js';
import { comparableText } from '../language/free-text.js';
import { pairSubject } from '../findings/finding.js';
import type { GapRule } from './rule.js';
import { titles } from './wording.js';

/** Beyond this many alike services, one finding per service instead of one per pair (issue 19: 400 care homes gave 79,800). */
export const MAX_PAIRWISE_GROUP = 10;
/** Earlier services named as related locations of a large group's finding. */
const RELATED_SHOWN = 5;

export const duplicateProvision: GapRule = {
    id: 'duplicate-provision',
    type: 'structural',
    defaultSeverity: 'warning',
    description: 'Two services with the same function, population and area are delivered by different actors.',
    docs: {
        what: 'Two services of one arrangement that both declare `function` and `for`, with equal `function`, `for` and '
            + '`area` (compared ignoring case and surrounding or repeated white space; a missing `area` matches only another missing one), but different `delivered by`. Each such pair '
            + 'is reported once, on the later-declared service, naming the earlier one. A group of more than '
            + `${MAX_PAIRWISE_GROUP} alike services (a list of care homes, say) would give a finding for every pair, so there each `
            + 'service after the first that differs from an earlier one gets one finding, naming the first such earlier '
            + 'service and how many others it duplicates.',
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
            const deliverers = new Map<Service, ReadonlySet<Deliverer>>(ordered.map(service => [service, new Set(deliverersOf(service))]));
            if (ordered.length > MAX_PAIRWISE_GROUP) {
                reportLargeGroup(ordered, deliverers, report);
                continue;
            }
            // Pairs within one group of duplicates only.
            for (let later = 1; later < ordered.length; later++) {
                for (let earlier = 0; earlier < later; earlier++) {
                    const a = ordered[earlier], b = ordered[later];
                    if (sameSet(deliverers.get(a)!, deliverers.get(b)!)) continue;
                    report({
                        node: b, subject: pairSubject(a, b),
                        message: `${titleOf(b)} duplicates ${titleOf(a)}, declared earlier: ${provision(b)}, but ${titleOf(b)} is delivered by ${describe(deliverers.get(b)!)} and `
                            + `${titleOf(a)} by ${describe(deliverers.get(a)!)}. ${ADVICE}`,
                        related: [{ node: a, message: `${titleOf(a)}, the earlier service with the same function, population and area` }]
                    });
                }
            }
        }
    }
};

const ADVICE = 'Referrers cannot tell which to use: merge them, or make their function, population or area distinct.';

function provision(service: Service): string {
    const where = service.area === undefined ? '' : ` in ${service.area}`;
    return `both provide ${service.function} for ${service.population}${where}`;
}

type Deliverer = { name?: string; title?: string };

/**
 * One finding on each service after the first that an earlier one duplicates with
 * other deliverers: linear in the group, where pairs are quadratic. Deliverer sets
 * are compared by a key; the earlier services named are the first of each set.
 */
function reportLargeGroup(ordered: Service[], deliverers: Map<Service, ReadonlySet<Deliverer>>, report: Parameters<GapRule['check']>[1]): void {
    const keyOf = (service: Service) => [...deliverers.get(service)!].map(d => d.name ?? '').sort().join('\u0000');
    const seen = new Map<string, number>();
    /** The first service of each deliverer set met so far (a few): what a finding names. */
    const pioneers: Array<{ key: string; service: Service }> = [];
    ordered.forEach((service, index) => {
        const key = keyOf(service);
        const differing = index - (seen.get(key) ?? 0);
        if (differing > 0) {
            const named = pioneers.filter(p => p.key !== key).map(p => p.service);
            const first = named[0];
            const others = differing - 1;
            report({
                node: service,
                message: `${titleOf(service)} duplicates ${titleOf(first)}${others > 0 ? ` and ${others.toLocaleString('en-GB')} other earlier service${others === 1 ? '' : 's'}` : ''}, `
                    + `declared earlier (${ordered.length.toLocaleString('en-GB')} services alike in all): ${provision(service)}, but ${titleOf(service)} is delivered by `
                    + `${describe(deliverers.get(service)!)} and ${titleOf(first)} by ${describe(deliverers.get(first)!)}. ${ADVICE}`,
                related: named.slice(0, RELATED_SHOWN).map(node => ({ node, message: `${titleOf(node)}, an earlier service with the same function, population and area` }))
            });
        }
        if (!seen.has(key) && pioneers.length <= RELATED_SHOWN) pioneers.push({ key, service });
        seen.set(key, (seen.get(key) ?? 0) + 1);
    });
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
    return a.size === b.size && [...a].every(item => b.has(item));
}

function describe(deliverers: ReadonlySet<Deliverer>): string {
    return deliverers.size ? titles([...deliverers]) : 'nobody';
}
