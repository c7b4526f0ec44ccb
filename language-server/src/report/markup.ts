/**
 * Text placed in HTML or SVG: every character that markup could read as markup is
 * written as an entity, so a title such as `<script>` or `"a" & 'b'` shows as text.
 */
export function escapeMarkup(text: string): string {
    return text.replace(/[&<>"']/g, char => ENTITIES[char]);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
