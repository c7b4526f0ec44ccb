import type { AstNode, LangiumCoreServices, ValidationAcceptor, ValidationChecks } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { JoineryAstType, Actor, Arrangement, Channel, Contribution, Link, Referral, Seat } from '../generated/ast.js';
import { parseAmount, parseSeatCount, STAGES } from '../language/quantities.js';
import { nameNode, propertyKeywordCounts } from '../parser/declaration-syntax.js';
import { kindWord, propertyKeyword } from '../language/user-words.js';

/**
 * Properties that may be given once (LANGUAGE.md: "each may appear once unless it
 * is a list"), by the keyword that introduces each.
 */
const SINGLE_VALUED: Record<string, Array<[property: string, keyword: string]>> = {
    Domain: [['level', 'level']],
    Actor: [['sector', 'sector'], ['kind', 'kind'], ['domain', 'in']],
    Arrangement: [['stage', 'stage'], ['governance', 'governance'], ['lead', 'lead'], ['leader', 'leader'], ['merged', 'merged'], ['version', 'version'], ['date', 'date']],
    Forum: [['kind', 'kind'], ['reportsTo', 'reports']],
    Budget: [['kind', 'kind'], ['heldBy', 'held']],
    System: [['owner', 'owner']],
    Team: [['colocated', 'colocated'], ['area', 'area']],
    Service: [['population', 'for'], ['area', 'area'], ['function', 'function']],
    Channel: [['kind', 'kind'], ['twoWay', 'two-way']],
    Goal: [['owner', 'owner']],
    Indicator: [['kind', 'kind'], ['reportedBy', 'reported']]
};

/**
 * The document-local checks of LANGUAGE.md's "Semantic validation". Checks that
 * need the whole workspace (names unique across files, `reports to` cycles) live
 * in the integration analysis, which sees every file at once.
 */
export class SemanticChecks {
    constructor(_services: LangiumCoreServices) { }

    checkPropertiesOnce(node: AstNode, accept: ValidationAcceptor): void {
        const single = SINGLE_VALUED[node.$type];
        if (!single) return;
        const written = propertyKeywordCounts(node);
        for (const [property, keyword] of single) {
            const nodes = written.get(keyword) ?? [];
            if (nodes.length < 2) continue;
            const name = (node as { name?: string }).name;
            accept('error', `\`${propertyKeyword(node, property)}\` is given ${nodes.length} times in ${kindWord(node.$type)}${name ? ` ${name}` : ''}; it may appear once`,
                { node, range: nodes[1].range, code: 'semantic' });
        }
    }

    checkActor(actor: Actor, accept: ValidationAcceptor): void {
        if (!actor.sector) {
            accept('error', `Actor ${actor.name} has no \`sector\`: say whether it is government, statutory, third, independent or community`,
                { node: actor, range: nameRange(actor), code: 'semantic' });
        }
    }

    checkArrangement(arrangement: Arrangement, accept: ValidationAcceptor): void {
        if (arrangement.stage !== undefined && !(STAGES as readonly string[]).includes(arrangement.stage)) {
            accept('error', `Stage '${arrangement.stage}' is not a stage of joining-up: use one of ${STAGES.join(', ')}`,
                { node: arrangement, property: 'stage', code: 'syntax' });
        }
        if (arrangement.date !== undefined && !isCalendarDate(arrangement.date)) {
            accept('error', `\`date\` must be a calendar date written year-month-day, such as "2025-03-31"; "${arrangement.date}" is not`,
                { node: arrangement, property: 'date', code: 'semantic' });
        }
        const leader = arrangement.leader?.ref;
        if (leader && (leader.kind ?? 'organisation') !== 'role') {
            accept('error', `\`leader\` must be an actor of kind role (a post such as a chief officer); ${leader.name} is of kind ${leader.kind ?? 'organisation'}`,
                { node: arrangement, property: 'leader', code: 'semantic' });
        }
        const seen = new Map<string, AstNode>();
        for (const element of arrangement.elements) {
            const name = (element as { name?: string }).name;
            if (!name) continue;
            const first = seen.get(name);
            if (first) {
                accept('error', `Duplicate name '${name}' in arrangement ${arrangement.name}: already declared as ${kindWord(first.$type)}`,
                    { node: element, range: nameRange(element), code: 'semantic' });
            } else {
                seen.set(name, element);
            }
        }
    }

    checkSeat(seat: Seat, accept: ValidationAcceptor): void {
        if (seat.seats === undefined) return;
        const count = parseSeatCount(seat.seats);
        if (count === undefined) {
            accept('error', `Seat count '${seat.seats}' is not a whole number`, { node: seat, property: 'seats', code: 'semantic' });
        } else if (count < 1) {
            accept('error', `A voting member needs at least 1 seat; ${seat.actor.$refText} has ${count}`, { node: seat, property: 'seats', code: 'semantic' });
        }
    }

    checkContribution(contribution: Contribution, accept: ValidationAcceptor): void {
        if (contribution.amount === undefined) return;
        const amount = parseAmount(contribution.amount);
        if (contribution.amount.startsWith('-')) {
            accept('error', `Amount '${contribution.amount}' is negative: a contribution cannot be below zero`, { node: contribution, property: 'amount', code: 'semantic' });
        } else if (amount === undefined) {
            accept('error', `Amount '${contribution.amount}' is malformed: write a number with an optional k, m or bn suffix (120m, 2.5bn, 40000)`,
                { node: contribution, property: 'amount', code: 'semantic' });
        }
    }

    checkLink(link: Link, accept: ValidationAcceptor): void {
        if (link.from.ref && link.from.ref === link.to.ref) {
            accept('error', `A link from system ${link.from.ref.name} to itself joins nothing`, { node: link, property: 'to', code: 'semantic' });
        }
    }

    checkRoute(route: Channel | Referral, accept: ValidationAcceptor): void {
        if (route.from.ref && route.from.ref === route.to.ref) {
            accept('error', `A ${kindWord(route.$type)} from ${route.from.ref.name} to itself connects nothing`, { node: route, property: 'to', code: 'semantic' });
        }
    }
}

export function registerSemanticChecks(services: LangiumCoreServices & ValidationAddedServices): void {
    const checks = services.validation.SemanticChecks;
    const propertiesOnce = (node: AstNode, accept: ValidationAcceptor) => checks.checkPropertiesOnce(node, accept);
    const registry: ValidationChecks<JoineryAstType> = {
        Domain: propertiesOnce,
        Actor: [propertiesOnce, checks.checkActor],
        Arrangement: [propertiesOnce, checks.checkArrangement],
        Forum: propertiesOnce,
        Budget: propertiesOnce,
        System: propertiesOnce,
        Team: propertiesOnce,
        Service: propertiesOnce,
        Goal: propertiesOnce,
        Indicator: propertiesOnce,
        Seat: checks.checkSeat,
        Contribution: checks.checkContribution,
        Link: checks.checkLink,
        Channel: [propertiesOnce, checks.checkRoute],
        Referral: checks.checkRoute
    };
    services.validation.ValidationRegistry.register(registry, checks);
}

function nameRange(node: AstNode): Range | undefined {
    return nameNode(node)?.range;
}

/** The services the validation layer adds. */
export interface ValidationAddedServices {
    validation: { SemanticChecks: SemanticChecks };
}

/** "2025-03-31": ISO 8601's calendar date, and a day that exists. */
function isCalendarDate(text: string): boolean {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return false;
    const [year, month, day] = match.slice(1).map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
