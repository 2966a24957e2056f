import { Alert, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AnalysisAbsent, AnalysisAbsentRow } from '@shared/research-analysis-types';
import { useExport } from '../../../../app/list/use-export';

/**
 * 本期未参与教研的学校: the schools of the scope (or county) that took part in no activity this
 * term, in red, each with who answers for it — its principal and the county's 教科所 — so the
 * county can ring them. The equity analysis reads the same list later.
 */
export function AbsentSchools({ data, loading, onExport }: { data: AnalysisAbsent | undefined; loading: boolean; onExport: () => Promise<void> }) {
  const { t } = useTranslation();
  const exporter = useExport(onExport);
  const rows = data?.rows ?? [];
  const people = (list: { name: string }[]) => (list.length ? list.map((p) => p.name).join('、') : <Typography.Text type="secondary">{t('researchAnalysis.noPerson')}</Typography.Text>);
  return (
    <Card
      variant="borderless"
      data-testid="analysis-absent"
      title={<Flex gap={8} align="center"><WarningOutlined style={{ color: rows.length ? '#cf1322' : undefined }} />{t('researchAnalysis.absentTitle')}</Flex>}
      extra={
        <Button icon={<DownloadOutlined />} loading={exporter.exporting} onClick={exporter.run} disabled={!rows.length} data-testid="export-absent">
          {t('researchAnalysis.export')}
        </Button>
      }
    >
      {data && !rows.length ? <Alert type="success" showIcon title={t('researchAnalysis.absentNone')} /> : null}
      {rows.length ? (
        <>
          <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('researchAnalysis.absentNote', { n: rows.length, total: data?.schools ?? 0 })} />
          <Table<AnalysisAbsentRow>
            rowKey="schoolId"
            size="small"
            loading={loading}
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 800 }}
            columns={[
              {
                title: t('researchAnalysis.col.school'), key: 'school', width: 240,
                render: (_, r) => (
                  <Flex vertical>
                    <Typography.Text type="danger" strong>{r.name}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.code} · {t(`schoolKinds.${r.kind}`)}</Typography.Text>
                  </Flex>
                ),
              },
              { title: t('researchAnalysis.col.county'), dataIndex: 'countyName', width: 90 },
              {
                title: '', key: 'tags', width: 130,
                render: (_, r) => (
                  <Flex gap={4} wrap>
                    {r.locality === 'rural' ? <Tag>{t('researchAnalysis.rural')}</Tag> : null}
                    {r.poorVillage ? <Tag color="volcano">{t('researchAnalysis.poorVillage')}</Tag> : null}
                  </Flex>
                ),
              },
              { title: t('researchAnalysis.principals'), key: 'principals', width: 140, render: (_, r) => people(r.principals) },
              {
                title: t('researchAnalysis.responsible'), key: 'department', width: 200,
                render: (_, r) => (
                  <Flex vertical>
                    <span>{r.departmentName ?? t(`departments.${r.department}`)}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{people(r.departmentStaff)}</Typography.Text>
                  </Flex>
                ),
              },
            ]}
          />
        </>
      ) : null}
    </Card>
  );
}
