import type { AstNode, LangiumCoreServices, ValidationAcceptor, ValidationChecks } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { JoineryAstType, Actor, Arrangement, Channel, Contribution, Link, Referral, Seat } from '../generated/ast.js';
import { malformedAmount, parseAmount, parseSeatCount, STAGES, type Stage } from '../language/quantities.js';
import { nameNode, propertyKeywordCounts } from '../parser/declaration-syntax.js';
import { kindWord, propertyKeyword } from '../language/user-words.js';
import { checkBudget, checkDate, checkDirection, checkForum, checkNamedChannel } from './element-checks.js';

/**
 * Properties that may be given once (LANGUAGE.md: "each may appear once unless it
 * is a list"), by the keyword that introduces each.
 */
const SINGLE_VALUED: Record<string, Array<[property: string, keyword: string]>> = {
    Domain: [['level', 'level']],
    Actor: [['sector', 'sector'], ['kind', 'kind'], ['domain', 'in']],
    Arrangement: [['stages', 'stage'], ['governance', 'governance'], ['lead', 'lead'], ['leader', 'leader'], ['merged', 'merged'], ['profile', 'profile'], ['version', 'version'], ['date', 'date']],
    Forum: [['kind', 'kind'], ['reportsTo', 'reports'], ['body', 'body'], ['sector', 'sector'], ['chair', 'chair'],
        ['viceChair', 'vice-chair'], ['decidesBy', 'decides'], ['profile', 'profile']],
    Budget: [['kind', 'kind'], ['heldBy', 'held'], ['term', 'term']],
    System: [['owner', 'owner']],
    Team: [['colocated', 'colocated'], ['area', 'area']],
    Service: [['population', 'for'], ['area', 'area'], ['function', 'function']],
    Channel: [['kind', 'kind'], ['twoWay', 'two-way'], ['from', 'from'], ['to', 'to']],
    Goal: [['owner', 'owner']],
    Indicator: [['kind', 'kind'], ['reportedBy', 'reported']],
    Direction: [['from', 'from'], ['to', 'to'], ['budget', 'budget'], ['review', 'review']]
};

/** Whether `keyword` begins a property that a declaration of `type` may give once (completion offers it no more once written). */
export function mayAppearOnce(type: string, keyword: string): boolean {
    return SINGLE_VALUED[type]?.some(([, once]) => once === keyword) ?? false;
}

/** 6a, 6b and 6c are alternatives (seed 004): the only stages that may be claimed together. */
const COMBINABLE: readonly Stage[] = ['6a', '6b', '6c'];

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
            const nodes = written.get(keyword);
            if (nodes.length < 2) continue;
            const name = (node as { name?: string }).name;
            accept('error', `\`${propertyKeyword(node, property)}\` is given ${nodes.length} times in ${kindWord(node.$type)}${name ? ` ${name}` : ''}; it may appear once`,
                { node, range: nodes[1].range, code: 'semantic' });
        }
    }

    /** Names may not contain `-` (LANGUAGE.md); the lexer reads `NHS-Kinbrae` as one so that this can say so. */
    checkName(node: AstNode, accept: ValidationAcceptor): void {
        const name = (node as { name?: unknown }).name;
        if (typeof name !== 'string' || !name.includes('-')) return;
        const plain = name.replace(/-/g, '_');
        accept('error', `Names cannot contain '-' (${name}): write ${plain} or ${name.replace(/-/g, '')}`,
            { node, range: nameRange(node), code: 'syntax' });
    }

    checkActor(actor: Actor, accept: ValidationAcceptor): void {
        if (!actor.sector) {
            accept('error', `Actor ${actor.name} has no \`sector\`: say whether it is government, statutory, third, independent or community`,
                { node: actor, range: nameRange(actor), code: 'semantic' });
        }
    }

    checkArrangement(arrangement: Arrangement, accept: ValidationAcceptor): void {
        const claims = arrangement.stages;
        claims.forEach((stage, index) => {
            if (!(STAGES as readonly string[]).includes(stage)) {
                accept('error', `Stage '${stage}' is not a stage of joining-up: use one of ${STAGES.join(', ')}`,
                    { node: arrangement, property: 'stages', index, code: 'syntax' });
            } else if (claims.indexOf(stage) < index) {
                accept('error', `Stage ${stage} is claimed twice`, { node: arrangement, property: 'stages', index, code: 'semantic' });
            }
        });
        if (claims.length > 1 && !claims.every(stage => (COMBINABLE as readonly string[]).includes(stage))) {
            accept('error', `Only 6a, 6b and 6c can be claimed together (they are alternatives, seed 004); claim one stage of ${claims.join(', ')}`,
                { node: arrangement, property: 'stages', index: 1, code: 'semantic' });
        }
        if (arrangement.date !== undefined) checkDate(arrangement, 'date', arrangement.date, accept);
        // A `lead` outside the partners is left to stage-claim-unsupported, which says so (v1, conformance case stages).
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
            accept('error', malformedAmount(contribution.amount), { node: contribution, property: 'amount', code: 'semantic' });
        }
    }

    checkLink(link: Link, accept: ValidationAcceptor): void {
        if (link.from.ref && link.from.ref === link.to.ref) {
            accept('error', `A link from system ${link.from.ref.name} to itself joins nothing`, { node: link, property: 'to', code: 'semantic' });
        }
    }

    checkRoute(route: Channel | Referral, accept: ValidationAcceptor): void {
        const from = route.from?.ref;
        if (from && from === route.to?.ref) {
            accept('error', `A ${kindWord(route.$type)} from ${from.name} to itself connects nothing`, { node: route, property: 'to', code: 'semantic' });
        }
    }
}

export function registerSemanticChecks(services: LangiumCoreServices & ValidationAddedServices): void {
    const checks = services.validation.SemanticChecks;
    const propertiesOnce = (node: AstNode, accept: ValidationAcceptor) => checks.checkPropertiesOnce(node, accept);
    const named = (node: AstNode, accept: ValidationAcceptor) => checks.checkName(node, accept);
    const registry: ValidationChecks<JoineryAstType> = {
        Domain: [propertiesOnce, named],
        Actor: [propertiesOnce, named, checks.checkActor],
        Arrangement: [propertiesOnce, named, checks.checkArrangement],
        Forum: [propertiesOnce, named, checkForum],
        Budget: [propertiesOnce, named, checkBudget],
        System: [propertiesOnce, named],
        Team: [propertiesOnce, named],
        Service: [propertiesOnce, named],
        Goal: [propertiesOnce, named],
        Indicator: [propertiesOnce, named],
        Agreement: named,
        Direction: [propertiesOnce, named, checkDirection],
        Seat: checks.checkSeat,
        Contribution: checks.checkContribution,
        Link: checks.checkLink,
        Channel: [propertiesOnce, named, checks.checkRoute, checkNamedChannel],
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
