import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { AppProviders, createQueryClient } from "./app/AppProviders";
import { startRouteData } from "./app/startRouteData";
import "./styles.css";
import "./features/factCheck.css";
import "./features/import/import.css";

const queryClient = createQueryClient();
// Before React renders: the page's data is on its way while the router, the sign-in check and the page's chunk load.
startRouteData(queryClient, window.location.pathname);

const root = document.getElementById("root");
if (!root) throw new Error("The page has no #root element.");
createRoot(root).render(
  <StrictMode>
    <AppProviders client={queryClient}>
      <App />
    </AppProviders>
  </StrictMode>,
);
