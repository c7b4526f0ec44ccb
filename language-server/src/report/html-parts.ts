import { count } from '../rules/wording.js';
import { escapeMarkup as esc } from './markup.js';

export { escapeMarkup as esc } from './markup.js';

/** Rule docs and messages mark keywords with backticks; show them as code, after escaping. */
export function code(text: string): string {
    return esc(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** "1 error · 3 warnings · 0 info": counts that agree with their numbers. */
export function severityCounts(counts: { error: number; warning: number; info: number }): string {
    return `${count(counts.error, 'error')} · ${count(counts.warning, 'warning')} · ${counts.info} info`;
}

/** Arrangement names are identifiers, so they make safe fragment ids. */
export function anchor(name: string, part?: string): string {
    return `arrangement-${name}${part ? `-${part}` : ''}`;
}

/** The stage claimed against the stage reached, in a few words. */
export function stageSummary(profile: { claimed?: string; supported: string }): string {
    return profile.claimed && profile.claimed !== profile.supported
        ? `claims stage ${esc(profile.claimed)}, reaches ${esc(profile.supported)}` : `stage ${esc(profile.supported)}`;
}
