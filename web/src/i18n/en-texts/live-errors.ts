/** English for the error codes of live media, the interaction channel and the replay (the server's Chinese sentence is the fallback). */
export const enLiveErrors: Record<string, string> = {
  LIVE_MESSAGE_NOT_JSON: 'The classroom channel received something that is not a message: reload the page',
  LIVE_MESSAGE_INVALID: 'The classroom channel refused a message: a field is missing or wrong',
  LIVE_MESSAGE_NOT_ALLOWED: 'Your part in this class cannot do that (only the lead calls on rooms and runs polls)',
  LIVE_POLL_NOT_OPEN: 'That poll is closed',
  LIVE_POLL_OPTION_INVALID: 'That answer is not one of the poll\'s options',
  LIVE_POLL_ALREADY_OPEN: 'A poll is already open: close it before starting another',
  LIVE_ROOM_NOT_IN_CLASS: 'That classroom does not take part in this class',
  LIVE_CHANNEL_FAILED: 'The classroom channel failed: it reconnects by itself; reload the page if it does not',
  UPGRADE_REQUIRED: 'This address is a WebSocket channel: open it from the live class page',
  LIVE_REPLAY_NO_FILES: 'The live class left no recorded files, so it has no replay',
  LIVE_ONE_WAY: 'Live classes run one way here (Janus is not installed): there is no two-way channel',
  LIVE_TOKEN_INVALID: 'Your live viewing pass is invalid or has expired: reload the page',
};
