/**
 * What each keyword and listed value means, for hover (docs/language.md has the
 * full reference). Listed values are keyed by their list (`Sector:third`), since a
 * word may be in two (`community` is a sector and a logic); properties by the words
 * that introduce them (`held by`, `advisory by law`).
 */
const VALUES: Record<string, string> = {
    'Sector:government': 'National government: ministers, departments and national bodies acting for them (DWP, Scottish Ministers, NHS England as the allocator of money). The rules about non-statutory actors do not check it.',
    'Sector:statutory': 'Public bodies with statutory duties: health boards and trusts, councils, police, fire, probation, integrated care boards. *Borderline:* probation is statutory (a public service delivered locally), not government; a body that is also a forum (an IJB) is a `body` forum, whose sector is that of its voting members unless it says.',
    'Sector:third': 'Charities, voluntary and community organisations, social enterprises, third sector interfaces. *Borderline:* housing associations are third sector (not-for-profit registered providers; a for-profit landlord is independent); local Healthwatch is a charity or social enterprise with a statutory function: sector third, with the function in its title or `///` documentation.',
    'Sector:independent': 'Private providers and contractors: care homes and home care companies, pharmacies, software suppliers, enforcement agents. *Borderline:* GP practices are independent contractors to the NHS (model the practices of an area as one actor of kind `network`). Mark delivery paid under a contract or by fees `contracted` or `fee-funded`.',
    'Sector:community': 'Citizens: people who use services, unpaid carers, families, residents\' groups. *Borderline:* a staff-side (trade union) member of a board is not community: model it as an actor of kind `role`, sector statutory when it sits for the partners\' staff.',
    'ActorKind:organisation': 'One organisation (the default). Counts as an organisation in the team and system rules.',
    'ActorKind:network': 'A loose group of organisations: the local third sector, the GP practices of an area. Counts as an organisation in the team and system rules.',
    'ActorKind:role': 'A post: a chief officer, a chair, a carer member of a board. Not an organisation; a `leader` and a chair who holds no seat are roles.',
    'ActorKind:people': 'People who use services, carers, families, citizens. Not an organisation.',
    'Level:macro': 'The government domain: policy, legislation, national metrics (seed 001, Table 1).',
    'Level:meso': 'The health and social care system: boards, councils, partnerships, intermediaries (seed 001, Table 1).',
    'Level:micro': 'The community: people, families, providers, teams (seed 001, Table 1).',
    'Logic:efficiency': 'Institutional logic: throughput, cost and targets come first.',
    'Logic:person-centred': 'Institutional logic: the person\'s own goals and circumstances come first.',
    'Logic:professional': 'Institutional logic: professional standards and judgement come first.',
    'Logic:community': 'Institutional logic: the community\'s assets and relationships come first.',
    'Logic:market': 'Institutional logic: contracts, competition and price come first.',
    'Governance:command': 'Integration run by command and control from the top (seed 003): the rules look for a forum where every partner builds a shared understanding.',
    'Governance:process': 'Integration run as a process that builds shared understanding among the partners (seed 003).',
    'ForumKind:board': 'A decision-making board: the forums voice must reach. A board that holds a budget controls it.',
    'ForumKind:commissioning': 'Plans and buys services for the arrangement.',
    'ForumKind:planning': 'Plans jointly (a strategic planning group, a health and wellbeing board, an integrated care partnership).',
    'ForumKind:engagement': 'Hears from communities and people who use services; influences decisions only through a route to a board.',
    'ForumKind:learning': 'Practitioners of different organisations and sectors learn together.',
    'ForumKind:operational': 'Works on cases or services day to day (a MARAC, a locality huddle).',
    'ForumKind:committee': 'A standing committee that is not itself the deciding board: scrutiny, audit, performance. Say what it holds to account with `scrutinises`, or where it reports with `reports to`.',
    'DecisionRule:vote': 'Decides by majority of voting seats: a board\'s budget is split among its voters by seats in the power map.',
    'DecisionRule:consensus': 'Decides by consensus: each voting member can block, so in the power map a budget it holds is split equally among its voters.',
    'BudgetKind:pooled': 'Partners\' money in one fund that the partnership decides on (a section 75 pooled fund, an IJB\'s integrated budget). With contributions from two partners and held by a board, it supports stage 6b.',
    'BudgetKind:aligned': 'Kept in each partner\'s books but planned and managed together.',
    'BudgetKind:delegated': 'Handed to a board or partner to decide (a place committee\'s delegated budget, a set-aside budget).',
    'BudgetKind:separate': 'Each organisation\'s own budget.',
    'BudgetKind:grant': 'Money given for a purpose, often to a non-statutory provider.',
    'BudgetTerm:recurrent': 'Money that continues from year to year.',
    'BudgetTerm:fixed': 'Money for a fixed term: `term fixed until 2027-03-31`.',
    'DeliveryBasis:contracted': 'Delivered under a contract: the deliverer is paid, and is a supplier rather than a partner. Unless it is also a partner or staffs a team, the rules do not ask that it have a seat, funding or a vote.',
    'DeliveryBasis:fee-funded': 'Delivered for statutory or user fees (enforcement agents, registrars): paid, and a supplier rather than a partner, as `contracted`.',
    'ChannelKind:seat': 'A seat at the receiving forum, or a route to one.',
    'ChannelKind:representation': 'The sender is represented by the receiver.',
    'ChannelKind:consultation': 'The receiver consults the sender.',
    'ChannelKind:reporting': 'The sender reports to the receiver (an annual performance report to ministers).',
    'ChannelKind:informal': 'An informal relationship.',
    'IndicatorKind:efficiency': 'Measures throughput or cost (delayed discharges).',
    'IndicatorKind:output': 'Measures what was done (adaptations completed).',
    'IndicatorKind:outcome': 'Measures what changed for people (still at home 91 days after reablement).',
    'IndicatorKind:experience': 'Measures what people say of their care.'
};

