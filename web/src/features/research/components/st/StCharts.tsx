import { useMemo } from 'react';
import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CurveInput, rtChOption, type RtChPoint, stCurveOption } from './st-chart-options';
import { EChart } from './st-echarts';

/**
 * The S-T curve and the Rt-Ch chart of the coding tool, side by side. Its own chunk (loaded when
 * the tool shows), so a page with the tool does not wait for ECharts before its player.
 */
export default function StCharts({ curves, axisMinutes, points }: { curves: CurveInput[]; axisMinutes?: number; points: RtChPoint[] }) {
  const { t } = useTranslation();
  const curveOption = useMemo(() => stCurveOption(t, curves, axisMinutes), [t, curves, axisMinutes]);
  const rtChChart = useMemo(() => rtChOption(t, points), [t, points]);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Typography.Text strong>{t('researchSt.curveTitle')}</Typography.Text>
        <EChart option={curveOption} height={300} testId="st-curve" />
      </Col>
      <Col xs={24} lg={12}>
        <Typography.Text strong>{t('researchSt.rtChTitle')}</Typography.Text>
        <EChart option={rtChChart} height={300} testId="st-rtch" />
      </Col>
    </Row>
  );
}
