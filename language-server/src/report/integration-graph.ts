import { AstUtils, type AstNode } from 'langium';
import type { Range } from 'vscode-languageserver';
import {
    isActor, isArrangement, isBudget, isForum, isGoal, isService, isSystem, isTeam,
    type Actor, type Budget, type Forum, type Sector, type Service, type System, type Team
} from '../generated/ast.js';
import type { ArrangementModel } from '../analysis/arrangement-model.js';
import { deliveriesOf, isBoard, isNonStatutory, resolved, systemsOf, titleOf, unique } from '../analysis/membership.js';
import { systemsUsedTogether } from '../analysis/system-use.js';
import { parseAmount, seatsHeld } from '../language/quantities.js';
import { locate, type Finding, type Severity } from '../findings/finding.js';
import { formatAmount } from './figures.js';

/** The three domains of the ecosystem (seed 001, Table 1), top to bottom. */
export type DomainLevel = 'macro' | 'meso' | 'micro';
export const DOMAIN_LEVELS: readonly DomainLevel[] = ['macro', 'meso', 'micro'];

/** Table 1's names, used for a level when no actor on the map names a domain of that level. */
const TABLE_1_DOMAINS: Record<DomainLevel, string> = {
    macro: 'Government', meso: 'Health and social care system', micro: 'Community'
};

export type MapNodeKind = 'actor' | 'forum' | 'budget' | 'team' | 'service' | 'system';

export interface MapFinding {
    rule: string;
    severity: Severity;
    message: string;
}

export interface MapNode {
    /** Unique in the graph: `kind:Name`, or `kind:Arrangement.Name` for another arrangement's element. */
    id: string;
    kind: MapNodeKind;
    name: string;
    title: string;
    layer: DomainLevel;
    /** What it is, in a few words: "statutory", "board", "pooled · 600m" (may be empty). */
    detail: string;
    sector?: Sector;
    /** The arrangement that declares it, when it is not the one mapped. */
    elsewhere?: string;
    isBoard?: boolean;
    /** An actor with a route to a board of the arrangement. */
    hasVoice?: boolean;
    /** A third-sector, independent or community actor with no route to any board of the arrangement. */
    withoutVoice?: boolean;
    /** A system used together with another system that no chain of links joins it to. */
    unlinked?: boolean;
    /** The findings reported on this element (after settings and suppressions). */
    findings: MapFinding[];
    location: { uri: string; range: Range };
}

export type MapEdgeKind =
    | 'voting' | 'advisory' | 'channel' | 'reports to' | 'referral' | 'represents' | 'scrutinises' | 'has regard to'
    | 'contributes' | 'holds' | 'controls' | 'funds' | 'directs'
    | 'staffs' | 'delivers' | 'uses' | 'owns' | 'link' | 'unlinked';

export interface MapEdge {
    id: string;
    from: string;
    to: string;
    kind: MapEdgeKind;
    /** A short label for the line: "5 votes", "420m", "consultation". */
    label?: string;
    /** The whole story, for a tooltip. */
    description: string;
    /** The receiving side reports back (a `two-way` channel, a `<->` link). */
    twoWay?: boolean;
    /** Two systems used together that no chain of links joins: a gap, not a declaration. */
    unlinked?: boolean;
}

export interface IntegrationGraph {
    arrangement: string;
    title: string;
    layers: Array<{ level: DomainLevel; title: string }>;
    nodes: MapNode[];
    edges: MapEdge[];
}

export type MappedElement = Actor | Forum | Budget | Team | Service | System;

/**
 * The arrangement as a graph of actors, forums, budgets, teams, services and
 * systems, with the routes and money between them, layered by domain. Read from
 * the derived model (voice, links) and the findings list; one pass over the
 * arrangement's elements.
 */
