import { isCertwatchError } from "@/lib/errors";
import { CRTSH_USAGE, runCrtsh } from "./commands/crtsh";
import { CT_USAGE, runCt } from "./commands/ct";
import { runScan, SCAN_USAGE } from "./commands/scan";
import { runToken, TOKEN_USAGE } from "./commands/token";
import { runUser, USER_USAGE } from "./commands/user";
import { EXIT, UsageError } from "./exit-codes";

const COMMANDS: Record<string, { run: (argv: string[]) => Promise<number>; usage: string }> = {
  scan: { run: runScan, usage: SCAN_USAGE },
  ct: { run: runCt, usage: CT_USAGE },
  crtsh: { run: runCrtsh, usage: CRTSH_USAGE },
  user: { run: runUser, usage: USER_USAGE },
  token: { run: runToken, usage: TOKEN_USAGE },
};

function help(): string {
  return [
    "Usage: certwatch <command> [options]",
    "",
    "Commands:",
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.split("\n")[0]}`),
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(help());
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`certwatch: unknown command "${name}"\n\n${help()}`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`certwatch ${name}: ${e.message}\n\n${command.usage}`);
      return EXIT.usage;
    }
    if (isCertwatchError(e)) {
      console.error(`certwatch ${name}: ${e.message}${e.hint ? `\nhint: ${e.hint}` : ""}`);
      return EXIT.incomplete;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
