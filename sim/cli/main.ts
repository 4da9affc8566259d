import { InputError } from "../errors.ts";
import { describeCommand } from "./commands/describe.ts";
import { fuzzCommand } from "./commands/fuzz.ts";
import { importCommand } from "./commands/import.ts";
import { listCommand } from "./commands/list.ts";
import { replayCommand } from "./commands/replay.ts";
import { runCommand } from "./commands/run.ts";
import { sweepCommand } from "./commands/sweep.ts";

const USAGE = `msgsim: deterministic simulation of messaging-system designs

usage:
  msgsim list [--json]
  msgsim describe <scenario> [--json]
  msgsim run <scenario> [--seed N] [--faults FILE | --generate | --scenario-faults]
             [--variant NAME] [--messages N] [--until MS] [--heal MS] [--trace FILE] [--json]
             (faults: none by default; --faults FILE; --generate: the scenario's generator
              for this seed; --scenario-faults: the scenario's own schedule, as the app opens it)
  msgsim sweep <scenario> [--seeds A..B] [--workers N] [--shard i/n] [--variant NAME]
             [--messages N] [--app-url BASE] [--out DIR] [--shrink N] [--json]
  msgsim replay <file> [--json]
  msgsim fuzz <scenario> [--runs N] [--seed N] [--variant NAME] [--max-messages N] [--json]
  msgsim import <diagram> [--json]

<scenario> is a built-in name (msgsim list) or a path to a scenario .json file.
exit codes: 0 every invariant holds, 1 a violation, 2 bad input, 3 internal error.`;

const COMMANDS: Record<string, (argv: string[]) => number | Promise<number>> = {
  list: listCommand,
  describe: describeCommand,
  run: runCommand,
  sweep: sweepCommand,
  import: importCommand,
  replay: replayCommand,
  fuzz: fuzzCommand,
};

/** The usage lines of one command, with the notes that follow them. */
function usageOf(command: string): string {
  const lines = USAGE.split("\n");
  const first = lines.findIndex((l) => l.startsWith(`  msgsim ${command} `) || l === `  msgsim ${command}`);
  let end = first + 1;
  while (lines[end]?.startsWith("             ")) end++;
  return ["usage:", ...lines.slice(first, end), "", ...lines.slice(lines.indexOf("") + 1).filter((l) => l.startsWith("<scenario>") || l.startsWith("exit codes"))].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const fn = COMMANDS[command];
  if (!fn) {
    console.error(`msgsim: unknown command "${command}" (commands: ${Object.keys(COMMANDS).join(", ")})\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(usageOf(command));
    return 0;
  }
  try {
    return await fn(rest);
  } catch (err) {
    if (err instanceof InputError || (err as Error)?.name === "DiagramError") {
      const hint = (err as InputError).where === "arguments" ? `\n\n${usageOf(command)}` : "";
      console.error(`msgsim ${command}: ${(err as Error).message}${hint}`);
      return 2;
    }
    console.error(`msgsim ${command}: internal error: ${(err as Error)?.message ?? String(err)}`);
    console.error("This is a bug in msgsim; the stack trace follows.");
    console.error((err as Error)?.stack ?? "");
    return 3;
  }
}

// A closed pipe (`msgsim list | head`) is not an error.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

process.exitCode = await main(process.argv.slice(2));
