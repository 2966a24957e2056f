import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { listSchools } from '../../schools/api/schools.api';

interface Option {
  value: number;
  label: string;
}

/** Picks several schools by typing part of a name (a bulletin names up to hundreds); keeps the chosen ones' names. */
export function SchoolsMultiSelect({ value, onChange, ...rest }: { value?: number[]; onChange?: (ids: number[]) => void; 'data-testid'?: string; 'aria-label'?: string }) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<Option[]>([]);
  const [chosen, setChosen] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const controller = useRef<AbortController | null>(null);

  function search(q: string) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setLoading(true);
      listSchools({ q: q.trim() || undefined, page: 1, pageSize: 30 }, current.signal)
        .then((page) => setOptions(page.items.map((school) => ({ value: school.id, label: `${school.name} · ${school.countyName}` }))))
        .catch(() => undefined)
        .finally(() => {
          if (!current.signal.aborted) setLoading(false);
        });
    }, 250);
  }

  useEffect(() => () => clearTimeout(timer.current), []);
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