const PROPERTIES: Record<string, string> = {
    'kind': 'Its kind: hover on the value for what each means.',
    'Channel:from': 'Where the channel starts: an actor, team or forum.',
    'Channel:to': 'Where the channel ends: an actor, team or forum.',
    'Direction:from': 'The board that issues the direction.',
    'Direction:to': 'The partner directed to deliver.',
    'Direction:for': 'The services or teams the direction is for: they count as funded by its budget.',
    'Direction:budget': 'The budget the money comes from, with an optional amount.',
    'Service:for': 'The population served.',
    'area': 'Where it works. Teams of one service in different areas (each council\'s own front office) do not use their systems together.',
    'Goal:owner': 'Who owns the goal: an actor, team or forum.',
    'reported by': 'Who reports the indicator: an actor, team or forum.',
    'measures': 'The goals the indicator measures.',
    'in': 'The actor\'s domain.',
    'level': 'The domain\'s level: `macro`, `meso` or `micro` (seed 001, Table 1).',
    'logic': 'Its institutional logics: `efficiency`, `person-centred`, `professional`, `community`, `market`.',
    'shares': 'What the link carries.',
    'body': 'The forum is also a legal body (an IJB, an ICB, a joint committee with legal personality): it may be named wherever a party is taken — contribute to or hold budgets, be party to agreements, own and use systems, employ or host staff, lead, deliver, receive funding and directions, sit on other forums.',
    'sector': 'Its sector. Hover on the value for guidance on borderline cases.',
    'voting': 'Voting members, each with a seat count (default 1). Membership is a route from the member to the forum.',
    'advisory': 'Members without a vote, by the arrangement\'s choice: a vote could be given. Membership is a route to the forum.',
    'advisory by law': 'Members without a vote because the law gives them none (an IJB\'s chief officer, chief finance officer, third sector, carer and staff-side members). `power-asymmetry` does not advise giving them a vote.',
    'chair': 'Who chairs it: one of its voting members, or an actor of kind role.',
    'vice-chair': 'Who deputises for the chair: one of its voting members, or an actor of kind role.',
    'decides by': 'How it decides: `vote` or `consensus`.',
    'reports to': 'Its parent forum: a route from this forum to the parent.',
    'scrutinises': 'The forums or actors it holds to account. A route from this forum to them; a forum that scrutinises is not isolated.',
    'has regard to': 'Forums or goals (strategies) it must consider when it decides. A route from the forum that wrote the strategy to this one.',
    'controls': 'Budgets it decides. A board also controls a budget it holds.',
    'from': 'Where the money comes from: parties, or budgets it is allocated from, each with an optional amount (`120m`).',
    'held by': 'The one forum or actor that decides the spending. Held by a board, that board controls it.',
    'funds': 'What the money pays for: teams, services, parties, or budgets it allocates to.',
    'term': 'How long the money lasts: `recurrent`, or `fixed until YYYY-MM-DD`.',
    'until': 'The date a fixed-term budget ends.',
    'owner': 'Who owns it.',
    'users': 'The parties whose people use the system; its owner counts too. Without it, a system\'s users are taken to be the staff of the teams that use it.',
    'staff': 'The parties that employ or host its staff.',
    'colocated': 'Its staff share a base.',
    'uses': 'The information systems it uses.',
    'leads': 'The parties that lead the team.',
    'delivered by': 'Who delivers it: parties or teams, each optionally `contracted` or `fee-funded`.',
    'function': 'What it does. `duplicate-provision` compares function, `for` and `area`, ignoring case and white space.',
    'two-way': 'The receiving side reports back. Adds no route back; a chain of two-way channels counts for representation.',
    'partners': 'The parties that formally make the arrangement.',
    'stage': 'The stage or stages of joining-up it claims (seed 004). Several may be claimed only among 6a, 6b and 6c.',
    'governance': '`command` or `process` (seed 003).',
    'lead': 'The lead agency (stage 6a): one of the partners.',
    'leader': 'A common leader across partners (stage 6c): an actor of kind role.',
    'merged': 'The partners merged into one organisation (stage 7).',
    'represents': 'Actors it claims to speak for. A claim, not a route: `one-way-representation` asks for two-way channels.',
    'between': 'The parties to the agreement.',
    'covers': 'What it governs: systems, teams, services, forums and budgets.',
    'review': 'When the direction is to be reviewed.',
    'direction': 'A board\'s formal instruction to a partner to deliver services with money from a budget (an IJB\'s direction). Its budget funds the services and the party directed.'
};

