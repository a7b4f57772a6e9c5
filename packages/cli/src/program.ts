import { Command, CommanderError, Option } from 'commander';
import { CHECKLIST_VERSIONS } from '@ai-conformance/plugin-ai-conformance-common';
import { CliError, ExitCode, EXIT_USAGE } from './lib/CliError';
import { CliIo, processIo, writeAll } from './lib/cliIo';
import { cliVersion } from './lib/cliVersion';
import { displayUrl } from './lib/displayUrl';
import { OUTPUT_FORMATS } from './format/outputFormat';
import { FAIL_ON_VALUES } from './lib/failOn';
import { METADATA_FLAGS } from './lib/productMetadataOptions';
import { PRODUCT_METADATA_FIELDS } from '@ai-conformance/plugin-ai-conformance-common';
import { TOKEN_ENV } from './commands/uploadCommand';

const DEFAULT_TIMEOUT = '2m';

const METADATA_HELP: Record<string, string> = {
  platformName: 'product name',
  platformVersion: 'product version',
  vendorName: 'vendor (as listed among CNCF members)',
  websiteUrl: 'product website',
  repoUrl: 'source repository (optional)',
  documentationUrl: 'documentation',
  productLogoUrl: 'logo (SVG, EPS or AI)',
  description: 'one-paragraph product description',
  contactEmailAddress: 'contact email address',
  k8sConformanceUrl:
    'k8s-conformance submission, https://github.com/cncf/k8s-conformance/tree/master/v1.NN/<product>',
};

/*
 * Each command's module (and what it needs: the engine, the Kubernetes
 * client, the formatters) is required only when that command runs.
 * `require`, not `import()`: esbuild bundles both as modules evaluated on
 * first use, but Jest's transform leaves `import()` to Node, which Jest
 * cannot run.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const commands = {
  check: (): typeof import('./commands/checkCommand') =>
    require('./commands/checkCommand'),
  collect: (): typeof import('./commands/collectCommand') =>
    require('./commands/collectCommand'),
  evaluate: (): typeof import('./commands/evaluateCommand') =>
    require('./commands/evaluateCommand'),
  upload: (): typeof import('./commands/uploadCommand') =>
    require('./commands/uploadCommand'),
  requirements: (): typeof import('./commands/requirementsCommand') =>
    require('./commands/requirementsCommand'),
  validate: (): typeof import('./commands/validateCommand') =>
    require('./commands/validateCommand'),
  bundle: (): typeof import('./commands/bundleCommand') =>
    require('./commands/bundleCommand'),
  cleanup: (): typeof import('./commands/cleanupCommand') =>
    require('./commands/cleanupCommand'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** Collects the values of a repeatable flag. */
function collectRepeated(value: string, previous: string[] = []) {
  return [...previous, value];
}

/** Which kubeconfig and context a command reads. */
function kubeconfigOptions(cmd: Command): Command {
  return cmd
    .option(
      '--kubeconfig <file>',
      'kubeconfig file (default: $KUBECONFIG or ~/.kube/config)',
    )
    .option(
      '--context <name>',
      'kubeconfig context (default: the current context)',
    );
}

/** How a command reads the cluster. */
function readOptions(cmd: Command): Command {
  return cmd
    .option(
      '--max-response-bytes <size>',
      'largest API response read, in bytes or KiB/MiB (default 32MiB)',
    )
    .option(
      '--dry-run-probes',
      'also send server-side dry-run requests (creates nothing)',
    )
    .option('-q, --quiet', 'no progress on stderr');
}

/** Flags of a Prometheus-compatible source sampled for accelerator_metrics. */
function metricsOptions(cmd: Command): Command {
  return cmd
    .option(
      '--prometheus-url <url>',
      'Prometheus-compatible API (without /api/v1) to sample per-device accelerator metrics from',
    )
    .option(
      '--prometheus-token-env <name>',
      'environment variable holding a bearer token for --prometheus-url',
    )
    .option(
      '--prometheus-matcher <label=value>',
      'label matcher added to every metrics query (repeatable)',
      collectRepeated,
    );
}

