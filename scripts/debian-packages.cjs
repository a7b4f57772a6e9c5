// Debian packages the demo and the tests need (Prometheus for the accelerator
// charts, Chromium for the browser tests) and the one way both commands
// install them: apt-get, as root or through password-less sudo.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');

/** Binary each package provides, by package name. */
const debianPackages = {
  chromium: '/usr/bin/chromium',
  prometheus: '/usr/bin/prometheus',
};

/** The named packages whose binary is absent. */
function missingDebianPackages(names) {
  return names.filter(name => !existsSync(debianPackages[name]));
}

const succeeds = (cmd, args) =>
  spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;

/**
 * Installs the named packages whose binary is absent. Resolves
 * { ok, installed, note }: ok is false when apt-get is missing, the process
 * is neither root nor allowed password-less sudo, or apt-get failed; the note
 * then says what to run by hand.
 */
function ensureDebianPackages(names, { log = console.log } = {}) {
  const missing = missingDebianPackages(names);
  if (missing.length === 0) {
    return { ok: true, installed: [], note: `${names.join(', ')} present` };
  }
  const install = `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(
    ' ',
  )} >/dev/null`;
  const byHand = `sudo apt-get install -y ${missing.join(' ')}`;
  if (!succeeds('sh', ['-c', 'command -v apt-get'])) {
    return {
      ok: false,
      installed: [],
      note: `${missing.join(
        ', ',
      )} missing and no apt-get: install ${missing.join(
        ', ',
      )} with the system's package manager`,
    };
  }
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root && !succeeds('sudo', ['-n', 'true'])) {
    return {
      ok: false,
      installed: [],
      note: `${missing.join(', ')} missing and not root: run \`${byHand}\``,
    };
  }
  log(`Installing ${missing.join(', ')} with apt-get...`);
  const res = spawnSync(
    'sh',
    ['-c', root ? install : `sudo -n sh -c '${install}'`],
    {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    },
  );
  const still = missingDebianPackages(missing);
  if (res.status !== 0 || still.length > 0) {
    return {
      ok: false,
      installed: missing.filter(m => !still.includes(m)),
      note: `apt-get could not install ${
        still.join(', ') || missing.join(', ')
      }: run \`${byHand}\``,
    };
  }
  return {
    ok: true,
    installed: missing,
    note: `installed ${missing.join(', ')}`,
  };
}

module.exports = {
  debianPackages,
  missingDebianPackages,
  ensureDebianPackages,
};
