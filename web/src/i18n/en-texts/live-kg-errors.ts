/** English for the error codes of the kindergarten live view (the server's Chinese sentence is the fallback). */
export const enLiveKgErrors: Record<string, string> = {
  LIVE_KG_CLOSED: 'Live view is not open now: see the opening hours',
  LIVE_KG_FULL: 'Too many people are watching this room now: please try again later',
  LIVE_KG_VIEW_ENDED: 'This viewing has ended: open the live view again',
  LIVE_KG_PRINCIPAL_ONLY: 'Only the kindergarten\'s principal sets up live view (rooms, hours and viewer limits)',
  LIVE_KG_KINDERGARTEN_ONLY: 'Live view for families is only for kindergartens',
  LIVE_KG_PRIVATE_ROOM: 'Washrooms, sleeping rooms and other private rooms never go live: choose an activity room, classroom or playground',
  LIVE_KG_TOKEN_INVALID: 'This live-view pass is invalid or has expired: open the live view again',
  LIVE_KG_NOT_GUARDIAN: 'You are no longer a guardian of a child in this class, so you cannot watch this room',
  LIVE_KG_NO_PICTURE: 'The camera\'s picture has not arrived yet: please wait a moment',
  LIVE_KG_WINDOW_INVALID: 'An opening time ends before it starts or overlaps another on the same day',
};
