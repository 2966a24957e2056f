import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { unstableSetRender } from 'antd-mobile';
import { storedLanguage, switchFamilyLanguage } from './i18n/family-i18n';
import { FamilyApp } from './FamilyApp';
import './family.css';

// antd-mobile's imperative pieces (Toast, Dialog.show) render with React 19's root API.
unstableSetRender((node, container) => {
  const root = createRoot(container);
  root.render(node);
  return async () => root.unmount();
});

const root = document.getElementById('root');
if (!root) throw new Error('family.html lacks #root');
void switchFamilyLanguage(storedLanguage()).catch(() => undefined).finally(() => {
  createRoot(root).render(
    <StrictMode>
      <FamilyApp />
    </StrictMode>,
  );
});

// The service worker keeps the shell and its assets for a weak or absent connection (scope: the
// family app's pages only; the staff app is never controlled by it). Built by vite-plugin-pwa.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/family-sw.js', { scope: '/family' }).catch((error: unknown) => console.warn('service worker not registered', error));
  });
}
