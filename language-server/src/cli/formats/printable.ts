/**
 * Text from a model or a baseline file, for a terminal: control characters (escape
 * sequences among them) shown as '?', never sent to it.
 */
export function printable(text: string): string {
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
