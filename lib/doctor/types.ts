export type DoctorStatus = "PASS" | "WARN" | "FAIL";
export type DoctorRow = { check: string; status: DoctorStatus; detail: string };

export const pass = (check: string, detail: string): DoctorRow => ({ check, status: "PASS", detail });
export const warn = (check: string, detail: string): DoctorRow => ({ check, status: "WARN", detail });
export const fail = (check: string, detail: string): DoctorRow => ({ check, status: "FAIL", detail });

/** Exit code of `flux doctor`: 1 when any row FAILs, unless --warnings-only. */
export function doctorExitCode(rows: DoctorRow[], warningsOnly: boolean): 0 | 1 {
  return !warningsOnly && rows.some((row) => row.status === "FAIL") ? 1 : 0;
}
