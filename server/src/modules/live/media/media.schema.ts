import { Type } from 'typebox';

export const HlsParams = Type.Object({
  token: Type.String({ minLength: 10, maxLength: 120, pattern: '^[0-9A-Za-z._-]+$' }),
  file: Type.String({ maxLength: 32, pattern: '^(index\\.m3u8|s\\d{1,3}-\\d{5}\\.ts)$' }),
}, { additionalProperties: false });

export const RecorderTargetSchema = Type.Object({
  sessionId: Type.Integer(),
  mode: Type.Union([Type.Literal('webrtc'), Type.Literal('hls')]),
  rtp: Type.Object({
    host: Type.String(), videoPort: Type.Integer(), videoPayloadType: Type.Integer(), audioPort: Type.Integer(), audioPayloadType: Type.Integer(),
  }, { additionalProperties: false }),
}, { additionalProperties: false });
