import type { FeatureLevel, ResourceScope, ReviewLevel, ReviewStage } from '../../../../shared/resources.js';

/** Chinese names the review service puts into its messages and notifications (the web app has its own in i18n). */
export const LEVEL_NAME: Record<ReviewLevel, string> = { school: '学校', county: '县教科所', city: '市教研部门' };
export const STAGE_NAME: Record<ReviewStage, string> = {
  school: '学校审核', county: '县教科所审核', city: '市级审核', done: '已发布', returned: '已退回', withdrawn: '已撤回',
};
export const SCOPE_NAME: Record<ResourceScope, string> = { school: '本校', county: '本县', city: '全市', public: '所有人（公开）' };
export const FEATURE_NAME: Record<FeatureLevel, string> = { quality: '优课', premium: '精品课' };
