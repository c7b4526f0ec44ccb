import type { Random } from './random.js';

/**
 * Grammar-aware generation of random workspaces: declarations follow the grammar
 * (grammar/joinery.langium) and references mostly name declarations of the right
 * kind, so that linking, validation and every rule get real work; some references
 * are qualified, of the wrong kind, misspelt or dangling, and some `reports to`
 * chains run in circles.
 */

const SECTORS = ['government', 'statutory', 'third', 'independent', 'community'];
const ACTOR_KINDS = ['organisation', 'network', 'role', 'people'];
const LOGICS = ['efficiency', 'person-centred', 'professional', 'community', 'market'];
const LEVELS = ['macro', 'meso', 'micro'];
const FORUM_KINDS = ['board', 'commissioning', 'planning', 'engagement', 'learning', 'operational'];
const BUDGET_KINDS = ['pooled', 'aligned', 'delegated', 'separate', 'grant'];
const CHANNEL_KINDS = ['seat', 'representation', 'consultation', 'reporting', 'informal'];
const INDICATOR_KINDS = ['efficiency', 'output', 'outcome', 'experience'];
const STAGES = ['1', '2', '3', '4', '5', '6a', '6b', '6c', '7', '0', '8', '6d', '-1', '5.5'];
const AMOUNTS = ['', '', ' 400m', ' 120m', ' 2.5bn', ' 30k', ' 1', ' 0', ' -5m', ' 3x', ' 1.5'];
/** Keywords that the grammar also accepts as names. */
const KEYWORD_NAMES = ['board', 'team', 'people', 'stage', 'from', 'to', 'by', 'link', 'goal', 'in'];
const RULE_IDS = ['isolated-forum', 'no-board-voice', 'unlinked-systems', 'power-asymmetry', 'no-such-rule'];

type Kind = 'Domain' | 'Actor' | 'Arrangement' | 'Forum' | 'Budget' | 'System' | 'Team' | 'Service' | 'Goal' | 'Indicator' | 'Agreement';

interface Declared {
    kind: Kind;
    name: string;
    /** The arrangement an element belongs to. */
    arrangement?: string;
}

export interface GeneratedModel {
    files: Record<string, string>;
    /** How many declarations were written. */
    declarations: number;
}

export interface GenerateOptions {
    /** Roughly how many declarations to write. */
    size: number;
    files: number;
}

class NameBook {
    readonly declared: Declared[] = [];
    private used = new Set<string>();
    private counter = 0;

    constructor(private readonly random: Random) { }

    fresh(kind: Kind, arrangement?: string): string {
        const prefix: Record<Kind, string> = {
            Domain: 'Dom', Actor: 'Act', Arrangement: 'Arr', Forum: 'Forum', Budget: 'Budget', System: 'Sys',
            Team: 'Team', Service: 'Svc', Goal: 'Goal', Indicator: 'Ind', Agreement: 'Agr'
        };
        let name = `${prefix[kind]}${this.counter++}`;
        if (this.random.chance(0.02)) name = this.random.pick(KEYWORD_NAMES) + (this.random.chance(0.5) ? '' : String(this.counter));
        if (this.random.chance(0.01) && this.declared.length > 0) name = this.random.pick(this.declared).name; // a duplicate
        if (this.random.chance(0.005)) name = 'N' + 'x'.repeat(this.random.int(50, 3000));
        this.used.add(name);
        this.declared.push({ kind, name, arrangement });
        return name;
    }

    /** A reference to something of one of `kinds`, usually written the way scoping expects. */
    ref(kinds: Kind[], from?: string): string {
        const roll = this.random.next();
        if (roll < 0.03) return `Missing${this.random.int(0, 99)}`;
        const candidates = roll < 0.06 ? this.declared : this.declared.filter(d => kinds.includes(d.kind));
        if (candidates.length === 0) return `Nothing${this.random.int(0, 9)}`;
        const target = this.random.pick(candidates);
        let name = target.name;
        if (this.random.chance(0.03)) name = misspell(this.random, name);
        const local = target.arrangement === undefined || target.arrangement === from;
        if (target.arrangement && (!local || this.random.chance(0.1))) name = `${target.arrangement}.${name}`;
        return name;
    }
}

function misspell(random: Random, name: string): string {
    if (name.length < 2) return name + 'x';
    const at = random.int(0, name.length - 1);
    return random.chance(0.5) ? name.slice(0, at) + name.slice(at + 1) : name.slice(0, at) + 'q' + name.slice(at);
}

