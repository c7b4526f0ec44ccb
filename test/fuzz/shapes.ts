import type { Random } from './random.js';

/**
 * Shapes the grammar-aware generator does not reach by chance (issue 19): many
 * alike elements, long `reports to` chains, complete graphs, and workspaces with
 * entries that are not text files (for the parity pass, which writes inputs to disk).
 */

/** An entry of a workspace on disk that is not a text file: made by the parity pass (`parity-pass.ts`). */
export interface SpecialEntry {
    path: string;
    kind: 'bytes' | 'fifo' | 'broken-link' | 'link-loop' | 'link-to-file' | 'link-to-folder' | 'folder' | 'unreadable-file' | 'unreadable-folder' | 'sparse';
    /** For `bytes`: the content, base64. For `link-to-file`, `link-to-folder`: the target. For `sparse`: the size in bytes. */
    data?: string;
}

export interface Shape {
    label: string;
    files: Record<string, string>;
    entries?: SpecialEntry[];
}

const SECTORS = ['statutory', 'third', 'independent', 'community', 'government'];

export function shapeCase(random: Random): Shape {
    const kind = random.weighted([[3, 'alike'], [3, 'chain'], [3, 'complete'], [4, 'entries']] as const);
    switch (kind) {
        case 'alike': return alike(random);
        case 'chain': return chain(random);
        case 'complete': return complete(random);
        default: return entries(random);
    }
}

/** Many alike services (and forums, budgets): groups that duplicate each other, care homes by the hundred. */
function alike(random: Random): Shape {
    const count = random.pick([12, 40, 150, 400, 1500]);
    const providers = random.int(1, Math.min(count, 60));
    const lines = Array.from({ length: providers }, (_, i) => `actor P${i} "Provider ${i}" { sector ${random.pick(SECTORS)} }`);
    lines.push(`arrangement Homes "Care homes" {`, `  partners ${Array.from({ length: Math.min(providers, 5) }, (_, i) => `P${i}`).join(', ')}`);
    const functions = random.int(1, 3);
    for (let i = 0; i < count; i++) {
        const area = random.chance(0.3) ? ` area "${random.pick(['North', 'South'])}"` : '';
        lines.push(`  service H${i} "Home ${i}" { delivered by P${random.int(0, providers - 1)} for "older people" function "care ${i % functions}"${area} }`);
    }
    if (random.chance(0.5)) for (let i = 0; i < Math.min(count, 200); i++) lines.push(`  forum F${i} { kind ${random.pick(['planning', 'engagement', 'board'])} voting P${i % providers} }`);
    lines.push('}');
    return { label: `shape: ${count} alike services`, files: { 'homes.joinery': lines.join('\n') + '\n' } };
}

/** A long `reports to` chain (sometimes closed into a circle) up to a board. */
function chain(random: Random): Shape {
    const length = random.pick([30, 120, 500, 2000]);
    const circle = random.chance(0.2);
    const lines = ['actor H "Health board" { sector statutory }', 'actor V "Voluntary sector" { sector third }', 'arrangement Chain { partners H, V', '  forum F0 { kind board voting H }'];
    for (let i = 1; i < length; i++) lines.push(`  forum F${i} { kind ${random.pick(['planning', 'engagement', 'learning'])} reports to F${i - 1}${i === length - 1 ? ' advisory V' : ''} }`);
    if (circle) lines[3] = `  forum F0 { kind board voting H reports to F${length - 1} }`;
    lines.push('}');
    return { label: `shape: reports-to chain of ${length}${circle ? ', a circle' : ''}`, files: { 'chain.joinery': lines.join('\n') + '\n' } };
}

