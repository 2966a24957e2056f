/** 资源搜索: the search page and the compact search box of the library. */
export const zhResourcesSearch = {
  resourceSearch: {
    title: '资源搜索',
    note: '按课题、关键词、标签、教材章节或课件中的文字搜索；一两个字也可以搜。只显示您有权查看的资源。',
    placeholder: '搜索课题或关键词，如“分数”',
    boxLabel: '搜索资源',
    prompt: '输入课题或关键词开始搜索',
    none: '没有找到相关资源，换个词试试',
    total: '“{{query}}”共找到 {{total}} 个资源',
    totalCapped: '“{{query}}”找到 {{total}}+ 个资源，按相关程度排列',
    fromBody: '课件内容',
    filter: { stage: '学段', subject: '学科', grade: '年级', kind: '类型', feature: '优课', scope: '发布范围' },
    stage: { preschool: '学前', primary: '小学', junior: '初中', senior: '高中' },
    kind: { lesson: '课例', courseware: '课件' },
    feature: { quality: '优课', premium: '精品课' },
    scope: { school: '本校', county: '本县区', city: '全市', public: '公开' },
  },
};
