import { AstUtils } from 'langium';
import type { Actor, Party } from '../generated/ast.js';
import type { ArrangementModel } from '../analysis/arrangement-model.js';
import { isNonStatutory, resolved, sectorOf, titleOf } from '../analysis/membership.js';
import { SECTORS, type PowerShare, type SectorPower } from '../analysis/power-map.js';
import type { RouteNode } from '../analysis/routes.js';
import { seatsHeld, STAGES, type Stage } from '../language/quantities.js';
import { BUILDS_ON, STAGE_NAMES, type StageRequirement } from '../analysis/stage-support.js';
import type { Finding, Severity } from '../findings/finding.js';
import { findRule } from '../rules/registry.js';
import type { IntegrationType } from '../rules/rule.js';
import type { SuppressedFinding } from '../checking/suppression.js';
import { boardFacts, type BoardFacts } from './board-facts.js';
import { budgetTotal, buildIntegrationGraph, type IntegrationGraph } from './integration-graph.js';
import { complianceChecklists, type ComplianceChecklist } from './compliance-section.js';
import { buildMapViews, type MapView } from './map-views.js';
import { scoreMaturity, type MaturityProfile } from './maturity.js';

/** Seed 001's Table 3 types, then maturity and power (RULES.md); model errors last. */
export type FindingGroupType = IntegrationType | 'model';

export const FINDING_GROUPS: ReadonlyArray<{ type: FindingGroupType; heading: string; about: string }> = [
    { type: 'structural', heading: 'Structural', about: 'governance, money, teams and information systems' },
    { type: 'relational', heading: 'Relational', about: 'voice, representation and working across sectors' },
    { type: 'institutional', heading: 'Institutional', about: 'goals, measures, logics and agreements' },
    { type: 'maturity', heading: 'Maturity', about: 'the stage of joining-up' },
    { type: 'power', heading: 'Power', about: 'who gets what, and who decides' },
    { type: 'model', heading: 'Model errors', about: 'problems in the model text itself, and suppressions' }
];

export interface ProfileFinding extends Finding {
    type: FindingGroupType;
    /** Where it is, for people: `examples/north.joinery:12`. */
    place: string;
}

export interface StageRung {
    stage: Stage;
    name: string;
    supported: boolean;
    claimed: boolean;
    requirements: StageRequirement[];
    /** The stage it builds on, when its own requirements are met but that stage is not reached. */
    blockedBy?: Stage;
}

/** How an actor's voice reaches the arrangement's boards, strongest first. */
export type VoiceKind = 'votes' | 'sits' | 'channel' | 'route' | 'none';

export const VOICE_WORDS: Record<VoiceKind, string> = {
    votes: 'votes on a board', sits: 'sits on a board without a vote', channel: 'has a channel to a board',
    route: 'reaches a board through others', none: 'no route to a board'
};

export interface ActorVoice {
    actor: Actor;
    title: string;
    sector?: string;
    voice: VoiceKind;
    /** Voting seats on the arrangement's boards. */
    votes: number;
    /** For `sits` and `route`: the board reached; for `route`, the forums and actors on the way. */
    board?: string;
    through: string[];
    /** A third-sector, independent or community actor. */
    nonStatutory: boolean;
    /** A non-statutory actor, not a contractor, without a route to a board (rule no-board-voice). */
    withoutVoice: boolean;
    budgetsHeld: string[];
    servicesDelivered: number;
}

/** One actor's row of the power map: a sector's figures can hide a member with no seat and no money. */
export interface ActorPowerLine extends PowerShare {
    name: string;
    title: string;
    sector?: string;
}

export interface BudgetLine {
    title: string;
    kind?: string;
    amount?: number;
    heldBy?: string;
    controlledBy: string[];
    funds: string[];
}

/** A suppressed or baselined finding, with why it was accepted and where that is written. */
export interface AcceptedRisk extends ProfileFinding {
    /** The suppression comment's reason (empty for a baselined finding). */
    reason: string;
    /** Where the suppression comment stands: `examples/north.joinery:40`. */
    suppressedAt?: string;
    /** The baseline file (`--baseline FILE`) that records it as known. */
    baseline?: string;
}

