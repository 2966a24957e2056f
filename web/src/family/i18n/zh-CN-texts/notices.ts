/** 通知: the family app's notices pages. */
export const familyZhNotices = {
  notices: {
    tab: '通知',
    all: '全部',
    empty: '暂无通知',
    loading: '加载中…',
    unread: '未读',
    read: '已读',
    toConfirm: '待确认',
    urgent: '紧急',
    emergency: '应急',
    attachments: '附件',
    confirm: '确认收到',
    confirmedAt: '已于 {{at}} 确认收到',
    homeTitle: '未读通知',
    homeUnread: '{{count}} 条未读',
    homeNone: '没有未读通知',
  },
};
