// janode 1.8 ships JavaScript only: the few calls the live media engine makes.
declare module 'janode' {
  export interface JanodeHandle {
    create(p: Record<string, unknown>): Promise<Record<string, unknown>>;
    destroy(p: Record<string, unknown>): Promise<unknown>;
    createRtpMountpoint(p: Record<string, unknown>): Promise<Record<string, unknown>>;
    destroyMountpoint(p: Record<string, unknown>): Promise<unknown>;
    startRecording(p: Record<string, unknown>): Promise<unknown>;
    stopRecording(p: Record<string, unknown>): Promise<unknown>;
    exists(p: { room: number }): Promise<{ exists: boolean }>;
    info(p: { id: number; secret?: string }): Promise<Record<string, unknown>>;
    detach(): Promise<void>;
  }
  export interface JanodeSession { attach(plugin: unknown): Promise<JanodeHandle>; destroy(): Promise<void> }
  export interface JanodeConnection {
    create(): Promise<JanodeSession>;
    close(): Promise<void>;
    once(event: string, fn: (...a: unknown[]) => void): void;
    on(event: string, fn: (...a: unknown[]) => void): void;
  }
  const Janode: {
    connect(conf: { address: { url: string } | Array<{ url: string }>; retry_time_secs?: number; max_retries?: number; is_admin?: boolean }): Promise<JanodeConnection>;
    EVENT: Record<string, string>;
    Logger: { setLevel(level: 'debug' | 'verb' | 'info' | 'warn' | 'error' | 'none'): string };
  };
  export default Janode;
}
declare module 'janode/plugins/videoroom' { const p: unknown; export default p }
declare module 'janode/plugins/streaming' { const p: unknown; export default p }
