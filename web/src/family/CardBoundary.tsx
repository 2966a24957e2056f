import { Component, type ReactNode } from 'react';

/**
 * Keeps one area's failure (a card that throws, a chunk that does not load) inside its own card,
 * so the rest of the home still shows. The fallback is given already translated.
 */
export class CardBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error('family home card failed', error);
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
