import { parseArgs } from "node:util";
import { findUserByEmail } from "@/db/queries/users";
import { CLI_ACTOR } from "@/server/auth/actor";
import { createToken } from "@/server/services/token/create-token";
import { EXIT, UsageError } from "../exit-codes";
import { cliDb } from "./cli-db";

export const TOKEN_USAGE = `token create --email EMAIL --name NAME
  Create an API token for a user and print it once (only its hash is stored). It acts with the user's role.`;

export async function runToken(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb !== "create") throw new UsageError(`unknown subcommand "${verb ?? ""}"`);
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: "string" }, name: { type: "string" } },
    strict: true,
  });
  if (!values.email || !values.name) throw new UsageError("--email and --name are required");
  const db = cliDb();
  const user = findUserByEmail(db, values.email);
  if (!user) {
    console.error(`certwatch token: no user ${values.email}; create one with certwatch user create`);
    return EXIT.usage;
  }
  const { token } = createToken({
    ctx: { db },
    actor: CLI_ACTOR,
    userId: user.id,
    input: { name: values.name },
  });
  process.stdout.write(`${token}\n`);
  return EXIT.ok;
}
