/** 专递课堂 replay (issue 12): the live class beside its recorded lesson, hands and polls on the timeline. */
export const zhLiveReplay = {
  liveReplay: {
    tag: '专递课堂',
    title: '专递课堂互动记录',
    help: '这节课是专递课堂的回放，主讲学校和接收学校都可以观看。举手和投票已标在进度条上，点击即可跳到当时。',
    rooms: '参与教室',
    lead: '主讲',
    receiving: '接收',
    noTrack: '未录到画面',
    markers: '举手与投票',
    noMarkers: '这节课没有举手、投票或提问记录',
    notReady: '回放正在生成，稍后刷新即可观看',
    kinds: {
      handRaise: '举手',
      handCall: '点名发言',
      pollOpen: '发起投票',
      pollClose: '结束投票',
      question: '提问',
    },
    markerLabel: '{{kind}}：{{what}}',
    wholeClass: '全体教室',
  },
};
