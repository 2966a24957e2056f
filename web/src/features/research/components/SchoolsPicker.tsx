import { useState } from 'react';
import { App, Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../api/error-text';
import { CountySelect } from '../../../app/list/filter-bar';
import { getSchool } from '../../schools/api/schools.api';
import { SchoolSelect } from '../../schools/components/SchoolSelect';

export interface SchoolChoice {
  id: number;
  name: string;
  countyId: number;
  countyName: string;
}

/**
 * The participating schools: narrow by county, pick a school by name, and see the chosen ones
 * grouped by county (a city activity spans counties). `extra` offers schools the person cannot
 * search for (a group leader's members' schools).
 */
export function SchoolsPicker({ value = [], onChange, extra = [] }: {
  value?: SchoolChoice[];
  onChange?: (schools: SchoolChoice[]) => void;
  extra?: SchoolChoice[];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [countyId, setCountyId] = useState<number | undefined>();
  // Bumped after each pick: the picker empties for the next school.
  const [round, setRound] = useState(0);
  const counties = [...new Map(value.map((s) => [s.countyId, s.countyName])).entries()];
  const missing = extra.filter((s) => !value.some((v) => v.id === s.id));

  async function add(id: number | undefined) {
    if (id === undefined || value.some((s) => s.id === id)) return;
    try {
      const school = await getSchool(id);
      onChange?.([...value, { id: school.id, name: school.name, countyId: school.countyId, countyName: school.countyName }]);
      setRound((n) => n + 1);
    } catch (reason) {
      void message.error(errorText(reason));
    }
  }

  return (
    <Flex vertical gap={8} data-testid="schools-picker">
      <Flex gap={8} wrap>
        <div style={{ width: 180 }}>
          <CountySelect value={countyId} onChange={setCountyId} label={t('researchActivities.form.countyFirst')} hideSingle />
        </div>
        <SchoolSelect
          key={`${countyId ?? 0}:${round}`}
          countyId={countyId}
          value={undefined}
          onChange={(id) => void add(id)}
          placeholder={t('researchActivities.form.addSchool')}
          aria-label={t('researchActivities.form.addSchool')}
          style={{ width: 320, maxWidth: '100%' }}
          data-testid="add-school"
        />
        {missing.length ? (
          <Button onClick={() => onChange?.([...value, ...missing])}>{t('researchActivities.form.addGroupSchools', { count: missing.length })}</Button>
        ) : null}
      </Flex>
      {value.length === 0 ? <Typography.Text type="secondary">{t('researchActivities.form.noSchools')}</Typography.Text> : null}
      {counties.map(([id, name]) => (
        <Flex key={id} gap={4} wrap align="center">
          <Typography.Text type="secondary" style={{ minWidth: 64 }}>{name}</Typography.Text>
          {value.filter((s) => s.countyId === id).map((s) => (
            <Tag key={s.id} closable onClose={() => onChange?.(value.filter((v) => v.id !== s.id))} data-testid={`school-${s.id}`}>{s.name}</Tag>
          ))}
        </Flex>
      ))}
    </Flex>
  );
}