/** A stage of joining-up (seed 004), for hover on a stage number. */
const STAGE_GUIDE: Record<string, string> = {
    '1': 'Free-standing services: co-operation only at the top.',
    '2': 'Agency co-operation: a forum in which at least two partners take part.',
    '3': 'Active inter-agency collaboration: a learning or operational forum, or a team, spanning two partners.',
    '4': 'Cross-agency co-ordination: common goals, joint planning, ICT systems at least communicating.',
    '5': 'Equal co-ordination and shared provision: joint teams, and a board on which every partner votes.',
    '6a': 'Lead agency: one partner co-ordinates some roles and the others bow out. Builds on 5, or skips 3 to 5 when the lead has taken the work over with one system the partners use.',
    '6b': 'Pooled budgets at partnership level: a pooled budget with contributions from two partners, held by a board. Builds on 5.',
    '6c': 'Common leaders across organisations: a `leader` of kind role. Builds on 5.',
    '7': 'Merger: the partners `merged` into one organisation. Builds on 5.'
};

/** The guide to a listed value, given the list it belongs to (`Sector`, `third`). */
export function valueGuide(list: string, value: string): string | undefined {
    return VALUES[`${list}:${value}`];
}

/** The guide to a property, given its declaration's rule and the words that introduce it (`Budget`, `held by`). */
export function propertyGuide(rule: string, words: string): string | undefined {
    return PROPERTIES[`${rule}:${words}`] ?? PROPERTIES[words];
}

export function stageGuide(stage: string): string | undefined {
    return STAGE_GUIDE[stage];
}
