import { describe, expect, it } from "vitest";
import { listFixtures, readFixture } from "./readFixture";
import { createWebAnnotationValidator } from "./webAnnotationValidator";

const SAMPLES = "test-fixtures/conformance/web-annotation/tools/samples";
const validator = createWebAnnotationValidator();
const musts = validator.assertionsOf("annotationMusts.test");

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const incorrect = listFixtures(`${SAMPLES}/incorrect`).map((name) => ({
  name,
  json: parseOrNull(readFixture(`${SAMPLES}/incorrect/${name}`)),
}));
const correct = listFixtures(`${SAMPLES}/correct`)
  .filter((name) => /^anno\d+\.json$/.test(name))
  .map((name) => ({ name, json: parseOrNull(readFixture(`${SAMPLES}/correct/${name}`)) }));
/** Their Composite targets trip a quirk of 3.2-targetObjectsRecognized.json, as the conformance README says. */
const KNOWN_QUIRKS = new Set(["anno11.json", "anno12.json", "anno13.json"]);

// The validator is trusted on our export only because it tells the W3C's own good samples from the bad ones.
describe("the W3C MUST validator, proven on the conformance samples", () => {
  it("reads the whole MUST list", () => {
    expect(musts.length).toBe(54);
  });

  it("finds 17 incorrect samples that are deliberately not JSON", () => {
    expect(incorrect.filter((sample) => sample.json === null)).toHaveLength(17);
  });

  it.each(incorrect.filter((sample) => sample.json !== null).map((sample) => [sample.name, sample.json] as const))(
    "fails incorrect/%s on at least one MUST",
    (_name, json) => {
      expect(validator.failures(json, musts).length).toBeGreaterThan(0);
    },
  );

  it.each(
    correct.filter((sample) => !KNOWN_QUIRKS.has(sample.name)).map((sample) => [sample.name, sample.json] as const),
  )("passes correct/%s on every MUST", (_name, json) => {
    expect(validator.failures(json, musts)).toEqual([]);
  });

  it.each([...KNOWN_QUIRKS])("fails correct/%s only on the known Composite quirk", (name) => {
    const json = correct.find((sample) => sample.name === name)?.json;
    const failed = validator.failures(json, musts).map((failure) => failure.assertion);
    expect(failed).toEqual(["annotations/3.2-targetObjectsRecognized.json"]);
  });

  it("tells an id that is not an IRI from one that is (formats are checked)", () => {
    const annotation = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "http://example.org/anno1",
      type: "Annotation",
      target: "http://example.com/page1",
    };
    expect(validator.failures(annotation, musts)).toEqual([]);
    expect(validator.failures({ ...annotation, id: "not an iri" }, musts).length).toBeGreaterThan(0);
  });
});