export function buildIntegrationGraph(model: ArrangementModel, findings: readonly Finding[]): IntegrationGraph {
    const nodes = new Map<AstNode, MapNode>();
    const edges: MapEdge[] = [];
    const edgeIndex = new Map<string, MapEdge>();
    const arrangementName = model.arrangement.name;

    const node = (element: MappedElement): MapNode => {
        let found = nodes.get(element);
        if (!found) {
            found = describe(element, model);
            nodes.set(element, found);
        }
        return found;
    };
    const edge = (from: MappedElement, to: MappedElement, kind: MapEdgeKind, description: string, extra: Partial<MapEdge> = {}) => {
        const a = node(from).id, b = node(to).id;
        // A forum that both holds and controls a budget gets one line, labelled with both.
        const key = `${a}\n${b}\n${kind === 'controls' ? 'holds' : kind}`;
        const existing = edgeIndex.get(key);
        if (existing) {
            if (extra.label && existing.label !== extra.label) existing.label = [existing.label, extra.label].filter(Boolean).join(', ');
            return;
        }
        const created: MapEdge = { id: `e${edges.length + 1}`, from: a, to: b, kind, description, ...extra };
        edges.push(created);
        edgeIndex.set(key, created);
    };

    for (const actor of model.involvedActors) node(actor);
    for (const element of model.arrangement.elements) {
        switch (element.$type) {
            case 'Forum': {
                node(element);
                for (const seat of element.voting) {
                    const member = seat.actor.ref;
                    const seats = seatsHeld(seat.seats);
                    if (member) edge(member, element, 'voting', `${titleOf(member)} votes on ${titleOf(element)}`, { label: `${seats} vote${seats === 1 ? '' : 's'}` });
                }
                for (const member of resolved(element.advisory)) edge(member, element, 'advisory', `${titleOf(member)} sits on ${titleOf(element)} without a vote`, { label: 'advisory' });
                for (const member of resolved(element.advisoryByLaw)) edge(member, element, 'advisory', `${titleOf(member)} sits on ${titleOf(element)} without a vote, by law`, { label: 'advisory by law' });
                const parent = element.reportsTo?.ref;
                if (parent) edge(element, parent, 'reports to', `${titleOf(element)} reports to ${titleOf(parent)}`);
                for (const subject of resolved(element.scrutinises)) {
                    if (subject !== element) edge(element, subject, 'scrutinises', `${titleOf(element)} scrutinises ${titleOf(subject)}`, { label: 'scrutinises' });
                }
                for (const target of resolved(element.regardTo)) {
                    const author = isGoal(target) ? target.owner?.ref : target;
                    if (author && !isTeam(author) && author !== element) {
                        edge(author, element, 'has regard to', `${titleOf(element)} must have regard to ${titleOf(target)}`, { label: 'has regard to' });
                    }
                }
                for (const budget of resolved(element.controls)) edge(element, budget, 'controls', `${titleOf(element)} controls ${titleOf(budget)}`, { label: 'controls' });
                break;
            }
            case 'Budget': {
                node(element);
                for (const contribution of element.contributions) {
                    const from = contribution.source.ref;
                    if (isBudget(from)) edge(from, element, 'funds', `${titleOf(from)} allocates${contribution.amount ? ` ${contribution.amount}` : ''} to ${titleOf(element)}`, contribution.amount ? { label: contribution.amount } : {});
                    else if (from) edge(from, element, 'contributes', `${titleOf(from)} contributes${contribution.amount ? ` ${contribution.amount}` : ''} to ${titleOf(element)}`, contribution.amount ? { label: contribution.amount } : {});
                }
                const holder = element.heldBy?.ref;
                if (holder) edge(holder, element, 'holds', `${titleOf(holder)} holds ${titleOf(element)}`, { label: 'holds' });
                for (const recipient of resolved(element.funds)) edge(element, recipient, 'funds', `${titleOf(element)} funds ${titleOf(recipient)}`);
                break;
            }
            case 'System': {
                node(element);
                const owner = element.owner?.ref;
                if (owner) edge(owner, element, 'owns', `${titleOf(owner)} owns ${titleOf(element)}`);
                for (const user of resolved(element.users)) if (user !== owner) edge(user, element, 'uses', `${titleOf(user)} uses ${titleOf(element)}`);
                break;
            }
            case 'Team':
                node(element);
                for (const member of unique(resolved(element.staff))) edge(member, element, 'staffs', `${titleOf(member)} staffs ${titleOf(element)}`);
                for (const system of systemsOf(element)) edge(element, system, 'uses', `${titleOf(element)} uses ${titleOf(system)}`);
                break;
            case 'Service':
                node(element);
                for (const { deliverer, basis } of deliveriesOf(element)) {
                    edge(deliverer, element, 'delivers', `${titleOf(deliverer)} delivers ${titleOf(element)}${basis ? ` (${basis})` : ''}`, basis ? { label: basis } : {});
                }
                break;
            case 'Direction': {
                const from = element.from?.ref, to = element.to?.ref;
                if (from && to) {
                    edge(from, to, 'directs', `${titleOf(from)} directs ${titleOf(to)}: ${titleOf(element)}${element.review ? `, to be reviewed by ${element.review}` : ''}`, { label: 'directs' });
                }
                break;
            }
            case 'Link': {
                const from = element.from.ref, to = element.to.ref;
                if (isSystem(from) && isSystem(to)) {
                    const shares = element.shares.length ? ` (shares ${element.shares.join(', ')})` : '';
                    edge(from, to, 'link', `${titleOf(from)} is linked to ${titleOf(to)}${shares}`, { twoWay: element.direction === '<->' });
                }
                break;
            }
            case 'Channel': {
                const from = element.from?.ref, to = element.to?.ref;
                if (from && to) {
                    const kind = element.kind ?? 'channel';
                    edge(from, to, 'channel', `${kind} channel${element.title ? ` "${element.title}"` : ''} from ${titleOf(from)} to ${titleOf(to)}${element.twoWay ? ', reporting back' : ''}`,
                        { label: kind, ...(element.twoWay ? { twoWay: true } : {}) });
                }
                break;
            }
            case 'Referral': {
                const from = element.from?.ref, to = element.to?.ref;
                if (from && to) edge(from, to, 'referral', `${titleOf(from)} refers people on to ${titleOf(to)}`, { label: 'refers' });
                break;
            }
        }
    }
    for (const actor of model.involvedActors) {
        for (const represented of unique(resolved(actor.represents))) {
            edge(actor, represented, 'represents', `${titleOf(actor)} claims to represent ${titleOf(represented)}; a claim is not a route`, { label: 'claims to represent' });
        }
    }
    markUnlinkedSystems(model, node, edge);
    attachFindings([...nodes.values()], findings, arrangementName);
    markVoice(model, nodes);

    const graphNodes = [...nodes.values()];
    return { arrangement: arrangementName, title: model.title, layers: layerTitles(nodes), nodes: graphNodes, edges };
}

