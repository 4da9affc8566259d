/// <reference types="vite/client" />

interface Window {
  /** Where Excalidraw loads its fonts from (set in index.html; served from this app, never a CDN). */
  EXCALIDRAW_ASSET_PATH?: string | string[];
}
