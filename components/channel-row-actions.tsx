"use client";

import { useActionState } from "react";
import type { AuthFormState } from "./auth-form";

type Action = (prev: AuthFormState, form: FormData) => Promise<AuthFormState>;

/** "Send test" and "Delete" for one channel, with the test's outcome shown in place. */
export function ChannelRowActions(props: { id: number; test: Action; remove: Action; canWrite: boolean }) {
  const [testState, testAction, testing] = useActionState(props.test, {});
  const [deleteState, deleteAction] = useActionState(props.remove, {});
  const error = testState.formError ?? deleteState.formError;
  return (
    <div className="row">
      <form action={testAction} className="inline">
        <input type="hidden" name="id" value={props.id} />
        <button
          type="submit"
          className="secondary"
          disabled={testing || !props.canWrite}
          data-testid="send-test"
        >
          {testing ? "Sending…" : "Send test"}
        </button>
      </form>
      {props.canWrite ? (
        <form action={deleteAction} className="inline">
          <input type="hidden" name="id" value={props.id} />
          <button type="submit" className="secondary">
            Delete
          </button>
        </form>
      ) : null}
      {testState.notice ? (
        <span className="badge ok" role="status" data-testid="test-result">
          {testState.notice}
        </span>
      ) : null}
      {error ? (
        <span className="field-error" role="alert" data-testid="test-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
