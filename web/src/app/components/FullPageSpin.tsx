import { Flex, Spin } from 'antd';

/** Shown while the session or a page's code loads. */
export function FullPageSpin({ height = '100vh' }: { height?: string | number }) {
  return (
    <Flex align="center" justify="center" style={{ height }}>
      <Spin size="large" />
    </Flex>
  );
}
