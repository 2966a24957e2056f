/** 出镜授权 in the family app: a guardian's consent for their child appearing in lesson videos. */
export const zhChildConsent = {
  childConsent: {
    title: '出镜授权',
    note: '课堂录像发布到校外前，需要家长同意孩子出镜。未设置时按“仅校内”处理。',
    levels: { internal: '仅校内', county: '县（区）内', city: '全市', public: '公开' },
    help: {
      internal: '录像只在本校内部观看，不发布到校外。',
      county: '录像可以在本县（区）的学校之间共享观看。',
      city: '录像可以在全市的学校之间共享观看。',
      public: '录像可以公开发布，不登录也能观看。',
    },
    current: '当前：{{level}}',
    save: '保存授权',
  },
};