export function generateModel(random: Random, options: GenerateOptions): GeneratedModel {
    const book = new NameBook(random);
    // Names first, so that references can point forwards and across files.
    const domains = Array.from({ length: random.int(0, 2) }, () => book.fresh('Domain'));
    const actorCount = Math.max(1, Math.round(options.size * random.next() * 0.4) + 1);
    const actors = Array.from({ length: actorCount }, () => book.fresh('Actor'));
    const arrangementCount = Math.max(1, Math.min(6, Math.round(options.size / 20) + random.int(0, 1)));
    const plans = Array.from({ length: arrangementCount }, () => {
        const name = book.fresh('Arrangement');
        return { name, elements: [] as Array<{ kind: Kind | 'Link' | 'Channel' | 'Referral'; name?: string }> };
    });
    const elementKinds: Array<Kind | 'Link' | 'Channel' | 'Referral'> = ['Forum', 'Budget', 'System', 'Team', 'Service', 'Goal', 'Indicator', 'Agreement', 'Link', 'Channel', 'Referral'];
    const remaining = Math.max(0, options.size - actorCount - arrangementCount);
    for (let i = 0; i < remaining; i++) {
        const plan = random.pick(plans);
        const kind = random.pick(elementKinds);
        const named = kind !== 'Link' && kind !== 'Channel' && kind !== 'Referral';
        plan.elements.push({ kind, name: named ? book.fresh(kind, plan.name) : undefined });
    }
    const chunks: string[] = [];
    for (const name of domains) chunks.push(domain(random, name));
    for (const name of actors) chunks.push(actor(random, book, name));
    for (const plan of plans) chunks.push(arrangement(random, book, plan));
    // Shuffle declarations across files: top-level names are shared by the workspace.
    const files: Record<string, string> = {};
    const fileCount = Math.max(1, options.files);
    const buckets: string[][] = Array.from({ length: fileCount }, () => []);
    for (const chunk of chunks) buckets[random.int(0, fileCount - 1)].push(chunk);
    buckets.forEach((bucket, i) => { files[`gen${i}.joinery`] = bucket.join(random.chance(0.9) ? '\n\n' : '\n'); });
    return { files, declarations: book.declared.length };
}

