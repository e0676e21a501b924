import { describe, expect, it } from "vitest";
import { publicBaseUrl } from "../repositories/publicationRepository";
import { reportOrganisation } from "./reportSettings";

describe("where reports and public pages say they live", () => {
  it("is this server at the port it listens on when nothing is configured, not always port 3000", () => {
    expect(publicBaseUrl({ PORT: "3591" })).toBe("http://localhost:3591");
    expect(publicBaseUrl({})).toBe("http://localhost:3000");
    expect(reportOrganisation(undefined, { PORT: "4100" }).url).toBe("http://localhost:4100");
  });

  it("is PUBLIC_URL, then the organisation's URL, when set", () => {
    expect(publicBaseUrl({ PORT: "3591", PUBLIC_URL: "https://checks.example.org/" })).toBe(
      "https://checks.example.org",
    );
    expect(publicBaseUrl({ FACTMARK_ORGANISATION_URL: "https://news.example.org" })).toBe("https://news.example.org");
  });
});
