import type { Sector } from '../generated/ast.js';
import type { SectorPower } from '../analysis/power-map.js';

/** Who reaches a board, who votes on it, who controls the money: three facts, never one. */
export interface BoardFacts {
    voice: {
        involved: number;
        reaching: number;
        nonStatutory: number;
        nonStatutoryReaching: number;
        /** Non-statutory actors with no route to a board (rule no-board-voice). */
        withoutVoice: string[];
    };
    votes: {
        seats: number;
        /** Seats held by actors of any sector but statutory. */
        outsideStatutory: number;
        bySector: Array<{ sector: Sector; seats: number }>;
        voters: Array<{ title: string; sector?: string; seats: number }>;
    };
    money: {
        budgets: number;
        /** The share (0–1) of the money controlled by any sector but statutory. */
        outsideStatutory: number;
        bySector: Array<{ sector: Sector; share: number }>;
        /** The share held by nobody, or by a forum with no voting members: control the power map cannot place. */
        unplaced: number;
    };
}

interface VoiceLine {
    title: string;
    sector?: string;
    voice: string;
    votes: number;
    nonStatutory: boolean;
    withoutVoice: boolean;
}

/** Read from the profile's voices and the power map (LANGUAGE.md), nothing recomputed. */
export function boardFacts(voices: readonly VoiceLine[], power: readonly SectorPower[], budgets: number): BoardFacts {
    const nonStatutory = voices.filter(v => v.nonStatutory);
    const seats = power.reduce((sum, p) => sum + p.votingSeats, 0);
    const controlledShare = power.reduce((sum, p) => sum + p.budgetShare, 0);
    return {
        voice: {
            involved: voices.length,
            reaching: voices.filter(v => v.voice !== 'none').length,
            nonStatutory: nonStatutory.length,
            nonStatutoryReaching: nonStatutory.filter(v => !v.withoutVoice).length,
            withoutVoice: voices.filter(v => v.withoutVoice).map(v => v.title)
        },
        votes: {
            seats,
            outsideStatutory: power.filter(p => p.sector !== 'statutory').reduce((sum, p) => sum + p.votingSeats, 0),
            bySector: power.filter(p => p.votingSeats > 0).map(p => ({ sector: p.sector, seats: p.votingSeats })),
            voters: voices.filter(v => v.votes > 0).map(v => ({ title: v.title, ...(v.sector ? { sector: v.sector } : {}), seats: v.votes }))
        },
        money: {
            budgets,
            outsideStatutory: power.filter(p => p.sector !== 'statutory').reduce((sum, p) => sum + p.budgetShare, 0),
            bySector: power.filter(p => p.budgetShare > 0).sort((a, b) => b.budgetShare - a.budgetShare).map(p => ({ sector: p.sector, share: p.budgetShare })),
            unplaced: budgets > 0 && 1 - controlledShare > 1e-9 ? 1 - controlledShare : 0
        }
    };
}
