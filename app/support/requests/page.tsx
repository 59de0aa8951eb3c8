import { redirect } from "next/navigation";

/** The lookup form submits ?requestId=…; the request's page lives at /support/requests/<id>. */
export default async function RequestLookupRedirect({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const { requestId = "" } = await searchParams;
  redirect(`/support/requests/${encodeURIComponent(requestId.trim())}`);
}
