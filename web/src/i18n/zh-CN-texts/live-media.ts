/** The live stage (互动教学): mode banner, the lead room's picture, the wall of receiving classes. */
export const zhLiveMedia = {
  liveMedia: {
    twoWay: '双向互动直播',
    oneWay: '单向直播',
    oneWayNote: '本节直播为单向直播：各接收教室只能观看主讲教室的画面，不能回传画面和声音；举手、提问、投票仍然可用。',
    reasons: {
      janus_not_installed: '原因：服务器未安装 Janus 媒体服务器（Debian 软件包 janus），直播以低延迟 HLS 单向播出。',
      janus_unreachable: '原因：Janus 媒体服务器没有响应，直播以低延迟 HLS 单向播出。',
      forced_hls: '原因：服务器设置为只使用 HLS 单向直播（LIVE_MEDIA=hls）。',
    },
    leadPicture: '主讲教室画面',
    myCamera: '本教室摄像头（已发送给主讲教室）',
    wall: '接收教室',
    wallEmpty: '接收教室还没有接入',
    onStage: '正在发言',
    muted: '静音',
    connecting: '正在连接直播…',
    failed: '直播连接失败：{{message}}',
    room: '教室 {{id}}',
  },
};
