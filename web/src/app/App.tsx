import { BrowserRouter } from 'react-router';
import { AuthProvider } from './auth';
import { LocaleProvider } from './locale';
import { AppRoutes } from './routes';

/** The whole app: language, session, routes. */
export function App() {
  return (
    <LocaleProvider>
      <AuthProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AuthProvider>
    </LocaleProvider>
  );
}