export interface IntegrationProfile {
    name: string;
    title: string;
    /** The file that declares it. */
    place: string;
    /** The version and date the model states (`version`, `date`), if it does. */
    stated: { version?: string; date?: string };
    claimed?: string;
    supported: Stage;
    stages: StageRung[];
    /** What the model lacks for the claimed stage (empty when the claim holds). */
    missingForClaim: StageRequirement[];
    power: SectorPower[];
    /** The power map per actor, in the sectors' order. */
    actorPower: ActorPowerLine[];
    budgetsWeighted: boolean;
    totals: { votingSeats: number; budget?: number; budgets: number; services: number };
    voices: ActorVoice[];
    budgets: BudgetLine[];
    findings: ProfileFinding[];
    /** Who reaches a board, who votes, who controls the money: three facts. */
    facts: BoardFacts;
    maturity: MaturityProfile;
    /** Findings silenced by suppression comments, with their reasons. */
    accepted: AcceptedRisk[];
    graph: IntegrationGraph;
    /** Each profiled forum against its statutory profile (compliance-section.ts). */
    compliance: ComplianceChecklist[];
    /** The whole map, and the views a board paper prints. */
    views: MapView[];
}

export interface ProfileExtras {
    /** Findings that suppression comments silenced (`collectFindingsAndAccepted`). */
    suppressed?: readonly SuppressedFinding[];
    /** Rules set to `off` in this check: the maturity profile cannot count on their silence. */
    rulesOff?: ReadonlySet<string>;
    /** Findings that a baseline records as known (`--baseline FILE`), held back from the open findings. */
    baselined?: readonly Finding[];
    baselineFile?: string;
}

/**
 * Everything the report says about one arrangement, read from its derived model
 * and the findings list (the same list `joinery check` prints).
 */
export function buildIntegrationProfile(model: ArrangementModel, findings: readonly Finding[], placeOf: (finding: Finding) => string, fileOf: (uri: string) => string, extras: ProfileExtras = {}): IntegrationProfile {
    const own = findings.filter(f => f.arrangement === model.arrangement.name);
    const suppressed = (extras.suppressed ?? []).filter(f => f.arrangement === model.arrangement.name);
    const baselined = (extras.baselined ?? []).filter(f => f.arrangement === model.arrangement.name);
    const { stageSupport, powerMap } = model;
    const claimedStages = stageSupport.claims.filter(claim => (STAGES as readonly string[]).includes(claim));
    const budgets = model.budgets.map(budget => {
        const amount = budgetTotal(budget);
        const holder = budget.heldBy?.ref;
        return {
            title: titleOf(budget),
            ...(budget.kind ? { kind: budget.kind } : {}),
            ...(amount === undefined ? {} : { amount }),
            ...(holder ? { heldBy: titleOf(holder) } : {}),
            controlledBy: model.workspace.boardsControlling(budget).map(titleOf),
            funds: resolved(budget.funds).map(titleOf)
        };
    });
    const voices = voicesOf(model);
    const graph = buildIntegrationGraph(model, findings);
    return {
        name: model.arrangement.name,
        title: model.title,
        place: fileOf(AstUtils.getDocument(model.arrangement).uri.toString()),
        stated: {
            ...(model.arrangement.version !== undefined ? { version: model.arrangement.version } : {}),
            ...(model.arrangement.date !== undefined ? { date: model.arrangement.date } : {})
        },
        ...(stageSupport.claimed ? { claimed: stageSupport.claimed } : {}),
        supported: stageSupport.supportedStage,
        stages: STAGES.map(stage => {
            const requirements = stageSupport.requirements.filter(r => r.stage === stage);
            const supported = stageSupport.isSupported(stage);
            const base = BUILDS_ON[stage].find(s => !stageSupport.isSupported(s));
            return {
                stage, name: STAGE_NAMES[stage], supported, claimed: stageSupport.claims.includes(stage), requirements,
                ...(!supported && base && requirements.filter(r => !r.skipping).every(r => r.met) ? { blockedBy: base } : {})
            };
        }),
        missingForClaim: [...new Set(claimedStages.flatMap(claim => stageSupport.missingFor(claim)))],
        power: powerMap.sectors,
        actorPower: actorPowerLines(model),
        budgetsWeighted: powerMap.budgetsWeighted,
        totals: {
            votingSeats: powerMap.sectors.reduce((sum, p) => sum + p.votingSeats, 0),
            ...(powerMap.budgetsWeighted ? { budget: budgets.reduce((sum, b) => sum + (b.amount ?? 0), 0) } : {}),
            budgets: budgets.length,
            services: model.services.length
        },
        voices,
        budgets,
        findings: own.map(finding => ({ ...finding, type: groupOf(finding.rule), place: placeOf(finding) }))
            .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]),
        facts: boardFacts(voices, powerMap.sectors, budgets.length),
        // An accepted risk, suppressed or baselined, is still a gap: it counts against maturity.
        maturity: scoreMaturity({ model, findings, suppressed: [...suppressed, ...baselined], rulesOff: extras.rulesOff ?? new Set() }),
        accepted: [
            ...suppressed.map(finding => ({
                ...finding, type: groupOf(finding.rule), place: placeOf(finding), reason: finding.suppression.reason,
                suppressedAt: `${fileOf(finding.suppression.uri)}:${finding.suppression.range.start.line + 1}`
            })),
            ...baselined.map(finding => ({ ...finding, type: groupOf(finding.rule), place: placeOf(finding), reason: '', baseline: extras.baselineFile ?? 'the baseline' }))
        ],
        graph,
        views: buildMapViews(model, graph),
        compliance: complianceChecklists(model)
    };
}

