import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AstUtils, MultiMap } from 'langium';
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../support/workspace.js';
import { generateWorkspace, random } from '../../scripts/bench/workspace-generator.mjs';
import { isBudget, isDirection, type Budget, type Direction } from '../../language-server/src/generated/ast.js';
import { resolved } from '../../language-server/src/analysis/membership.js';
import { parseAmount } from '../../language-server/src/language/quantities.js';
import type { Allocation } from '../../language-server/src/analysis/money.js';

/**
 * The money flows are worked out per budget when first asked for. They must be
 * what one pass over every budget in declaration order makes (v1's way, kept here
 * as the reference): the same steps, amounts and order at both ends.
 */
function onePass(budgets: readonly Budget[], directions: readonly Direction[]) {
    const into = new MultiMap<Budget, Allocation>();
    const outOf = new MultiMap<Budget, Allocation>();
    const known = new Map<Budget, Map<Budget, Allocation>>();
    const note = (from: Budget, to: Budget, amount: number | undefined) => {
        if (from === to) return;
        const toHere = known.get(to) ?? new Map<Budget, Allocation>();
        known.set(to, toHere);
        const existing = toHere.get(from);
        if (existing) {
            if (existing.amount === undefined && amount !== undefined) existing.amount = amount;
            return;
        }
        const allocation: Allocation = amount === undefined ? { from, to } : { from, to, amount };
        toHere.set(from, allocation);
        into.add(to, allocation);
        outOf.add(from, allocation);
    };
    for (const budget of budgets) {
        for (const contribution of budget.contributions) {
            const source = contribution.source.ref;
            if (isBudget(source)) note(source, budget, contribution.amount === undefined ? undefined : parseAmount(contribution.amount));
        }
        for (const recipient of resolved(budget.funds)) if (isBudget(recipient)) note(budget, recipient, undefined);
    }
    const spending = new MultiMap<Budget, Direction>();
    for (const direction of directions) if (direction.budget?.ref) spending.add(direction.budget.ref, direction);
    return { into, outOf, spending };
}

async function expectOnePassFlows(files: Record<string, string>): Promise<number> {
    const { services } = await checkWorkspace(files);
    const workspace = services.analysis.IntegrationAnalysis.workspaceModel();
    const nodes = workspace.documents.flatMap(document => [...AstUtils.streamAst(document.parseResult.value)]);
    const budgets = nodes.filter(isBudget), directions = nodes.filter(isDirection);
    const reference = onePass(budgets, directions);
    const steps = (list: readonly Allocation[]) => list.map(a => [a.from.name, a.to.name, a.amount]);
    let allocations = 0;
    for (const budget of budgets) {
        expect(steps(workspace.money.allocationsTo(budget)), `into ${budget.name}`).toEqual(steps(reference.into.get(budget)));
        expect(steps(workspace.money.allocationsFrom(budget)), `out of ${budget.name}`).toEqual(steps(reference.outOf.get(budget)));
        expect(workspace.money.directionsSpending(budget)).toEqual(reference.spending.get(budget));
        // One step is one object, at both ends.
        for (const step of workspace.money.allocationsTo(budget)) expect(workspace.money.allocationsFrom(step.from)).toContain(step);
        allocations += workspace.money.allocationsTo(budget).length;
    }
    return allocations;
}

/** Files of arrangements whose budgets name each other in `from` and `funds`, repeated, amounts stated or not, well or badly. */
function chainedBudgets(seed: number): Record<string, string> {
    const next = random(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    const files = 5, perFile = 4;
    const budget = (f: number, b: number) => `A${f}.B${b}`;
    const all = Array.from({ length: files * perFile }, (_, i) => budget(Math.floor(i / perFile), i % perFile));
    const amount = () => pick(['', '', ' 1m', ' 250k', ' 3x']);
    const texts: Record<string, string> = { 'actors.joinery': 'actor H { sector statutory } actor C { sector statutory }' };
    for (let f = 0; f < files; f++) {
        const budgets = Array.from({ length: perFile }, (_, b) => {
            const from = Array.from({ length: 1 + Math.floor(next() * 3) }, () => next() < 0.3 ? `${pick(['H', 'C'])}${amount()}` : `${pick(all)}${amount()}`);
            const funds = Array.from({ length: Math.floor(next() * 3) }, () => pick(all));
            return `  budget B${b} { kind pooled from ${from.join(', ')}${funds.length ? ` funds ${funds.join(', ')}` : ''} }`;
        });
        texts[`a${f}.joinery`] = `arrangement A${f} {\n  partners H, C\n${budgets.join('\n')}\n}\n`;
    }
    return texts;
}

const EXAMPLES = path.join(import.meta.dirname, '../../examples');

describe('money flows worked out per budget', () => {
    it('are those of one pass over the budgets: steps noted from either end, an amount stated once, a budget that funds itself', async () => {
        const allocations = await expectOnePassFlows({
            'a.joinery': `actor H { sector statutory } actor C { sector statutory }
arrangement A {
  partners H, C
  budget Pool { kind pooled from H 10m, C 5m funds Care, Care, Pool, B.Fund }
  budget Care { kind aligned from Pool, Pool 2m, H 1m }
  budget Odd { kind aligned from Pool 3x, Pool 4m, Care funds Pool }
}`,
            'b.joinery': `arrangement B {
  partners H
  budget Fund { kind grant from A.Pool 1m, A.Care funds A.Odd }
  budget Late { kind grant funds Fund from Fund }
  forum Board { kind board voting H }
  direction Do { from Board to H budget Fund }
}`
        });
        expect(allocations).toBeGreaterThan(6);
    });

    for (const example of readdirSync(EXAMPLES).filter(name => !name.includes('.'))) {
        it(`are those of one pass over the budgets of the ${example} example`, async () => {
            const folder = path.join(EXAMPLES, example);
            const files = Object.fromEntries(readdirSync(folder).filter(file => file.endsWith('.joinery')).map(file => [file, readFileSync(path.join(folder, file), 'utf-8')]));
            await expectOnePassFlows(files);
        });
    }

    for (const seed of [1, 2, 3, 4]) {
        it(`are those of one pass over budgets that draw on and fund each other across files at random (seed ${seed})`, async () => {
            expect(await expectOnePassFlows(chainedBudgets(seed))).toBeGreaterThan(20);
        });
    }

    it('are those of one pass over the budgets of a generated workspace', async () => {
        await expectOnePassFlows(generateWorkspace(40, 5));
    });
});
