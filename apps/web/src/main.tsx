// First, before any schema is made: see core's jitlessValidation.ts.
import "@factmark/core/jitless-validation";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { AppProviders, createQueryClient } from "./app/AppProviders";
import { SERVER_FIRST_SCREEN_ID } from "./app/serverFirstScreen";
import { startRouteData } from "./app/startRouteData";
import { afterNextPaint } from "./lib/afterNextPaint";
import "./styles.css";
import "./features/factCheck.css";
import "./features/import/import.css";

const queryClient = createQueryClient();
// Before React renders: the page's data is on its way while the router, the sign-in check and the page's chunk load.
startRouteData(queryClient, window.location.pathname);

const root = document.getElementById("root");
if (!root) throw new Error("The page has no #root element.");
const render = () =>
  createRoot(root).render(
    <StrictMode>
      <AppProviders client={queryClient}>
        <App />
      </AppProviders>
    </StrictMode>,
  );
// A page that came with its first screen (an article's, drawn by the server) shows it first: rendering the app
// takes a while, and would otherwise come before the browser's first paint.
if (document.getElementById(SERVER_FIRST_SCREEN_ID)) afterNextPaint(render);
else render();
