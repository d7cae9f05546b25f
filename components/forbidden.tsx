/** What a signed-in user sees on a page their role does not open; the services refuse the same. */
export function Forbidden({ role }: { role: string }) {
  return (
    <div className="alert" role="alert" data-testid="forbidden">
      Your role ({role}) cannot open this page. Ask an admin if you need more access.
    </div>
  );
}
