/** Cutting and escaping text for messages: used by message templates (messages.ts) and by error.message (errors.ts). */

/**
 * `text` cut to at most `max` characters with '...' in place of the middle. Both cuts fall between code
 * points: a surrogate pair is never split (the result may then be a character shorter).
 */
export function elide(text: string, max: number): string {
  if (text.length <= max) return text;
  let head = (max - 2) >> 1;
  let tail = text.length - ((max - 3) >> 1);
  if ((text.charCodeAt(head - 1) & 0xfc00) === 0xd800) head--;
  if ((text.charCodeAt(tail) & 0xfc00) === 0xdc00) tail++;
  return `${text.slice(0, head)}...${text.slice(tail)}`;
}

/** `text` with line breaks and other control characters written as `\u000a`: no input can start a line of a log. */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it escapes
  return text.replace(/[\0-\x1f\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
