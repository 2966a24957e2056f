import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEPARTMENTS, ROLE_SCOPE_LEVEL, type Department, type Role } from '@shared/domain';
import type { AssignmentInput } from '@shared/api-types';
import { useMe } from '../../../app/auth';
import { useRegions } from '../../org/api/use-regions';
import { SchoolSelect } from '../../schools/components/SchoolSelect';
import { offeredRoles } from './assignment-roles';

/** What the assignment part of a form holds before it becomes an AssignmentInput. */
export interface AssignmentValues {
  role?: Role;
  department?: Department;
  /** `city:<id>` or `county:<id>`: the region and its level in one value. */
  region?: string;
  schoolId?: number;
}

/** Turns the form's values into the API's input, naming the node the role's scope needs. */
export function toAssignmentInput(values: AssignmentValues): AssignmentInput | null {
  if (!values.role) return null;
  const level = ROLE_SCOPE_LEVEL[values.role];
  const [regionLevel, regionId] = (values.region ?? '').split(':');
  const region = regionId ? { level: regionLevel, id: Number(regionId) } : null;
  switch (level) {
    case 'system':
      return { role: values.role };
    case 'school':
      return values.schoolId ? { role: values.role, schoolId: values.schoolId } : null;
    case 'city':
    case 'county':
    case 'city_or_county':
      if (!region) return null;
      return {
        role: values.role,
        ...(values.role === 'dept_staff' && values.department ? { department: values.department } : {}),
        ...(region.level === 'city' ? { cityId: region.id } : { countyId: region.id }),
      };
    default:
      return null;
  }
}

/**
 * Role, then the scope that role needs: nothing for system roles, the city, a county (and the
 * department for department staff), either, or a school. Rendered inside a Form.
 */
export function AssignmentFields({ label, optional = false, prefix = [] }: { label?: string; optional?: boolean; prefix?: string[] }) {
  const me = useMe();
  const { t } = useTranslation();
  const { cities, counties } = useRegions();
  const form = Form.useFormInstance();
  const role = Form.useWatch<Role | undefined>([...prefix, 'role'], form);
  const level = role ? ROLE_SCOPE_LEVEL[role] : undefined;
  const regionOptions =
    level === 'city' ? cities : level === 'county' ? counties : level === 'city_or_county' ? [...cities, ...counties] : [];

  return (
    <>
      <Form.Item
        name={[...prefix, 'role']}
        label={label ?? t('people.role')}
        rules={optional ? [] : [{ required: true, message: t('people.roleRequired') }]}
        extra={optional ? t('common.optional') : undefined}
      >
        <Select
          allowClear={optional}
          placeholder={t('people.roleRequired')}
          options={offeredRoles(me).map((value) => ({ value, label: t(`roles.${value}`) }))}
          onChange={() => form.setFieldValue([...prefix, 'region'], undefined)}
          data-testid="assignment-role"
        />
      </Form.Item>
      {level === 'system' ? <Form.Item label={t('people.scope')}>{t('people.systemScope')}</Form.Item> : null}
      {level === 'city' || level === 'county' || level === 'city_or_county' ? (
        <Form.Item
          name={[...prefix, 'region']}
          label={level === 'city' ? t('people.city') : level === 'county' ? t('people.countyScope') : t('people.scope')}
          rules={[{ required: true, message: t('people.scopeRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('people.scopeRequired')}
            options={regionOptions.map((region) => ({
              value: `${region.level}:${region.id}`,
              label: level === 'city_or_county' ? `${region.name} · ${t(`regionLevels.${region.level}`)}` : region.name,
            }))}
          />
        </Form.Item>
      ) : null}
      {role === 'dept_staff' ? (
        <Form.Item name={[...prefix, 'department']} label={t('people.department')} rules={[{ required: true, message: t('people.departmentRequired') }]}>
          <Select options={DEPARTMENTS.map((value) => ({ value, label: t(`departments.${value}`) }))} placeholder={t('people.departmentRequired')} />
        </Form.Item>
      ) : null}
      {level === 'school' ? (
        <Form.Item name={[...prefix, 'schoolId']} label={t('people.schoolScope')} rules={[{ required: true, message: t('people.scopeRequired') }]}>
          <SchoolSelect />
        </Form.Item>
      ) : null}
    </>
  );
}
