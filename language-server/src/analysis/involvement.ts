import { AstUtils, MultiMap, type LangiumDocument } from 'langium';
import { isActor, type Actor, type Arrangement } from '../generated/ast.js';
import { resolved } from './membership.js';

/**
 * Which actors each arrangement involves (LANGUAGE.md, "Involved actors"), and
 * which top-level actors no arrangement involves: an actor dropped from its last
 * forum or team must still show up somewhere (issue 14).
 */
export class Involvement {
    private readonly byArrangement = new Map<Arrangement, Actor[]>();
    private everywhere?: { arrangementsOf: MultiMap<Actor, Arrangement>; uninvolved: MultiMap<Arrangement, Actor>; filedWith: Map<Actor, Arrangement> };

    /**
     * `earlier`: the involvement of the last build, and which arrangements nothing
     * they reference has changed in since: their involved actors are the same.
     */
    constructor(private readonly arrangements: readonly Arrangement[], private readonly declaredActors: readonly Actor[],
        earlier?: { involvement: Involvement; unchanged(arrangement: Arrangement): boolean }) {
        // Copied, not consulted later: a model must not hold on to the one before it.
        for (const [arrangement, actors] of earlier?.involvement.byArrangement ?? []) {
            if (earlier!.unchanged(arrangement)) this.byArrangement.set(arrangement, actors);
        }
    }

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

    /** The arrangement an actor that no arrangement involves is filed with (see above). */
    filedWith(actor: Actor): Arrangement | undefined {
        return this.acrossWorkspace().filedWith.get(actor);
    }

    private acrossWorkspace() {
        if (!this.everywhere) {
            const arrangementsOf = new MultiMap<Actor, Arrangement>();
            for (const arrangement of this.arrangements) {
                for (const actor of this.involvedIn(arrangement)) arrangementsOf.add(actor, arrangement);
            }
            const uninvolved = new MultiMap<Arrangement, Actor>();
            const filedWith = new Map<Actor, Arrangement>();
            const firstInFile = new Map<LangiumDocument, Arrangement>();
            const firstInFolder = new Map<string, Arrangement>();
            for (const arrangement of this.arrangements) {
                const document = AstUtils.getDocument(arrangement);
                if (!firstInFile.has(document)) firstInFile.set(document, arrangement);
                if (!firstInFolder.has(folderOf(document))) firstInFolder.set(folderOf(document), arrangement);
            }
            // A duplicate declaration is a model error already, and references bind to the other one.
            const involvedNames = new Set(this.declaredActors.filter(actor => arrangementsOf.has(actor)).map(actor => actor.name));
            for (const actor of this.declaredActors) {
                if (arrangementsOf.has(actor) || involvedNames.has(actor.name)) continue;
                const document = AstUtils.getDocument(actor);
                const home = firstInFile.get(document) ?? firstInFolder.get(folderOf(document)) ?? this.arrangements[0];
                if (!home) continue;
                uninvolved.add(home, actor);
                filedWith.set(actor, home);
            }
            this.everywhere = { arrangementsOf, uninvolved, filedWith };
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
                resolved(element.advisoryByLaw).forEach(note);
                note(element.chair?.ref);
                note(element.viceChair?.ref);
                resolved(element.scrutinises).forEach(note);
                break;
            case 'Team':
                resolved(element.staff).forEach(note);
                resolved(element.leads).forEach(note);
                break;
            case 'Service':
                element.deliveredBy.forEach(delivery => note(delivery.deliverer.ref));
                break;
            case 'Budget':
                element.contributions.forEach(c => note(c.source.ref));
                note(element.heldBy?.ref);
                resolved(element.funds).forEach(note);
                break;
            case 'System':
                note(element.owner?.ref);
                resolved(element.users).forEach(note);
                break;
            case 'Goal':
                note(element.owner?.ref);
                break;
            case 'Indicator':
                note(element.reportedBy?.ref);
                break;
            case 'Channel':
            case 'Referral':
                note(element.from?.ref);
                note(element.to?.ref);
                break;
            case 'Agreement':
                resolved(element.between).forEach(note);
                break;
            case 'Direction':
                note(element.to?.ref);
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
