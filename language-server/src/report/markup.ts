import { visibleText } from '../language/visible-text.js';

/**
 * Text placed in HTML or SVG: every character that markup could read as markup is
 * written as an entity, so a title such as `<script>` or `"a" & 'b'` shows as text.
 */
export function escapeMarkup(text: string): string {
    // Controls (which XML forbids) and bidi controls shown visibly (language/visible-text.ts), then markup escaped.
    return visibleText(text).replace(/[&<>"']/g, char => ENTITIES[char]);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
