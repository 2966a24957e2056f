import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { storedLanguage, switchLanguage } from './i18n/i18n';
import './app/global.css';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
// The chosen language's texts first (English is fetched; Chinese is already here), then the app.
void switchLanguage(storedLanguage()).catch(() => undefined).finally(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
