import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

/** A page's title line: title, an optional grey note, and actions on the right. */
export function PageHeader({ title, note, extra }: { title: ReactNode; note?: ReactNode; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <Flex align="baseline" gap={12} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {note ? <Typography.Text type="secondary">{note}</Typography.Text> : null}
      </Flex>
      {extra ? <Flex gap={8} wrap>{extra}</Flex> : null}
    </Flex>
  );
}
