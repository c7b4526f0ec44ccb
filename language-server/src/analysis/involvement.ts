import { AstUtils, type LangiumDocument } from 'langium';
import { isActor, type Actor, type Arrangement } from '../generated/ast.js';
import { ListIndex } from './list-index.js';
import { resolved } from './membership.js';

/**
 * Which actors each arrangement involves (LANGUAGE.md, "Involved actors"), and
 * which top-level actors no arrangement involves: an actor dropped from its last
 * forum or team must still show up somewhere (issue 14).
 */
export class Involvement {
    private readonly byArrangement = new Map<Arrangement, Actor[]>();
    private everywhere?: { arrangementsOf: ListIndex<Actor, Arrangement>; uninvolved: ListIndex<Arrangement, Actor> };

    constructor(private readonly arrangements: readonly Arrangement[], private readonly declaredActors: readonly Actor[]) {}

    /** Every actor the arrangement references, then, repeatedly, those they represent. */
    involvedIn(arrangement: Arrangement): readonly Actor[] {
        let actors = this.byArrangement.get(arrangement);
        if (!actors) {
            actors = involvedActors(arrangement);
            this.byArrangement.set(arrangement, actors);
        }
        return actors;
    }

    /** The arrangements of the workspace that involve an actor. */
    arrangementsOf(actor: Actor): readonly Arrangement[] {
        return this.acrossWorkspace().arrangementsOf.get(actor);
    }

    /**
     * The top-level actors that no arrangement involves, each filed with one
     * arrangement so that a finding about it is made once: the first arrangement
     * of the actor's own file, else of its folder (a model split over files, like
     * a file of shared actors), else of the workspace.
     */
    uninvolvedFiledWith(arrangement: Arrangement): readonly Actor[] {
        return this.acrossWorkspace().uninvolved.get(arrangement);
    }

    private acrossWorkspace() {
        if (!this.everywhere) {
            const arrangementsOf = new ListIndex<Actor, Arrangement>();
            for (const arrangement of this.arrangements) {
                for (const actor of this.involvedIn(arrangement)) arrangementsOf.add(actor, arrangement);
            }
            const uninvolved = new ListIndex<Arrangement, Actor>();
            const firstInFile = new Map<LangiumDocument, Arrangement>();
            const firstInFolder = new Map<string, Arrangement>();
            for (const arrangement of this.arrangements) {
                const document = AstUtils.getDocument(arrangement);
                if (!firstInFile.has(document)) firstInFile.set(document, arrangement);
                if (!firstInFolder.has(folderOf(document))) firstInFolder.set(folderOf(document), arrangement);
            }
            for (const actor of this.declaredActors) {
                if (arrangementsOf.get(actor).length > 0) continue;
                const document = AstUtils.getDocument(actor);
                const home = firstInFile.get(document) ?? firstInFolder.get(folderOf(document)) ?? this.arrangements[0];
                if (home) uninvolved.add(home, actor);
            }
            this.everywhere = { arrangementsOf, uninvolved };
        }
        return this.everywhere;
    }
}

function folderOf(document: LangiumDocument): string {
    return document.uri.path.slice(0, document.uri.path.lastIndexOf('/'));
}

function involvedActors(arrangement: Arrangement): Actor[] {
    const found = new Set<Actor>();
    const note = (target: unknown) => { if (isActor(target)) found.add(target); };
    resolved(arrangement.partners).forEach(note);
    note(arrangement.lead?.ref);
    note(arrangement.leader?.ref);
    for (const element of arrangement.elements) {
        switch (element.$type) {
            case 'Forum':
                element.voting.forEach(seat => note(seat.actor.ref));
                resolved(element.advisory).forEach(note);
                break;
            case 'Team':
                resolved(element.staff).forEach(note);
                resolved(element.leads).forEach(note);
                break;
            case 'Service':
                resolved(element.deliveredBy).forEach(note);
                break;
            case 'Budget':
                element.contributions.forEach(c => note(c.actor.ref));
                note(element.heldBy?.ref);
                resolved(element.funds).forEach(note);
                break;
            case 'System':
            case 'Goal':
                note(element.owner?.ref);
                break;
            case 'Indicator':
                note(element.reportedBy?.ref);
                break;
            case 'Channel':
            case 'Referral':
                note(element.from.ref);
                note(element.to.ref);
                break;
            case 'Agreement':
                resolved(element.between).forEach(note);
                break;
        }
    }
    const queue = [...found];
    for (let i = 0; i < queue.length; i++) {
        for (const represented of resolved(queue[i].represents)) {
            if (!found.has(represented)) {
                found.add(represented);
                queue.push(represented);
            }
        }
    }
    return queue;
}
