import { budgetWithoutBoard } from './budget-without-board.js';
import { budgetWithoutDirections } from './budget-without-directions.js';
import { commandWithoutSharedUnderstanding } from './command-without-shared-understanding.js';
import { conflictingLogics } from './conflicting-logics.js';
import { duplicateProvision } from './duplicate-provision.js';
import { efficiencyOnlyIndicators } from './efficiency-only-indicators.js';
import { fixedTermCoreService } from './fixed-term-core-service.js';
import { funderWithoutVoice } from './funder-without-voice.js';
import { isolatedForum } from './isolated-forum.js';
import { noBoardVoice } from './no-board-voice.js';
import { noCrossSectorLearning } from './no-cross-sector-learning.js';
import { noSharedGoal } from './no-shared-goal.js';
import { oneWayRepresentation } from './one-way-representation.js';
import { powerAsymmetry } from './power-asymmetry.js';
import { referralOnlyPartner } from './referral-only-partner.js';
import { referralWithoutSharedInformation } from './referral-without-shared-information.js';
import type { GapRule } from './rule.js';
import { separateBudgetsInTeam } from './separate-budgets-in-team.js';
import { sharedSystemWithoutAgreement } from './shared-system-without-agreement.js';
import { stageClaimUnsupported } from './stage-claim-unsupported.js';
import { statutoryOnlyMeasurement } from './statutory-only-measurement.js';
import { statutoryMembership } from './statutory-membership.js';
import { statutoryStructure } from './statutory-structure.js';
import { teamWithoutSharedSystem } from './team-without-shared-system.js';
import { unfundedProvider } from './unfunded-provider.js';
import { uninvolvedActor } from './uninvolved-actor.js';
import { unlinkedSystems } from './unlinked-systems.js';
import { unmeasuredGoal } from './unmeasured-goal.js';

/**
 * Every gap rule: v1's in RULES.md's order, then those added since (issue 14's,
 * then the statutory rules of issue 15). The CLI, the server, SARIF and the docs
 * all read this list.
 */
export const GAP_RULES: readonly GapRule[] = [
    noBoardVoice,
    teamWithoutSharedSystem,
    unlinkedSystems,
    budgetWithoutBoard,
    unfundedProvider,
    separateBudgetsInTeam,
    duplicateProvision,
    isolatedForum,
    oneWayRepresentation,
    referralOnlyPartner,
    noCrossSectorLearning,
    unmeasuredGoal,
    efficiencyOnlyIndicators,
    statutoryOnlyMeasurement,
    conflictingLogics,
    sharedSystemWithoutAgreement,
    noSharedGoal,
    stageClaimUnsupported,
    commandWithoutSharedUnderstanding,
    powerAsymmetry,
    uninvolvedActor,
    budgetWithoutDirections,
    referralWithoutSharedInformation,
    funderWithoutVoice,
    fixedTermCoreService,
    statutoryMembership,
    statutoryStructure
];

export const MODEL_ERROR_RULES = ['syntax', 'reference', 'semantic'] as const;

export function findRule(id: string): GapRule | undefined {
    return GAP_RULES.find(rule => rule.id === id);
}
