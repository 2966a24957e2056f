import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface JanusFolderSettings {
  /** DATA_DIR/janus: configs here, recordings under rec/. */
  dir: string;
  adminKey: string;
  iceInterfaces: string;
  httpPort: number;
  wsPort: number;
  rtpPorts: string;
}

const LIB = '/usr/lib/x86_64-linux-gnu/janus';

/**
 * Writes the configs folder the supervised Janus starts from. Only what live classes use is loaded
 * (VideoRoom, Streaming; HTTP for browsers through the server's proxy, WebSocket for janode), both
 * transports bound to loopback, no STUN/TURN, and ICE limited to `iceInterfaces` (libnice
 * gathers no candidate on "lo" itself; see docs/live.md, "Tests and loopback").
 */
export function writeJanusConfigs(s: JanusFolderSettings): string {
  const configs = join(s.dir, 'etc');
  mkdirSync(configs, { recursive: true });
  mkdirSync(join(s.dir, 'rec'), { recursive: true });
  const q = (v: string) => JSON.stringify(v);
  const files: Record<string, string> = {
    'janus.jcfg': `general: {
  configs_folder = ${q(configs)}
  plugins_folder = ${q(`${LIB}/plugins`)}
  transports_folder = ${q(`${LIB}/transports`)}
  events_folder = ${q(`${LIB}/events`)}
  loggers_folder = ${q(`${LIB}/loggers`)}
  debug_level = 3
  server_name = "sunshine-live"
  session_timeout = 60
  reclaim_session_timeout = 0
}
nat: {
  ice_enforce_list = ${q(s.iceInterfaces)}
  ice_ignore_list = "vmnet"
  ignore_mdns = true
  nice_debug = false
}
media: {
  rtp_port_range = ${q(s.rtpPorts)}
}
plugins: {
  disable = "libjanus_audiobridge.so,libjanus_duktape.so,libjanus_echotest.so,libjanus_lua.so,libjanus_nosip.so,libjanus_recordplay.so,libjanus_sip.so,libjanus_textroom.so,libjanus_videocall.so,libjanus_voicemail.so"
}
transports: {
  disable = "libjanus_mqtt.so,libjanus_nanomsg.so,libjanus_pfunix.so,libjanus_rabbitmq.so"
}
events: {
  broadcast = false
}
loggers: {
  disable = "libjanus_jsonlog.so"
}
`,
    'janus.transport.http.jcfg': `general: {
  json = "compact"
  base_path = "/janus"
  http = true
  port = ${s.httpPort}
  ip = "127.0.0.1"
  https = false
}
admin: {
  admin_http = false
}
`,
    'janus.transport.websockets.jcfg': `general: {
  json = "compact"
  ws = true
  ws_port = ${s.wsPort}
  ws_ip = "127.0.0.1"
  wss = false
}
admin: {
  admin_ws = false
}
`,
    'janus.plugin.videoroom.jcfg': `general: {
  admin_key = ${q(s.adminKey)}
  lock_rtp_forward = true
}
`,
    'janus.plugin.streaming.jcfg': `general: {
  admin_key = ${q(s.adminKey)}
  rtp_port_range = ${q(s.rtpPorts)}
}
`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(configs, name), text);
  return configs;
}
