import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type SchoolOption, useSchoolSearch } from '../../schools/components/use-school-search';

/** Picks several schools by typing part of a name (a bulletin names up to hundreds); keeps the chosen ones' names. */
export function SchoolsMultiSelect({ value, onChange, ...rest }: { value?: number[]; onChange?: (ids: number[]) => void; 'data-testid'?: string; 'aria-label'?: string }) {
  const { t } = useTranslation();
  const { options, loading, search } = useSchoolSearch();
  const [chosen, setChosen] = useState<SchoolOption[]>([]);
  const merged = [...chosen, ...options.filter((o) => !chosen.some((c) => c.value === o.value))];

  return (
    <Select<number[]>
      {...rest}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: search }}
      value={value ?? []}
      onChange={(ids) => {
        setChosen(merged.filter((o) => ids.includes(o.value)));
        onChange?.(ids);
      }}
      onOpenChange={(open) => {
        if (open && !options.length) search('');
      }}
      options={merged}
      loading={loading}
      placeholder={t('bulletins.schoolsPlaceholder')}
      notFoundContent={loading ? t('app.loading') : t('common.empty')}
    />
  );
}
