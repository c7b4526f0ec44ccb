import {
    interruptAndCheck, ValidationRegistry, type AstNode, type Cancellation, type MaybePromise,
    type ValidateSingleNodeOptions, type ValidationAcceptor, type ValidationCategory, type ValidationCheck
} from 'langium';

import { NODES_PER_INTERRUPT, treeOrder } from '../parser/tree-order.js';

type CancellationToken = Cancellation.CancellationToken;

/**
 * Langium's registry of checks, except that a check runs as it is written: Langium
 * wraps each in two async functions, so every node checked made a handful of promises
 * and closures (a 2,000-line model: a few MB an edit, and most of the validation's
 * time). A check that throws is reported by Langium's own handler, as before.
 */
export class JoineryValidationRegistry extends ValidationRegistry {
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            let result: MaybePromise<void>;
            try {
                result = check.call(thisObj, node, accept, cancelToken);
            } catch (error) {
                return this.handleException(() => { throw error; }, 'An error occurred during validation', accept, node);
            }
            return result instanceof Promise ? this.handleException(() => result, 'An error occurred during validation', accept, node) : undefined;
        };
    }
}

/**
 * Runs the registered checks on every node under `root`, as Langium's validator does,
 * with each type's checks looked up once per document instead of once per node, and
 * a chance to yield every few hundred nodes instead of at every one.
 */
export async function checkNodes(root: AstNode, registry: ValidationRegistry, categories: ValidationCategory[] | undefined,
    options: (node: AstNode) => ValidateSingleNodeOptions, accept: ValidationAcceptor, cancelToken: CancellationToken): Promise<void> {
    const checksOf = new Map<string, ValidationCheck[]>();
    const { nodes, subtreeEnds } = treeOrder(root);
    let count = 0;
    for (let i = 0; i < nodes.length;) {
        const node = nodes[i];
        if (count++ % NODES_PER_INTERRUPT === 0) await interruptAndCheck(cancelToken);
        const { validateNode, validateChildren } = options(node);
        if (validateNode) {
            let checks = checksOf.get(node.$type);
            if (!checks) checksOf.set(node.$type, checks = registry.getChecks(node.$type, categories).toArray());
            for (const check of checks) {
                const pending = check(node, accept, cancelToken);
                if (pending) await pending;
            }
        }
        i = validateChildren ? i + 1 : subtreeEnds[i];
    }
}
