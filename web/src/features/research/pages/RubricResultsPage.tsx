import { Breadcrumb, Button, Card } from 'antd';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useExport } from '../../../app/list/use-export';
import { PageHeader } from '../../../app/components/PageHeader';
import { downloadActivityRecord } from '../api/rubrics.api';
import { RubricResults } from '../components/RubricResults';

/**
 * An activity's rubric results on a page of their own (/research/activities/:id/rubric-results),
 * which the activity page links to, with the activity's 评课记录 export as Excel and PDF.
 */
export default function RubricResultsPage() {
  const { t } = useTranslation();
  const activityId = Number(useParams().id);
  const excel = useExport(() => downloadActivityRecord(activityId, 'xlsx'));
  const pdf = useExport(() => downloadActivityRecord(activityId, 'pdf'));
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/research">{t('nav.research')}</Link> }, { title: <Link to={`/research/activities/${activityId}`}>{t('researchRubrics.activity')}</Link> }, { title: t('researchRubrics.resultsTitle') }]}
      />
      <PageHeader
        title={t('researchRubrics.resultsTitle')}
        extra={(
          <>
            <Button icon={<FileExcelOutlined />} loading={excel.exporting} onClick={() => void excel.run()} data-testid="export-xlsx">{t('researchRubrics.exportExcel')}</Button>
            <Button icon={<FilePdfOutlined />} loading={pdf.exporting} onClick={() => void pdf.run()} data-testid="export-pdf">{t('researchRubrics.exportPdf')}</Button>
          </>
        )}
      />
      <Card variant="borderless">
        {Number.isInteger(activityId) && activityId > 0 ? <RubricResults activityId={activityId} /> : null}
      </Card>
    </>
  );
}
