import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Flex, Segmented, Spin, Typography } from 'antd';
import { DownloadOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CoursewareFile } from '@shared/resources-courseware-types';
import { useErrorText } from '../../../api/error-text';
import { coursewareUrls, downloadCourseware, downloadCoursewarePdf } from '../api/courseware.api';
import { getDocument, type PDFDocumentProxy } from './pdfjs';

/**
 * Shows one courseware file in the page: its PDF (office files' conversion) drawn by PDF.js page
 * by page, fitted to the width or at its own size; an image as it is (through the thumbnail
 * route, so looking at it is not counted as a download). The download button saves
 * the original file (the server keeps it as a use).
 */
export function CoursewareViewer({ resourceId, file, isPublic = false }: { resourceId: number; file: CoursewareFile; isPublic?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const urls = coursewareUrls(resourceId, file.id, isPublic);
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [fit, setFit] = useState<'width' | 'actual'>('width');
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [width, setWidth] = useState(0);
  const isImage = file.conversion === 'none';

  useEffect(() => {
    if (!file.hasPdf) return;
    let cancelled = false;
    setState('loading');
    setPage(1);
    // The server sends whole files (no byte ranges); the session cookie goes along (same origin).
    const task = getDocument({ url: urls.pdf, withCredentials: true, isEvalSupported: false, disableRange: true });
    task.promise.then(
      (d) => { if (!cancelled) { setDoc(d); setState('ready'); } },
      () => { if (!cancelled) setState('failed'); },
    );
    return () => {
      cancelled = true;
      void task.destroy();
      setDoc(null);
    };
  }, [urls.pdf, file.hasPdf]);

  // Redraw when the box is resized (fit width follows the page's layout).
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!doc || !canvas.current || width === 0) return;
    let cancelled = false;
    let render: { cancel(): void; promise: Promise<void> } | undefined;
    void doc.getPage(page).then((p) => {
      if (cancelled || !canvas.current) return;
      const natural = p.getViewport({ scale: 1 });
      const scale = fit === 'width' ? width / natural.width : 1;
      const ratio = window.devicePixelRatio || 1;
      const viewport = p.getViewport({ scale: scale * ratio });
      const c = canvas.current;
      c.width = Math.floor(viewport.width);
      c.height = Math.floor(viewport.height);
      c.style.width = `${Math.floor(viewport.width / ratio)}px`;
      c.style.height = `${Math.floor(viewport.height / ratio)}px`;
      render = p.render({ canvas: c, viewport });
      render.promise.catch(() => {});
    });
    return () => {
      cancelled = true;
      render?.cancel();
    };
  }, [doc, page, fit, width]);

  async function save(as: 'original' | 'pdf') {
    try {
      await (as === 'pdf' ? downloadCoursewarePdf : downloadCourseware)(resourceId, file, isPublic);
    } catch (reason) {
      void message.error(errorText(reason));
    }
  }

  const pages = doc?.numPages ?? file.pages ?? 1;
  return (
    <Flex vertical gap={8} data-testid="courseware-viewer">
      <Flex gap={8} wrap align="center" justify="space-between">
        <Typography.Text strong>{file.name}</Typography.Text>
        <Flex gap={8} wrap align="center">
          {file.hasPdf && (
            <>
              <Button icon={<LeftOutlined />} disabled={page <= 1} onClick={() => setPage((p) => p - 1)} aria-label={t('resourcesCourseware.viewer.previous')} />
              <Typography.Text data-testid="courseware-page">{t('resourcesCourseware.viewer.page', { page, pages })}</Typography.Text>
              <Button icon={<RightOutlined />} disabled={page >= pages} onClick={() => setPage((p) => p + 1)} aria-label={t('resourcesCourseware.viewer.next')} />
              <Segmented value={fit} onChange={(v) => setFit(v as 'width' | 'actual')}
                options={[{ value: 'width', label: t('resourcesCourseware.viewer.fitWidth') }, { value: 'actual', label: t('resourcesCourseware.viewer.actualSize') }]} />
            </>
          )}
          <Button icon={<DownloadOutlined />} onClick={() => void save('original')} data-testid="courseware-download">{t('resourcesCourseware.download')}</Button>
          {file.hasPdf && !/\.pdf$/i.test(file.name) ? (
            <Button icon={<DownloadOutlined />} onClick={() => void save('pdf')} data-testid="courseware-download-pdf">{t('resourcesCourseware.downloadPdf')}</Button>
          ) : null}
        </Flex>
      </Flex>
      <div ref={box} style={{ width: '100%', overflow: 'auto', maxHeight: '80vh', background: '#f5f5f5' }}>
        {isImage ? (
          <img src={urls.thumbnail} alt={file.name} style={{ maxWidth: fit === 'width' ? '100%' : undefined, display: 'block', margin: '0 auto' }} />
        ) : !file.hasPdf ? (
          <Alert type={file.conversion === 'failed' ? 'error' : 'info'} showIcon
            message={file.conversionMessage ?? t('resourcesCourseware.viewer.notReady')} />
        ) : state === 'failed' ? (
          <Alert type="error" showIcon message={t('resourcesCourseware.viewer.failed')} />
        ) : (
          <Spin spinning={state === 'loading'} tip={t('resourcesCourseware.viewer.loading')}>
            <canvas ref={canvas} style={{ display: 'block', margin: '0 auto' }} data-testid="courseware-canvas" />
          </Spin>
        )}
      </div>
    </Flex>
  );
}
