import type { zhLiveKg } from '../zh-CN-texts/live-kg';

/** Kindergarten live view (staff): the principal's rooms, hours and caps; who watches now; the viewing log. */
export const enLiveKg: typeof zhLiveKg = {
  liveKg: {
    title: 'Live view for families',
    note: 'Parents watch only their child\'s class rooms, live, inside the opening hours; no replay; washrooms and sleeping rooms never go live. Every viewing is logged.',
    add: 'Open a room',
    edit: 'Edit',
    remove: 'Close',
    removeConfirm: 'Parents will no longer see this room; its viewing log stays. Close it?',
    none: 'No room is open for live view yet',
    watchingNow: '{{n}} watching now',
    open: 'Live',
    closed: 'Closed',
    disabled: 'Switched off',
    streaming: 'Picture arriving', notStreaming: 'Waiting for the camera', noCamera: 'No camera bound',
    col: { room: 'Room', class: 'Class', purpose: 'Purpose', window: 'Opening hours', cap: 'Viewer limit', watching: 'Watching', actions: 'Actions' },
    purposes: { activity: 'Activity room', classroom: 'Classroom', playground: 'Playground', washroom: 'Washroom', sleeping: 'Sleeping room' },
    form: {
      title: 'Live-view room',
      class: 'Class', name: 'Room name', purpose: 'Purpose', cap: 'Viewers at once', enabled: 'Open',
      windows: 'Weekly opening hours', weekday: 'Day', from: 'From', to: 'To', addWindow: 'Add hours',
      privateHint: 'Washrooms, sleeping rooms and other private rooms cannot go live.',
      camera: 'Camera (recording room)', cameraHint: 'This recording room\'s recorder or camera streams to the platform during the opening hours; parents watch live only, nothing is recorded.',
    },
    weekdays: { d1: 'Mon', d2: 'Tue', d3: 'Wed', d4: 'Thu', d5: 'Fri', d6: 'Sat', d7: 'Sun' },
    log: {
      title: 'Today\'s viewings', viewer: 'Viewer', child: 'Child', room: 'Room', start: 'Started', duration: 'Duration', watching: 'Watching',
      minutes: '{{m}} min {{s}} s', empty: 'Nobody has watched today',
    },
  },
};
