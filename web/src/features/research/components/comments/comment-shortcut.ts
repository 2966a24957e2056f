/**
 * Whether a key press is the "comment here" shortcut: C without a modifier, and not while the
 * person types somewhere (a text field, a select's search, an editable element), where a C is a C.
 */
export function isCommentShortcut(event: KeyboardEvent): boolean {
  if (event.key !== 'c' && event.key !== 'C') return false;
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return false;
  return !isTyping(event.target);
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  // Buttons, boxes and sliders take no text.
  return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'file', 'color', 'image'].includes(type);
}
