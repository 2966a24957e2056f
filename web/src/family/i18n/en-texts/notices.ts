import type { familyZhNotices } from '../zh-CN-texts/notices';

/** Notices: the family app's notices pages. */
export const familyEnNotices: typeof familyZhNotices = {
  notices: {
    tab: 'Notices',
    all: 'All',
    empty: 'No notices yet',
    loading: 'Loading…',
    unread: 'Unread',
    read: 'Read',
    toConfirm: 'To confirm',
    urgent: 'Urgent',
    emergency: 'Emergency',
    attachments: 'Attachments',
    confirm: 'Confirm receipt',
    confirmedAt: 'Receipt confirmed at {{at}}',
    homeTitle: 'Unread notices',
    homeUnread: '{{count}} unread',
    homeNone: 'No unread notices',
  },
};
