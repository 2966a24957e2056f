import type { LiveRole } from '@shared/live';

/**
 * The interaction panel of a session page: hands, questions, polls and attendance per room.
 * Placeholder until the interaction area lands (issue 12).
 */
export function InteractionPanel(_props: { sessionId: number; role: LiveRole; roomId: number | null }) {
  return null;
}
