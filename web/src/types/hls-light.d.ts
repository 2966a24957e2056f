// hls.js ships its light build (no alternate audio, subtitles, DRM or interstitials, which
// lessons do not use; a third smaller) without its own type declarations: it has the same API.
declare module 'hls.js/light' {
  import Hls from 'hls.js';
  export default Hls;
}