/** Flags of an active run (`check --active`). */
function activeOptions(cmd: Command): Command {
  return cmd
    .option(
      '--active',
      'also run test workloads on the cluster (pods, jobs, queues, custom resources in a namespace of the run; cleaned up afterwards). See docs/active-checks.md',
    )
    .option(
      '--image <name=ref>',
      'active: image override, e.g. cuda=mirror.example.com/nvidia/cuda:12.9.1-base-ubuntu24.04 (toolbox, cuda, ray; repeatable)',
      collectRepeated,
    )
    .option(
      '--local-queue <namespace/name>',
      'active: submit the gang jobs to this Kueue LocalQueue (default: a queue made for the run)',
    )
    .option(
      '--autoscaling-pool <key=value>',
      'active: node label of the autoscaled pool (default: the pool of the first accelerator node)',
    )
    .option(
      '--active-timeout <duration>',
      'active: deadline of the whole active run (default 20m)',
    )
    .option(
      '--check-timeout <duration>',
      'active: deadline of each active check (default: each check its own)',
    )
    .option(
      '--gang-observe <duration>',
      'active: how long gang_scheduling watches the gang that must not run (default 10s)',
    )
    .option(
      '--observe-scale-down',
      "active: cluster_autoscaling also waits for the added node to be removed after its pods (give a --check-timeout longer than the autoscaler's scale-down delay)",
    )
    .option(
      '--active-artifacts <dir>',
      'active: also write the run as junit.xml, results.json and e2e.log (go test formats, tests named TestAIConformanceActive/<requirement>/<step>) into <dir>',
    );
}

function outputOptions(cmd: Command): Command {
  cmd
    .addOption(
      new Option('-o, --output <format>', 'output format')
        .choices([...OUTPUT_FORMATS])
        .default('table'),
    )
    .option('--out <file>', 'write the output to a file instead of stdout')
    .addOption(
      new Option(
        '--fail-on <level>',
        'lowest level whose failure gives a non-zero exit code',
      )
        .choices([...FAIL_ON_VALUES])
        .default('must'),
    )
    .option(
      '--requirements-version <version>',
      `checklist version (${CHECKLIST_VERSIONS.join(
        ', ',
      )}); default: chosen from the cluster's Kubernetes version`,
    )
    .option(
      '--solutions <file>',
      'YAML declaring components the engine cannot recognise by itself (capability, API group, controller); graded like known ones and labelled "declared"',
    )
    .option(
      '--certified-versions <dir|url>',
      'certified platform versions: a clone of cncf/k8s-ai-conformance, its GitHub URL, or one vX.Y/<product>/PRODUCT.yaml URL (default: the built-in GKE minimums)',
    )
    .option('--metadata <file>', 'product-yaml: submission metadata (YAML)')
    .option(
      '--checklist <file|url>',
      'product-yaml: the official AIConformance-1.NN.yaml for the verbatim descriptions (default: downloaded from cncf/k8s-ai-conformance)',
    )
    .option(
      '--offline',
      'product-yaml: do not download the official checklist',
    );
  for (const field of PRODUCT_METADATA_FIELDS) {
    cmd.option(
      `--${METADATA_FLAGS[field]} <value>`,
      `product-yaml: metadata ${field}: ${METADATA_HELP[field]}`,
    );
  }
  return cmd;
}

