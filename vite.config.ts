import { cpSync, createReadStream, existsSync, statSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const FONTS = fileURLToPath(new URL("./node_modules/@excalidraw/excalidraw/dist/prod/fonts", import.meta.url));

const FONT_TYPES: Record<string, string> = { ".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf" };

/** Serves Excalidraw's fonts at /fonts/ in dev and copies them into the build: never a CDN. */
function excalidrawFonts(): Plugin {
  let outDir = "dist";
  return {
    name: "msgsim-excalidraw-fonts",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use("/fonts", (req, res, next) => {
        const rel = normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(/^([/\\])+/, "");
        const file = join(FONTS, rel);
        if (!file.startsWith(FONTS) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader("Content-Type", FONT_TYPES[extname(file)] ?? "application/octet-stream");
        res.setHeader("Cache-Control", "max-age=86400");
        createReadStream(file).pipe(res);
      });
    },
    closeBundle() {
      if (existsSync(outDir)) cpSync(FONTS, join(outDir, "fonts"), { recursive: true });
    },
  };
}

export default defineConfig({
  plugins: [react(), excalidrawFonts()],
  server: { host: "127.0.0.1", port: 5173, fs: { allow: ["."] } },
  preview: { host: "127.0.0.1", port: 4173 },
  worker: { format: "es" },
  build: { target: "es2022", outDir: "dist", chunkSizeWarningLimit: 8000 },
});
