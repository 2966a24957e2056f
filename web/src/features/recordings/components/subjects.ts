/**
 * Subjects offered as suggestions in filters and the upload form. They are data (stored as the
 * teacher or recorder wrote them, in Chinese), not interface text, so they are not translated;
 * any other subject can be typed.
 */
export const SUBJECTS = ['语文', '数学', '英语', '科学', '道德与法治', '音乐', '美术', '体育', '信息技术', '物理', '化学', '生物', '历史', '地理', '综合实践', '幼儿活动'] as const;