/** The command tree; each action stores its exit code in `state`. */
export function createProgram(io: CliIo, state: { code: ExitCode }): Command {
  const program = new Command('ai-conformance')
    .description(
      'Check Kubernetes clusters against the CNCF Kubernetes AI Conformance checklist',
    )
    .version(cliVersion(), '-V, --version')
    .configureOutput({
      writeOut: s => io.stdout.write(s),
      writeErr: s => io.stderr.write(displayUrl(s)),
    })
    .enablePositionalOptions()
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');

  const check = kubeconfigOptions(
    program
      .command('check')
      .description(
        'check one or every kubeconfig context and report the result',
      ),
  )
    .option('--all-contexts', 'check every context of the kubeconfig')
    .option(
      '--timeout <duration>',
      'overall deadline per context, e.g. 30s, 2m',
      DEFAULT_TIMEOUT,
    );
  readOptions(check);
  metricsOptions(check);
  activeOptions(check);
  outputOptions(check).action(async opts => {
    state.code = await commands.check().runCheck(opts, io);
  });

  const collect = kubeconfigOptions(
    program
      .command('collect')
      .description(
        'read a cluster into a snapshot file (no credentials) for evaluate or upload',
      ),
  )
    .option('--out <file>', 'snapshot file (default: stdout)')
    .option(
      '--timeout <duration>',
      'overall deadline, e.g. 30s, 2m',
      DEFAULT_TIMEOUT,
    );
  readOptions(collect);
  metricsOptions(collect).action(async opts => {
    state.code = await commands.collect().runCollect(opts, io);
  });

  kubeconfigOptions(
    program
      .command('cleanup')
      .description(
        'delete what killed active runs left on the cluster (found by their labels)',
      ),
  )
    .option(
      '--all',
      'also delete runs whose deadline has not passed (they may still be going)',
    )
    .option('--timeout <duration>', 'overall deadline', '2m')
    .action(async opts => {
      state.code = await commands.cleanup().runCleanup(opts, io);
    });

  const evaluate = program
    .command('evaluate')
    .description('evaluate a snapshot file written by collect, as check would')
    .argument('<snapshot>', 'snapshot.json');
  outputOptions(evaluate).action(async (file: string, opts) => {
    state.code = await commands.evaluate().runEvaluate(file, opts, io);
  });

  program
    .command('upload')
    .description(
      `upload a snapshot.json, results.json or junit.xml to the Backstage backend (token from $${TOKEN_ENV})`,
    )
    .argument(
      '<file>',
      'snapshot.json (from collect), results.json (go test -json of the official suite) or junit.xml',
    )
    .requiredOption(
      '--backend <url>',
      'Backstage backend base URL, e.g. https://backstage.example.com',
    )
    .requiredOption('--entity <ref>', 'cluster entity, resource:NAMESPACE/NAME')
    .option(
      '--token-env <name>',
      'environment variable holding the token',
      TOKEN_ENV,
    )
    .action(async (file: string, opts) => {
      state.code = await commands.upload().runUpload(file, opts, io);
    });

  program
    .command('requirements')
    .description('list the requirements of a checklist version')
    .option(
      '--version <version>',
      `checklist version (${CHECKLIST_VERSIONS.join(
        ', ',
      )}; default: the latest)`,
    )
    .addOption(
      new Option('-o, --output <format>', 'output format')
        .choices(['table', 'json'])
        .default('table'),
    )
    .option('--out <file>', 'write the output to a file instead of stdout')
    .action(async opts => {
      state.code = await commands.requirements().runRequirements(opts, io);
    });

  program
    .command('validate')
    .description(
      "check a PRODUCT.yaml with the CNCF submission validator's rules",
    )
    .argument('<file>', 'PRODUCT.yaml')
    .option('--offline', 'do not check that URLs are reachable')
    .action(async (file: string, opts) => {
      state.code = await commands.validate().runValidate(file, opts, io);
    });

  program
    .command('bundle')
    .description(
      'write a CNCF submission folder vX.Y/<product>/: PRODUCT.yaml, the official-suite artifacts and evidence files',
    )
    .requiredOption(
      '--report <file>',
      'report of one cluster (ai-conformance check -o json)',
    )
    .requiredOption('--product <name>', 'product folder name under vX.Y/')
    .requiredOption(
      '--out <dir>',
      'repository root to write vX.Y/<product>/ into',
    )
    .option(
      '--official-results <dir>',
      "folder holding the official suite's junit.xml, results.json and e2e.log",
    )
    .option('--junit <file>', "the official suite's junit.xml (gotestsum)")
    .option(
      '--results <file>',
      "the official suite's results.json (go test -json)",
    )
    .option('--e2e-log <file>', "the official suite's e2e.log")
    .option('--metadata <file>', 'submission metadata (YAML)')
    .option(
      '--checklist <file|url>',
      'the official AIConformance-1.NN.yaml for the verbatim descriptions (default: downloaded from cncf/k8s-ai-conformance)',
    )
    .option('--offline', 'do not download the official checklist')
    .action(async opts => {
      state.code = await commands.bundle().runBundle(opts, io);
    });

  return program;
}

/** Runs the CLI; resolves with the exit code (never throws). */
export async function runCli(
  argv: string[],
  io: CliIo = processIo(),
): Promise<ExitCode> {
  const state: { code: ExitCode } = { code: 0 };
  const program = createProgram(io, state);
  try {
    await program.parseAsync(argv);
    return state.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version exit 0; usage errors were printed by commander
      return e.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    const message = e instanceof Error ? e.message : String(e);
    await writeAll(io.stderr, `ai-conformance: ${displayUrl(message)}\n`);
    return e instanceof CliError ? e.exitCode : EXIT_USAGE;
  }
}