/** Actors each joined to every other (channels, or referrals), and systems all linked. */
function complete(random: Random): Shape {
    const n = random.int(6, 25);
    const lines = Array.from({ length: n }, (_, i) => `actor A${i} "Actor ${i}" { sector ${random.pick(SECTORS)} }`);
    lines.push(`arrangement K { partners ${Array.from({ length: n }, (_, i) => `A${i}`).join(', ')}`);
    const edge = random.pick(['channel', 'referral']);
    for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) lines.push(edge === 'channel' ? `  channel A${i} -> A${j} { kind consultation${random.chance(0.5) ? ' two-way' : ''} }` : `  referral A${i} -> A${j}`);
    }
    if (random.chance(0.5)) {
        const systems = random.int(3, 12);
        for (let i = 0; i < systems; i++) lines.push(`  system S${i} { owner A${i % n} }`);
        for (let i = 0; i < systems; i++) for (let j = i + 1; j < systems; j++) lines.push(`  link S${i} <-> S${j}`);
    }
    lines.push('}');
    return { label: `shape: complete graph of ${n} actors (${edge})`, files: { 'complete.joinery': lines.join('\n') + '\n' } };
}

/** Text files beside entries that are not: NUL bytes, invalid UTF-8, a BOM, CR line ends, pipes, links, folders, unreadable ones. */
function entries(random: Random): Shape {
    const good = 'actor H "Health board" { sector statutory }\narrangement A { partners H forum B { kind board voting H } forum Lonely { kind planning } }\n';
    const files: Record<string, string> = { 'good.joinery': good };
    const special: SpecialEntry[] = [];
    const labels: string[] = [];
    const picks = random.int(1, 5);
    for (let i = 0; i < picks; i++) {
        const which = random.pick(['nul', 'latin1', 'bom', 'crlf', 'cr', 'fifo', 'broken-link', 'link-loop', 'link-to-file', 'link-to-folder',
            'folder', 'unreadable-file', 'unreadable-folder', 'skipped', 'sparse', 'astral'] as const);
        labels.push(which);
        const name = `${which}${i}`;
        const other = `actor X${i} "Other ${i}" { sector third }\narrangement Z${i} { partners X${i}, Nobody${i} }\n`;
        switch (which) {
            case 'nul': special.push({ path: `${name}.joinery`, kind: 'bytes', data: Buffer.concat([Buffer.from(other), Buffer.from([0, 1, 2])]).toString('base64') }); break;
            case 'latin1': special.push({ path: `${name}.joinery`, kind: 'bytes', data: Buffer.from(`actor Caf\xe9${i} { sector third }\n`, 'latin1').toString('base64') }); break;
            case 'bom': files[`${name}.joinery`] = `\uFEFF${other}`; break;
            case 'crlf': files[`${name}.joinery`] = other.replace(/\n/g, '\r\n').replace('{ partners', '{\r\n\tpartners'); break;
            case 'cr': files[`${name}.joinery`] = other.replace(/\n/g, '\r'); break;
            case 'astral': files[`${name}.joinery`] = other.replace('"Other', '"𝒪😀 Other').replace('{ partners', '{ /* 😀 */ partners'); break;
            case 'fifo': special.push({ path: `${name}.joinery`, kind: 'fifo' }); break;
            case 'broken-link': special.push({ path: `${name}.joinery`, kind: 'broken-link' }); break;
            case 'link-loop': special.push({ path: `${name}.joinery`, kind: 'link-loop' }); break;
            case 'link-to-file': special.push({ path: `${name}.joinery`, kind: 'link-to-file', data: 'good.joinery' }); break;
            case 'link-to-folder': files[`sub${i}/inner.joinery`] = other; special.push({ path: `${name}.joinery`, kind: 'link-to-folder', data: `sub${i}` }); break;
            case 'folder': files[`${name}.joinery/inside.joinery`] = other; break;
            case 'unreadable-file': files[`${name}.joinery`] = other; special.push({ path: `${name}.joinery`, kind: 'unreadable-file' }); break;
            case 'unreadable-folder': files[`${name}/inner.joinery`] = other; special.push({ path: name, kind: 'unreadable-folder' }); break;
            case 'skipped': files[`${random.pick(['out', 'node_modules', '.hidden'])}/${name}.joinery`] = other; break;
            case 'sparse': special.push({ path: `${name}.joinery`, kind: 'sparse', data: String(random.pick([600 * 1024, 50 * 1024 * 1024])) }); break;
        }
    }
    return { label: `shape: entries ${labels.join(', ')}`, files, entries: special };
}
