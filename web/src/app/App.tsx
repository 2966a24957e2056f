import { BrowserRouter } from 'react-router';
import { AuthProvider } from './auth';
import { ErrorBoundary } from './components/ErrorBoundary';
import { LocaleProvider } from './locale';
import { AppRoutes } from './routes';

/** The whole app: language, session, routes. */
export function App() {
  return (
    <LocaleProvider>
      <AuthProvider>
        <BrowserRouter>
          <ErrorBoundary>
            <AppRoutes />
          </ErrorBoundary>
        </BrowserRouter>
      </AuthProvider>
    </LocaleProvider>
  );
}
