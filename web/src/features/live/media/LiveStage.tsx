import type { LiveMediaView } from '@shared/live';

/**
 * The live stage of a session page: the lead room's video for receiving rooms and watchers, the
 * wall of receiving classes for the lead teacher, the mode banner (单向直播 and why).
 * Placeholder until the media area lands (issue 12).
 */
export function LiveStage(_props: { media: LiveMediaView }) {
  return null;
}
