import { useMemo, useState, type Key } from 'react';
import { Card, Col, Empty, Grid, Row, Tree } from 'antd';
import { ApartmentOutlined, BankOutlined, BookOutlined, ClusterOutlined, FolderOutlined } from '@ant-design/icons';
import type { DataNode } from 'antd/es/tree';
import { useTranslation } from 'react-i18next';
import type { Region, School } from '@shared/api-types';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { listAllSchools } from '../../schools/api/schools.api';
import { listRegions } from '../api/org.api';
import { OrgDetails, type OrgSelection } from '../components/OrgDetails';

/** `t` without key checking, for the one call the type checker cannot follow (see below). */
type UntypedT = (key: string, options?: Record<string, unknown>) => string;

type SchoolsByCounty = Record<number, School[]>;

/**
 * The org tree: city → counties → each bureau's departments and its schools. Schools load when
 * a county's folder is opened (a county has about a hundred).
 */
export default function OrgPage() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const { data: regions, error, loading, reload } = useApi((signal) => listRegions(signal), []);
  const [schools, setSchools] = useState<SchoolsByCounty>({});
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [expandedKeys, setExpandedKeys] = useState<Key[] | null>(null);

  const { treeData, selections } = useMemo(() => buildTree(regions ?? [], schools, t), [regions, schools, t]);
  const roots = treeData.map((node) => String(node.key));
  const currentKey = selectedKey ?? roots[0] ?? null;
  const selection = currentKey ? selections.get(currentKey) : undefined;

  async function loadSchools(node: DataNode) {
    const key = String(node.key);
    if (!key.startsWith('schools:')) return;
    const countyId = Number(key.slice('schools:'.length));
    if (schools[countyId]) return;
    const list = await listAllSchools({ countyId });
    setSchools((previous) => ({ ...previous, [countyId]: list }));
  }

  return (
    <>
      <PageHeader title={t('org.title')} />
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10} xl={8}>
          <Card variant="borderless" title={t('org.tree')} loading={loading && !regions} styles={{ body: { padding: 12 } }}>
            {treeData.length ? (
              <Tree
                showIcon
                blockNode
                treeData={treeData}
                loadData={loadSchools}
                expandedKeys={expandedKeys ?? roots}
                onExpand={(keys) => setExpandedKeys(keys)}
                selectedKeys={currentKey ? [currentKey] : []}
                onSelect={(keys) => {
                  if (keys[0] !== undefined) setSelectedKey(String(keys[0]));
                }}
                height={screens.lg ? 620 : undefined}
                data-testid="org-tree"
              />
            ) : (
              <Empty description={t('common.empty')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14} xl={16}>
          <Card variant="borderless" title={t('common.details')}>
            {selection ? <OrgDetails selection={selection} regions={regions ?? []} schools={schools} /> : <Empty description={t('org.selectHint')} />}
          </Card>
        </Col>
      </Row>
    </>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

/** Tree nodes, and for each node key what the details panel shows. */
function buildTree(regions: Region[], schools: SchoolsByCounty, t: Translate) {
  const selections = new Map<string, OrgSelection>();
  const ids = new Set(regions.map((region) => region.id));
  const childrenOf = (parentId: number) => regions.filter((region) => region.parentId === parentId);

  const departmentNodes = (region: Region): DataNode[] =>
    region.departments.map((department) => {
      const key = `dept:${department.id}`;
      selections.set(key, { type: 'department', department, region });
      return { key, title: department.name, icon: <ClusterOutlined />, isLeaf: true };
    });

  const regionNode = (region: Region): DataNode => {
    const key = `region:${region.id}`;
    selections.set(key, { type: 'region', region });
    const children: DataNode[] = [...departmentNodes(region), ...childrenOf(region.id).map(regionNode)];
    if (region.level === 'county') {
      const loaded = schools[region.id];
      // Through an untyped t: checking this call against the whole message catalogue is deeper
      // than TypeScript allows (TS2589) since the catalogue grew; the key exists in both languages.
      const folderTitle = loaded ? (t as UntypedT)('org.schoolsFolder', { n: loaded.length }) : (t as UntypedT)('org.schoolsFolderLoading');
      children.push({
        key: `schools:${region.id}`,
        title: folderTitle,
        icon: <FolderOutlined />,
        selectable: false,
        isLeaf: loaded?.length === 0,
        children: loaded?.map((school) => {
          const schoolKey = `school:${school.id}`;
          selections.set(schoolKey, { type: 'school', school });
          return { key: schoolKey, title: school.name, icon: <BookOutlined />, isLeaf: true };
        }),
      });
    }
    return {
      key,
      title: region.level === 'city' ? region.bureauName || region.name : region.name,
      icon: region.level === 'city' ? <BankOutlined /> : <ApartmentOutlined />,
      children,
    };
  };

  // Roots are the regions whose parent the caller cannot see (the city, or a county for
  // county-scoped staff).
  const treeData = regions.filter((region) => region.parentId === null || !ids.has(region.parentId)).map(regionNode);
  return { treeData, selections };
}
