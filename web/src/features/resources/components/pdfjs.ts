import { GlobalWorkerOptions } from 'pdfjs-dist';
// Vite serves the worker as a file of the app ('self'), which the Content-Security-Policy allows.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export { getDocument } from 'pdfjs-dist';
export type { PDFDocumentProxy } from 'pdfjs-dist';
