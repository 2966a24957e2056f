import { useFamilyT } from '../../family-text';
import type { familyZhMessages } from '../../i18n/zh-CN-texts/messages';

type Texts = (typeof familyZhMessages)['messages'];
/** A key of the family app's `messages` texts: 'messages.title', 'messages.weekday.d1' … */
export type MessagesKey = `messages.${Exclude<keyof Texts, 'weekday'>}` | `messages.weekday.${keyof Texts['weekday']}`;
export type MessagesT = (key: MessagesKey, options?: Record<string, unknown>) => string;

/**
 * The family app's texts of this area. react-i18next's types know the staff app's dictionary
 * only; the family app's keys are checked here against its own (zh-CN-texts/messages.ts).
 */
export function useMessagesT(): MessagesT {
  return useFamilyT() as MessagesT;
}
