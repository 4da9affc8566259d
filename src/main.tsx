import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Controller } from "./app/controller.ts";
import { installKeyboard } from "./app/keyboard.ts";
import { installFullscreenSync } from "./app/presenting.ts";
import { installUrlSync, startFromUrl } from "./app/urlSync.ts";
import { ControllerContext } from "./app/useStore.ts";
import { App } from "./ui/App.tsx";
import { firstVisit } from "./ui/FirstVisitHint.tsx";
import "./styles.css";

const controller = new Controller();
controller.store.set({ hint: firstVisit() });
installKeyboard(controller);
installFullscreenSync(controller);
installUrlSync(controller);
// For tests and the curious: the controller from the console.
(window as unknown as { msgsim: Controller }).msgsim = controller;

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ControllerContext.Provider value={controller}>
      <App />
    </ControllerContext.Provider>
  </StrictMode>,
);

void startFromUrl(controller, location.search);
