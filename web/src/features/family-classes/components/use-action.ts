import { App } from 'antd';
import { useErrorText } from '../../../api/error-text';

/** Runs a write, then says it worked (or why not) and reloads what it changed. */
export function useAction() {
  const { message } = App.useApp();
  const errorText = useErrorText();
  return async (run: () => Promise<unknown>, done: string, after?: () => void): Promise<boolean> => {
    try {
      await run();
      void message.success(done);
      after?.();
      return true;
    } catch (error) {
      void message.error(errorText(error));
      return false;
    }
  };
}
