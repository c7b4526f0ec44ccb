import type { Forum } from '../generated/ast.js';
import type { ArrangementModel } from '../analysis/arrangement-model.js';
import { deliveringActors, deliveringTeams, forumMembers, isMultiOrganisationTeam, resolved, sectorOf, staffOf, titleOf, votingMembers, type Party } from '../analysis/membership.js';
import { both, noFindings, shown, type MaturityDimension, type StepAnswer } from './maturity-steps.js';

// SCIROCCO Exchange's twelve dimensions, in its order, each scored from what the
// model shows. docs/maturity.md states every step in these words and says which of
// SCIROCCO's level descriptions each one stands for; a test holds the two together.

const partnersAmong = (model: ArrangementModel, parties: Party[]) => parties.filter(party => model.partners.includes(party));
const spansPartners = (model: ArrangementModel, forum: Forum) => partnersAmong(model, forumMembers(forum)).length >= 2;
const people = (model: ArrangementModel) => model.involvedActors.filter(actor => actor.kind === 'people');
const boardsOwningGoals = (model: ArrangementModel) => model.boards.filter(board => model.goals.some(goal => goal.owner?.ref === board));
const learningForums = (model: ArrangementModel) => model.forums.filter(forum => forum.kind === 'learning');
const sectorsOf = (parties: Party[]) => new Set(parties.map(sectorOf).filter(sector => sector !== undefined));
const deliveringSectors = (model: ArrangementModel) => sectorsOf(model.services.flatMap(deliveringActors));
const systemOwner = (system: unknown) => (system as { owner?: { ref?: Party } } | undefined)?.owner?.ref;

