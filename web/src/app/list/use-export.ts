import { useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api/error-text';

/** An export button's state: `run` downloads, says so, or shows why it failed. */
export function useExport(download: () => Promise<void>): { exporting: boolean; run: () => Promise<void> } {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [exporting, setExporting] = useState(false);

  async function run() {
    setExporting(true);
    try {
      await download();
      void message.success(t('common.exportStarted'));
    } catch (reason) {
      void message.error(errorText(reason));
    } finally {
      setExporting(false);
    }
  }
  return { exporting, run };
}
