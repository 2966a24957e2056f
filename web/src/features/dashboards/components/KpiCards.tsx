import type { ReactNode } from 'react';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';

export interface Kpi {
  key: string;
  title: string;
  value: string | number;
  /** A line under the figure: what it is made of. */
  note?: ReactNode;
  /** The list behind the figure. */
  to?: string;
  color?: string;
}

/** The row of headline figures; each card opens the list it counts. */
export function KpiCards({ items }: { items: Kpi[] }) {
  return (
    <Row gutter={[16, 16]}>
      {items.map((kpi) => {
        const card = (
          <Card variant="borderless" hoverable={Boolean(kpi.to)} data-testid={`kpi-${kpi.key}`} style={{ height: '100%' }}>
            <Statistic title={kpi.title} value={kpi.value} styles={{ content: { color: kpi.color } }} />
            {kpi.note ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{kpi.note}</Typography.Text> : null}
          </Card>
        );
        return (
          <Col xs={12} lg={24 / Math.min(items.length, 4)} key={kpi.key}>
            {kpi.to ? <Link to={kpi.to} style={{ display: 'block', height: '100%' }}>{card}</Link> : card}
          </Col>
        );
      })}
    </Row>
  );
}
