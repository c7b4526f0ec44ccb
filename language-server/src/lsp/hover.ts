import type { AstNode, DocumentationProvider, MaybePromise } from 'langium';
import { AstNodeHoverProvider, type LangiumServices } from 'langium/lsp';
import type { Hover } from 'vscode-languageserver';
import { isActor, isArrangement, type Actor } from '../generated/ast.js';
import type { IntegrationAnalysis } from '../analysis/integration-analysis.js';
import { describeStage } from '../analysis/stage-support.js';
import { titleOf } from '../analysis/membership.js';
import { actorInArrangement } from '../analysis/actor-profile.js';
import { kindWord } from '../validation/user-words.js';
import type { JoineryServices } from '../joinery-module.js';

/** Hover: the element's title, its `///` documentation and what the derived model says of it. */
export class JoineryHoverProvider extends AstNodeHoverProvider {
    private readonly documentation: DocumentationProvider;
    private readonly analysis: IntegrationAnalysis;

    constructor(services: LangiumServices) {
        super(services);
        this.documentation = services.documentation.DocumentationProvider;
        this.analysis = (services as JoineryServices).analysis.IntegrationAnalysis;
    }

    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<Hover | undefined> {
        const named = node as { name?: string; title?: string };
        if (!named.name) return undefined;
        const parts = [`**${kindWord(node.$type)} ${named.name}**${named.title ? ` — ${named.title}` : ''}`];
        const docs = this.documentation.getDocumentation(node);
        if (docs) parts.push(docs);
        if (isActor(node)) parts.push(this.actorSummary(node));
        if (isArrangement(node)) {
            const stage = this.analysis.arrangementModel(node).stageSupport;
            parts.push(`Supports ${describeStage(stage.supportedStage)}` + (stage.claimed ? `; claims ${describeStage(stage.claimed)}` : ''));
        }
        return { contents: { kind: 'markdown', value: parts.join('\n\n') } };
    }

    private actorSummary(actor: Actor): string {
        const lines = [`Sector: ${actor.sector ?? 'not given'} · kind: ${actor.kind ?? 'organisation'}`
            + (actor.domain?.ref ? ` · domain: ${titleOf(actor.domain.ref)}` : '')];
        for (const model of this.analysis.allArrangementModels()) {
            const profile = actorInArrangement(actor, model);
            if (!profile) continue;
            const facts = [
                profile.forums.length ? `sits on ${profile.forums.map(titleOf).join(', ')}` : 'sits on no forum',
                profile.boardRoute === undefined ? 'has **no voice** on a board'
                    : profile.boardRoute.through.length ? `reaches ${titleOf(profile.boardRoute.board)} through ${profile.boardRoute.through.map(titleOf).join(' → ')}`
                        : `has a voice on ${titleOf(profile.boardRoute.board)}`,
                profile.budgetsHeld.length ? `holds ${profile.budgetsHeld.map(titleOf).join(', ')}` : undefined,
                profile.budgetsReceived.length ? `is funded by ${profile.budgetsReceived.map(titleOf).join(', ')}` : undefined
            ].filter(Boolean);
            lines.push(`- *${model.title}*: ${facts.join('; ')}`);
        }
        return lines.join('\n');
    }
}
