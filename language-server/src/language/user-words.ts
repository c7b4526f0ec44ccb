import type { AstNode } from 'langium';

/** How the analyst calls each declaration kind. */
const KIND_WORDS: Record<string, string> = {
    Domain: 'domain', Actor: 'actor', Arrangement: 'arrangement', Forum: 'forum', Budget: 'budget',
    System: 'system', Link: 'link', Team: 'team', Service: 'service', Channel: 'channel',
    Referral: 'referral', Goal: 'goal', Indicator: 'indicator', Agreement: 'agreement', Direction: 'direction',
    Seat: 'voting seat', Contribution: 'contribution', Delivery: 'delivery'
};

export function kindWord(type: string): string {
    return KIND_WORDS[type] ?? type.toLowerCase();
}

/** "an actor", "a team": for messages. */
export function withArticle(word: string): string {
    return (/^[aeiou]/.test(word) ? 'an ' : 'a ') + word;
}

/** What a reference of each target type accepts, in the analyst's words. */
const ACCEPTS: Record<string, string[]> = {
    Actor: ['Actor'], Domain: ['Domain'], Forum: ['Forum'], Budget: ['Budget'], System: ['System'], Goal: ['Goal'],
    Party: ['Actor', 'Forum'], Holder: ['Forum', 'Actor'], Contributor: ['Actor', 'Forum', 'Budget'],
    Fundable: ['Team', 'Service', 'Actor', 'Forum', 'Budget'], Deliverer: ['Actor', 'Forum', 'Team'],
    RouteSource: ['Actor', 'Team', 'Forum'], RouteTarget: ['Actor', 'Team', 'Forum'], Steward: ['Actor', 'Team', 'Forum'],
    Coverable: ['System', 'Team', 'Service', 'Forum', 'Budget'], Scrutinised: ['Forum', 'Actor'], RegardTarget: ['Forum', 'Goal'],
    Directed: ['Service', 'Team']
};

/**
 * The references that take a party (docs/language.md): a forum is accepted there only
 * when it is declared `body`. The scope leaves other forums out.
 */
const BODY_ONLY = new Set(['Party', 'Contributor', 'Fundable', 'Deliverer']);

export function acceptsOnlyBodies(referenceType: string): boolean {
    return BODY_ONLY.has(referenceType);
}

export function acceptedTypes(referenceType: string): string[] {
    return ACCEPTS[referenceType] ?? [referenceType];
}

/** "an actor or a team"; where only bodies are taken, "an actor or a body (a forum declared `body`)". */
export function acceptedWords(referenceType: string): string {
    const bodies = acceptsOnlyBodies(referenceType);
    return listWithOr(acceptedTypes(referenceType).map(t => bodies && t === 'Forum' ? 'a body (a forum declared `body`)' : withArticle(kindWord(t))));
}

/** "actor or team"; where only bodies are taken, "actor or body". */
export function acceptedKindWords(referenceType: string): string {
    const bodies = acceptsOnlyBodies(referenceType);
    return listWithOr(acceptedTypes(referenceType).map(t => bodies && t === 'Forum' ? 'body' : kindWord(t)));
}

/** "a, b or c" */
export function listWithOr(words: string[]): string {
    return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** The keyword that introduces a property, as written in a model. */
const PROPERTY_KEYWORDS: Record<string, string> = {
    domain: 'in', reportsTo: 'reports to', heldBy: 'held by', deliveredBy: 'delivered by', reportedBy: 'reported by',
    population: 'for', twoWay: 'two-way', logics: 'logic', contributions: 'from', stages: 'stage',
    advisoryByLaw: 'advisory by law', viceChair: 'vice-chair', decidesBy: 'decides by', regardTo: 'has regard to',
    extraHolders: 'held by', termEnds: 'until', directs: 'for'
};

export function propertyKeyword(node: AstNode, property: string): string {
    if (node.$type === 'Seat') return 'voting';
    if (node.$type === 'Contribution') return 'from';
    if (node.$type === 'Delivery') return 'delivered by';
    if (node.$type === 'Link' || node.$type === 'Channel' || node.$type === 'Referral') {
        if (property === 'from' || property === 'to') return kindWord(node.$type);
    }
    return PROPERTY_KEYWORDS[property] ?? property;
}
