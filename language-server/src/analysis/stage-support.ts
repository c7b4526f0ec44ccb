import {
    isActor, isForum, isSystem,
    type Arrangement, type Budget, type Forum, type Goal, type Link, type Party, type System, type Team
} from '../generated/ast.js';
import { forumMembers, isBoard, staffOf, systemsOf, unique, votingMembers } from './membership.js';
import { STAGES, stageRank, type Stage } from '../language/quantities.js';
import type { WorkspaceModel } from './workspace-model.js';

/** One requirement of a stage of joining-up (RULES.md, seed 004) and whether the model shows it. */
export interface StageRequirement {
    stage: Stage;
    description: string;
    met: boolean;
    /**
     * Set on the requirements of 6a's other way up, which skips stages 3 to 5 (seed 004:
     * stages can be skipped): a lead agency that has taken the work over.
     */
    skipping?: true;
}

export interface StageSupport {
    /** The claim as written (`6a, 6c`), for display; undefined when none. */
    claimed?: string;
    /** Each stage claimed. */
    claims: string[];
    /** The highest stage whose requirements, and those it builds on, the model shows. */
    supportedStage: Stage;
    requirements: StageRequirement[];
    isSupported(stage: string): boolean;
    /** The unmet requirements that stand between the model and a stage. */
    missingFor(stage: string): StageRequirement[];
}

interface StageInputs {
    arrangement: Arrangement;
    partners: Party[];
    forums: Forum[];
    teams: Team[];
    goals: Goal[];
    links: Link[];
    budgets: Budget[];
    systems: System[];
    workspace: WorkspaceModel;
}

/** Stages 2–5 build on each other; 6a, 6b, 6c and 7 each build on 5 (RULES.md). */
export const BUILDS_ON: Record<Stage, Stage[]> = {
    '1': [], '2': ['1'], '3': ['2'], '4': ['3'], '5': ['4'], '6a': ['5'], '6b': ['5'], '6c': ['5'], '7': ['5']
};

/** What 6a's other way up, as a lead agency that took the work over, builds on instead of 5. */
export const LEAD_AGENCY_BUILDS_ON: Stage = '2';

