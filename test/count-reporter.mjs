// A web-test-runner reporter that counts passed and failed tests (and files that failed to run) into a JSON file,
// so that test/run.mjs can print one plain "N passed, N failed" line for Node and browser together.
import {writeFileSync} from 'node:fs';

export function countReporter(out) {
  return {
    onTestRunFinished({sessions}) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const t of suite.tests ?? []) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite.suites ?? []) walk(s);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that did not load, or an error outside any test, counts as one failure.
        if (!session.passed && (session.errors?.length || !session.testResults)) failed++;
      }
      if (out) writeFileSync(out, JSON.stringify({passed, failed, skipped}));
    },
  };
}
