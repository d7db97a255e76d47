import { capabilityRows } from "@/lib/session";

export function CapabilityTable({
  title,
  capabilities,
  help,
}: {
  title: string;
  capabilities: object | undefined;
  help: Record<string, string>;
}) {
  const rows = capabilityRows(capabilities as Record<string, unknown> | undefined, help);
  return (
    <section aria-label={title}>
      <h2 className="mb-1 font-semibold">{title}</h2>
      {rows.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">None declared.</p>
      ) : (
        <table className="w-full text-left">
          <tbody>
            {rows.map((r) => (
              <tr key={r.path} className="border-t border-slate-100 align-top dark:border-slate-800">
                <td
                  className={`mono py-1 pr-3 ${r.path.includes(".") ? "pl-4 text-slate-600 dark:text-slate-400" : "font-medium"}`}
                >
                  {r.path}
                </td>
                <td className="mono py-1 pr-3 text-xs">
                  {typeof r.value === "object"
                    ? r.path.includes(".")
                      ? JSON.stringify(r.value)
                      : ""
                    : String(r.value)}
                </td>
                <td className="py-1 text-slate-600 dark:text-slate-400">{r.help ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
