import { Button, Descriptions, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Region, RegionDepartment, School } from '@shared/api-types';

export type OrgSelection =
  | { type: 'region'; region: Region }
  | { type: 'department'; department: RegionDepartment; region: Region }
  | { type: 'school'; school: School };

/** The details panel of the org tree: a bureau, one of its departments, or a school. */
export function OrgDetails({
  selection,
  regions,
  schools,
}: {
  selection: OrgSelection;
  regions: Region[];
  schools: Record<number, School[]>;
}) {
  const { t } = useTranslation();

  if (selection.type === 'school') {
    const { school } = selection;
    return (
      <Flex vertical gap={16}>
        <Descriptions
          column={{ xs: 1, sm: 2 }}
          bordered
          size="small"
          items={[
            { key: 'name', label: t('schools.name'), children: school.name, span: 'filled' },
            { key: 'code', label: t('schools.code'), children: school.code },
            { key: 'kind', label: t('schools.kind'), children: t(`schoolKinds.${school.kind}`) },
            { key: 'county', label: t('schools.county'), children: school.countyName },
            { key: 'township', label: t('schools.township'), children: school.township },
            { key: 'locality', label: t('schools.locality'), children: t(`localities.${school.locality}`) },
            { key: 'poor', label: t('schools.poorVillage'), children: school.poorVillage ? t('common.yes') : t('common.no') },
          ]}
        />
        <div>
          <Link to={`/schools/${school.id}`}>
            <Button type="primary">{t('org.viewSchool')}</Button>
          </Link>
        </div>
      </Flex>
    );
  }

  if (selection.type === 'department') {
    const { department, region } = selection;
    return (
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'name', label: t('org.name'), children: department.name },
          { key: 'kind', label: t('org.department'), children: t(`departments.${department.kind}`) },
          { key: 'belongs', label: t('org.belongsTo'), children: region.bureauName },
        ]}
      />
    );
  }

  const { region } = selection;
  const parent = regions.find((candidate) => candidate.id === region.parentId);
  const counties = regions.filter((candidate) => candidate.parentId === region.id);
  const loadedSchools = schools[region.id];
  return (
    <Flex vertical gap={16}>
      <Descriptions
        column={{ xs: 1, sm: 2 }}
        bordered
        size="small"
        items={[
          { key: 'name', label: t('org.name'), children: region.name },
          { key: 'code', label: t('org.code'), children: region.code },
          { key: 'level', label: t('org.level'), children: t(`regionLevels.${region.level}`) },
          { key: 'bureau', label: t('org.bureauName'), children: region.bureauName },
          ...(parent ? [{ key: 'parent', label: t('org.parent'), children: parent.name }] : []),
          ...(region.level === 'city'
            ? [{ key: 'counties', label: t('org.counties'), children: counties.map((county) => county.name).join('、') || t('common.none'), span: 'filled' as const }]
            : []),
          ...(loadedSchools ? [{ key: 'schools', label: t('org.schoolCount'), children: loadedSchools.length }] : []),
          {
            key: 'departments',
            label: t('org.departments'),
            span: 'filled' as const,
            children: region.departments.length
              ? region.departments.map((department) => <Tag key={department.id}>{department.name}</Tag>)
              : t('common.none'),
          },
        ]}
      />
      {region.level === 'county' ? (
        <div>
          <Link to={`/schools?countyId=${region.id}`}>
            <Button type="primary">{t('org.viewSchools')}</Button>
          </Link>
        </div>
      ) : null}
    </Flex>
  );
}