export function groupOf(rule: string): FindingGroupType {
    return findRule(rule)?.type ?? 'model';
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const VOICE_ORDER: Record<VoiceKind, number> = { votes: 0, sits: 1, channel: 2, route: 3, none: 4 };

function actorPowerLines(model: ArrangementModel): ActorPowerLine[] {
    const order = new Map(SECTORS.map((sector, index) => [sector as string, index]));
    const rank = (sector: string | undefined) => order.get(sector ?? '') ?? SECTORS.length;
    return model.powerMap.actors
        .map(({ actor, votingSeats, budgetShare, servicesDelivered, servicesAsPartner, serviceShare }) => {
            const sector = sectorOf(actor);
            return {
                name: actor.name, title: titleOf(actor), ...(sector ? { sector } : {}),
                votingSeats, budgetShare, servicesDelivered, servicesAsPartner, serviceShare
            };
        })
        // Stable: within a sector, the power map's first-seen order.
        .sort((a, b) => rank(a.sector) - rank(b.sector));
}

function voicesOf(model: ArrangementModel): ActorVoice[] {
    const votes = new Map<Party, number>();
    for (const board of model.boards) {
        for (const seat of board.voting) {
            const actor = seat.actor.ref;
            if (actor) votes.set(actor, (votes.get(actor) ?? 0) + seatsHeld(seat.seats));
        }
    }
    const steps = model.workspace.routes.firstStepsTowards(model.boards);
    const ownBudgets = new Set(model.budgets);
    const voices = model.involvedActors.map((actor): ActorVoice => {
        const through: string[] = [];
        let board: RouteNode | undefined;
        if (steps.has(actor)) {
            let node: RouteNode = actor;
            for (let step = steps.get(node); step; step = steps.get(node)) {
                node = step.to;
                if (steps.get(node)) through.push(titleOf(node));
            }
            board = node;
        }
        const seats = votes.get(actor) ?? 0;
        const direct = through.length === 0 ? steps.get(actor)?.via : undefined;
        const voice: VoiceKind = seats > 0 ? 'votes' : board === undefined ? 'none' : direct === 'channel' ? 'channel' : direct ? 'sits' : 'route';
        return {
            actor, title: titleOf(actor),
            ...(actor.sector ? { sector: actor.sector } : {}),
            voice, votes: seats,
            ...(board ? { board: titleOf(board) } : {}),
            through,
            nonStatutory: isNonStatutory(actor),
            withoutVoice: board === undefined && isNonStatutory(actor) && !model.partOf(actor).isContractor,
            budgetsHeld: model.workspace.budgetsHeldBy(actor).filter(b => ownBudgets.has(b)).map(titleOf),
            servicesDelivered: model.partOf(actor).servicesDelivered.length
        };
    });
    return voices.sort((a, b) => VOICE_ORDER[a.voice] - VOICE_ORDER[b.voice] || b.votes - a.votes);
}

export function countBySeverity(findings: readonly { severity: Severity }[]): Record<Severity, number> {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const finding of findings) counts[finding.severity]++;
    return counts;
}
