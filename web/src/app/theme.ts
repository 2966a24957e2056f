import type { ThemeConfig } from 'antd';

/** The product's look: a calm education-bureau blue, system CJK fonts first. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f63d6',
    colorInfo: '#1f63d6',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#0f2a4f', headerPadding: '0 16px', headerHeight: 56 },
    Menu: {
      darkItemBg: '#0f2a4f',
      darkSubMenuItemBg: '#0b2242',
      darkItemSelectedBg: '#1f63d6',
    },
  },
};
