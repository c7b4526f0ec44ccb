import { GrammarUtils } from 'langium';
import type { CodeLens } from 'vscode-languageserver';
import type { ArrangementModel } from '../analysis/arrangement-model.js';
import type { ProfileCompliance } from '../analysis/compliance.js';

/**
 * A lens over each profiled forum (and a profiled arrangement) saying how many of
 * its profile's requirements the model meets: "scotland-ijb: 15 of 17 requirements
 * met · 2 unmet"; a requirement the model cannot show (hover says why) is "not checked".
 */
export function complianceLenses(model: ArrangementModel, command: string): CodeLens[] {
    return model.compliance.flatMap(compliance => {
        const cst = compliance.subject.$cstNode;
        const at = GrammarUtils.findNodeForProperty(cst, 'name') ?? cst;
        if (!at) return [];
        return [{ range: at.range, command: { title: complianceLine(compliance), command } }];
    });
}

/** "scotland-ijb: 14 of 17 requirements met · 2 unmet · 1 not checked". */
export function complianceLine(compliance: ProfileCompliance): string {
    const { profile, results, met, unmet, notModelled } = compliance;
    if (!profile) return `profile ${compliance.subject.profile}: no such profile`;
    const parts = [`${profile.id}: ${met} of ${results.length} ${results.length === 1 ? 'requirement' : 'requirements'} met`];
    if (unmet) parts.push(`${unmet} unmet`);
    if (notModelled) parts.push(`${notModelled} not checked`);
    return parts.join(' · ');
}
