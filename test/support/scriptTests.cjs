// Named tests of a script suite (reliability, replicas): one `ok - ` or
// `not ok - ` line per test with its time, and the `<label>: N passed,
// M failed` line the test command counts.

function createScriptTests(label) {
  const results = [];
  return {
    results,
    /** Runs `fn` as the test `name`; a thrown error fails it. */
    async test(name, fn) {
      const started = Date.now();
      try {
        await fn();
        results.push({ name, ok: true });
        console.log(`ok - ${name} (${Date.now() - started} ms)`);
      } catch (e) {
        results.push({ name, ok: false });
        console.log(
          `not ok - ${name}: ${(e && e.message) || e}`
            .split('\n')
            .slice(0, 6)
            .join('\n  '),
        );
      }
    },
    /** Records a failure outside any test (e.g. the setup). */
    fail(name) {
      results.push({ name, ok: false });
    },
    /** Prints the summary line; returns how many tests failed. */
    summary() {
      const failed = results.filter(r => !r.ok).length;
      console.log(
        `${label}: ${results.length - failed} passed, ${failed} failed`,
      );
      return failed;
    },
  };
}

module.exports = { createScriptTests };
