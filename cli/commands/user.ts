import { parseArgs } from "node:util";
import { CLI_ACTOR } from "@/server/auth/actor";
import { ValidationError } from "@/server/errors";
import { createUser } from "@/server/services/user/create-user";
import { EXIT, UsageError } from "../exit-codes";
import { cliDb, readStdin } from "./cli-db";

export const USER_USAGE = `user create --email EMAIL --password-stdin [--role admin|editor|viewer | --admin]
  Create an account in the database of CERTWATCH_DATA_DIR / DATABASE_PATH (also before the first start).
  The password is read from standard input, e.g.  printf %s "$PASS" | certwatch user create --email a@b.c --password-stdin --admin`;

export async function runUser(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb !== "create") throw new UsageError(`unknown subcommand "${verb ?? ""}"`);
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: "string" },
      "password-stdin": { type: "boolean" },
      role: { type: "string" },
      admin: { type: "boolean" },
    },
    strict: true,
  });
  if (!values.email) throw new UsageError("--email is required");
  // Never a password in argv: it would show in `ps` and shell history.
  if (!values["password-stdin"])
    throw new UsageError("pass the password on standard input with --password-stdin");
  const role = values.admin ? "admin" : (values.role ?? "viewer");
  const password = await readStdin();
  try {
    const user = await createUser({
      ctx: { db: cliDb() },
      actor: CLI_ACTOR,
      input: { email: values.email, password, role },
    });
    console.log(`created ${user.role} ${user.email} (#${user.id})`);
    return EXIT.ok;
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    for (const [field, messages] of Object.entries(e.fieldErrors))
      console.error(`certwatch user: ${field}: ${messages.join(" ")}`);
    return EXIT.usage;
  }
}
