/**
 * The behaviour a key press sets while coding: T, S or D (either case) without a modifier, and
 * not while the person types somewhere (a text field, a select's search, an editable element).
 */
export function behaviourKey(event: KeyboardEvent): 'T' | 'S' | 'D' | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return null;
  const key = event.key.toUpperCase();
  if (key !== 'T' && key !== 'S' && key !== 'D') return null;
  return isTyping(event.target) ? null : key;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  // Buttons, boxes and sliders take no text.
  return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'file', 'color', 'image'].includes((target as HTMLInputElement).type);
}
