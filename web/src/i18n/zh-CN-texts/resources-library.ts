/** 优质资源库: browsing, publishing (课例 from a recording, 课件), the public read-only page. */
export const zhResourcesLibrary = {
  resourcesLibrary: {
    title: '优质资源库',
    publish: '发布资源',
    publishFromRecording: '发布到资源库',
    empty: '暂无资源',
    total: '共 {{total}} 项',
    kinds: { lesson: '课例', courseware: '课件' },
    scopes: { school: '本校', county: '本县', city: '全市', public: '公开' },
    stages: { preschool: '学前', primary: '小学', junior: '初中', senior: '高中' },
    reviewStages: { school: '待学校审核', county: '待县级审核', city: '待市级审核', done: '已发布', returned: '已退回', withdrawn: '已撤回' },
    features: { quality: '优课', premium: '精品课' },
    filters: {
      stage: '学段', subject: '学科', grade: '年级', edition: '教材版本', volume: '册', kind: '类型', feature: '优课/精品课', featureAny: '全部优课和精品课',
      scope: '可见范围', school: '学校', mine: '我发布的', status: '状态', statusPublished: '已发布', statusPending: '审核中', statusAll: '全部', reset: '清除筛选',
    },
    columns: { title: '标题', kind: '类型', scope: '范围', school: '学校', subjectGrade: '学科 / 年级', publisher: '发布者', stage: '审核' },
    notVisible: '未发布',
    detail: {
      taxonomy: '分类', tags: '标签', description: '简介', noDescription: '暂无简介', scope: '可见范围', requestedScope: '申请范围',
      consentCap: '出镜授权上限', reviewStage: '审核状态', className: '出镜班级', publisher: '发布者', school: '学校', publishedAt: '发布时间',
      edit: '修改并重新提交', withdraw: '撤回', withdrawConfirm: '撤回后其他人将看不到这份资源，确定撤回吗？', withdrawn: '已撤回',
      noVideo: '这节课的录像已不存在或无法播放', notReady: '录像尚未处理完成', back: '返回资源库', publicLink: '公开页面',
    },
    form: {
      titleNew: '发布资源', titleEdit: '修改资源', kind: '资源类型', recording: '录播课', recordingHelp: '从本校已处理完成的录播课中选择',
      recordingMissing: '未选择录播课：请从录播课详情页点击“发布到资源库”，或先选择课例', title: '标题', titleRequired: '请填写标题',
      description: '简介', stage: '学段', subject: '学科', subjectRequired: '请填写学科', grade: '年级', edition: '教材版本', volume: '册',
      unit: '单元 / 章节', lesson: '课', tags: '标签', tagsHelp: '输入后回车，最多 10 个', classId: '出镜班级',
      classHelp: '按该班学生家长的出镜授权确定最大发布范围', scope: '申请发布范围', scopeHelp: '本校 → 县教科所 → 市级逐级审核；公开资源无需登录即可查看',
      submit: '提交审核', saved: '已提交，等待学校审核', courseNote: '课件文件在资源创建后上传',
    },
    publicPage: { heading: '阳光校园 · 公开优质资源', loginHint: '登录后可查看更多资源', notFound: '资源不存在或未公开', login: '登录' },
  },
};
