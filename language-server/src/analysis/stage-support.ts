import {
    isForum, isSystem,
    type Actor, type Arrangement, type Budget, type Forum, type Goal, type Link, type Team
} from '../generated/ast.js';
import { forumMembers, isBoard, staffOf, votingMembers } from './membership.js';
import { STAGES, stageRank, type Stage } from '../language/quantities.js';

/** One requirement of a stage of joining-up (RULES.md, seed 004) and whether the model shows it. */
export interface StageRequirement {
    stage: Stage;
    description: string;
    met: boolean;
}

export interface StageSupport {
    claimed?: string;
    /** The highest stage whose requirements, and those it builds on, the model shows. */
    supportedStage: Stage;
    requirements: StageRequirement[];
    isSupported(stage: string): boolean;
    /** The unmet requirements that stand between the model and a stage. */
    missingFor(stage: string): StageRequirement[];
}

interface StageInputs {
    arrangement: Arrangement;
    partners: Actor[];
    forums: Forum[];
    teams: Team[];
    goals: Goal[];
    links: Link[];
    budgets: Budget[];
}

/** Stages 2–5 build on each other; 6a, 6b, 6c and 7 each build on 5 (RULES.md). */
export const BUILDS_ON: Record<Stage, Stage[]> = {
    '1': [], '2': ['1'], '3': ['2'], '4': ['3'], '5': ['4'], '6a': ['5'], '6b': ['5'], '6c': ['5'], '7': ['5']
};

export function computeStageSupport(inputs: StageInputs): StageSupport {
    const { arrangement, partners, forums, teams, goals, links, budgets } = inputs;
    const partnerSet = new Set(partners);
    const partnersIn = (actors: Actor[]) => actors.filter(a => partnerSet.has(a)).length;
    const spansPartners = (forum: Forum) => partnersIn(forumMembers(forum)) >= 2;
    const teamSpans = (team: Team) => partnersIn(staffOf(team)) >= 2;
    const ownerOf = (system: unknown) => isSystem(system) ? system.owner?.ref : undefined;

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
            stage: '4', description: 'a link between systems of different partners',
            met: links.some(l => {
                const a = ownerOf(l.from.ref), b = ownerOf(l.to.ref);
                return !!a && !!b && a !== b && partnerSet.has(a) && partnerSet.has(b);
            })
        },
        { stage: '5', description: 'a team with staff from at least two partners', met: teams.some(teamSpans) },
        {
            stage: '5', description: 'a board on which every partner votes',
            met: partners.length > 0 && forums.some(f => isBoard(f) && partners.every(p => votingMembers(f).includes(p)))
        },
        { stage: '6a', description: 'a `lead` that names a partner', met: !!arrangement.lead?.ref && partnerSet.has(arrangement.lead.ref) },
        {
            stage: '6b', description: 'a pooled budget with contributions from at least two partners, held by a board',
            met: budgets.some(b => b.kind === 'pooled' && isForum(b.heldBy?.ref) && isBoard(b.heldBy.ref)
                && new Set(b.contributions.map(c => c.actor.ref).filter(a => a && partnerSet.has(a))).size >= 2)
        },
        { stage: '6c', description: 'a `leader` that names an actor of kind role', met: arrangement.leader?.ref?.kind === 'role' },
        { stage: '7', description: 'partners `merged` into one organisation', met: arrangement.merged }
    ];

    const ownMet = (stage: Stage) => requirements.filter(r => r.stage === stage).every(r => r.met);
    const supported = new Map<Stage, boolean>();
    const isSupported = (stage: Stage): boolean => {
        let result = supported.get(stage);
        if (result === undefined) {
            result = ownMet(stage) && BUILDS_ON[stage].every(isSupported);
            supported.set(stage, result);
        }
        return result;
    };
    const missingFor = (stage: Stage): StageRequirement[] => {
        const chain = new Set<Stage>();
        const visit = (s: Stage) => { chain.add(s); BUILDS_ON[s].forEach(visit); };
        visit(stage);
        return requirements.filter(r => chain.has(r.stage) && !r.met);
    };
    const supportedStage = [...STAGES].reverse().find(isSupported) ?? '1';
    return {
        claimed: arrangement.stage,
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