/** Where an element is declared, when that is another arrangement than the one mapped. */
function declaredElsewhere(element: MappedElement, model: ArrangementModel): string | undefined {
    const own = AstUtils.getContainerOfType(element.$container, isArrangement);
    return own && own !== model.arrangement ? own.name : undefined;
}

/** The id of an element's node on an arrangement's map: `kind:Name`, or `kind:Arrangement.Name` for another arrangement's element. */
export function mapNodeId(element: MappedElement, model: ArrangementModel): string {
    const elsewhere = declaredElsewhere(element, model);
    return `${element.$type.toLowerCase()}:${elsewhere ? `${elsewhere}.${element.name}` : element.name}`;
}

function describe(element: MappedElement, model: ArrangementModel): MapNode {
    const elsewhere = declaredElsewhere(element, model);
    const name = elsewhere ? `${elsewhere}.${element.name}` : element.name;
    const base = { id: mapNodeId(element, model), name, title: titleOf(element), findings: [], location: locate(element), ...(elsewhere ? { elsewhere } : {}) };
    if (isActor(element)) {
        return { ...base, kind: 'actor', layer: actorLayer(element), detail: actorDetail(element), ...(element.sector ? { sector: element.sector } : {}) };
    }
    if (isForum(element)) {
        return { ...base, kind: 'forum', layer: 'meso', detail: element.kind ?? 'forum', ...(isBoard(element) ? { isBoard: true } : {}) };
    }
    if (isBudget(element)) {
        const total = budgetTotal(element);
        return { ...base, kind: 'budget', layer: 'meso', detail: [element.kind ?? 'budget', total === undefined ? undefined : formatAmount(total)].filter(Boolean).join(' · ') };
    }
    if (isTeam(element)) return { ...base, kind: 'team', layer: 'micro', detail: element.colocated ? 'co-located' : '' };
    if (isService(element)) return { ...base, kind: 'service', layer: 'micro', detail: element.function ?? '' };
    return { ...base, kind: 'system', layer: 'micro', detail: 'information system' };
}

