import type { AstNode } from 'langium';

/** How the analyst calls each declaration kind. */
const KIND_WORDS: Record<string, string> = {
    Domain: 'domain', Actor: 'actor', Arrangement: 'arrangement', Forum: 'forum', Budget: 'budget',
    System: 'system', Link: 'link', Team: 'team', Service: 'service', Channel: 'channel',
    Referral: 'referral', Goal: 'goal', Indicator: 'indicator', Agreement: 'agreement',
    Seat: 'voting seat', Contribution: 'contribution'
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
    Holder: ['Forum', 'Actor'], Fundable: ['Team', 'Service', 'Actor'], Deliverer: ['Actor', 'Team'],
    RouteSource: ['Actor', 'Team'], RouteTarget: ['Actor', 'Team', 'Forum'], Steward: ['Actor', 'Team', 'Forum'],
    Coverable: ['System', 'Team', 'Service']
};

export function acceptedTypes(referenceType: string): string[] {
    return ACCEPTS[referenceType] ?? [referenceType];
}

export function acceptedWords(referenceType: string): string {
    return listWithOr(acceptedTypes(referenceType).map(t => withArticle(kindWord(t))));
}

/** "a, b or c" */
export function listWithOr(words: string[]): string {
    return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** The keyword that introduces a property, as written in a model. */
const PROPERTY_KEYWORDS: Record<string, string> = {
    domain: 'in', reportsTo: 'reports to', heldBy: 'held by', deliveredBy: 'delivered by', reportedBy: 'reported by',
    population: 'for', twoWay: 'two-way', logics: 'logic', contributions: 'from'
};

export function propertyKeyword(node: AstNode, property: string): string {
    if (node.$type === 'Seat') return 'voting';
    if (node.$type === 'Contribution') return 'from';
    if (node.$type === 'Link' || node.$type === 'Channel' || node.$type === 'Referral') {
        if (property === 'from' || property === 'to') return kindWord(node.$type);
    }
    return PROPERTY_KEYWORDS[property] ?? property;
}
