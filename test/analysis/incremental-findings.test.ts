import { readdirSync, readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as path from 'node:path';
import { AstUtils, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { collectFindings } from '../../language-server/src/checking/collect.js';
import { FindingsByFile } from '../../language-server/src/checking/file-findings.js';
import type { Finding } from '../../language-server/src/findings/finding.js';
import { GAP_RULES } from '../../language-server/src/rules/registry.js';
import { checkWorkspace } from '../support/workspace.js';
import { buildWorkspaceModel, type WorkspaceModel } from '../../language-server/src/analysis/workspace-model.js';
import type { RouteEdge, RouteNode } from '../../language-server/src/analysis/routes.js';
import type { Allocation } from '../../language-server/src/analysis/money.js';
import { isBudget, isSystem, type Budget, type Coverable, type Forum, type Goal, type Holder, type Party, type Steward, type System } from '../../language-server/src/generated/ast.js';
import { generateSingleModel, generateWorkspace, random } from '../../scripts/bench/workspace-generator.mjs';

/**
 * An arrangement's findings are kept from one build to the next while everything
 * its derived model read of the workspace gives the same answer
 * (analysis/workspace-reads.ts), and the workspace's names are updated file by
 * file (references/global-names.ts). These tests edit workspaces step by step, as
 * an analyst would, and compare the findings with a build from scratch after
 * every step.
 */

const EXAMPLES = path.join(import.meta.dirname, '../../examples');

function exampleFiles(name: string): Record<string, string> {
    const folder = path.join(EXAMPLES, name);
    return Object.fromEntries(readdirSync(folder).filter(file => file.endsWith('.joinery')).map(file => [file, readFileSync(path.join(folder, file), 'utf-8')]));
}

/** Names declared in a text (`actor X`, `forum Board`, …): what an edit swaps one reference for another with. */
function declaredNames(text: string): string[] {
    return [...text.matchAll(/\b(?:actor|forum|budget|team|system|service|goal|indicator|agreement|arrangement)\s+([A-Za-z_][\w]*)/g)].map(m => m[1]);
}

interface Names {
    all: string[];
    actors: string[];
}

/**
 * Files that read each other only through the workspace model: budgets held by
 * shared actors, a board elsewhere that gives them a route, a goal measured from
 * another file, systems linked and covered across files, an actor filed with the
 * first arrangement. What one file changes shows in another's findings.
 */
const COUPLED: Record<string, string> = {
    'actors.joinery': `
actor H "Health board" { sector statutory }
actor C "Council" { sector statutory }
actor V "Voluntary sector interface" { sector third represents G }
actor G "Community groups" { sector community kind network }
actor P "Care provider" { sector independent }
actor Idle "Unused charity" { sector third }
arrangement Home "Home" { partners H, C forum Board { kind board voting H, C } }`,
    'north.joinery': `
arrangement North "North" {
  partners H, C
  forum Board { kind board voting H, C advisory V controls Pool }
  budget Pool { kind pooled from H 10m, C 5m held by V funds Care }
  budget Grant { kind grant from C 1m held by P funds Lunch }
  system Records { owner H }
  team Care { staff H, C uses Records }
  service Lunch { delivered by G }
  goal Wellbeing { owner Board }
  channel G -> V { kind representation two-way }
}`,
    'south.joinery': `
arrangement South "South" {
  partners H, P
  forum Board { kind board voting H }
  forum Forum { kind engagement voting P advisory V reports to Board }
  system Case { owner C }
  link North.Records -> Case
  agreement Share { covers Case parties H, C }
  indicator Visits { measures North.Wellbeing kind outcome reported by H }
  team Joint { staff H, P uses Case }
}`,
    'west.joinery': `
arrangement West "West" {
  partners C, V
  forum Board { kind board voting C }
  budget Fund { kind aligned from C 2m held by G funds Help }
  service Help { delivered by V, G }
  referral V -> Help
}`
};

type Edit = (text: string, next: () => number, names: Names) => string;
const pick = <T>(items: readonly T[], next: () => number): T => items[Math.floor(next() * items.length)];
const lines = (text: string) => text.split('\n');

/** Edits an analyst makes: change words, names and keywords, lose or repeat a line. */
const EDITS: Record<string, Edit> = {
    title: (text, next) => {
        const titles = [...text.matchAll(/"([^"\n]*)"/g)];
        if (titles.length === 0) return text;
        const { index, 0: quoted } = pick(titles, next);
        return `${text.slice(0, index)}${quoted.slice(0, -1)} ${Math.floor(next() * 100)}"${text.slice(index + quoted.length)}`;
    },
    'swap a name': (text, next, names) => {
        const [from, to] = [pick(names.all, next), pick(names.all, next)];
        const occurrences = [...text.matchAll(new RegExp(`\\b${from}\\b`, 'g'))];
        if (occurrences.length === 0) return text;
        const at = pick(occurrences, next).index;
        return text.slice(0, at) + to + text.slice(at + from.length);
    },
    keyword: (text, next) => {
        const swaps: Array<[RegExp, string]> = [[/\bvoting\b/, 'advisory'], [/\badvisory\b/, 'voting'], [/kind board/, 'kind engagement'],
            [/kind engagement/, 'kind board'], [/\bpooled\b/, 'aligned'], [/two-way/, 'one-way'], [/sector third/, 'sector statutory'], [/sector statutory/, 'sector community']];
        const [pattern, replacement] = pick(swaps, next);
        return text.replace(pattern, replacement);
    },
    'drop a line': (text, next) => {
        const all = lines(text);
        all.splice(Math.floor(next() * all.length), 1);
        return all.join('\n');
    },
    // What another file's arrangements read through the workspace: who reaches a board, who holds money, who is involved.
    'add an arrangement': (text, next, { actors }) => {
        const n = Math.floor(next() * 1e6);
        const [a, b, c] = [pick(actors, next), pick(actors, next), pick(actors, next)];
        const seats = next() < 0.5 ? `voting ${a}, ${b}` : `advisory ${b} voting ${a}`;
        return `${text}\narrangement Extra${n} {\n  partners ${a}, ${c}\n  forum Board${n} { kind ${next() < 0.7 ? 'board' : 'engagement'} ${seats} }\n`
            + `  budget Pot${n} { kind pooled from ${a} 1m held by ${next() < 0.5 ? c : `Board${n}`} }\n  team Team${n} { staff ${b}, ${c} }\n}\n`;
    },
    'repeat a line': (text, next) => {
        const all = lines(text);
        const at = Math.floor(next() * all.length);
        all.splice(at, 0, all[at]);
        return all.join('\n');
    },
    // A file's suppressions decide what it reports whatever its findings: silence a rule before a line, or stop silencing one.
    'suppress or unsuppress': (text, next) => {
        const all = lines(text);
        const suppressions = all.flatMap((line, i) => line.includes('joinery-ignore') ? [i] : []);
        if (suppressions.length > 0 && next() < 0.4) {
            all.splice(pick(suppressions, next), 1);
            return all.join('\n');
        }
        const rule = pick(GAP_RULES, next).id;
        all.splice(Math.floor(next() * all.length), 0, next() < 0.8 ? `// joinery-ignore ${rule}: accepted in review` : `// joinery-ignore ${rule}`);
        return all.join('\n');
    }
};

/** V8's collector, for a test that a model is let go. */
function collectGarbage(): void {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
}

/**
 * Applies `steps` seeded edits, one file at a time; after each the kept findings must equal a fresh build's.
 * `readsAfterStartUp`: as the server does in idle time after start-up (server/after-start-up.ts), the reads
 * the first build left out are written down before the first edit, by all rules or by the first few (an edit
 * came before the rest).
 */
async function editSeries(files: Record<string, string>, steps: number, seed: number, readsAfterStartUp?: 'all rules' | 'a few rules'): Promise<{ kept: number; keptAtFirstEdit: number }> {
    const texts = { ...files };
    const { services, findings: atStartUp } = await checkWorkspace(texts);
    if (readsAfterStartUp) {
        const runner = services.rules.RuleRunner;
        expect(runner.writeDownReads()).toBe(true);
        if (readsAfterStartUp === 'all rules') expect(collectFindings(services)).toEqual(atStartUp);
        else for (const rule of GAP_RULES.slice(0, 3)) runner.workspaceFindings(id => id === rule.id);
        // Written down once: the model of now records them.
        expect(runner.writeDownReads()).toBe(false);
    }
    const { DocumentBuilder, TextDocuments } = services.shared.workspace;
    const next = random(seed);
    const names: Names = {
        all: [...new Set(Object.values(texts).flatMap(declaredNames))],
        actors: [...new Set(Object.values(texts).flatMap(text => [...text.matchAll(/\bactor\s+([A-Za-z_]\w*)/g)].map(m => m[1])))]
    };
    const versions = new Map<string, number>();
    // The server's answer, file by file, made again only for the files whose findings changed.
    const byFile = new FindingsByFile(services);
    expect(fileByFile(byFile.collect({}))).toEqual(atStartUp);
    let kept = 0, keptAtFirstEdit = 0;
    for (let step = 0; step < steps; step++) {
        const file = pick(Object.keys(texts), next);
        const editName = pick(Object.keys(EDITS), next);
        const edited = EDITS[editName](texts[file], next, names);
        texts[file] = edited;
        const uri = URI.file(`/workspace/${file}`);
        const version = (versions.get(file) ?? 1) + 1;
        versions.set(file, version);
        const before = inputsOf(services);
        TextDocuments.set(TextDocument.create(uri.toString(), 'joinery', version, edited));
        await DocumentBuilder.update([uri], []);
        const incremental = collectFindings(services);
        const published = fileByFile(byFile.collect({}));
        const after = inputsOf(services);
        const keptNow = [...after].filter(([name, inputs]) => before.get(name) === inputs).length;
        if (step === 0) keptAtFirstEdit = keptNow;
        kept += keptNow;
        const fresh = await checkWorkspace(texts);
        expect(incremental, `step ${step}: ${editName} in ${file}`).toEqual(fresh.findings);
        expect(published, `step ${step}: ${editName} in ${file}, file by file`).toEqual(fresh.findings);
        expectModelAsFromNothing(services, `step ${step}: ${editName} in ${file}`);
    }
    return { kept, keptAtFirstEdit };
}

/**
 * The workspace model built from the last one (its lists written again where
 * documents changed) answers every question as one built from nothing over the
 * same documents, lists in the same order: an order a rule never shows is still
 * the order the next edit starts from.
 */
function expectModelAsFromNothing(services: Awaited<ReturnType<typeof checkWorkspace>>['services'], label: string): void {
    const documents = services.references.Project.documents();
    const kept = services.analysis.IntegrationAnalysis.workspaceModel();
    const fresh = buildWorkspaceModel(documents);
    const edges = (list: readonly RouteEdge[]) => list.map(edge => [edge.from, edge.to, edge.via, edge.source]);
    const steps = (list: readonly Allocation[]) => list.map(step => [step.from, step.to, step.amount]);
    for (const document of documents) {
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            const ask = (model: WorkspaceModel) => [
                model.forumsOf(node as Party), model.budgetsHeldBy(node as Holder), model.indicatorsMeasuring(node as Goal),
                model.goalsOwnedBy(node as Steward), model.agreementsCovering(node as Coverable), model.teamsUsing(node as System),
                model.linksTouching(node as System), model.scrutinisedBy(node as Forum), model.regardedBy(node as Forum),
                edges(model.routes.edgesFrom(node as RouteNode)), edges(model.routes.edgesTo(node as RouteNode)),
                model.reachesAnyBoard.has(node as RouteNode),
                isBudget(node) ? model.boardsControlling(node) : [],
                isBudget(node) ? steps(model.money.allocationsTo(node)) : [],
                isBudget(node) ? steps(model.money.allocationsFrom(node)) : [],
                model.money.directionsSpending(node as Budget), model.money.directionsFrom(node as Forum), model.money.directionsTo(node as Party),
                isSystem(node) ? model.linkGroup(node) : undefined
            ];
            const [a, b] = [ask(kept), ask(fresh)];
            // The very same nodes, in the same order (an edge as its ends, kind and source).
            const same = (x: unknown, y: unknown): boolean => Array.isArray(x) && Array.isArray(y)
                ? x.length === y.length && x.every((item, i) => same(item, y[i]))
                : x === y;
            a.forEach((answer, i) => expect(same(answer, b[i]), `${label}: question ${i} of ${node.$type} ${(node as { name?: string }).name ?? ''}`).toBe(true));
        }
    }
}

/** Each file's findings one after another, files in the order of their URIs: the order collectFindings reports them in. */
function fileByFile(files: ReadonlyMap<string, readonly Finding[]>): Finding[] {
    return [...files.keys()].sort().flatMap(uri => files.get(uri)!);
}

function inputsOf(services: Awaited<ReturnType<typeof checkWorkspace>>['services']): Map<string, object> {
    const analysis = services.analysis.IntegrationAnalysis;
    return new Map(analysis.workspaceModel().arrangements.map(arrangement => [arrangement.name, analysis.arrangementInputs(arrangement)]));
}

describe('findings kept between builds', () => {
    it('equal a fresh build after every edit of a generated workspace', async () => {
        const { kept } = await editSeries(generateWorkspace(24, 7), 40, 11);
        // Most edits leave most arrangements' inputs alone: their findings were kept, not made again.
        expect(kept).toBeGreaterThan(40 * 10);
    }, 120_000);

    it('equal a fresh build after every edit of one long file that declares its own actors', async () => {
        const { kept } = await editSeries({ 'model.joinery': generateSingleModel(600, 5) }, 30, 9);
        // An edit of one arrangement leaves the file's other arrangements their findings (about 8 of them).
        expect(kept).toBeGreaterThan(30 * 3);
    }, 120_000);

    for (const seed of [1, 2, 3]) {
        it(`equal a fresh build after every edit of files that read each other through the workspace (seed ${seed})`, async () => {
            await editSeries(COUPLED, 40, seed);
        }, 60_000);
    }

    it('equal a fresh build after every edit once the reads start-up left out were written down, and keep from the first edit on', async () => {
        const { keptAtFirstEdit } = await editSeries(generateWorkspace(24, 7), 10, 12, 'all rules');
        // Without them the first edit keeps nothing: the first build's inputs never hold.
        expect(keptAtFirstEdit).toBeGreaterThan(12);
        expect((await editSeries(generateWorkspace(24, 7), 1, 12)).keptAtFirstEdit).toBe(0);
    }, 60_000);

    for (const seed of [4, 5]) {
        it(`equal a fresh build after every edit when an edit came while those reads were written down (seed ${seed})`, async () => {
            await editSeries(COUPLED, 30, seed, 'a few rules');
        }, 60_000);
    }

    for (const example of ['ijb', 'lanarkshire', 'community-safety', 'shared-revenues', 'place-partnership']) {
        it(`equal a fresh build after every edit of the ${example} example`, async () => {
            await editSeries(exampleFiles(example), 25, example.length);
        }, 60_000);
    }

    it('let a model go once two others were built after it: none holds on to the one before it', async () => {
        const texts = generateWorkspace(24, 3);
        const file = 'arrangements/arr-0007.joinery';
        const { services } = await checkWorkspace(texts);
        const { DocumentBuilder, TextDocuments } = services.shared.workspace;
        const uri = URI.file(`/workspace/${file}`);
        const edit = async (version: number) => {
            TextDocuments.set(TextDocument.create(uri.toString(), 'joinery', version, texts[file].replace(/"([^"]*)"/, `"$1 ${version}"`)));
            await DocumentBuilder.update([uri], []);
            collectFindings(services);
        };
        await edit(2);
        await edit(3);
        // Built from the one before, its lists written into that one's: the case that could chain them.
        const first = new WeakRef(services.analysis.IntegrationAnalysis.workspaceModel());
        for (const version of [4, 5, 6]) await edit(version);
        // A few turns and collections: under a loaded suite a build's last timers can hold it a moment longer
        // (once in a full run); a model truly held stays held through all of them.
        for (let turn = 0; turn < 5 && first.deref() !== undefined; turn++) {
            await new Promise(resolve => setTimeout(resolve, 10));
            collectGarbage();
        }
        expect(first.deref()).toBeUndefined();
    });

    it('equal a fresh build when a file is deleted, and when it comes back', async () => {
        // Large enough that one file's change is written into the last model, not built from nothing.
        const texts = generateWorkspace(24, 3);
        const file = 'arrangements/arr-0005.joinery';
        const { services } = await checkWorkspace(texts);
        const { DocumentBuilder, TextDocuments } = services.shared.workspace;
        const uri = URI.file(`/workspace/${file}`);
        // Two builds first, so that the deletion is compared with a model whose reads were written down.
        for (const version of [2, 3]) {
            TextDocuments.set(TextDocument.create(uri.toString(), 'joinery', version, `${texts[file]}\n// ${version}`));
            await DocumentBuilder.update([uri], []);
            collectFindings(services);
        }
        const { [file]: deleted, ...rest } = texts;
        TextDocuments.delete(uri.toString());
        await DocumentBuilder.update([], [uri]);
        expect(collectFindings(services)).toEqual((await checkWorkspace(rest)).findings);
        expectModelAsFromNothing(services, `${file} deleted`);
        TextDocuments.set(TextDocument.create(uri.toString(), 'joinery', 5, deleted));
        await DocumentBuilder.update([uri], []);
        expect(collectFindings(services)).toEqual((await checkWorkspace(texts)).findings);
        expectModelAsFromNothing(services, `${file} back`);
    });

    it('follow what another file changes in the workspace model: a holder that gains a seat on a board elsewhere', async () => {
        const files = {
            'actors.joinery': 'actor H { sector statutory } actor C { sector statutory } actor V { sector third }',
            'north.joinery': 'arrangement N { partners H, C forum B { kind board voting H, C controls P } budget P { kind pooled from H 1m held by V } }',
            'south.joinery': 'arrangement S { partners H forum B { kind board voting H } }'
        };
        const { services, findings } = await checkWorkspace(files);
        expect(findings.some(f => f.rule === 'budget-without-board' && f.arrangement === 'N')).toBe(true);
        const { DocumentBuilder, TextDocuments } = services.shared.workspace;
        const uri = URI.file('/workspace/south.joinery');
        const texts = ['arrangement S "South" { partners H forum B { kind board voting H } }', 'arrangement S "South" { partners H forum B { kind board voting H, V } }'];
        for (const [i, text] of texts.entries()) {
            TextDocuments.set(TextDocument.create(uri.toString(), 'joinery', i + 2, text));
            await DocumentBuilder.update([uri], []);
            collectFindings(services);
        }
        // V now reaches a board through S: N's budget has an accountable holder, though north.joinery did not change.
        const incremental = collectFindings(services);
        expect(incremental.some(f => f.rule === 'budget-without-board' && f.arrangement === 'N')).toBe(false);
        expect(incremental).toEqual((await checkWorkspace({ ...files, 'south.joinery': texts[1] })).findings);
    });

    it('follow a title changed in another file that a message names: a forum both organisations of a team sit on', async () => {
        const files = {
            'actors.joinery': 'actor H { sector statutory } actor C { sector statutory }',
            'north.joinery': 'arrangement N { partners H, C team T { staff H, C } }',
            'south.joinery': 'arrangement S { partners H, C forum F "Joint forum" { kind planning voting H, C } }'
        };
        const { services } = await checkWorkspace(files);
        const { DocumentBuilder, TextDocuments } = services.shared.workspace;
        const uri = URI.file('/workspace/south.joinery');
        const texts = ['arrangement S { partners H, C forum F "Joint forum" { kind planning voting H, C } } ',
            'arrangement S { partners H, C forum F "Joint planning forum" { kind planning voting H, C } } '];
        for (const [i, text] of texts.entries()) {
            TextDocuments.set(TextDocument.create(uri.toString(), 'joinery', i + 2, text));
            await DocumentBuilder.update([uri], []);
            collectFindings(services);
        }
        // Only a title changed, and north.joinery names nothing of south.joinery: N's finding still names the forum as it is now.
        const teamFinding = collectFindings(services).find(f => f.rule === 'no-shared-goal');
        expect(teamFinding?.message).toContain('Joint planning forum');
        expect(collectFindings(services)).toEqual((await checkWorkspace({ ...files, 'south.joinery': texts[1] })).findings);
    });

    it('are kept for an arrangement whose inputs did not change, and made again for one whose did', async () => {
        const { services } = await checkWorkspace({
            'actors.joinery': 'actor H { sector statutory } actor C { sector statutory } actor V { sector third }',
            'north.joinery': 'arrangement N { partners H, C forum B { kind board voting H, C } }',
            'south.joinery': 'arrangement S { partners H, V forum B { kind board voting H } }'
        });
        const { DocumentBuilder, TextDocuments } = services.shared.workspace;
        const edit = async (file: string, text: string, version: number) => {
            const uri = URI.file(`/workspace/${file}`);
            TextDocuments.set(TextDocument.create(uri.toString(), 'joinery', version, text));
            await DocumentBuilder.update([uri], []);
            return inputsOf(services);
        };
        // The first rebuild writes the reads down; from the second on they are compared.
        await edit('south.joinery', 'arrangement S { partners H, V forum B { kind board voting H } } ', 2);
        const before = await edit('south.joinery', 'arrangement S "South" { partners H, V forum B { kind board voting H } }', 3);
        const unrelated = await edit('south.joinery', 'arrangement S "South side" { partners H, V forum B { kind board voting H } }', 4);
        expect(unrelated.get('N')).toBe(before.get('N'));
        // V gains a seat on S's board: N's own inputs are untouched, and V's voice is N's business only through S.
        const seat = await edit('south.joinery', 'arrangement S "South side" { partners H, V forum B { kind board voting H, V } }', 5);
        expect(seat.get('N')).toBe(unrelated.get('N'));
        expect(seat.get('S')).not.toBe(unrelated.get('S'));
        // An actor N names changes: N is derived again.
        const actors = await edit('actors.joinery', 'actor H { sector statutory } actor C { sector independent } actor V { sector third }', 2);
        expect(actors.get('N')).not.toBe(seat.get('N'));
    });

    it('are kept within a file parsed again for the arrangements that read and refer as they did, in the same place', async () => {
        const text = (south: string, actorH = 'actor H { sector statutory }', before = '') => [
            before + actorH, 'actor C { sector statutory }', 'actor V { sector third }',
            'arrangement N { partners H, C forum B { kind board voting H, C } }',
            `arrangement S ${south} { partners V, C forum B { kind board voting C } }`
        ].join('\n');
        const { services } = await checkWorkspace({ 'model.joinery': text('"South"') });
        const { DocumentBuilder, TextDocuments } = services.shared.workspace;
        const uri = URI.file('/workspace/model.joinery');
        let version = 1;
        const edit = async (edited: string) => {
            TextDocuments.set(TextDocument.create(uri.toString(), 'joinery', ++version, edited));
            await DocumentBuilder.update([uri], []);
            expect(collectFindings(services)).toEqual((await checkWorkspace({ 'model.joinery': edited })).findings);
            return inputsOf(services);
        };
        // The first rebuild writes the reads down; from the second on they are compared.
        await edit(text('"South 1"'));
        const before = await edit(text('"South 2"'));
        // S's title changes: N, above it and reading nothing of it, keeps its findings; S is derived again.
        const title = await edit(text('"South side"'));
        expect(title.get('N')).toBe(before.get('N'));
        expect(title.get('S')).not.toBe(before.get('S'));
        // H, whom N names, changes: N is derived again, and S, which names neither H nor N, is not.
        const actor = await edit(text('"South side"', 'actor H "Health board" { sector statutory }'));
        expect(actor.get('N')).not.toBe(title.get('N'));
        expect(actor.get('S')).toBe(title.get('S'));
        // A line above everything moves every declaration: nothing is kept, though nothing else changed.
        const moved = await edit(text('"South side"', 'actor H "Health board" { sector statutory }', '\n'));
        expect(moved.get('N')).not.toBe(actor.get('N'));
        expect(moved.get('S')).not.toBe(actor.get('S'));
    });
});