function title(random: Random): string {
    if (!random.chance(0.6)) return '';
    const words = ['Integration', 'Joint', 'Board', 'Hub', 'Partnership', 'Café', 'Ōtautahi', 'Gwasanaeth', '"quoted"', '\\\\', '名', '🙂'];
    const text = Array.from({ length: random.int(1, 4) }, () => random.pick(words)).join(' ').replace(/"/g, '\\"');
    return ` "${text}"`;
}

function docComment(random: Random, indent: string): string {
    const roll = random.next();
    if (roll < 0.1) return `${indent}/// Documented: who takes part and why.\n`;
    if (roll < 0.13) return `${indent}// joinery-ignore ${random.pick(RULE_IDS)}${random.chance(0.7) ? ': known and accepted' : ''}\n`;
    if (roll < 0.15) return `${indent}/* a block\n${indent}   comment */\n`;
    return '';
}

function block(random: Random, header: string, properties: string[], indent: string): string {
    if (properties.length === 0 && random.chance(0.5)) return `${header}\n`;
    const inner = properties.map(p => `${indent}  ${p}`).join('\n');
    return random.chance(0.2) ? `${header} { ${properties.join(' ')} }\n` : `${header} {\n${inner}${inner ? '\n' : ''}${indent}}\n`;
}

function list(random: Random, make: () => string, max = 4): string {
    return Array.from({ length: random.int(1, max) }, make).join(', ');
}

function domain(random: Random, name: string): string {
    const props = random.chance(0.7) ? [`level ${random.pick(LEVELS)}`] : [];
    return docComment(random, '') + block(random, `domain ${name}${title(random)}`, props, '');
}

function actor(random: Random, book: NameBook, name: string): string {
    const props: string[] = [];
    if (random.chance(0.9)) props.push(`sector ${random.pick(SECTORS)}`);
    if (random.chance(0.4)) props.push(`kind ${random.pick(ACTOR_KINDS)}`);
    if (random.chance(0.2)) props.push(`in ${book.ref(['Domain'])}`);
    if (random.chance(0.5)) props.push(`logic ${list(random, () => random.pick(LOGICS), 3)}`);
    if (random.chance(0.2)) props.push(`represents ${list(random, () => book.ref(['Actor']), 3)}`);
    return docComment(random, '') + block(random, `actor ${name}${title(random)}`, props, '');
}

function arrangement(random: Random, book: NameBook, plan: { name: string; elements: Array<{ kind: string; name?: string }> }): string {
    const props: string[] = [];
    if (random.chance(0.9)) props.push(`partners ${list(random, () => book.ref(['Actor']), 5)}`);
    if (random.chance(0.7)) props.push(`stage ${random.pick(STAGES)}`);
    if (random.chance(0.3)) props.push(`governance ${random.pick(['command', 'process'])}`);
    if (random.chance(0.2)) props.push(`lead ${book.ref(['Actor'])}`);
    if (random.chance(0.2)) props.push(`leader ${book.ref(['Actor'])}`);
    if (random.chance(0.1)) props.push('merged');
    const forums = plan.elements.filter(e => e.kind === 'Forum').map(e => e.name!);
    const elements = plan.elements.map(e => element(random, book, plan.name, e.kind, e.name, forums));
    const header = `arrangement ${plan.name}${title(random)}`;
    if (random.chance(0.02)) return `${header} { }\n`;
    return docComment(random, '') + `${header} {\n${props.map(p => `  ${p}\n`).join('')}${elements.join('')}}\n`;
}

function element(random: Random, book: NameBook, arrangementName: string, kind: string, name: string | undefined, forums: string[]): string {
    const ref = (kinds: Kind[]) => book.ref(kinds, arrangementName);
    const props: string[] = [];
    let header: string;
    switch (kind) {
        case 'Forum':
            header = `forum ${name}${title(random)}`;
            if (random.chance(0.8)) props.push(`kind ${random.pick(FORUM_KINDS)}`);
            if (random.chance(0.7)) props.push(`voting ${list(random, () => ref(['Actor']) + (random.chance(0.3) ? ` ${random.int(0, 9)}` : ''))}`);
            if (random.chance(0.4)) props.push(`advisory ${list(random, () => ref(['Actor']))}`);
            // Often the next forum in the list, so that chains and circles form.
            if (random.chance(0.5) && forums.length > 0) {
                const index = forums.indexOf(name!);
                const next = random.chance(0.7) ? forums[(index + 1) % forums.length] : random.pick(forums);
                props.push(`reports to ${random.chance(0.9) ? next : ref(['Forum'])}`);
            }
            if (random.chance(0.3)) props.push(`controls ${list(random, () => ref(['Budget']))}`);
            break;
        case 'Budget':
            header = `budget ${name}${title(random)}`;
            if (random.chance(0.8)) props.push(`kind ${random.pick(BUDGET_KINDS)}`);
            if (random.chance(0.7)) props.push(`from ${list(random, () => ref(['Actor']) + random.pick(AMOUNTS))}`);
            if (random.chance(0.6)) props.push(`held by ${ref(['Forum', 'Actor'])}`);
            if (random.chance(0.6)) props.push(`funds ${list(random, () => ref(['Team', 'Service', 'Actor']))}`);
            break;
        case 'System':
            header = `system ${name}${title(random)}`;
            if (random.chance(0.7)) props.push(`owner ${ref(['Actor'])}`);
            break;
        case 'Link': {
            header = `link ${ref(['System'])} ${random.pick(['->', '<->'])} ${ref(['System'])}${title(random)}`;
            if (random.chance(0.4)) props.push(`shares ${list(random, () => `"${random.pick(['records', 'referrals', 'care plans'])}"`)}`);
            break;
        }
        case 'Team':
            header = `team ${name}${title(random)}`;
            if (random.chance(0.8)) props.push(`staff ${list(random, () => ref(['Actor']))}`);
            if (random.chance(0.3)) props.push('colocated');
            if (random.chance(0.6)) props.push(`uses ${list(random, () => ref(['System']))}`);
            if (random.chance(0.2)) props.push(`area "${random.pick(['North', 'South', 'Wishaw'])}"`);
            if (random.chance(0.2)) props.push(`leads ${list(random, () => ref(['Actor']))}`);
            break;
        case 'Service':
            header = `service ${name}${title(random)}`;
            if (random.chance(0.8)) props.push(`delivered by ${list(random, () => ref(['Actor', 'Team']))}`);
            if (random.chance(0.4)) props.push(`for "${random.pick(['older people', 'carers', 'victims'])}"`);
            if (random.chance(0.3)) props.push(`function "${random.pick(['meals', 'rehabilitation', 'advice'])}"`);
            break;
        case 'Channel':
            header = `channel ${ref(['Actor', 'Team'])} -> ${ref(['Actor', 'Team', 'Forum'])}${title(random)}`;
            if (random.chance(0.5)) props.push(`kind ${random.pick(CHANNEL_KINDS)}`);
            if (random.chance(0.3)) props.push('two-way');
            break;
        case 'Referral':
            header = `referral ${ref(['Actor', 'Team'])} -> ${ref(['Actor', 'Team'])}${title(random)}`;
            break;
        case 'Goal':
            header = `goal ${name}${title(random)}`;
            if (random.chance(0.6)) props.push(`owner ${ref(['Actor', 'Team', 'Forum'])}`);
            break;
        case 'Indicator':
            header = `indicator ${name}${title(random)}`;
            if (random.chance(0.7)) props.push(`measures ${list(random, () => ref(['Goal']))}`);
            if (random.chance(0.7)) props.push(`kind ${random.pick(INDICATOR_KINDS)}`);
            if (random.chance(0.4)) props.push(`reported by ${ref(['Actor', 'Team', 'Forum'])}`);
            break;
        default:
            header = `agreement ${name}${title(random)}`;
            if (random.chance(0.8)) props.push(`between ${list(random, () => ref(['Actor']))}`);
            if (random.chance(0.7)) props.push(`covers ${list(random, () => ref(['System', 'Team', 'Service']))}`);
    }
    if (kind === 'Referral' && props.length === 0) return `  ${header}${random.chance(0.2) ? ' { }' : ''}\n`;
    return docComment(random, '  ') + block(random, `  ${header}`, props, '  ');
}