export function computeStageSupport(inputs: StageInputs): StageSupport {
    const { arrangement, partners, forums, teams, goals, links, budgets, systems, workspace } = inputs;
    const partnerSet = new Set(partners);
    const partnersIn = (actors: Party[]) => actors.filter(a => partnerSet.has(a)).length;
    const spansPartners = (forum: Forum) => partnersIn(forumMembers(forum)) >= 2;
    const teamSpans = (team: Team) => partnersIn(staffOf(team)) >= 2;
    const ownerOf = (system: unknown) => isSystem(system) ? system.owner?.ref : undefined;

    const lead = arrangement.lead?.ref;
    const leadIsPartner = !!lead && partnerSet.has(lead);
    const leadTeams = lead ? teams.filter(team => staffOf(team).includes(lead)) : [];
    // One consolidated system: the team's systems form one group, used by at least two partners.
    const consolidated = (team: Team) => {
        const systems = systemsOf(team);
        return systems.length > 0 && systems.every(system => workspace.linked(systems[0], system))
            && partnersIn(unique(systems.flatMap(system => workspace.systemUse.usersOf(system)))) >= 2;
    };
    const leadAgency: StageRequirement[] = [
        { stage: '6a', skipping: true, description: 'a `lead` that names a partner', met: leadIsPartner },
        {
            stage: '6a', skipping: true, description: 'a forum in which every partner takes part',
            met: partners.length > 0 && forums.some(f => { const members = forumMembers(f); return partners.every(p => members.includes(p)); })
        },
        { stage: '6a', skipping: true, description: 'a team staffed by the lead (the work moved to it)', met: leadTeams.length > 0 },
        { stage: '6a', skipping: true, description: 'a team of the lead that uses one system, or systems joined by links, that two partners use', met: leadTeams.some(consolidated) }
    ];

    const requirements: StageRequirement[] = [
        { stage: '2', description: 'a forum in which at least two partners take part', met: forums.some(spansPartners) },
        {
            stage: '3', description: 'a learning or operational forum, or a team, that spans at least two partners',
            met: forums.some(f => (f.kind === 'learning' || f.kind === 'operational') && spansPartners(f)) || teams.some(teamSpans)
        },
        {
            stage: '4', description: 'a goal owned by a forum where at least two partners vote or sit',
            met: goals.some(g => isForum(g.owner?.ref) && spansPartners(g.owner.ref))
        },
        {
            stage: '4', description: 'a planning or commissioning forum spanning partners',
            met: forums.some(f => (f.kind === 'planning' || f.kind === 'commissioning') && spansPartners(f))
        },
        {
            // ICT systems at least communicating (seed 004): linked, or one system that the model
            // says (`users`) two partners use; a team's use alone does not say its staff can see it.
            stage: '4', description: 'a link between systems of different partners, or one system with two partners among its `users`',
            met: links.some(l => {
                const a = ownerOf(l.from.ref), b = ownerOf(l.to.ref);
                return !!a && !!b && a !== b && partnerSet.has(a) && partnerSet.has(b);
            }) || systems.some(system => workspace.systemUse.statesUsers(system) && partnersIn([...workspace.systemUse.usersOf(system)]) >= 2)
        },
        { stage: '5', description: 'a team with staff from at least two partners', met: teams.some(teamSpans) },
        {
            stage: '5', description: 'a board on which every partner votes',
            met: partners.length > 0 && forums.some(f => isBoard(f) && partners.every(p => votingMembers(f).includes(p)))
        },
        { stage: '6a', description: 'a `lead` that names a partner', met: leadIsPartner },
        {
            stage: '6b', description: 'a pooled budget with contributions from at least two partners, held by a board',
            met: budgets.some(b => b.kind === 'pooled' && isForum(b.heldBy?.ref) && isBoard(b.heldBy.ref)
                && new Set(b.contributions.map(c => c.source.ref).filter(a => isForum(a) || isActor(a)).filter(a => partnerSet.has(a))).size >= 2)
        },
        { stage: '6c', description: 'a `leader` that names an actor of kind role', met: arrangement.leader?.ref?.kind === 'role' },
        { stage: '7', description: 'partners `merged` into one organisation', met: arrangement.merged },
        ...leadAgency
    ];

    const ownMet = (stage: Stage) => requirements.filter(r => r.stage === stage && !r.skipping).every(r => r.met);
    const supported = new Map<Stage, boolean>();
    const isSupported = (stage: Stage): boolean => {
        let result = supported.get(stage);
        if (result === undefined) {
            result = ownMet(stage) && BUILDS_ON[stage].every(isSupported)
                || (stage === '6a' && leadAgency.every(r => r.met) && isSupported(LEAD_AGENCY_BUILDS_ON));
            supported.set(stage, result);
        }
        return result;
    };
    const chainMissing = (stage: Stage): StageRequirement[] => {
        const chain = new Set<Stage>();
        const visit = (s: Stage) => { chain.add(s); BUILDS_ON[s].forEach(visit); };
        visit(stage);
        return requirements.filter(r => chain.has(r.stage) && !r.skipping && !r.met);
    };
    // The way up that lacks less: on stage 5, or (6a) as a lead agency skipping 3 to 5.
    const missingFor = (stage: Stage): StageRequirement[] => {
        if (isSupported(stage)) return [];
        const onFive = chainMissing(stage);
        if (stage !== '6a') return onFive;
        const skipping = [...leadAgency.filter(r => !r.met), ...chainMissing(LEAD_AGENCY_BUILDS_ON)];
        return skipping.length < onFive.length ? skipping : onFive;
    };
    const supportedStage = [...STAGES].reverse().find(isSupported) ?? '1';
    const claims = [...arrangement.stages];
    return {
        claimed: claims.length ? claims.join(', ') : undefined,
        claims,
        supportedStage,
        requirements,
        isSupported: stage => stageRank(stage) >= 0 && isSupported(stage as Stage),
        missingFor: stage => stageRank(stage) >= 0 ? missingFor(stage as Stage) : []
    };
}

/** For messages: "stage 6a (lead agency)". */
export const STAGE_NAMES: Record<Stage, string> = {
    '1': 'free-standing services', '2': 'agency co-operation', '3': 'active inter-agency collaboration',
    '4': 'cross-agency co-ordination', '5': 'equal co-ordination, shared provision', '6a': 'lead agency',
    '6b': 'pooled budgets', '6c': 'common leaders', '7': 'merger'
};

export function describeStage(stage: string): string {
    const name = STAGE_NAMES[stage as Stage];
    return name ? `stage ${stage} (${name})` : `stage ${stage}`;
}

