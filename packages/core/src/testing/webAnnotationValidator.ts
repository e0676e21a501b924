// Test support only: the W3C Web Annotation test assertions as an Ajv validator (draft-04 plus formats).
import type { ValidateFunction } from "ajv";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { listFixtures, readFixture } from "./readFixture";

const ROOT = "test-fixtures/conformance/web-annotation";

export interface AssertionFailure {
  assertion: string;
  title: string;
  errors: string[];
}

export interface WebAnnotationValidator {
  /** The assertion files a list (`annotationMusts.test`, `annotationOptionals.test`) names, in its order. */
  assertionsOf(list: string): string[];
  /** The assertions among `assertions` that an annotation fails; every assertion expects "valid". */
  failures(annotation: unknown, assertions: string[]): AssertionFailure[];
}

/**
 * Compiles the conformance assertions lazily, after registering every definitions/*.json by its id, as the
 * conformance README says; `ajv-formats` makes `format: uri` and `date-time` bite.
 */
export function createWebAnnotationValidator(): WebAnnotationValidator {
  const ajv = new AjvDraft04({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  for (const file of listFixtures(`${ROOT}/definitions`).filter((name) => name.endsWith(".json"))) {
    ajv.addSchema(JSON.parse(readFixture(`${ROOT}/definitions/${file}`)));
  }
  const compiled = new Map<string, { validate: ValidateFunction; title: string }>();

  function compile(assertion: string): { validate: ValidateFunction; title: string } {
    const known = compiled.get(assertion);
    if (known) return known;
    const schema = JSON.parse(readFixture(`${ROOT}/${assertion}`)) as Record<string, unknown>;
    if (schema.expectedResult !== "valid") throw new Error(`${assertion} does not expect "valid"; handle it first.`);
    const entry = { validate: ajv.compile(schema), title: String(schema.title ?? assertion) };
    compiled.set(assertion, entry);
    return entry;
  }

  return {
    assertionsOf(list) {
      const parsed = JSON.parse(readFixture(`${ROOT}/annotations/${list}`)) as { assertions: string[] };
      return parsed.assertions;
    },
    failures(annotation, assertions) {
      const failures: AssertionFailure[] = [];
      for (const assertion of assertions) {
        const { validate, title } = compile(assertion);
        if (validate(annotation)) continue;
        const errors = (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? ""}`);
        failures.push({ assertion, title, errors });
      }
      return failures;
    },
  };
}