/** "forum · board", "team": the kind and what the node is, for a label's first line. */
export function kindLine(node: MapNode): string {
    return node.detail ? `${node.kind} · ${node.detail}` : node.kind;
}

/** Its domain's level; without one, where Table 1 puts its sector. */
function actorLayer(actor: Actor): DomainLevel {
    const level = actor.domain?.ref?.level;
    if (level) return level;
    return actor.sector === 'government' ? 'macro' : actor.sector === 'statutory' ? 'meso' : 'micro';
}

function actorDetail(actor: Actor): string {
    const sector = actor.sector ? `${actor.sector}${actor.sector === 'third' ? ' sector' : ''}` : 'no sector';
    const kind = actor.kind && actor.kind !== 'organisation' ? ` · ${actor.kind}` : '';
    return sector + kind;
}

/** The sum of a budget's contributed amounts, or undefined when it states none. */
export function budgetTotal(budget: Budget): number | undefined {
    const amounts = budget.contributions.map(c => c.amount === undefined ? undefined : parseAmount(c.amount)).filter(a => a !== undefined);
    return amounts.length ? amounts.reduce((sum, a) => sum + a, 0) : undefined;
}

/** Pairs of systems one team (or the teams of one service) uses that no chain of links joins: drawn as dashed gaps. */
function markUnlinkedSystems(
    model: ArrangementModel,
    node: (element: MappedElement) => MapNode,
    edge: (from: MappedElement, to: MappedElement, kind: MapEdgeKind, description: string, extra?: Partial<MapEdge>) => void
): void {
    const groups: System[][] = [...model.teams.map(systemsOf), ...model.services.flatMap(systemsUsedTogether)];
    const seen = new Set<string>();
    for (const systems of groups) {
        for (let i = 0; i < systems.length; i++) {
            for (let j = i + 1; j < systems.length; j++) {
                const [a, b] = [systems[i], systems[j]];
                if (model.workspace.linked(a, b)) continue;
                const [first, second] = model.workspace.declarationOrder(a) <= model.workspace.declarationOrder(b) ? [a, b] : [b, a];
                const key = `${node(first).id}\n${node(second).id}`;
                if (seen.has(key)) continue;
                seen.add(key);
                node(first).unlinked = true;
                node(second).unlinked = true;
                edge(first, second, 'unlinked', `${titleOf(first)} and ${titleOf(second)} are used together but no chain of links joins them`,
                    { label: 'not linked', unlinked: true });
            }
        }
    }
}

function markVoice(model: ArrangementModel, nodes: Map<AstNode, MapNode>): void {
    for (const actor of model.involvedActors) {
        const mapped = nodes.get(actor)!;
        mapped.hasVoice = model.routesToBoard.has(actor);
        // As no-board-voice: a contractor is paid to deliver, not a partner that needs a say.
        if (!mapped.hasVoice && isNonStatutory(actor) && !model.partOf(actor).isContractor) mapped.withoutVoice = true;
    }
}

/** A finding belongs to the node it is located at (its name), within the finding's arrangement. */
function attachFindings(nodes: MapNode[], findings: readonly Finding[], arrangement: string): void {
    const at = (uri: string, range: Range) => `${uri}#${range.start.line}:${range.start.character}`;
    const byLocation = new Map(nodes.map(n => [at(n.location.uri, n.location.range), n]));
    for (const finding of findings) {
        if (finding.arrangement !== arrangement) continue;
        const target = byLocation.get(at(finding.uri, finding.range));
        if (target) target.findings.push({ rule: finding.rule, severity: finding.severity, message: finding.message });
    }
}

/** Each level's title: the domain the map's actors name at that level, else Table 1's. */
function layerTitles(nodes: Map<AstNode, MapNode>): IntegrationGraph['layers'] {
    const named = new Map<DomainLevel, string>();
    for (const element of nodes.keys()) {
        const domain = isActor(element) ? element.domain?.ref : undefined;
        const level = domain?.level;
        if (domain && level && !named.has(level)) named.set(level, titleOf(domain));
    }
    return DOMAIN_LEVELS.map(level => ({ level, title: named.get(level) ?? TABLE_1_DOMAINS[level] }));
}
