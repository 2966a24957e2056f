import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Button, Flex } from 'antd';
import { i18next } from '../../i18n/i18n';

interface State {
  error: Error | null;
}

/**
 * Catches a page that fails to render or load, so one broken page shows a message with a reload
 * button instead of blanking the whole app. `resetKey` (the path) clears it on navigation.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey?: string }) {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Flex justify="center" style={{ padding: '10vh 16px' }}>
        <Alert
          type="error"
          showIcon
          title={i18next.t('status.crashedTitle')}
          description={i18next.t('status.crashed')}
          action={
            <Button type="primary" onClick={() => window.location.reload()}>
              {i18next.t('status.reload')}
            </Button>
          }
          style={{ maxWidth: 560, width: '100%' }}
        />
      </Flex>
    );
  }
}
