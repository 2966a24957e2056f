/** 园所直播（教职工端）：园长设置开放的房间、时段和人数上限；老师看到此刻有多少家长在看；观看记录。 */
export const zhLiveKg = {
  liveKg: {
    title: '园所直播',
    note: '家长只能在开放时段内观看自己孩子班级的房间直播，不提供回放；卫生间、午睡室不开放。每次观看都有记录。',
    add: '开放房间',
    edit: '修改',
    remove: '关闭',
    removeConfirm: '关闭后家长将看不到这个房间，观看记录保留。确定关闭？',
    none: '还没有开放直播的房间',
    watchingNow: '正在观看 {{n}} 人',
    open: '直播中',
    closed: '未开放',
    disabled: '已停用',
    streaming: '画面已送达', notStreaming: '等待摄像头推流', noCamera: '未绑定摄像头',
    col: { room: '房间', class: '班级', purpose: '用途', window: '开放时段', cap: '人数上限', watching: '正在观看', actions: '操作' },
    purposes: { activity: '活动室', classroom: '教室', playground: '户外场地', washroom: '卫生间', sleeping: '午睡室' },
    form: {
      title: '直播房间',
      class: '服务班级', name: '房间名称', purpose: '用途', cap: '同时观看上限', enabled: '开放',
      windows: '每周开放时段', weekday: '星期', from: '开始', to: '结束', addWindow: '添加时段',
      privateHint: '卫生间、午睡室等涉及隐私的房间不能开放直播。',
      camera: '摄像头（录播室）', cameraHint: '这个录播室的录播主机或摄像头在开放时段内向平台推送画面；家长只看直播，不保存录像。',
    },
    weekdays: { d1: '周一', d2: '周二', d3: '周三', d4: '周四', d5: '周五', d6: '周六', d7: '周日' },
    log: {
      title: '今日观看记录', viewer: '观看人', child: '幼儿', room: '房间', start: '开始', duration: '时长', watching: '观看中',
      minutes: '{{m}} 分 {{s}} 秒', empty: '今天还没有人观看',
    },
  },
};