export const MATURITY_DIMENSIONS: readonly MaturityDimension[] = [
    {
        id: 'readiness-to-change', name: 'Readiness to change',
        rules: ['no-shared-goal', 'no-board-voice', 'command-without-shared-understanding', 'stage-claim-unsupported'],
        steps: [
            { needs: 'a goal: the arrangement names what it sets out to change', test: ({ model }) => shown(model.goals.map(g => `goal ${titleOf(g)}`), 'no goal') },
            {
                needs: 'a planning or commissioning forum in which at least two partners take part: a plan is being made together',
                test: ({ model }) => shown(model.forums.filter(f => (f.kind === 'planning' || f.kind === 'commissioning') && spansPartners(model, f)).map(f => `forum ${titleOf(f)}`), 'no planning or commissioning forum spans two partners')
            },
            {
                needs: 'a goal owned by a forum in which at least two partners take part: the vision belongs to the joint governance',
                test: ({ model }) => shown(model.goals.filter(g => g.owner?.ref?.$type === 'Forum' && spansPartners(model, g.owner.ref)).map(g => `goal ${titleOf(g)}, owned by ${titleOf(g.owner!.ref!)}`), 'no goal is owned by a forum that spans two partners')
            },
            {
                needs: 'a common leader (`leader`, an actor of kind role) or a lead partner (`lead`): someone leads the change',
                test: ({ model }) => {
                    const { leader, lead } = model.arrangement;
                    return shown([
                        ...(leader?.ref?.kind === 'role' ? [`leader ${titleOf(leader.ref)}`] : []),
                        ...(lead?.ref && model.partners.includes(lead.ref) ? [`lead ${titleOf(lead.ref)}`] : [])
                    ], 'no common leader and no lead partner');
                }
            },
            {
                needs: 'people who use services or carers (actors of kind people) have a route to a board that owns a goal, and so does every non-statutory actor involved (no `no-board-voice`): the public and every stakeholder can press for the change',
                test: context => {
                    const { model } = context;
                    const reaching = new Set(boardsOwningGoals(model).flatMap(board => [...model.workspace.routes.reaching([board])]));
                    return both(shown(people(model).filter(actor => reaching.has(actor)).map(actor => `${titleOf(actor)} reach a board that owns a goal`), 'no people who use services or carers reach a board that owns a goal'),
                        noFindings(context, 'no-board-voice'));
                }
            }
        ]
    },
    {
        id: 'structure-and-governance', name: 'Structure and governance',
        rules: ['isolated-forum', 'budget-without-board', 'no-board-voice', 'command-without-shared-understanding'],
        steps: [
            { needs: 'two or more partners: the need for joint governance is recognised', test: ({ model }) => model.partners.length >= 2 ? { met: true, evidence: model.partners.map(p => `partner ${titleOf(p)}`) } : { met: false, evidence: [`${model.partners.length} partner${model.partners.length === 1 ? '' : 's'}`] } },
            {
                needs: 'a forum in which at least two partners take part: partners collaborate (stage 2)',
                test: ({ model }) => shown(model.forums.filter(f => spansPartners(model, f)).map(f => `forum ${titleOf(f)}`), 'no forum in which two partners take part')
            },
            {
                needs: 'a board on which every partner votes: joint governance is established',
                test: ({ model }) => shown(model.boards.filter(b => model.partners.length > 0 && model.partners.every(p => votingMembers(b).includes(p))).map(b => `board ${titleOf(b)}`), 'no board on which every partner votes')
            },
            {
                needs: 'a board owns a goal, and every other forum has a route to a board (no `isolated-forum`): one structure with a shared direction',
                test: context => both(shown(boardsOwningGoals(context.model).map(b => `board ${titleOf(b)} owns a goal`), 'no board owns a goal'), noFindings(context, 'isolated-forum'))
            },
            {
                needs: 'a board controls a pooled, aligned or delegated budget, and every such budget answers to a board (no `budget-without-board`): the programme has its money and its mandate',
                test: context => both(
                    shown(context.model.budgets.filter(b => (b.kind === 'pooled' || b.kind === 'aligned' || b.kind === 'delegated') && context.model.workspace.boardsControlling(b).length > 0).map(b => `budget ${titleOf(b)}, controlled by ${context.model.workspace.boardsControlling(b).map(titleOf).join(', ')}`), 'no board controls a pooled, aligned or delegated budget'),
                    noFindings(context, 'budget-without-board'))
            }
        ]
    },
    {
        id: 'digital-infrastructure', name: 'Digital infrastructure',
        rules: ['team-without-shared-system', 'unlinked-systems', 'shared-system-without-agreement'],
        steps: [
            { needs: 'an information system: the model shows the systems care runs on', test: ({ model }) => shown(model.systems.map(s => `system ${titleOf(s)}`), 'no information system') },
            {
                needs: 'an agreement between two or more organisations covers a system: there are rules for sharing its data',
                test: ({ model }) => shown(model.agreements.filter(a => new Set(resolved(a.between)).size >= 2 && resolved(a.covers).some(c => c.$type === 'System')).map(a => `agreement ${titleOf(a)}`), 'no agreement between organisations covers a system')
            },
            {
                needs: 'a link joins systems of two different owners: data flows between organisations somewhere',
                test: ({ model }) => shown(model.links.filter(l => { const a = systemOwner(l.from.ref), b = systemOwner(l.to.ref); return !!a && !!b && a !== b; })
                    .map(l => `link ${titleOf(l.from.ref!)} – ${titleOf(l.to.ref!)}`), 'no link between systems of different owners')
            },
            { needs: 'every team with staff from two or more organisations uses systems joined by links (no `team-without-shared-system`)', test: context => noFindings(context, 'team-without-shared-system') },
            { needs: 'no two systems used together are unlinked, and every system used across organisations is covered by an agreement of all its users (no `unlinked-systems`, no `shared-system-without-agreement`)', test: context => noFindings(context, 'unlinked-systems', 'shared-system-without-agreement') }
        ]
    },
    {
        id: 'process-coordination', name: 'Process coordination',
        rules: ['duplicate-provision', 'referral-only-partner', 'no-shared-goal'],
        steps: [
            {
                needs: 'a team that delivers a service, or a referral: some care process is coordinated',
                test: ({ model }) => shown([
                    ...model.services.filter(s => deliveringTeams(s).length > 0).map(s => `service ${titleOf(s)}, delivered by a team`),
                    ...model.referrals.filter(r => r.from.ref && r.to.ref).map(r => `referral ${titleOf(r.from.ref!)} → ${titleOf(r.to.ref!)}`)
                ], 'no team delivers a service and no referral is declared')
            },
            {
                needs: 'a team with staff from two or more organisations delivers a service: care is provided jointly',
                test: ({ model }) => shown(model.services.filter(s => deliveringTeams(s).some(isMultiOrganisationTeam)).map(s => `service ${titleOf(s)}`), 'no joint team delivers a service')
            },
            {
                needs: 'an agreement covers a team or a service: how joint care runs is written down',
                test: ({ model }) => shown(model.agreements.filter(a => resolved(a.covers).some(c => c.$type === 'Team' || c.$type === 'Service')).map(a => `agreement ${titleOf(a)}`), 'no agreement covers a team or a service')
            },
            { needs: 'no two services duplicate each other (no `duplicate-provision`): referrers know where to send people', test: context => noFindings(context, 'duplicate-provision') },
            { needs: 'every organisation that takes referrals has a part beyond them, and every joint team works to a shared goal (no `referral-only-partner`, no `no-shared-goal`)', test: context => noFindings(context, 'referral-only-partner', 'no-shared-goal') }
        ]
    },
    {
        id: 'funding', name: 'Funding',
        rules: ['unfunded-provider', 'separate-budgets-in-team', 'budget-without-board'],
        steps: [
            { needs: 'a budget: the model shows money', test: ({ model }) => shown(model.budgets.map(b => `budget ${titleOf(b)}`), 'no budget') },
            {
                needs: 'a budget of kind grant, aligned, delegated or pooled: money set aside for joint or new work, beyond each partner\'s own',
                test: ({ model }) => shown(model.budgets.filter(b => b.kind !== undefined && b.kind !== 'separate').map(b => `${b.kind} budget ${titleOf(b)}`), 'only separate budgets')
            },
            {
                needs: 'an aligned, delegated or pooled budget held by a board: money for integration is decided jointly',
                test: ({ model }) => shown(model.budgets.filter(b => (b.kind === 'aligned' || b.kind === 'delegated' || b.kind === 'pooled') && model.boards.includes(b.heldBy?.ref as Forum)).map(b => `${b.kind} budget ${titleOf(b)}, held by ${titleOf(b.heldBy!.ref!)}`), 'no aligned, delegated or pooled budget is held by a board')
            },
            {
                needs: 'a pooled budget with contributions from at least two partners, held by a board (stage 6b\'s requirement)',
                test: ({ model }) => shown(model.budgets.filter(b => b.kind === 'pooled' && model.boards.includes(b.heldBy?.ref as Forum)
                    && new Set(b.contributions.map(c => c.source.ref).filter(source => model.partners.includes(source as Party))).size >= 2).map(b => `pooled budget ${titleOf(b)}`), 'no pooled budget from two partners is held by a board')
            },
            { needs: 'every non-statutory provider is funded and no joint team depends on separate budgets alone (no `unfunded-provider`, no `separate-budgets-in-team`): the money reaches all who deliver', test: context => noFindings(context, 'unfunded-provider', 'separate-budgets-in-team') }
        ]
    },
    {
        id: 'removal-of-inhibitors', name: 'Removal of inhibitors',
        rules: ['shared-system-without-agreement', 'conflicting-logics', 'separate-budgets-in-team', 'command-without-shared-understanding'],
        steps: [
            { needs: 'an agreement between two or more organisations: the partners have begun to write down how they work together', test: ({ model }) => shown(model.agreements.filter(a => new Set(resolved(a.between)).size >= 2).map(a => `agreement ${titleOf(a)}`), 'no agreement between organisations') },
            { needs: 'an agreement covers a system: information governance, a common legal barrier, is addressed', test: ({ model }) => shown(model.agreements.filter(a => resolved(a.covers).some(c => c.$type === 'System')).map(a => `agreement ${titleOf(a)}`), 'no agreement covers a system') },
            { needs: 'every system used across organisations is covered by an agreement of all its users (no `shared-system-without-agreement`)', test: context => noFindings(context, 'shared-system-without-agreement') },
            { needs: 'no team or service mixes efficiency and person-centred logics without an agreement that covers it (no `conflicting-logics`): professional and cultural tensions are dealt with', test: context => noFindings(context, 'conflicting-logics') },
            { needs: 'no joint team is funded by separate budgets alone, and command governance has a shared planning or learning forum (no `separate-budgets-in-team`, no `command-without-shared-understanding`)', test: context => noFindings(context, 'separate-budgets-in-team', 'command-without-shared-understanding') }
        ]
    },
    {
        id: 'population-approach', name: 'Population approach', rules: [],
        notShown: 'The language has no population data, risk stratification, prevention programme or forecast of demand; a service\'s `for` names whom it serves, which is not a population approach.'
    },
    {
        id: 'citizen-empowerment', name: 'Citizen empowerment',
        rules: ['efficiency-only-indicators', 'isolated-forum', 'one-way-representation'],
        steps: [
            { needs: 'people who use services, carers or citizens (actors of kind people) take part in the arrangement', test: ({ model }) => shown(people(model).map(titleOf), 'no actor of kind people is involved') },
            {
                needs: 'they sit on a forum, or have a channel of their own: they are consulted',
                test: ({ model }) => shown(people(model).filter(actor => model.partOf(actor).forums.length > 0 || model.channels.some(c => c.from?.ref === actor)).map(titleOf), 'no people who use services or carers sit on a forum or have a channel')
            },
            { needs: 'they have a route to a board: their voice reaches where decisions are taken', test: ({ model }) => shown(people(model).filter(actor => model.routesToBoard.has(actor)).map(titleOf), 'no people who use services or carers reach a board') },
            { needs: 'an indicator of kind experience: what people say of their care is measured', test: ({ model }) => shown(model.indicators.filter(i => i.kind === 'experience').map(i => `indicator ${titleOf(i)}`), 'no experience indicator') },
            {
                needs: 'people who use services or carers hold a voting seat on a board: they share in the decisions',
                test: ({ model }) => shown(people(model).filter(actor => model.boards.some(b => votingMembers(b).includes(actor))).map(titleOf), 'no people who use services or carers vote on a board')
            }
        ]
    },
    {
        id: 'evaluation-methods', name: 'Evaluation methods',
        rules: ['unmeasured-goal', 'efficiency-only-indicators', 'statutory-only-measurement'],
        steps: [
            { needs: 'an indicator: something is measured', test: ({ model }) => shown(model.indicators.map(i => `indicator ${titleOf(i)}`), 'no indicator') },
            { needs: 'an indicator measures a goal: measurement is tied to what the arrangement wants', test: ({ model }) => shown(model.indicators.filter(i => resolved(i.measures).length > 0).map(i => `indicator ${titleOf(i)}`), 'no indicator measures a goal') },
            {
                needs: 'an indicator of kind outcome or experience (no `efficiency-only-indicators`): results for people are measured, not only throughput',
                test: context => both(shown(context.model.indicators.filter(i => i.kind === 'outcome' || i.kind === 'experience').map(i => `${i.kind} indicator ${titleOf(i)}`), 'no outcome or experience indicator'), noFindings(context, 'efficiency-only-indicators'))
            },
            { needs: 'every goal is measured by at least one indicator (no `unmeasured-goal`)', test: context => noFindings(context, 'unmeasured-goal') },
            {
                needs: 'every goal owned by a board is measured by an outcome or experience indicator, and non-statutory providers\' work is measured too (no `statutory-only-measurement`): evaluation covers the whole arrangement',
                test: context => {
                    const { model } = context;
                    const unmeasured = model.goals.filter(g => model.boards.includes(g.owner?.ref as Forum)
                        && !model.indicators.some(i => (i.kind === 'outcome' || i.kind === 'experience') && resolved(i.measures).includes(g)));
                    const goals: StepAnswer = unmeasured.length ? { met: false, evidence: unmeasured.map(g => `goal ${titleOf(g)} has no outcome or experience indicator`) } : { met: true, evidence: ['every board goal has an outcome or experience indicator'] };
                    return both(goals, noFindings(context, 'statutory-only-measurement'));
                }
            }
        ]
    },
    {
        id: 'breadth-of-ambition', name: 'Breadth of ambition',
        rules: ['no-cross-sector-learning', 'power-asymmetry', 'stage-claim-unsupported'],
        steps: [
            { needs: 'a service: care is delivered (coordinated, if at all, by the person or their family)', test: ({ model }) => shown(model.services.map(s => `service ${titleOf(s)}`), 'no service') },
            { needs: 'a forum or a team that spans two partners: the partners coordinate (stage 3)', test: ({ model }) => shown([...model.forums.filter(f => spansPartners(model, f)).map(f => `forum ${titleOf(f)}`), ...model.teams.filter(t => partnersAmong(model, staffOf(t)).length >= 2).map(t => `team ${titleOf(t)}`)], 'no forum or team spans two partners') },
            { needs: 'a team with staff from two partners: integration at the point of care', test: ({ model }) => shown(model.teams.filter(t => partnersAmong(model, staffOf(t)).length >= 2).map(t => `team ${titleOf(t)}`), 'no team has staff from two partners') },
            {
                needs: 'services are delivered by two or more sectors, and a team or a learning forum brings two of them together: integration reaches beyond one sector',
                test: ({ model }) => {
                    const sectors = deliveringSectors(model);
                    if (sectors.size < 2) return { met: false, evidence: [`services are delivered by ${sectors.size === 0 ? 'no sector' : `the ${[...sectors][0]} sector only`}`] };
                    const joins = (parties: Party[]) => [...sectorsOf(parties)].filter(s => sectors.has(s)).length >= 2;
                    return shown([...model.teams.filter(t => joins(staffOf(t))).map(t => `team ${titleOf(t)}`), ...learningForums(model).filter(f => joins(forumMembers(f))).map(f => `forum ${titleOf(f)}`)],
                        `services are delivered by the ${[...sectors].join(', ')} sectors, but no team or learning forum joins two of them`);
                }
            },
            {
                needs: 'the model supports a stage beyond equal co-ordination (6a, 6b, 6c or 7; seed 004): provision is fully integrated',
                test: ({ model }) => shown((['6a', '6b', '6c', '7'] as const).filter(stage => model.stageSupport.isSupported(stage)).map(stage => `stage ${stage} is supported`), `the model supports stage ${model.stageSupport.supportedStage}`)
            }
        ]
    },
    {
        id: 'innovation-management', name: 'Innovation management', rules: [],
        notShown: 'The language has no words for innovation: how new practice is found, piloted, spread or stopped is not in the model.'
    },
    {
        id: 'capacity-building', name: 'Capacity building',
        rules: ['no-cross-sector-learning', 'command-without-shared-understanding'],
        steps: [
            { needs: 'a learning or operational forum, or a co-located team: people who deliver care learn or work side by side', test: ({ model }) => shown([...model.forums.filter(f => f.kind === 'learning' || f.kind === 'operational').map(f => `${f.kind} forum ${titleOf(f)}`), ...model.teams.filter(t => t.colocated).map(t => `co-located team ${titleOf(t)}`)], 'no learning or operational forum and no co-located team') },
            { needs: 'a learning forum in which at least two partners take part', test: ({ model }) => shown(learningForums(model).filter(f => spansPartners(model, f)).map(f => `forum ${titleOf(f)}`), 'no learning forum spans two partners') },
            { needs: 'a learning forum whose members come from two or more sectors', test: ({ model }) => shown(learningForums(model).filter(f => sectorsOf(forumMembers(f)).size >= 2).map(f => `forum ${titleOf(f)}`), 'no learning forum has members from two sectors') },
            {
                needs: 'every sector that delivers services takes part in a learning forum',
                test: ({ model }) => {
                    const learning = sectorsOf(learningForums(model).flatMap(forumMembers));
                    const missing = [...deliveringSectors(model)].filter(sector => !learning.has(sector));
                    return missing.length || learning.size === 0 ? { met: false, evidence: [missing.length ? `no learning forum includes the ${missing.join(', ')} sector${missing.length === 1 ? '' : 's'}` : 'no learning forum'] } : { met: true, evidence: [`learning forums include the ${[...learning].join(', ')} sectors`] };
                }
            },
            { needs: 'a learning forum has a route to a board: what is learnt reaches decisions', test: ({ model }) => shown(learningForums(model).filter(f => model.routesToBoard.has(f)).map(f => `forum ${titleOf(f)}`), 'no learning forum reaches a board') }
        ]
    }
];
