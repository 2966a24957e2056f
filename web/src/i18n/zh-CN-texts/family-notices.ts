/** 家校通知: the staff side — compose, sent notices, receipts, the emergency live view, a received notice. */
export const zhFamilyNotices = {
  familyNotices: {
    title: '家校通知',
    note: '发给班级、年级、学校或县区的家长；每户家长只收到一条，标明相关的孩子',
    tabs: { compose: '发通知', sent: '已发通知' },
    form: {
      title: '标题', body: '正文', audienceKind: '接收范围', audience: '选择', mustConfirm: '需要家长确认收到', urgent: '紧急（夜间安静时段也推送）',
      emergency: '应急通知（发给所选学校的全部家长和教职工，立即推送）', includeStaff: '同时发给这些学校的教职工', attachments: '附件', upload: '上传附件',
      send: '发送', sent: '已发送给 {{families}} 户家长{{staff}}', sentStaff: '和 {{count}} 名教职工', held: '现在是夜间安静时段，推送将在 {{at}} 发出',
      quietNote: '21:30–07:00 为安静时段：非紧急通知在 07:00 推送（通知本身立即可见）',
      titleRequired: '请填写标题', bodyRequired: '请填写正文', audienceRequired: '请选择接收范围',
    },
    kinds: { classes: '班级', grades: '年级', schools: '学校', counties: '县区' },
    list: { title: '标题', audience: '范围', sentAt: '发送时间', read: '已读', confirmed: '已确认', empty: '还没有发过通知', tags: { urgent: '紧急', emergency: '应急', held: '待推送' } },
    receipts: {
      back: '返回', rate: '已读率', confirmRate: '确认率', recipients: '接收 {{count}}', read: '已读 {{count}}', confirmed: '已确认 {{count}}',
      staff: '教职工：{{read}} / {{recipients}} 已读', live: '实时刷新（每 3 秒）', updatedAt: '更新于 {{at}}',
      className: '班级', school: '学校', notRead: '未读', readOnly: '已读未确认', confirmedList: '已确认', none: '无',
      remindUnread: '提醒未读的家长', remindUnconfirmed: '提醒未确认的家长', reminded: '已提醒 {{count}} 人', figuresOnly: '教育局只看统计数字，不显示学生姓名',
    },
    received: { confirm: '确认收到', confirmedAt: '已于 {{at}} 确认收到', from: '发送人：{{name}}', attachments: '附件' },
  },
};
