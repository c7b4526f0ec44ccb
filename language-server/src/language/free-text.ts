/**
 * Free text as the rules compare it: case and surrounding or repeated white space
 * do not make two texts different ("Older  people " is "older people").
 */
export function comparableText(text: string): string {
    return text.trim().replace(/\s+/g, ' ').toLowerCase();
}
