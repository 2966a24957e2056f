import type { CountsReason } from '@shared/api-types';
import type { Messages } from '../zh-CN';

/**
 * `errors` may hold codes zh-CN lacks, and `countsReasons` is English only: English needs a text
 * for every code the server sends, while Chinese users read the server's own sentence, which names
 * the dates and numbers involved.
 */
export type EnglishMessages = Omit<Messages, 'errors'> & {
  errors: Messages['errors'] & Record<string, string>;
  countsReasons: Record<CountsReason, string>;
};
